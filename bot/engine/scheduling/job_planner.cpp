#include "bot/engine/scheduling/job_planner.h"

#include <algorithm>
#include <memory>

#include "bot/engine/program/forms.h"
#include "bot/engine/delivery/notifications.h"

namespace mentorbot {

namespace {
using std::chrono::days;
using std::chrono::hours;

// A stall nudge goes out weekly once a pair is overdue.
constexpr days kStallNudgeSpacing{7};
// A "did you meet?" check-in older than this is no longer worth sending.
constexpr days kCheckInLifetime{7};
// A pulse survey not sent within two weeks of its moment would measure something else.
constexpr days kPulseLifetime{14};

std::string Id(std::int64_t id) { return std::to_string(id); }
std::string Seconds(TimePoint time) { return std::to_string(time.time_since_epoch().count()); }

class Planner {
 public:
  Planner(const PairSnapshot& pair, const ProgramRules& rules, const ProgramSettings& settings, TimePoint now)
      : pair_(pair), view_(pair.view), rules_(rules), settings_(settings), now_(now) {}

  std::vector<PlannedMessage> Plan() {
    if (view_.PausedAt(now_)) return {};  // no reminders while a pair takes a break
    if (pair_.open) PlanOpenSession(*pair_.open);
    if (pair_.last_held) PlanAfterSession(*pair_.last_held);
    if (!pair_.open) PlanStall();
    PlanPulse("pre", view_.pair.created_at);
    if (pair_.held >= rules_.target_sessions && pair_.last_held) {
      PlanMilestone();
      PlanPulse("post", pair_.last_held->held_at.value_or(pair_.last_held->starts_at));
    }
    return std::move(planned_);
  }

 private:
  void Add(const Person& to, std::string key, std::function<Message()> build, TimePoint due,
           std::optional<TimePoint> expires, bool ignores_quiet_hours = false) {
    planned_.push_back(PlannedMessage{std::move(key), to.ref, "", ZoneOf(to, settings_), std::move(build), due, expires,
                                      ignores_quiet_hours});
  }

  RichText When(const Session& session, const Person& reader) const {
    return WhenFor(session.starts_at, reader, settings_);
  }

  void PlanOpenSession(const Session& session) {
    const std::string prefix = "session:" + Id(session.id) + ":";
    const std::string at = Seconds(session.starts_at);
    if (session.agenda.empty()) {
      Add(view_.mentee, prefix + "agenda-nudge:" + at,
          [this, session] {
            Message message = Note(RichText("Your session with ").Append(NameOf(view_.mentor)).Text(" is on ")
                                       .Append(When(session, view_.mentee)).Text(" and has no agenda yet."),
                                   RichText("You drive the conversation: set it with ")
                                       .Code("agenda <what you want to talk about>").Text("."));
            message.sections.back().form = AgendaForm();
            return message;
          },
          session.starts_at - hours(rules_.agenda_nudge_hours), session.starts_at);
    }
    const int last_lead = rules_.reminder_hours.empty() ? 0 : rules_.reminder_hours.back();
    for (int lead : rules_.reminder_hours) {
      for (const Person* reader : {&view_.mentor, &view_.mentee}) {
        Add(*reader, prefix + "reminder:" + std::to_string(lead) + ":" + at + ":" + Id(reader->id),
            [this, session, reader, lead] { return Reminder(session, *reader, lead); }, session.starts_at - hours(lead),
            session.starts_at,
            /*ignores_quiet_hours=*/lead == last_lead);
      }
    }
    for (const Person* reader : {&view_.mentor, &view_.mentee}) {
      auto check_in = [this, session, reader] {
        Message message = Note(RichText("Did your session with ").Append(NameOf(view_.Partner(*reader))).Text(" on ")
                                   .Append(When(session, *reader)).Text(" happen?"));
        message.sections.back().buttons = {Button{"We met", "met", "", Button::Style::kPrimary},
                                           Button{"Rescheduled", "reschedule", "", Button::Style::kDefault},
                                           Button{"Didn't happen", "cancel", "the session did not happen", Button::Style::kDanger}};
        return message;
      };
      Add(*reader, prefix + "checkin:" + at + ":" + Id(reader->id), check_in, session.ends_at(),
          session.ends_at() + kCheckInLifetime);
    }
  }

