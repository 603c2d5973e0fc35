// The pulse_answers table.
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite_query.h"
#include "storage/sqlite_repositories.h"
#include "storage/sqlite_time.h"

namespace mentorbot {

void SqliteSurveyRepository::SaveAnswer(const PulseAnswer& answer) {
  auto& statement = connection_.Prepare(
      "INSERT OR REPLACE INTO pulse_answers (person_id, pair_id, phase, question, rating, at) VALUES (?, ?, ?, ?, ?, ?)");
  statement.bind(1, static_cast<int64_t>(answer.person_id));
  statement.bind(2, static_cast<int64_t>(answer.pair_id));
  statement.bind(3, answer.phase);
  statement.bind(4, answer.question);
  statement.bind(5, answer.rating);
  BindTime(statement, 6, answer.at);
  statement.exec();
}

std::vector<PulseAnswer> SqliteSurveyRepository::ListAnswers() {
  return QueryAll(connection_,
                  "SELECT person_id, pair_id, phase, question, rating, at FROM pulse_answers "
                  "ORDER BY pair_id, person_id, phase, question",
                  [](SQLite::Statement& row) {
                    return PulseAnswer{row.getColumn(0).getInt64(), row.getColumn(1).getInt64(),
                                       row.getColumn(2).getString(), row.getColumn(3).getInt(),
                                       row.getColumn(4).getInt(), ColumnTime(row, 5)};
                  });
}

}  // namespace mentorbot
