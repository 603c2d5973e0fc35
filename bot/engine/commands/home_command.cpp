// home: the person's dashboard, shown as Slack's App Home tab (and typed as
// a command anywhere): their status with the buttons and forms for what is
// waiting on them, the join form for newcomers, and the program's figures
// for admins.
#include "bot/engine/command_context.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/calendar/when_form.h"
#include "bot/engine/program/forms.h"
#include "bot/engine/program/pair_view.h"
#include "bot/engine/reporting/program_report.h"
#include "bot/engine/reporting/report_figures_section.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
// The buttons and forms for the actor's next steps in their pair.
void AddPairActions(CommandContext& context, Message& home) {
  auto view = LoadOpenPair(context.store, context.person->id);
  if (!view || view->PausedAt(context.now)) return;
  const bool mentee = view->IsMentee(*context.person);
  auto open = context.store.sessions().OpenSessionOf(view->pair.id);
  if (open && open->state == SessionState::kProposed && !mentee && open->starts_at > context.now) {
    const std::string id = std::to_string(open->id);
    home.sections.push_back(Section{RichText("Your mentee proposed a time for your next session."), {},
                                    {Button{"Confirm", "confirm", id, Button::Style::kPrimary},
                                     Button{"Decline", "decline", id, Button::Style::kDanger}}});
  }
  if (open && open->starts_at <= context.now) {
    Section check_in{RichText("Did your last session take place?"), {},
                     {Button{"We met", "met", "", Button::Style::kPrimary},
                      Button{"Didn't happen", "cancel", "the session did not happen", Button::Style::kDanger}}};
    if (mentee) check_in.form = WhenForm("reschedule");  // "Move the session"
    home.sections.push_back(std::move(check_in));
  }
  if (!open && mentee) {
    Section propose{RichText("No session is booked yet: you propose the time, your mentor confirms."), {}, {}};
    propose.form = WhenForm("schedule");
    home.sections.push_back(std::move(propose));
  }
  if (!mentee) return;
  if (open && open->starts_at > context.now) {
    Section agenda{RichText(open->agenda.empty() ? "Your next session has no agenda yet." : "Your agenda for the next session is set."),
                   {}, {}};
    agenda.form = AgendaForm(open->agenda);
    home.sections.push_back(std::move(agenda));
  }
  if (auto last = context.store.sessions().LastHeld(view->pair.id)) {
    Section takeaways{RichText(last->takeaways.empty() ? "Write down what you took away from your last session."
                                                       : "Your takeaways from your last session are written."),
                      {}, {}};
    takeaways.form = TakeawaysForm(last->takeaways);
    home.sections.push_back(std::move(takeaways));
  }
}

Section Introduction() {
  return Section{RichText("Welcome to the reverse-mentoring program. An early-in-career colleague (the ")
                     .Bold("mentor").Text(") and a senior leader (the ").Bold("mentee")
                     .Text(") meet every few weeks; the mentee sets the agenda and writes down what they learned."),
                 {}, {}};
}

// The report's headline figures with their change since the last `admin
// report` (which alone moves that baseline), and the admin's next steps.
void AddProgramFigures(CommandContext& context, Message& home) {
  const ProgramReport report = ComputeProgramReport(context.store, context.rules(), context.now);
  const ReportFigures before = LastReportFigures(context.store.program());
  RichText headline = RichText().Bold("The program in figures");
  if (!before.empty()) headline.Text(" (changes since the last report in brackets)");
  home.sections.push_back(ReportFiguresSection(report.figures, before, context.rules(), headline));
  Section actions{RichText("Admin commands: ").Code(context.Typed("admin help")), {}, {}};
  actions.buttons.push_back(Button{"Full report", "admin", "report", Button::Style::kPrimary});
  actions.buttons.push_back(Button{"Export (CSV)", "admin", "export", Button::Style::kDefault});
  home.sections.push_back(std::move(actions));
}

Reply ShowHome(CommandContext& context) {
  Reply reply;
  Message& home = reply.message;
  if (context.enrolled()) {
    home = ShowStatus(context).message;
    AddPairActions(context, home);
  } else if (!context.is_admin) {
    // Admins who run the program without taking part see only its figures.
    Section join = Introduction();
    join.form = JoinForm();
    home.sections.push_back(std::move(join));
  }
  home.summary = "mentorbot: your reverse-mentoring program";
  if (context.is_admin) AddProgramFigures(context, home);
  return reply;
}
}  // namespace

void RegisterHomeCommand(CommandRouter& router) {
  router.Register(CommandSpec{"home", {"dashboard"}, "home", "your dashboard: status, next steps and buttons",
                              Audience::kAnyone, Store::Access::kRead, ShowHome, std::nullopt});
}

}  // namespace mentorbot