  Message Reminder(const Session& session, const Person& reader, int lead) const {
    Message message;
    message.summary = "Reminder: reverse-mentoring session in " + std::to_string(lead) + (lead == 1 ? " hour" : " hours");
    Section section{RichText("Reminder: your session with ").Append(NameOf(view_.Partner(reader))).Text(" is ")
                        .Append(When(session, reader)).Text(" (" + std::to_string(session.minutes) + " minutes)."),
                    {}, {}};
    section.fields.push_back(Field{"Agenda", session.agenda.empty() ? RichText("not set yet") : RichText(session.agenda)});
    std::string topics;
    for (const auto& topic : pair_.off_limits) topics += (topics.empty() ? "" : ", ") + topic;
    section.fields.push_back(Field{"Off-limits", topics.empty() ? RichText("none named") : RichText(topics)});
    if (!pair_.join_url.empty()) section.fields.push_back(Field{"Join", RichText(pair_.join_url)});
    if (pair_.last_held && !pair_.last_held->takeaways.empty()) {
      section.fields.push_back(Field{"Last time's takeaways", RichText(pair_.last_held->takeaways)});
    }
    message.sections.push_back(std::move(section));
    return message;
  }

  void PlanAfterSession(const Session& session) {
    const std::string prefix = "session:" + Id(session.id) + ":";
    const TimePoint held = session.held_at.value_or(session.ends_at());
    const TimePoint end = std::max(held, session.ends_at());
    if (session.takeaways.empty()) {
      const TimePoint first = end + hours(rules_.takeaways_nudge_hours);
      for (int n = 1; n <= 2; ++n) {
        Add(view_.mentee, prefix + "takeaways-nudge:" + std::to_string(n),
            [this] {
              Message message =
                  Note(RichText("What did you take away from your session with ").Append(NameOf(view_.mentor)).Text("?"),
                       RichText("Write it down while it's fresh: ").Code("takeaways <text>")
                           .Text(". Only the two of you can read it."));
              message.sections.back().form = TakeawaysForm();
              return message;
            },
            n == 1 ? first : first + days(rules_.takeaways_second_nudge_days), std::nullopt);
      }
    }
    const std::pair<const Person*, bool> raters[] = {{&view_.mentor, pair_.mentor_rated_last},
                                                     {&view_.mentee, pair_.mentee_rated_last}};
    for (const auto& [reader, rated] : raters) {
      if (rated) continue;
      auto prompt = [this, reader = reader] {  // clang 14 cannot capture a structured binding
        Message message = Note(RichText("How was your session with ").Append(NameOf(view_.Partner(*reader))).Text("?"),
                               RichText("Rate it from 1 to 5: ").Code("feedback <1-5> [comment]")
                                   .Text(". Admins only ever see averages."));
        message.sections.back().buttons = {Button{"1", "feedback", "1"}, Button{"2", "feedback", "2"},
                                           Button{"3", "feedback", "3"}, Button{"4", "feedback", "4"},
                                           Button{"5", "feedback", "5"}};
        return message;
      };
      Add(*reader, prefix + "feedback-prompt:" + Id(reader->id), prompt, end + hours(1), std::nullopt);
    }
  }

  void PlanStall() {
    // Overdue once no session was held or booked for a cadence plus the
    // grace; the clock restarts with every session and after a pause.
    TimePoint anchor = view_.pair.created_at;
    if (pair_.last_held) anchor = std::max(anchor, pair_.last_held->starts_at);
    if (view_.pair.paused_until) anchor = std::max(anchor, *view_.pair.paused_until);
    const TimePoint overdue = anchor + days(rules_.cadence_days + rules_.stall_grace_days);
    const std::string prefix = "pair:" + Id(view_.pair.id) + ":stall:" + Seconds(anchor) + ":";
    for (int n = 1; n <= rules_.escalate_after_nudges; ++n) {
      const TimePoint due = overdue + kStallNudgeSpacing * (n - 1);
      for (const Person* reader : {&view_.mentor, &view_.mentee}) {
        RichText ask = view_.IsMentee(*reader)
                           ? RichText("Propose your next session: ").Code("schedule <when>")
                           : RichText("Nudge ").Append(NameOf(view_.mentee)).Text(" to propose your next session.");
        Add(*reader, prefix + std::to_string(n) + ":" + Id(reader->id),
            [this, reader, ask] {
              Message nudge = Note(RichText("It's been a while since you and ").Append(NameOf(view_.Partner(*reader)))
                                       .Text(" met. Programs work when pairs keep meeting every " +
                                             std::to_string(rules_.cadence_days) + " days."),
                                   ask);
              if (view_.IsMentee(*reader)) nudge.sections.back().buttons.push_back(FindATimeButton());
              return nudge;
            },
            due, std::nullopt);
      }
    }
    const TimePoint escalate = overdue + kStallNudgeSpacing * rules_.escalate_after_nudges;
    auto escalation = [this] {
      return Note(RichText("Pair #" + std::to_string(view_.pair.id) + " (").Append(NameOf(view_.mentor)).Text(" and ")
                      .Append(NameOf(view_.mentee))
                      .Text(") has not met or scheduled a session despite " + std::to_string(rules_.escalate_after_nudges) +
                            " nudges."),
                  RichText("Consider checking in with them, or ").Code("admin unpair #" + Id(view_.pair.id)).Text("."));
    };
    PlanForAdmins(prefix + "escalation", escalation, escalate);
  }

