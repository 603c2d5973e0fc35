// Teams writes a mention as "<at>Name</at>" in the message text and explains
// it in a "mention" entity of the activity. This turns such text into what
// the engine reads: the bot's own mention (how a channel message addresses
// the bot) is removed, and every other explained mention becomes the
// person's user key "teams:<tenant_id>:<aadObjectId>", so
// "admin pair <at>Sam</at> <at>Alex</at>" names two people exactly. Pure.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace mentorbot {

// `entities` is the activity's "entities" array (anything else is ignored);
// `bot_id` is the activity's recipient.id. Markup no entity explains is left
// as it is.
std::string ResolveTeamsMentions(std::string_view text, const nlohmann::json& entities, std::string_view tenant_id,
                                 std::string_view bot_id);

}  // namespace mentorbot
