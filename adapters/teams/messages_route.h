// TeamsMessagesRoute: POST /api/messages, where the Bot Framework connector
// delivers Teams activities. Authenticate (the JWT, or loopback-only local
// development) → parse → check the service url → remember how to reach the
// sender → engine. Replies to messages are activities of their own, so the
// engine queues them to the outbox in the command's transaction and the
// route acks at once; an adaptiveCard/action invoke is answered in the HTTP
// response with the reply card. Callable without sockets.
// Thread-safety: Handle is safe from many threads.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "adapters/common/http_types.h"
#include "adapters/teams/file_fetcher.h"
#include "adapters/teams/file_uploader.h"
#include "adapters/teams/service_url_policy.h"
#include "adapters/teams/teams_activity.h"
#include "adapters/teams/token_validator.h"
#include "bot/core/clock.h"
#include "bot/core/event_handler.h"
#include "bot/core/store.h"

namespace mentorbot {

class TeamsMessagesRoute {
 public:
  // `validator` is null when no app id is configured: then only local
  // development mode (policy.local_development()) accepts anything.
  // REQUIRES: everything passed outlives the route.
  TeamsMessagesRoute(const BotFrameworkTokenValidator* validator, const ServiceUrlPolicy& policy, EventHandler& handler,
                     Store& store, const Clock& clock)
      : validator_(validator), policy_(policy), handler_(handler), store_(store), clock_(clock) {}

  HttpResponse Handle(const HttpRequest& request, RequestLogFields& log);
  // CSV files sent in 1:1 chats go to `files` (roster import); without it they are ignored.
  // REQUIRES: files outlives the route.
  void set_file_fetcher(TeamsFileFetcher* files) { files_ = files; }
  // Answers to file consent cards go to `uploads`; without it they are ignored.
  // REQUIRES: uploads outlives the route.
  void set_file_uploader(TeamsFileUploader* uploads) { uploads_ = uploads; }
  // Called when messages put off for want of a way to reach someone became
  // due because an activity showed one (the outbox worker's wake-up).
  void set_outbox_wake(std::function<void()> wake) { outbox_wake_ = std::move(wake); }

 private:
  Status Authenticate(const HttpRequest& request, const TeamsActivity& activity) const;
  HttpResponse ImportFile(const TeamsActivity& activity, Event& event, RequestLogFields& log);
  // Stores the conversation references the activity reveals (its sender's,
  // and those of people it mentions), skipping ones already stored as they
  // are. A new one makes messages to the tenant's people that were waiting
  // for a way to reach them due now, instead of at their next retry (which
  // may be an hour away).
  void RememberReferences(const TeamsActivity& activity);

  const BotFrameworkTokenValidator* validator_;
  const ServiceUrlPolicy& policy_;
  EventHandler& handler_;
  Store& store_;
  const Clock& clock_;
  TeamsFileFetcher* files_ = nullptr;
  TeamsFileUploader* uploads_ = nullptr;
  std::function<void()> outbox_wake_;
  std::mutex remembered_mutex_;
  std::unordered_map<std::string, std::string> remembered_;  // user key -> what was stored
};

}  // namespace mentorbot
