#include "adapters/graph/graph_event_json.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "adapters/common/ascii_case.h"
#include "adapters/common/json_fields.h"
#include "adapters/graph/graph_date_time.h"

namespace mentorbot {

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
    if (person.email.empty() || EqualIgnoringAsciiCase(person.email, mailbox)) continue;  // the organizer is not invited
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
    addresses.push_back(AsciiLower(StringField(Member(attendee, "emailAddress"), "address")));
  }
  std::sort(addresses.begin(), addresses.end());
  return addresses;
}

// Whitespace runs as one space, trimmed: Exchange rewrites line breaks.
std::string Squeezed(std::string_view text) {
  std::string squeezed;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      if (!squeezed.empty() && squeezed.back() != ' ') squeezed += ' ';
    } else {
      squeezed += static_cast<char>(c);
    }
  }
  if (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
  return squeezed;
}

// bodyPreview is the body's start as plain text (Exchange's own rendering,
// cut at 255 characters, the Teams meeting's text after ours): it says the
// description when one begins with the other, whitespace aside.
bool PreviewSays(const nlohmann::json& made, const std::string& description) {
  const auto preview = made.is_object() ? made.find("bodyPreview") : made.end();
  if (!made.is_object() || preview == made.end() || !preview->is_string()) return false;
  const std::string shown = Squeezed(preview->get<std::string>());
  const std::string wanted = Squeezed(description);
  return shown.size() >= wanted.size() ? shown.compare(0, wanted.size(), wanted) == 0
                                       : wanted.compare(0, shown.size(), shown) == 0;
}
}  // namespace

bool GraphEventSays(const nlohmann::json& made, const std::string& mailbox, const CalendarEvent& event) {
  const nlohmann::json wanted = GraphEventFields(mailbox, event);
  return StringField(made, "subject") == event.summary &&
         ReadGraphUtcDateTime(Member(made, "start")) == std::optional<TimePoint>(event.starts_at) &&
         ReadGraphUtcDateTime(Member(made, "end")) ==
             std::optional<TimePoint>(event.starts_at + std::chrono::minutes(event.minutes)) &&
         InvitedAddresses(Member(made, "attendees")) == InvitedAddresses(wanted["attendees"]) &&
         PreviewSays(made, event.description);
}

}  // namespace mentorbot
