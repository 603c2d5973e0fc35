// getSchedule of the fake Microsoft Graph: busy blocks a test set and the
// mailbox's own meetings, as scheduleItems (with subject and location, as
// Graph gives them) and as availabilityView digits.
#include <algorithm>

#include "tests/support/fake_graph_mailboxes.h"
#include "tests/support/fake_graph_json.h"

namespace mentorbot {

namespace {
using nlohmann::json;

char AvailabilityCode(const std::string& status) {
  const std::string lower = FakeGraphMailboxes::Lower(status);
  if (lower == "tentative") return '1';
  if (lower == "busy" || lower == "unknown") return '2';
  if (lower == "oof") return '3';
  return '0';  // free, and workingElsewhere (shown as free for backward compatibility)
}
}  // namespace

FakeGraphAnswer FakeGraphMailboxes::Schedule(const json& request) const {
  if (!request.is_object() || !request.value("schedules", json()).is_array() || request["schedules"].empty()) {
    return GraphErrorAnswer(400, "ErrorInvalidRequest", "schedules is required");
  }
  auto from = ReadUtcTime(request.value("startTime", json()));
  auto until = ReadUtcTime(request.value("endTime", json()));
  const json interval_value = request.value("availabilityViewInterval", json(30));
  if (!from || !until || *until <= *from || !interval_value.is_number_integer()) {
    return GraphErrorAnswer(400, "ErrorInvalidRequest", "bad startTime, endTime or availabilityViewInterval");
  }
  const int interval = interval_value.get<int>();
  if (interval < 5 || interval > 1440) return GraphErrorAnswer(400, "ErrorInvalidRequest", "availabilityViewInterval out of range");
  json value = json::array();
  for (const json& schedule : request["schedules"]) {
    if (!schedule.is_string()) return GraphErrorAnswer(400, "ErrorInvalidRequest", "a schedule is not a string");
    const std::string email = Lower(schedule);
    if (unreadable_.count(email) > 0) {
      value.push_back({{"scheduleId", schedule},
                       {"availabilityView", ""},
                       {"error", {{"message", "The mailbox was not found."}, {"responseCode", "ErrorMailRecipientNotFound"}}}});
      continue;
    }
    std::vector<BusyBlock> blocks;
    if (auto set = busy_.find(email); set != busy_.end()) blocks = set->second;
    for (const Event& event : events_) {  // the mailbox's own meetings block it too
      if (event.mailbox == email && !event.cancelled && !event.deleted) {
        blocks.push_back({event.start, event.end, "busy", event.subject, "Microsoft Teams Meeting"});
      }
    }
    json items = json::array();
    std::string view;
    for (TimePoint slot = *from; slot < *until; slot += std::chrono::minutes(interval)) view += '0';
    for (const BusyBlock& block : blocks) {
      if (block.end <= *from || block.start >= *until) continue;
      items.push_back({{"isPrivate", false}, {"status", block.status}, {"subject", block.subject},
                       {"location", block.location}, {"start", WriteUtcTime(block.start)}, {"end", WriteUtcTime(block.end)}});
      for (std::size_t i = 0; i < view.size(); ++i) {
        const TimePoint slot = *from + std::chrono::minutes(interval) * static_cast<int>(i);
        if (block.start < slot + std::chrono::minutes(interval) && block.end > slot) {
          view[i] = std::max(view[i], AvailabilityCode(block.status));
        }
      }
    }
    value.push_back({{"scheduleId", schedule}, {"availabilityView", view}, {"scheduleItems", items}});
  }
  return {200, {{"@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)"},
                {"value", value}}};
}

}  // namespace mentorbot
