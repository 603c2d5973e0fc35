#include "bot/engine/scheduling/weekly_digest.h"

#include <date/iso_week.h>
#include <date/tz.h>

#include "bot/engine/delivery/notifications.h"

namespace mentorbot {

namespace {
constexpr int kDigestHour = 9;

// Monday 09:00 local of the week `now` is in, or the week before if that
// moment is still ahead.
TimePoint LastDigestMoment(TimePoint now, const std::string& zone_name) {
  const date::time_zone* zone = date::locate_zone(zone_name);
  const auto local_day = date::floor<date::days>(zone->to_local(now));
  const unsigned since_monday = (date::weekday(local_day).iso_encoding() + 6) % 7;
  auto moment = local_day - date::days(since_monday) + std::chrono::hours(kDigestHour);
  auto utc = date::floor<std::chrono::seconds>(zone->to_sys(moment, date::choose::earliest));
  if (utc > now) utc = date::floor<std::chrono::seconds>(zone->to_sys(moment - date::days(7), date::choose::earliest));
  return utc;
}
}  // namespace

WeeklyDigest::WeeklyDigest(const ProgramRules& rules, const ProgramSettings& settings, TimePoint now)
    : rules_(rules), settings_(settings), due_(LastDigestMoment(now, settings.default_time_zone)) {}

void WeeklyDigest::Count(const PairSnapshot& pair) {
  ++pairs_;
  TimePoint last = pair.view.pair.created_at;
  if (pair.last_held) last = std::max(last, pair.last_held->starts_at);
  if (pair.open || due_ - last <= std::chrono::days(rules_.cadence_days)) {
    ++on_track_;
  } else if (due_ - last > std::chrono::days(rules_.cadence_days + rules_.stall_grace_days) && !pair.view.PausedAt(due_)) {
    ++stalled_;
  }
}

std::vector<PlannedMessage> WeeklyDigest::Plan(StoreTransaction& store) const {
  if (settings_.admins.empty()) return {};
  const TimePoint week_start = due_ - std::chrono::days(7);
  const int held = store.sessions().CountHeldBetween(week_start, due_);
  const int takeaways = store.sessions().CountTakeawaysBetween(week_start, due_);
  auto build = [pairs = pairs_, on_track = on_track_, stalled = stalled_, held, takeaways] {
    Message message;
    message.summary = "Reverse-mentoring program: the week in figures";
    Section section{RichText("The reverse-mentoring program last week:"), {}, {}};
    section.fields.push_back(Field{"Pairs on track", RichText(std::to_string(on_track) + " of " + std::to_string(pairs))});
    section.fields.push_back(Field{"Sessions held", RichText(std::to_string(held))});
    section.fields.push_back(Field{"Takeaways written", RichText(std::to_string(takeaways))});
    section.fields.push_back(Field{"Pairs stalled", RichText(std::to_string(stalled))});
    message.sections.push_back(std::move(section));
    return message;
  };
  const auto week = iso_week::year_weeknum_weekday(date::floor<date::days>(due_));
  const std::string key = "digest:" + std::to_string(static_cast<int>(week.year())) + "-W" +
                          std::to_string(static_cast<unsigned>(week.weeknum()));
  return PlanAdminMessages(key, build, due_, due_ + std::chrono::days(6), rules_, settings_);
}

}  // namespace mentorbot
