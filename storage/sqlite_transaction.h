// SqliteTransaction: the StoreTransaction of SqliteStore, valid only inside
// the transaction SqliteStore::Run opened on its connection.
#pragma once

#include "bot/core/store.h"
#include "storage/sqlite_repositories.h"

namespace mentorbot {

class SqliteTransaction : public StoreTransaction {
 public:
  explicit SqliteTransaction(SqliteConnection& connection)
      : people_(connection), pairs_(connection), sessions_(connection), program_(connection), outbox_(connection),
        conversations_(connection), roster_(connection), surveys_(connection), files_(connection),
        calendar_(connection), directory_(connection) {}

  PeopleRepository& people() override { return people_; }
  PairRepository& pairs() override { return pairs_; }
  SessionRepository& sessions() override { return sessions_; }
  ProgramRepository& program() override { return program_; }
  OutboxRepository& outbox() override { return outbox_; }
  ConversationRepository& conversations() override { return conversations_; }
  RosterRepository& roster() override { return roster_; }
  SurveyRepository& surveys() override { return surveys_; }
  FileRepository& files() override { return files_; }
  CalendarRepository& calendar() override { return calendar_; }
  DirectoryRepository& directory() override { return directory_; }

 private:
  SqlitePeopleRepository people_;
  SqlitePairRepository pairs_;
  SqliteSessionRepository sessions_;
  SqliteProgramRepository program_;
  SqliteOutboxRepository outbox_;
  SqliteConversationRepository conversations_;
  SqliteRosterRepository roster_;
  SqliteSurveyRepository surveys_;
  SqliteFileRepository files_;
  SqliteCalendarRepository calendar_;
  SqliteDirectoryRepository directory_;
};

}  // namespace mentorbot
