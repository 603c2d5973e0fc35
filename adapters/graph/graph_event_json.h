// The JSON of a session as a Microsoft Graph event (POST and PATCH
// /users/{mailbox}/events), and the transactionId that makes a retried
// create idempotent. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "bot/core/calendar_event.h"

namespace mentorbot {

// A UUID-shaped value derived from `seed` (SHA-256, version nibble 8): the
// same seed always gives the same id. Graph documents transactionId as a
// client string that dedupes retried creates; its own example is a GUID.
std::string GraphTransactionId(std::string_view seed);

// What a create and an update both send: subject, start, end (UTC),
// attendees — everyone with an email but the organizer's own mailbox,
// required — and isOnlineMeeting + onlineMeetingProvider "teamsForBusiness",
// repeated on every update so the Teams meeting is kept.
nlohmann::json GraphEventFields(const std::string& mailbox, const CalendarEvent& event);

// The create request: the fields above, the description as a text body,
// allowNewTimeProposals false (a new time goes through the bot) and the
// transactionId.
nlohmann::json GraphCreateRequest(const std::string& mailbox, const CalendarEvent& event,
                                  const std::string& transaction_id);

// Whether the event Graph answered a create with says what `event` says:
// subject, start, end, invited addresses and the description (the start
// of bodyPreview, whitespace aside: the HTML Exchange makes of a text body
// is its own). A create retried with its
// transactionId is answered with the event the lost try made, which a
// change made in between (a move, a new agenda) is not yet in: then it is
// brought up to date. Errs towards "differs": that costs one update.
bool GraphEventSays(const nlohmann::json& made, const std::string& mailbox, const CalendarEvent& event);

}  // namespace mentorbot
