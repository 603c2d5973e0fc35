// Microsoft Graph's calendar: getSchedule as free/busy: the request for a
// window in UTC, and reading the answer down to busy times only.
//
// The answer's scheduleItems are read, not availabilityView: the items give
// each busy stretch's exact start and end, whereas the view is a string of
// availabilityViewInterval-long slots counted from startTime that rounds
// every meeting out to whole slots. An item counts as busy unless its status
// is free or workingElsewhere (Graph's availabilityView itself shows
// working elsewhere as free); tentative, busy, oof and unknown block the
// time. Statuses are compared case-insensitively (Graph's own examples show
// both "busy" and "Tentative"). Subjects, locations and the private flag are
// never read. Pure functions.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/calendar_event.h"

namespace mentorbot {

// {"schedules": emails, "startTime": …, "endTime": … (UTC),
//  "availabilityViewInterval": 30}.
nlohmann::json GraphScheduleRequest(const std::vector<std::string>& emails, TimePoint from, TimePoint until);

// Busy times by the email as asked (scheduleId matched case-insensitively).
// A schedule with an "error" member, an unreadable item, or a time not in
// UTC leaves that person out; nullopt when the answer has no value array.
std::optional<std::map<std::string, std::vector<BusyInterval>>> ReadGraphSchedule(
    const nlohmann::json& answer, const std::vector<std::string>& emails);

}  // namespace mentorbot
