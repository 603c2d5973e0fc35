// Event: one normalised inbound item, produced by a platform adapter and
// consumed by Engine::Handle. The engine never sees platform payloads.
// Value type.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "bot/core/address.h"
#include "bot/core/directory_source.h"

namespace mentorbot {

enum class EventKind {
  kCommand,        // "/mentor <verb> <args>" or the same text typed to the bot
  kAction,         // a button press: action_id + action_value
  kFormSubmission, // a submitted form: action_id names the form, fields hold the values
  kInstall,        // the bot was added to a conversation
  kDirectoryUpdate, // the platform says a person joined or changed (Slack team_join, user_change)
};

struct Event {
  EventKind kind = EventKind::kCommand;
  // Platform-unique id of this delivery, so a retried delivery is handled once.
  // Empty when the platform gives none.
  std::string event_id;
  // The platform redelivers when unsure (Teams, Slack's Events API): the
  // engine then records event_id and drops a repeat. Slash commands are never
  // redelivered, so they skip that write.
  bool redeliverable = false;
  Address from;              // the person acting and where they acted
  std::string display_name;  // how the platform names that person (may be empty)
  std::string text;          // kCommand: the command text, without the slash command itself
  std::string action_id;     // kAction / kFormSubmission
  std::string action_value;  // kAction
  std::map<std::string, std::string> fields;  // kFormSubmission
  // kCommand: a file sent with the command (e.g. a roster CSV uploaded to the
  // bot), already downloaded by the adapter.
  struct Attachment {
    std::string file_name;
    std::string content;
  };
  std::optional<Attachment> attachment;
  // Platforms whose replies are messages of their own (Teams) set this: the
  // reply is then queued to this address in the outbox, in the same
  // transaction as the command's changes, under the key "reply:<event_id>".
  // REQUIRES: event_id is not empty when this is set.
  std::optional<Address> queue_reply_to;
  // kDirectoryUpdate: the person as the platform now describes them; `from`
  // names them (their workspace and id), with no conversation.
  std::optional<DirectoryEntry> directory_entry;
};

}  // namespace mentorbot
