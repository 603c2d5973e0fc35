// The Bot Framework connector's bearer token: client credentials (the bot's
// app id and password) for the connector's scope, through the neutral
// ClientCredentialsTokens. Constants only.
#pragma once

#include "adapters/common/client_credentials_tokens.h"

namespace mentorbot {

// The scope the connector's tokens are asked for.
inline constexpr const char* kBotFrameworkScope = "https://api.botframework.com/.default";

}  // namespace mentorbot
