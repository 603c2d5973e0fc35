// admin roster import [--skip-bad]: the org chart and profiles from a CSV file
// uploaded to the bot (the adapter downloads it). A file with bad rows is kept,
// so --skip-bad can import its good rows without uploading it again.
#include "bot/engine/commands/admin_commands.h"
#include "bot/engine/command_text.h"
#include "bot/engine/replies.h"
#include "bot/engine/roster/roster_import.h"

namespace mentorbot {

namespace {
constexpr std::size_t kProblemsShown = 25;
constexpr const char* kColumns =
    "Columns (header row, any order): id or email, name, department, level, manager (id or email), location, "
    "time zone, role (mentor, mentee or none), capacity, background.";

Reply Import(CommandContext& context, const RosterUpload& upload, bool skip_bad) {
  RosterOptions options;
  options.workspace_of = context.actor();
  RosterImport result = ImportRoster(context.store, ParseRoster(upload.content, options), skip_bad, context.now);
  Message message = RosterImportMessage(result, upload.file_name, kProblemsShown);
  if (!result.imported) {
    context.store.roster().KeepUpload(context.actor().Key(), upload);
    message.sections.push_back(Section{RichText("Fix the file and upload it again, or type ")
                                           .Code(context.Typed("admin roster import --skip-bad"))
                                           .Text(" to import the good rows and leave the bad ones out."),
                                       {}, {}});
  }
  AuditAdminAction(context, "admin roster import",
                   upload.file_name + ": " + (result.imported ? std::to_string(result.rows) + " rows imported"
                                                              : std::to_string(result.problems.size()) + " bad rows, nothing imported"));
  return Reply{message, false};
}
}  // namespace

Reply AdminRoster(CommandContext& context, std::string_view args) {
  auto [sub, rest] = SplitFirstWord(args);
  const bool skip_bad = ToLower(Trim(rest)) == "--skip-bad";
  if (ToLower(sub) != "import" || (!Trim(rest).empty() && !skip_bad)) {
    return Problem(RichText("Try ").Code(context.Typed("admin roster import")).Text(" with a CSV file attached."),
                   RichText(kColumns));
  }
  if (context.event.attachment) {
    return Import(context, RosterUpload{context.event.attachment->file_name, context.event.attachment->content, context.now},
                  skip_bad);
  }
  if (skip_bad) {
    if (auto upload = context.store.roster().TakeUpload(context.actor().Key())) return Import(context, *upload, true);
    return Problem("No roster file is waiting: the last one was imported, or none was uploaded.",
                   "Upload the CSV file to me again.");
  }
  return Problem("Upload the roster as a CSV file: drop it into this chat with me (or the admin channel in Slack); "
                 "I import it as it arrives.",
                 RichText(kColumns));
}

}  // namespace mentorbot
