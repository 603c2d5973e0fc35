// admin announce <text>: a message to every active participant.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
constexpr std::size_t kMaxAnnouncement = 3000;
}

Reply AdminAnnounce(CommandContext& context, std::string_view args) {
  const std::string text(Trim(args));
  if (text.empty()) return Problem("What should I announce?", RichText("For example ").Code(context.Typed("admin announce Kickoff call on Friday!")));
  if (text.size() > kMaxAnnouncement) return Problem("That announcement is too long (3000 characters at most).", "Shorten it.");
  const auto people = context.store.people().ListActive();
  const std::int64_t entry = AuditAdminAction(context, "admin announce", std::to_string(people.size()) + " recipients");
  for (const Person& person : people) {
    Notify(context, person, "announce:" + std::to_string(entry) + ":" + std::to_string(person.id),
           Note(RichText("Announcement from the reverse-mentoring program:"), RichText(text)));
  }
  return Say(RichText("Announcement queued for " + std::to_string(people.size()) + " participants."));
}

}  // namespace mentorbot
