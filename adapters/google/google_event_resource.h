// The JSON of Google Calendar API v3 for our sessions: the Events resource
// sent on insert and patch, the event id derived from the session's uid, the
// Meet link read back, and RFC 3339 times. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/common/rfc3339.h"  // its times
#include "bot/core/calendar_event.h"

namespace mentorbot {

// The Google event id of the session `uid`: base32hex (RFC 4648 §7, the
// alphabet Google requires: "0-9a-v"), unpadded and lower-case, of the uid's
// SHA-256 — 52 characters, inside Google's 5..1024, the same on every call.
std::string GoogleEventId(std::string_view uid);

// What every insert and patch sets: summary, description, start, end
// (starts_at + minutes, UTC) and the attendees that have an email.
// conferenceData is left out, so a patch keeps the Meet link.
nlohmann::json EventFields(const CalendarEvent& event);
// conferenceData asking for a new Google Meet conference. `request_id` is
// stable per session: Google ignores a create request repeating the id of the
// previous one, so a retried insert or a restoring patch makes no second Meet.
nlohmann::json MeetCreateRequest(const std::string& request_id);

// The event's join link: hangoutLink, else the "video" entry point's uri; ""
// when there is none (yet: conference creation may still be pending).
std::string JoinUrl(const nlohmann::json& event);

}  // namespace mentorbot
