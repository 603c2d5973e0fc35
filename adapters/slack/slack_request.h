// The checks every Slack route makes first, in this order: the signature
// (before anything in the request is looked at), then the media type.
#pragma once

#include <optional>
#include <string_view>

#include "adapters/common/http_types.h"
#include "adapters/slack/request_verifier.h"

namespace mentorbot {

// The response refusing the request (401, 415), or nullopt when it passes.
std::optional<HttpResponse> RejectSlackRequest(const SlackRequestVerifier& verifier, const HttpRequest& request,
                                               std::string_view media_type, RequestLogFields& log);

}  // namespace mentorbot
