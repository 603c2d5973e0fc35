// SlackFileFetcher: a CSV file shared with the bot (file_shared in its DM or
// a channel it is in) becomes `admin roster import` with the file attached.
// files.info and the download (with the bot token, only from Slack's file
// host) run on the fetcher's own thread, after the event was acknowledged;
// the engine then authorises and answers through the outbox, in the DM.
// Other files are ignored. Thread-safety: Fetch/Stop from any thread; Run on one.
#pragma once

#include <string>

#include "adapters/common/background_queue.h"
#include "adapters/common/http_client.h"
#include "bot/core/event.h"
#include "bot/core/event_handler.h"

namespace mentorbot {

class SlackFileFetcher {
 public:
  static constexpr std::size_t kMaxFileBytes = 16u << 20;
  static constexpr std::size_t kMaxQueued = 100;

  // REQUIRES: client and handler outlive this. An empty token: files are ignored (logged).
  SlackFileFetcher(std::string api_base_url, std::string bot_token, HttpClient& client, EventHandler& handler);

  // `shared` carries who shared it, where, and Slack's event id; file_id names the file.
  void Fetch(const Event& shared, const std::string& file_id);
  void Run() { queue_.Run(); }
  void Stop() { queue_.Stop(); }

 private:
  void Import(Event event, const std::string& file_id);
  // The file's bytes, or "" after logging why not.
  std::string Download(const std::string& url, std::size_t size);

  std::string api_base_url_;
  std::string api_origin_;  // tests' fake Slack serves files too
  std::string bot_token_;
  HttpClient& client_;
  EventHandler& handler_;
  BackgroundQueue queue_{"slack files", kMaxQueued};
};

}  // namespace mentorbot
