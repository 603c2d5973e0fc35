// profile, profile set <field> <value>, profile clear <field>.
#include "bot/engine/calendar/calendar_sync.h"
#include "bot/engine/command_text.h"
#include "bot/engine/commands/commands.h"
#include "bot/engine/program/profile_fields.h"
#include "bot/engine/replies.h"

namespace mentorbot {

namespace {
RichText FieldValue(const Person& person, const ProgramSettings& settings, ProfileField field) {
  const Profile& profile = person.profile;
  auto or_unset = [](const std::string& value) { return value.empty() ? RichText("not set") : RichText(value); };
  switch (field) {
    case ProfileField::kName: return RichText(person.display_name);
    case ProfileField::kDepartment: return or_unset(profile.department);
    case ProfileField::kLevel: return profile.level ? RichText(std::to_string(*profile.level)) : RichText("not set");
    case ProfileField::kManager: {
      if (profile.manager.empty()) return RichText("not set");
      if (profile.manager == kNoManager) return RichText("none (top of the organisation)");
      auto manager = UserRef::Parse(profile.manager);
      return manager ? RichText().Mention(*manager, manager->user_id) : RichText(profile.manager);
    }
    case ProfileField::kTimeZone:
      return profile.time_zone.empty() ? RichText("not set (using " + settings.default_time_zone + ")")
                                       : RichText(profile.time_zone);
    case ProfileField::kLocation: return or_unset(profile.location);
    // The text itself is never shown, not even here: it is for matching only.
    case ProfileField::kBackground:
      return RichText(profile.background.empty() ? "not set" : "set (private, used for matching only)");
    case ProfileField::kEmail: return or_unset(profile.email);
  }
  return RichText();
}

Reply ShowProfile(const CommandContext& context) {
  Reply reply;
  reply.message.summary = "Your profile";
  Section section{RichText("Your profile (").Bold(RoleName(context.person->role)).Text(")"), {}, {}};
  for (const auto& info : AllProfileFields()) {
    section.fields.push_back(Field{std::string(info.name), FieldValue(*context.person, context.settings, info.field)});
  }
  reply.message.sections.push_back(std::move(section));
  reply.message.sections.push_back(Section{
      RichText("Change a field with ").Code(context.Typed("profile set <field> <value>"))
          .Text(", or empty one with ").Code(context.Typed("profile clear <field>")).Text("."),
      {}, {}});
  return reply;
}

Reply UnknownField(const CommandContext& context, std::string_view name) {
  RichText fields;
  for (const auto& info : AllProfileFields()) {
    if (!fields.empty()) fields.Text(", ");
    fields.Code(std::string(info.name));
  }
  return Problem(RichText("There is no profile field ").Code(std::string(name)).Text("."),
                 RichText("The fields are ").Append(fields).Text(", e.g. ")
                     .Code(context.Typed("profile set department Finance")).Text("."));
}

Reply Saved(const CommandContext& context, const Person& person, ProfileField field, bool cleared) {
  RichText text = RichText("Saved: ").Bold(std::string(InfoOf(field).name));
  if (cleared) {
    text.Text(" is now empty.");
  } else if (field == ProfileField::kBackground) {
    text.Text(" is set. It is used for matching only and never shown to anyone.");
  } else {
    text.Text(" is now ").Append(FieldValue(person, context.settings, field)).Text(".");
  }
  const auto missing = MissingMatchingFields(person);
  if (missing.empty()) {
    text.Text(" Your profile has everything matching needs.");
  } else {
    const auto& next = InfoOf(missing.front());
    text.Text(" Still needed: ").Code(context.Typed("profile set " + std::string(next.name) + " " +
                                                    std::string(next.example)));
  }
  return Say(text);
}

Reply Change(CommandContext& context, std::string_view action, std::string_view rest) {
  auto [field_name, value] = SplitFirstWord(rest);
  if (field_name.empty()) {
    return Problem(RichText("Which field?"),
                   RichText("For example ").Code(context.Typed("profile " + std::string(action) + " department Finance")));
  }
  auto field = ParseProfileField(field_name);
  if (!field) return UnknownField(context, field_name);
  Person person = *context.person;
  const bool clear = action == "clear";
  Status status = clear ? ClearProfileField(person, *field) : SetProfileField(person, *field, value);
  if (!status.ok()) {
    return Problem(RichText("I couldn't save that: " + status.message()),
                   RichText("Try ").Code(context.Typed("profile set " + std::string(InfoOf(*field).name) + " " +
                                                       std::string(InfoOf(*field).example))));
  }
  context.store.people().Save(person);
  // Invitations name people: a booked session is sent again with the change.
  if (*field == ProfileField::kName || *field == ProfileField::kEmail) SyncCalendarsOf(context, person);
  return Saved(context, person, *field, clear);
}
}  // namespace

void RegisterProfileCommand(CommandRouter& router) {
  router.Register(CommandSpec{
      "profile", {}, "profile [set|clear <field> <value>]", "see or change your profile", Audience::kEnrolled,
      Store::Access::kWrite, [](CommandContext& context) {
        auto [action, rest] = SplitFirstWord(context.args);
        const std::string lower = ToLower(action);
        if (lower.empty() || lower == "show") return ShowProfile(context);
        if (lower == "set" || lower == "clear") return Change(context, lower, rest);
        return Problem(RichText("I don't know ").Code("profile " + std::string(action)).Text("."),
                       RichText("Type ").Code(context.Typed("profile")).Text(" to see yours, or ")
                           .Code(context.Typed("profile set department Finance")).Text(" to change a field."));
      },
      std::nullopt});
}

}  // namespace mentorbot
