#include "adapters/slack/slack_request.h"

namespace mentorbot {

std::optional<HttpResponse> RejectSlackRequest(const SlackRequestVerifier& verifier, const HttpRequest& request,
                                               std::string_view media_type, RequestLogFields& log) {
  if (Status verified = verifier.Verify(request); !verified.ok()) {
    log.detail = verified.message();
    return HttpResponse::Text(401, "invalid request signature\n");
  }
  if (!request.HasMediaType(media_type)) {
    log.detail = "not " + std::string(media_type);
    return HttpResponse::Text(415, "expected " + std::string(media_type) + "\n");
  }
  return std::nullopt;
}

}  // namespace mentorbot
