// Saying things to people other than the one who acted: queued in the
// outbox inside the command's transaction, so they go out exactly when the
// change that caused them is committed. Also the phrasing helpers shared by
// every message about people and times.
#pragma once

#include <string>
#include <string_view>

#include "bot/core/message.h"
#include "bot/core/person.h"
#include "bot/engine/command_context.h"

namespace mentorbot {

// Queues `message` to `recipient`'s direct messages under `key` (unique per
// logical message: the same key is never queued twice).
void Notify(CommandContext& context, const Person& recipient, const std::string& key, Message message);

// A message of one paragraph plus an optional second one.
Message Note(const RichText& text, const RichText& more = RichText());

// How the bot names a person: a mention on their platform.
RichText NameOf(const Person& person);
// A moment as `reader` sees it (Slack renders it in each reader's own zone;
// elsewhere the fallback is formatted in the reader's zone).
RichText WhenFor(TimePoint time, const Person& reader, const ProgramSettings& settings);
std::string ZoneOf(const Person& person, const ProgramSettings& settings);

// A short stable fingerprint of some text, for message keys (FNV-1a, hex).
std::string Fingerprint(std::string_view text);

}  // namespace mentorbot