  void PlanForAdmins(const std::string& key, const std::function<Message()>& build, TimePoint due) {
    for (auto& planned : PlanAdminMessages(key, build, due, std::nullopt, rules_, settings_)) {
      planned_.push_back(std::move(planned));
    }
  }

  void PlanMilestone() {
    for (const Person* reader : {&view_.mentor, &view_.mentee}) {
      Add(*reader, "pair:" + Id(view_.pair.id) + ":milestone:" + std::to_string(rules_.target_sessions) + ":" + Id(reader->id),
          [this, reader] {
            return Note(RichText("Congratulations: you and ").Append(NameOf(view_.Partner(*reader)))
                            .Text(" have held " + std::to_string(pair_.held) + " sessions, the program's target!"),
                        RichText("What did the program change for you? ").Code("feedback <1-5> [comment]")
                            .Text(" — and you're welcome to keep meeting."));
          },
          pair_.last_held->held_at.value_or(pair_.last_held->starts_at), std::nullopt);
    }
  }

  // The pulse survey: at kickoff ("pre") and once the target is reached ("post").
  void PlanPulse(const std::string& phase, TimePoint due) {
    for (const Person* reader : {&view_.mentor, &view_.mentee}) {
      Add(*reader, "pair:" + Id(view_.pair.id) + ":pulse:" + phase + ":" + Id(reader->id),
          [this, phase] {
            Message message = Note(RichText(phase == "pre" ? "A one-minute pulse survey as your pairing starts: how much do "
                                                             "you agree with three statements? Asked again after your "
                                                             "last session, to show what changed."
                                                           : "You reached the program's target: the closing pulse "
                                                             "survey, the same three statements as at the start."),
                                   RichText("Admins only ever see averages. Or type ").Code("pulse " + phase + " <1-5> <1-5> <1-5>"));
            message.sections.back().form = PulseForm(phase, rules_.pulse_questions);
            return message;
          },
          due, due + kPulseLifetime);
    }
  }

  const PairSnapshot& pair_;
  const PairView& view_;
  const ProgramRules& rules_;
  const ProgramSettings& settings_;
  TimePoint now_;
  std::vector<PlannedMessage> planned_;
};
}  // namespace

std::vector<PlannedMessage> PlanPairMessages(const PairSnapshot& pair, const ProgramRules& rules,
                                             const ProgramSettings& settings, TimePoint now) {
  // The builders refer to the planner, so it lives as long as the last of them.
  auto planner = std::make_shared<Planner>(pair, rules, settings, now);
  auto planned = planner->Plan();
  for (auto& message : planned) {
    message.build = [planner, build = std::move(message.build)] { return build(); };
  }
  return planned;
}

std::vector<PlannedMessage> PlanAdminMessages(const std::string& key, const std::function<Message()>& build,
                                              TimePoint due, std::optional<TimePoint> expires, const ProgramRules& rules,
                                              const ProgramSettings& settings) {
  std::vector<PlannedMessage> planned;
  if (!rules.admin_channel.empty() && !settings.admins.empty()) {
    planned.push_back(PlannedMessage{key, settings.admins.front(), rules.admin_channel, settings.default_time_zone, build,
                                     due, expires, false});
    return planned;
  }
  for (const UserRef& admin : settings.admins) {
    planned.push_back(PlannedMessage{key + ":" + admin.Key(), admin, "", settings.default_time_zone, build, due, expires,
                                     false});
  }
  return planned;
}

}  // namespace mentorbot
