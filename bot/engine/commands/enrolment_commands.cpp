// join and leave: entering and leaving the program.
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/forms.h"
#include "bot/engine/program/pair_lifecycle.h"
#include "bot/engine/program/profile_fields.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
RichText RoleIntro(Role role) {
  if (role == Role::kMentee) {
    return RichText("As the mentee you drive the relationship: you schedule the sessions, set each "
                    "agenda ahead of time and write down your takeaways after each one.");
  }
  return RichText("As the mentor you share your perspective and experience; your mentee schedules the "
                  "sessions and sets the agenda, and you'll get a reminder before each one.");
}

// The profile facts sent with the join form (already checked by forms.cpp,
// so a value that still fails is skipped rather than refusing the join).
void SaveFormProfile(const CommandContext& context, Person& person) {
  if (context.event.kind != EventKind::kFormSubmission) return;
  for (const auto& [name, value] : context.event.fields) {
    auto field = ParseProfileField(name);
    if (field && !Trim(value).empty()) (void)SetProfileField(person, *field, Trim(value));
  }
}

Reply Welcome(const CommandContext& context, const Person& person) {
  Reply reply;
  reply.message.summary = "Welcome to the reverse-mentoring program!";
  reply.message.sections.push_back(Section{
      RichText("Welcome to the reverse-mentoring program, ").Bold(person.display_name)
          .Text("! You're enrolled as a ").Bold(RoleName(person.role)).Text(". ").Append(RoleIntro(person.role)),
      {}, {}});
  RichText needs("To pair you well (and never inside your own leadership chain) I need a few facts:");
  for (ProfileField field : MissingMatchingFields(person)) {
    const auto& info = InfoOf(field);
    needs.Text("\n• ").Code(context.Typed("profile set " + std::string(info.name) + " " + std::string(info.example)))
        .Text(" — " + std::string(info.meaning));
  }
  const auto& background = InfoOf(ProfileField::kBackground);
  needs.Text("\nOptionally: ").Code(context.Typed("profile set background <a few words>"))
      .Text(" — " + std::string(background.meaning) + ".");
  reply.message.sections.push_back(Section{needs, {}, {}});
  return reply;
}
}  // namespace

void RegisterEnrolmentCommands(CommandRouter& router) {
  router.Register(CommandSpec{
      "join", {"enrol", "enroll"}, "join mentor|mentee", "enrol in the program", Audience::kNotEnrolled,
      Store::Access::kWrite, [](CommandContext& context) {
        const auto role = ParseRole(ToLower(SplitFirstWord(context.args).first));
        if (!role) {
          Reply reply = Problem(RichText("Tell me which role you're joining as."),
                                RichText("Type ").Code(context.Typed("join mentee")).Text(" if you are the senior leader, or ")
                                    .Code(context.Typed("join mentor")).Text(" if you are the one sharing your perspective."));
          reply.message.sections.back().form = JoinForm();
          return reply;
        }
        if (context.enrolled()) {
          if (context.person->role == *role) {
            return Say(RichText("You're already enrolled as a ").Bold(RoleName(*role)).Text(". ")
                           .Code(context.Typed("status")).Text(" shows where you stand."));
          }
          return Problem(RichText("You're enrolled as a ").Bold(RoleName(context.person->role)).Text(" already."),
                         RichText("To change role, type ").Code(context.Typed("leave")).Text(" and then join again."));
        }
        Person person = context.person.value_or(Person{});
        if (person.id == 0) {
          person.ref = context.actor();
          person.display_name = context.event.display_name.empty() ? context.actor().user_id
                                                                   : context.event.display_name;
        }
        SaveFormProfile(context, person);
        person.role = *role;
        person.enrolment = Enrolment::kActive;
        person.joined_at = context.now;
        person.left_at.reset();
        person.id = context.store.people().Save(person);
        return Welcome(context, person);
      },
      std::nullopt});

  router.Register(CommandSpec{
      "leave", {}, "leave", "leave the program", Audience::kEnrolled, Store::Access::kWrite,
      [](CommandContext& context) {
        Person person = *context.person;
        RichText ended;
        for (const auto& pair : context.store.pairs().OpenPairsOf(person.id)) {
          auto view = LoadPairView(context.store, pair);
          if (!view) continue;
          EndPair(context, *view, "the " + std::string(RoleName(person.role)) + " left the program", person.id);
          ended.Text(" Your pairing with ").Append(RichText().Mention(view->Partner(person).ref, view->Partner(person).display_name))
              .Text(" has ended and they've been told.");
        }
        person.enrolment = Enrolment::kLeft;
        person.left_at = context.now;
        context.store.people().Save(person);
        return Say(RichText("You've left the program. Thank you for taking part.").Append(ended)
                       .Text(" Your profile is kept, so you can come back any time with ")
                       .Code(context.Typed("join " + std::string(RoleName(person.role))))
                       .Text(", or erased with ").Code(context.Typed("forget-me")).Text("."));
      },
      std::nullopt});
}

}  // namespace mentorbot
