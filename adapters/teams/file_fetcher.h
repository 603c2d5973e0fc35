// TeamsFileFetcher: a CSV file sent to the bot in a 1:1 chat becomes
// `admin roster import` with the file attached (the message's text may add
// --skip-bad). Teams hands bots a pre-authenticated download URL; it is
// fetched on the fetcher's own thread after the activity was acknowledged,
// only from SharePoint (https) or an allowed service URL prefix (tests), and
// without credentials. The engine authorises and answers through the outbox.
// Thread-safety: Fetch/Stop from any thread; Run on one.
#pragma once

#include <string>

#include "adapters/common/background_queue.h"
#include "adapters/common/http_client.h"
#include "adapters/teams/service_url_policy.h"
#include "bot/core/event_handler.h"

namespace mentorbot {

class TeamsFileFetcher {
 public:
  static constexpr std::size_t kMaxFileBytes = 16u << 20;
  static constexpr std::size_t kMaxQueued = 100;

  // REQUIRES: client, policy and handler outlive this.
  TeamsFileFetcher(HttpClient& client, const ServiceUrlPolicy& policy, EventHandler& handler)
      : client_(client), policy_(policy), handler_(handler) {}

  // Whether `url` may be downloaded from.
  bool Allows(const std::string& url) const;
  // `event` carries who sent it, where and the reply address; its text is
  // set to the import command here.
  void Fetch(Event event, const std::string& file_name, const std::string& download_url);
  void Run() { queue_.Run(); }
  void Stop() { queue_.Stop(); }

 private:
  void Import(Event event, const std::string& file_name, const std::string& download_url);

  HttpClient& client_;
  const ServiceUrlPolicy& policy_;
  EventHandler& handler_;
  BackgroundQueue queue_{"teams files", kMaxQueued};
};

}  // namespace mentorbot
