#include "bot/engine/weekly_digest.h"

#include <date/iso_week.h>
#include <date/tz.h>

#include "bot/engine/notifications.h"

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

std::vector<PlannedMessage> PlanWeeklyDigest(StoreTransaction& store, const std::vector<PairSnapshot>& pairs,
                                             const ProgramRules& rules, const ProgramSettings& settings, TimePoint now) {
  if (settings.admins.empty()) return {};
  const TimePoint due = LastDigestMoment(now, settings.default_time_zone);
  const TimePoint week_start = due - std::chrono::days(7);
  int on_track = 0, stalled = 0;
  for (const auto& pair : pairs) {
    TimePoint last = pair.view.pair.created_at;
    if (pair.last_held) last = std::max(last, pair.last_held->starts_at);
    if (pair.open || due - last <= std::chrono::days(rules.cadence_days)) {
      ++on_track;
    } else if (due - last > std::chrono::days(rules.cadence_days + rules.stall_grace_days) && !pair.view.PausedAt(due)) {
      ++stalled;
    }
  }
  const int held = store.sessions().CountHeldBetween(week_start, due);
  const int takeaways = store.sessions().CountTakeawaysBetween(week_start, due);
  Message message;
  message.summary = "Reverse-mentoring program: the week in figures";
  Section section{RichText("The reverse-mentoring program last week:"), {}, {}};
  section.fields.push_back(Field{"Pairs on track", RichText(std::to_string(on_track) + " of " + std::to_string(pairs.size()))});
  section.fields.push_back(Field{"Sessions held", RichText(std::to_string(held))});
  section.fields.push_back(Field{"Takeaways written", RichText(std::to_string(takeaways))});
  section.fields.push_back(Field{"Pairs stalled", RichText(std::to_string(stalled))});
  message.sections.push_back(std::move(section));

  const auto week = iso_week::year_weeknum_weekday(date::floor<date::days>(due));
  const std::string key = "digest:" + std::to_string(static_cast<int>(week.year())) + "-W" +
                          std::to_string(static_cast<unsigned>(week.weeknum()));
  const TimePoint expires = due + std::chrono::days(6);
  std::vector<PlannedMessage> planned;
  if (!rules.admin_channel.empty()) {
    planned.push_back(PlannedMessage{key, settings.admins.front(), rules.admin_channel, settings.default_time_zone,
                                     message, due, expires, false});
  } else {
    for (const UserRef& admin : settings.admins) {
      planned.push_back(PlannedMessage{key + ":" + admin.Key(), admin, "", settings.default_time_zone, message, due,
                                       expires, false});
    }
  }
  return planned;
}

}  // namespace mentorbot
