#include "tests/support/fake_graph_mailboxes.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>

#include "adapters/common/ascii_case.h"
#include "tests/support/fake_graph_json.h"

namespace mentorbot {

namespace {
using nlohmann::json;

std::string EscapeHtml(const std::string& text) {
  std::string html;
  for (char c : text) {
    if (c == '&') html += "&amp;";
    else if (c == '<') html += "&lt;";
    else if (c == '>') html += "&gt;";
    else if (c == '\n') html += "<br>";
    else html += c;
  }
  return html;
}

// bodyPreview: the body as plain text, tags dropped, line breaks as CRLF,
// entities decoded, cut at 255 characters, as Graph gives it.
std::string PreviewOf(const std::string& html) {
  std::string text;
  for (std::size_t at = 0; at < html.size();) {
    if (html[at] == '<') {
      const std::size_t end = html.find('>', at);
      const std::string tag = FakeGraphMailboxes::Lower(html.substr(at, end == std::string::npos ? std::string::npos : end - at + 1));
      if (tag.rfind("<br", 0) == 0 || tag.rfind("<div", 0) == 0) text += "\r\n";
      at = end == std::string::npos ? html.size() : end + 1;
      continue;
    }
    if (html[at] == '&') {
      bool decoded = false;
      for (const auto& [entity, character] : {std::pair<const char*, char>{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                                              {"&quot;", '"'}, {"&#39;", '\''}, {"&nbsp;", ' '}}) {
        if (html.compare(at, std::strlen(entity), entity) == 0) {
          text += character;
          at += std::strlen(entity);
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    text += html[at++];
  }
  const std::size_t first = text.find_first_not_of("\r\n ");
  text = first == std::string::npos ? "" : text.substr(first);
  return text.substr(0, 255);
}

// What Exchange writes into the body of a Teams meeting.
std::string MeetingBlob(const std::string& join_url) {
  const std::string rule = R"(<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">)" +
                           std::string(80, '_') + "</span></div>";
  return rule + R"(<div class="me-email-text" lang="en-US"><div style="margin-bottom:24px"><span )"
                R"(style="font-size:24px;font-weight:700">Microsoft Teams meeting</span></div><div><a href=")" +
         join_url + R"(">Join the meeting now</a></div></div>)" + rule;
}

constexpr const char* kBodyEnd = "</body></html>";

}  // namespace

std::string FakeGraphMailboxes::Lower(std::string text) { return AsciiLower(std::move(text)); }

// A cancelled event is gone too: Graph's cancel moves it to Deleted Items,
// and an item moved to another folder gets another id.
FakeGraphMailboxes::Event* FakeGraphMailboxes::Find(const std::string& mailbox, const std::string& id) {
  for (Event& event : events_) {
    if (event.id == id && event.mailbox == Lower(mailbox) && !event.deleted && !event.cancelled) return &event;
  }
  return nullptr;
}

const FakeGraphMailboxes::Event* FakeGraphMailboxes::Find(const std::string& mailbox, const std::string& id) const {
  return const_cast<FakeGraphMailboxes*>(this)->Find(mailbox, id);
}

void FakeGraphMailboxes::StartMeeting(Event& event) {
  event.join_url = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + event.id + "%40thread.v2/0?context=%7b%22Tid%22%3a%22" +
                   tenant_id_ + "%22%7d";
  const std::size_t end = event.body_html.rfind(kBodyEnd);
  event.body_html.insert(end == std::string::npos ? event.body_html.size() : end, MeetingBlob(event.join_url));
}

std::optional<FakeGraphAnswer> FakeGraphMailboxes::Apply(const json& request, Event& event, bool creating) {
  if (!request.is_object()) return GraphErrorAnswer(400, "BadRequest", "Empty Payload. JSON content expected.");
  if (request.contains("subject")) {
    if (!request["subject"].is_string()) return GraphErrorAnswer(400, "BadRequest", "subject is not a string");
    event.subject = request["subject"];
  }
  bool meeting_lost = false;
  if (request.contains("body")) {
    const json& body = request["body"];
    if (!body.is_object() || !body.value("content", json()).is_string()) return GraphErrorAnswer(400, "BadRequest", "bad body");
    const std::string type = Lower(body.value("contentType", std::string("text")));
    const std::string content = body["content"];
    if (type != "text" && type != "html") return GraphErrorAnswer(400, "BadRequest", "bad body contentType");
    event.body_html = "<html><head></head><body>" + (type == "text" ? EscapeHtml(content) : content) + kBodyEnd;
    // Update-event docs: removing the meeting blob from the body disables the online meeting.
    if (!event.join_url.empty() && content.find(event.join_url) == std::string::npos) {
      event.join_url.clear();
      meeting_lost = true;
    }
  }
  for (const char* name : {"start", "end"}) {
    if (!request.contains(name)) {
      if (creating) return GraphErrorAnswer(400, "ErrorInvalidRequest", std::string(name) + " is required");
      continue;
    }
    auto time = ReadUtcTime(request[name]);
    if (!time) return GraphErrorAnswer(400, "ErrorInvalidRequest", std::string(name) + " is not a dateTimeTimeZone in UTC");
    (std::string(name) == "start" ? event.start : event.end) = *time;
  }
  if (event.end < event.start) return GraphErrorAnswer(400, "ErrorInvalidRequest", "the end is before the start");
  if (request.contains("attendees")) {
    if (!request["attendees"].is_array()) return GraphErrorAnswer(400, "BadRequest", "attendees is not an array");
    std::vector<std::string> attendees;
    for (const json& attendee : request["attendees"]) {
      const json address = attendee.is_object() ? attendee.value("emailAddress", json()) : json();
      if (!address.is_object() || !address.value("address", json()).is_string() ||
          address["address"].get<std::string>().empty()) {
        return GraphErrorAnswer(400, "ErrorInvalidRecipients", "an attendee has no emailAddress.address");
      }
      const std::string type = Lower(attendee.value("type", std::string("required")));
      if (type != "required" && type != "optional" && type != "resource") return GraphErrorAnswer(400, "BadRequest", "bad type");
      attendees.push_back(address["address"]);
    }
    event.attendees = std::move(attendees);
  }
  if (request.contains("transactionId")) {
    if (!request["transactionId"].is_string()) return GraphErrorAnswer(400, "BadRequest", "transactionId is not a string");
    if (!creating && request["transactionId"] != event.transaction_id) {
      return GraphErrorAnswer(400, "ErrorInvalidRequest", "transactionId cannot be changed");
    }
    event.transaction_id = request["transactionId"];
  }
  if (request.contains("allowNewTimeProposals")) event.allow_new_time_proposals = request["allowNewTimeProposals"] == true;
  if (request.contains("isOnlineMeeting")) {
    const std::string provider = request.value("onlineMeetingProvider", std::string("teamsForBusiness"));
    if (provider != "teamsForBusiness") return GraphErrorAnswer(400, "ErrorInvalidRequest", "only Teams meetings here");
    if (request["isOnlineMeeting"] != true) {
      const std::size_t blob = event.join_url.empty() ? std::string::npos : event.body_html.find(MeetingBlob(event.join_url));
      if (blob != std::string::npos) event.body_html.erase(blob, MeetingBlob(event.join_url).size());
      event.join_url.clear();
    } else if (event.join_url.empty() && !meeting_lost) {
      StartMeeting(event);
    }
  }
  return std::nullopt;
}

FakeGraphAnswer FakeGraphMailboxes::Create(const std::string& mailbox, const json& request) {
  Event event;
  event.id = "AAMkAD" + std::to_string(next_id_);
  event.mailbox = Lower(mailbox);
  event.body_html = std::string("<html><head></head><body>") + kBodyEnd;
  if (auto refused = Apply(request, event, /*creating=*/true)) return *refused;
  if (!event.transaction_id.empty()) {
    for (const Event& made : events_) {
      // The same transactionId answers with the event made before, even a deleted one.
      if (made.mailbox == event.mailbox && made.transaction_id == event.transaction_id) return {201, ToJson(made)};
    }
  }
  ++next_id_;
  events_.push_back(event);
  return {201, ToJson(event)};
}

FakeGraphAnswer FakeGraphMailboxes::Get(const std::string& mailbox, const std::string& id,
                                        const std::string& select) const {
  const Event* event = Find(mailbox, id);
  if (event == nullptr) return GraphErrorAnswer(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  json full = ToJson(*event);
  if (select.empty()) return {200, full};
  json selected = {{"id", event->id}};
  std::istringstream names(select);
  for (std::string name; std::getline(names, name, ',');) {
    if (full.contains(name)) selected[name] = full[name];
  }
  return {200, selected};
}

FakeGraphAnswer FakeGraphMailboxes::Patch(const std::string& mailbox, const std::string& id, const json& request) {
  Event* event = Find(mailbox, id);
  if (event == nullptr) return GraphErrorAnswer(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  Event changed = *event;
  if (auto refused = Apply(request, changed, /*creating=*/false)) return *refused;
  *event = changed;
  return {200, ToJson(*event)};
}

FakeGraphAnswer FakeGraphMailboxes::Cancel(const std::string& mailbox, const std::string& id, const json& request) {
  Event* event = Find(mailbox, id);
  if (event == nullptr) return GraphErrorAnswer(404, "ErrorItemNotFound", "The specified object was not found in the store.");
  if (!request.is_object() || (request.contains("comment") && !request["comment"].is_string())) {
    return GraphErrorAnswer(400, "BadRequest", "bad cancel request");
  }
  event->cancelled = true;
  event->cancel_comment = request.value("comment", std::string());
  return {202, json()};
}

bool FakeGraphMailboxes::Delete(const std::string& mailbox, const std::string& id) {
  Event* event = Find(mailbox, id);
  if (event == nullptr) return false;
  event->deleted = true;
  return true;
}

std::vector<FakeGraphMailboxes::Event> FakeGraphMailboxes::Events(const std::string& mailbox) const {
  std::vector<Event> found;
  for (const Event& event : events_) {
    if (event.mailbox == Lower(mailbox)) found.push_back(event);
  }
  return found;
}

json FakeGraphMailboxes::ToJson(const Event& event) const {
  json attendees = json::array();
  for (const std::string& address : event.attendees) {
    attendees.push_back({{"type", "required"}, {"status", {{"response", "none"}, {"time", "0001-01-01T00:00:00Z"}}},
                         {"emailAddress", {{"address", address}}}});
  }
  json answer = {{"id", event.id},
                 {"subject", event.subject},
                 {"body", {{"contentType", "html"}, {"content", event.body_html}}},
                 {"bodyPreview", PreviewOf(event.body_html)},
                 {"start", WriteUtcTime(event.start)},
                 {"end", WriteUtcTime(event.end)},
                 {"attendees", attendees},
                 {"organizer", {{"emailAddress", {{"address", event.mailbox}}}}},
                 {"isOrganizer", true},
                 {"isCancelled", event.cancelled},
                 {"allowNewTimeProposals", event.allow_new_time_proposals},
                 {"isOnlineMeeting", !event.join_url.empty()},
                 {"onlineMeetingProvider", event.join_url.empty() ? "unknown" : "teamsForBusiness"},
                 {"onlineMeeting", event.join_url.empty() ? json() : json{{"joinUrl", event.join_url}}}};
  if (!event.transaction_id.empty()) answer["transactionId"] = event.transaction_id;
  return answer;
}

}  // namespace mentorbot
