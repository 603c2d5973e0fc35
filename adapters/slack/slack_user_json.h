// Reading a Slack user object (users.list members, users.info's user, the
// user of a team_join or user_change event) as a DirectoryEntry: id; name
// (profile.display_name, else profile.real_name, else real_name); email
// (profile.email, lower case — present only with users:read.email); tz
// (already an IANA name); profile.title as the job title; deleted as
// !active; is_bot and the Slackbot (USLACKBOT) as bot. Slack has no
// department or location in a user object: they stay nullopt, as does a
// field Slack left out or sent as null ("data that has not been supplied may
// not be present at all, may be null or may contain an empty string" —
// docs.slack.dev/reference/methods/users.list). Pure; untrusted JSON never
// throws.
#pragma once

#include <nlohmann/json.hpp>

#include "bot/core/directory_source.h"
#include "bot/core/status_or.h"

namespace mentorbot {

// InvalidArgument when `user` is not an object, has no usable id (Slack ids
// are [A-Z0-9]), or a member the entry reads has the wrong type (then the
// message names it).
StatusOr<DirectoryEntry> ParseSlackUser(const nlohmann::json& user);

// Whether `id` looks like a Slack user id (U…/W…, [A-Z0-9]+).
bool IsSlackUserId(const std::string& id);

}  // namespace mentorbot
