// SlashCommandRoute: POST /slack/commands. Verify → decode → parse → engine →
// the reply as the HTTP response itself (Slack shows it to the person who
// typed, well within its 3-second deadline; the engine never waits on the
// network). Callable without sockets.
// Thread-safety: Handle is safe from many threads (its parts are).
#pragma once

#include <string>

#include "adapters/common/http_types.h"
#include "adapters/slack/request_verifier.h"
#include "bot/core/event_handler.h"

namespace mentorbot {

class SlashCommandRoute {
 public:
  // REQUIRES: verifier and handler outlive the route.
  SlashCommandRoute(const SlackRequestVerifier& verifier, EventHandler& handler, std::string command)
      : verifier_(verifier), handler_(handler), command_(std::move(command)) {}

  HttpResponse Handle(const HttpRequest& request, RequestLogFields& log) const;

 private:
  const SlackRequestVerifier& verifier_;
  EventHandler& handler_;
  std::string command_;
};

// The JSON body Slack expects in answer to a slash command.
std::string SlashCommandResponseBody(const Reply& reply);

}  // namespace mentorbot
