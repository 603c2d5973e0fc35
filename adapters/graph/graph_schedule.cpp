#include "adapters/graph/graph_schedule.h"

#include <algorithm>
#include <cctype>

#include "adapters/common/ascii_case.h"
#include "adapters/common/json_fields.h"
#include "adapters/graph/graph_date_time.h"

namespace mentorbot {

namespace {

bool IsBusy(const std::string& status) {
  const std::string lower = AsciiLower(status);
  return lower != "free" && lower != "workingelsewhere";
}

// One schedule's busy times; nullopt when any item cannot be read (a person
// who looks free because an item was skipped would be worse than unknown).
std::optional<std::vector<BusyInterval>> BusyTimes(const nlohmann::json& schedule) {
  std::vector<BusyInterval> busy;
  auto items = schedule.find("scheduleItems");
  if (items == schedule.end() || items->is_null()) {
    // No items: free only if the availabilityView says so ('0' every slot).
    const std::string view = StringField(schedule, "availabilityView");
    if (view.empty() || view.find_first_not_of('0') != std::string::npos) return std::nullopt;
    return busy;
  }
  if (!items->is_array()) return std::nullopt;
  for (const nlohmann::json& item : *items) {
    if (!item.is_object()) return std::nullopt;
    if (!IsBusy(StringField(item, "status"))) continue;
    auto start = item.contains("start") ? ReadGraphUtcDateTime(item["start"]) : std::nullopt;
    auto end = item.contains("end") ? ReadGraphUtcDateTime(item["end"]) : std::nullopt;
    if (!start || !end) return std::nullopt;
    if (*start < *end) busy.push_back(BusyInterval{*start, *end});
  }
  return busy;
}

}  // namespace

nlohmann::json GraphScheduleRequest(const std::vector<std::string>& emails, TimePoint from, TimePoint until) {
  return {{"schedules", emails},
          {"startTime", GraphUtcDateTime(from)},
          {"endTime", GraphUtcDateTime(until)},
          {"availabilityViewInterval", 30}};
}

std::optional<std::map<std::string, std::vector<BusyInterval>>> ReadGraphSchedule(
    const nlohmann::json& answer, const std::vector<std::string>& emails) {
  if (!answer.is_object() || !answer.contains("value") || !answer["value"].is_array()) return std::nullopt;
  std::map<std::string, std::vector<BusyInterval>> busy;
  for (const nlohmann::json& schedule : answer["value"]) {
    if (!schedule.is_object() || (schedule.contains("error") && !schedule["error"].is_null())) continue;
    const std::string id = AsciiLower(StringField(schedule, "scheduleId"));
    auto asked = std::find_if(emails.begin(), emails.end(), [&](const std::string& email) { return AsciiLower(email) == id; });
    if (id.empty() || asked == emails.end()) continue;
    if (auto times = BusyTimes(schedule)) busy[*asked] = std::move(*times);
  }
  return busy;
}

}  // namespace mentorbot
