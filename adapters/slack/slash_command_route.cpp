#include "adapters/slack/slash_command_route.h"

#include "adapters/common/form_decoding.h"
#include "adapters/slack/block_kit_renderer.h"
#include "adapters/slack/slack_request.h"
#include "adapters/slack/slash_command_parser.h"

namespace mentorbot {

namespace {
HttpResponse Ephemeral(const std::string& text) {
  nlohmann::json body{{"response_type", "ephemeral"}, {"text", EscapeSlackText(text)}};
  return HttpResponse::Json(body.dump());
}
}  // namespace

std::string SlashCommandResponseBody(const Reply& reply) {
  nlohmann::json body = RenderBlockKit(reply.message);
  body["response_type"] = reply.visible_to_conversation ? "in_channel" : "ephemeral";
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpResponse SlashCommandRoute::Handle(const HttpRequest& request, RequestLogFields& log) const {
  if (auto rejected = RejectSlackRequest(verifier_, request, "application/x-www-form-urlencoded", log)) return *rejected;
  auto form = DecodeForm(request.body);
  if (!form) {
    log.detail = "malformed form encoding";
    return HttpResponse::Text(400, "malformed form body\n");
  }
  auto event = ParseSlashCommand(*form, command_);
  if (!event.ok()) {
    log.detail = event.status().message();
    // A signed request with an unexpected command is Slack's, but not ours:
    // tell the person instead of failing silently.
    if (form->Has("command") && form->Has("team_id") && form->Has("user_id")) {
      return Ephemeral("Sorry, " + event.status().message() + ".");
    }
    return HttpResponse::Text(400, event.status().message() + "\n");
  }
  log.workspace = event->from.user.workspace;
  log.user = event->from.user.user_id;
  return HttpResponse::Json(SlashCommandResponseBody(handler_.Handle(*event)));
}

}  // namespace mentorbot
