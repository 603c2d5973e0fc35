// SlackEventsRoute: POST /slack/events (Slack's Events API request URL).
// Verify → parse → answer url_verification with its challenge; run a command
// typed in the bot's DM (message.im) or after mentioning it (app_mention);
// publish the App Home tab when it is opened (app_home_opened); hand a shared
// file to the SlackFileFetcher (file_shared: a roster CSV for admins); hand
// a member who joined or changed (team_join, user_change) to the engine as a
// directory update, with no reply.
// Slack retries an event it thinks was not received (X-Slack-Retry-Num);
// events are redeliverable, so the engine records each event_id in the same
// transaction as its changes and a repeat does nothing. The engine's work is
// done before the 200 (milliseconds, so an acknowledged event is never lost);
// everything that talks to Slack happens after it, on other threads: replies
// go through the outbox (to the DM, never to a channel: pair data stays
// private), the home tab through SlackViews.
// Callable without sockets. Thread-safety: Handle is safe from many threads.
#pragma once

#include <string>

#include "adapters/common/http_types.h"
#include "adapters/slack/file_fetcher.h"
#include "adapters/slack/request_verifier.h"
#include "adapters/slack/slack_views.h"
#include "bot/core/event_handler.h"

namespace mentorbot {

class SlackEventsRoute {
 public:
  // `slash_command` ("/mentor") is dropped from text typed in the DM.
  // REQUIRES: verifier, handler and views outlive the route.
  SlackEventsRoute(const SlackRequestVerifier& verifier, EventHandler& handler, SlackViews& views,
                   SlackFileFetcher& files, std::string slash_command)
      : verifier_(verifier), handler_(handler), views_(views), files_(files), slash_command_(std::move(slash_command)) {}

  HttpResponse Handle(const HttpRequest& request, RequestLogFields& log) const;

 private:
  const SlackRequestVerifier& verifier_;
  EventHandler& handler_;
  SlackViews& views_;
  SlackFileFetcher& files_;
  std::string slash_command_;
};

}  // namespace mentorbot
