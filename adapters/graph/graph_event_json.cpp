#include "adapters/graph/graph_event_json.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "adapters/common/json_fields.h"
#include "adapters/graph/graph_date_time.h"
#include "adapters/graph/graph_meeting_body.h"

namespace mentorbot {

namespace {

bool SameAddress(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

}  // namespace

std::string GraphTransactionId(std::string_view seed) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(seed.data(), seed.size(), digest.data(), &length, EVP_sha256(), nullptr);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x80);  // version 8: application-defined
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);  // RFC 9562 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
    id += kHex[digest[i] >> 4];
    id += kHex[digest[i] & 0x0f];
  }
  return id;
}

nlohmann::json GraphEventFields(const std::string& mailbox, const CalendarEvent& event) {
  nlohmann::json attendees = nlohmann::json::array();
  for (const CalendarPerson& person : event.attendees) {
    if (person.email.empty() || SameAddress(person.email, mailbox)) continue;  // the organizer is not invited
    attendees.push_back({{"emailAddress", {{"address", person.email}, {"name", person.name}}}, {"type", "required"}});
  }
  return {{"subject", event.summary},
          {"start", GraphUtcDateTime(event.starts_at)},
          {"end", GraphUtcDateTime(event.starts_at + std::chrono::minutes(event.minutes))},
          {"attendees", std::move(attendees)},
          {"isOnlineMeeting", true},
          {"onlineMeetingProvider", "teamsForBusiness"}};
}

nlohmann::json GraphCreateRequest(const std::string& mailbox, const CalendarEvent& event,
                                  const std::string& transaction_id) {
  nlohmann::json request = GraphEventFields(mailbox, event);
  request["body"] = {{"contentType", "text"}, {"content", event.description}};
  request["allowNewTimeProposals"] = false;
  request["transactionId"] = transaction_id;
  return request;
}

namespace {
std::vector<std::string> InvitedAddresses(const nlohmann::json& attendees) {
  std::vector<std::string> addresses;
  if (!attendees.is_array()) return addresses;
  for (const auto& attendee : attendees) {
    std::string address = StringField(Member(attendee, "emailAddress"), "address");
    std::transform(address.begin(), address.end(), address.begin(), [](unsigned char c) { return std::tolower(c); });
    addresses.push_back(std::move(address));
  }
  std::sort(addresses.begin(), addresses.end());
  return addresses;
}

bool BodySays(const nlohmann::json& body, const std::string& description) {
  const std::string content = StringField(body, "content");
  std::string type = StringField(body, "contentType");
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  if (type == "html") return content.find(TextAsHtml(description)) != std::string::npos;
  return content == description;
}
}  // namespace

bool GraphEventSays(const nlohmann::json& made, const std::string& mailbox, const CalendarEvent& event) {
  const nlohmann::json wanted = GraphEventFields(mailbox, event);
  return StringField(made, "subject") == event.summary &&
         ReadGraphUtcDateTime(Member(made, "start")) == std::optional<TimePoint>(event.starts_at) &&
         ReadGraphUtcDateTime(Member(made, "end")) ==
             std::optional<TimePoint>(event.starts_at + std::chrono::minutes(event.minutes)) &&
         InvitedAddresses(Member(made, "attendees")) == InvitedAddresses(wanted["attendees"]) &&
         BodySays(Member(made, "body"), event.description);
}

}  // namespace mentorbot
