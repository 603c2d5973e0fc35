// admin export: the program's CSV files (see program_export.h) in one ZIP,
// handed to the admin who asked — in their direct messages, never a
// channel — through the outbox, so it arrives even if the platform is down
// for a while. The file is kept a day at most, for that admin only.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/reporting/program_export.h"
#include "bot/engine/replies.h"
#include "bot/engine/time/time_zone.h"
#include "bot/engine/reporting/zip_archive.h"

namespace mentorbot {

namespace {
constexpr auto kFilesKept = std::chrono::hours(24);

RichText Contents(const std::vector<ExportFile>& files) {
  RichText text;
  for (const ExportFile& file : files) {
    text.Text(text.empty() ? "" : ", ").Code(file.name).Text(" (" + Counted(file.rows, "row") + ")");
  }
  return text;
}
}  // namespace

Reply AdminExport(CommandContext& context, std::string_view args) {
  if (!args.empty()) {
    return Problem(RichText("").Code(context.Typed("admin export")).Text(" takes nothing after it."),
                   "It sends the whole program's data as CSV files in one ZIP.");
  }
  context.store.files().EraseExpired(context.now);
  const std::vector<ExportFile> files = BuildProgramExport(context.store);
  StatusOr<std::string> zip = ZipFiles(files, context.now);
  if (!zip.ok()) {
    return Problem("I couldn't pack the export just now, so nothing was sent.", "Please try again in a minute.");
  }
  const std::string when = FormatLocal(context.now, context.TimeZone());
  StoredFile stored{0, context.actor().Key(), "mentorbot-export-" + when.substr(0, 10) + ".zip", "application/zip",
                    *zip, context.now, context.now + kFilesKept};
  stored.id = context.store.files().Save(stored);

  Message message;
  message.summary = "The program's export, " + when;
  message.sections.push_back(Section{RichText("The program's data as of " + when + ": ").Append(Contents(files)).Text("."),
                                     {}, {}});
  message.sections.push_back(Section{
      RichText("It has no agendas, takeaways, feedback comments, cancellation reasons or backgrounds, but it names "
               "people: keep it among the program's admins."),
      {}, {}});
  message.files.push_back(FileRef{stored.id, stored.name, stored.media_type, static_cast<std::int64_t>(zip->size()), "", ""});
  Address to;
  to.user = context.actor();
  if (context.store.outbox().Enqueue("export:" + std::to_string(stored.id), to, message, context.now, context.now)) {
    context.enqueued = true;
  }
  AuditAdminAction(context, "admin export", stored.name + ", " + std::to_string(zip->size()) + " bytes");
  return Say(RichText("I'm sending you the export in our direct messages: ").Code(stored.name).Text(", with ")
                 .Append(Contents(files)).Text(". It stays available for a day."));
}

}  // namespace mentorbot
