#include "bot/engine/delivery/notifications.h"

#include <cstdint>

#include "bot/engine/time/time_zone.h"

namespace mentorbot {

void Notify(CommandContext& context, const Person& recipient, const std::string& key, Message message) {
  Address to;
  to.user = recipient.ref;
  if (context.store.outbox().Enqueue(key, to, message, context.now, context.now)) context.enqueued = true;
}

Message Note(const RichText& text, const RichText& more) {
  Message message;
  message.summary = text.PlainText();
  message.sections.push_back(Section{text, {}, {}});
  if (!more.empty()) message.sections.push_back(Section{more, {}, {}});
  return message;
}

RichText NameOf(const Person& person) { return RichText().Mention(person.ref, person.display_name); }

std::string ZoneOf(const Person& person, const ProgramSettings& settings) {
  return person.profile.time_zone.empty() ? settings.default_time_zone : person.profile.time_zone;
}

RichText WhenFor(TimePoint time, const Person& reader, const ProgramSettings& settings) {
  return RichText().Time(time, FormatLocal(time, ZoneOf(reader, settings)));
}

std::string Fingerprint(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kHex[hash & 0xf];
  return out;
}

}  // namespace mentorbot
