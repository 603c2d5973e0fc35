// SlackInteractionsRoute: POST /slack/interactions (Slack's interactivity
// URL). Verify → decode the form's `payload` → then:
// - a button in a message runs its command; the answer replaces the message
//   (queued with the command's changes: chat.update, or the response_url for
//   an ephemeral message), so the button cannot usefully be pressed twice;
// - a button that opens a form runs the form's command without text, which
//   answers with the form (filled with what was written before), and opens
//   it as a modal at once: the trigger expires 3 s after the click;
// - a button in the App Home tab or a modal shows the answer in a modal and
//   refreshes the home tab;
// - a submitted modal is checked and saved by the engine before the 200;
//   refused inputs come back inline (response_action "errors"), a saved one
//   turns the modal into the confirmation (response_action "update").
// Callable without sockets. Thread-safety: Handle is safe from many threads.
#pragma once

#include <string>

#include "adapters/common/http_types.h"
#include "adapters/slack/interaction_parser.h"
#include "adapters/slack/request_verifier.h"
#include "adapters/slack/slack_views.h"
#include "bot/core/event_handler.h"

namespace mentorbot {

class SlackInteractionsRoute {
 public:
  // REQUIRES: verifier, handler and views outlive the route.
  SlackInteractionsRoute(const SlackRequestVerifier& verifier, EventHandler& handler, SlackViews& views)
      : verifier_(verifier), handler_(handler), views_(views) {}

  HttpResponse Handle(const HttpRequest& request, RequestLogFields& log) const;

 private:
  HttpResponse Press(SlackInteraction& interaction, RequestLogFields& log) const;
  HttpResponse OpenForm(const SlackInteraction& interaction, RequestLogFields& log) const;
  HttpResponse Submit(const SlackInteraction& interaction, RequestLogFields& log) const;

  const SlackRequestVerifier& verifier_;
  EventHandler& handler_;
  SlackViews& views_;
};

// Re-renders and publishes `user`'s App Home tab (the engine's home command).
void PublishHome(EventHandler& handler, SlackViews& views, const Address& user);

}  // namespace mentorbot
