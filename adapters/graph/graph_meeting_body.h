// Keeping the Teams meeting when an event's body changes. When Exchange
// makes the online meeting it writes the join details (the "meeting blob")
// into the event's HTML body, and Graph's update-event docs warn: before
// updating the body of an online meeting, get the body, change the content
// and preserve the blob — removing it disables the online meeting. The blob
// is framed by lines of underscores; this finds it and puts the new
// description before it. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace mentorbot {

// The itemBody to PATCH for `description`, given the event's current body
// ({"contentType": "html", "content": …} as GET answers it) and its meeting's
// join url: the description as HTML, then the blob as it was. nullopt when
// no blob holding `join_url` is found — then the body is better left alone.
std::optional<nlohmann::json> BodyKeepingMeeting(const std::string& description, const nlohmann::json& current_body,
                                                 const std::string& join_url);

// `text` escaped for HTML, line breaks as <br>.
std::string TextAsHtml(const std::string& text);

}  // namespace mentorbot
