// SlackViewsClient: SlackViews over the Web API (views.open, views.push,
// views.update, views.publish), called from its own thread so HTTP threads never wait on
// Slack. Requests are sent in order; failures are logged, never retried
// (see slack_views.h). The queue is bounded: beyond kMaxQueued the oldest
// requests are dropped, as their triggers have expired anyway.
// Thread-safety: Open/Update/Publish/Stop from any thread; Run on one.
#pragma once

#include <string>

#include "adapters/common/background_queue.h"
#include "adapters/common/http_client.h"
#include "adapters/slack/slack_views.h"

namespace mentorbot {

class SlackViewsClient : public SlackViews {
 public:
  static constexpr std::size_t kMaxQueued = 1000;

  // An empty token means Slack cannot be called: requests are logged and dropped.
  // REQUIRES: client outlives this.
  SlackViewsClient(std::string api_base_url, std::string bot_token, HttpClient& client);

  void Open(const std::string& trigger_id, nlohmann::json view) override;
  void Push(const std::string& trigger_id, nlohmann::json view) override;
  void Update(const std::string& view_id, nlohmann::json view) override;
  void Publish(const std::string& user_id, nlohmann::json view) override;

  void Run() { queue_.Run(); }    // sends queued requests until Stop
  void Stop() { queue_.Stop(); }  // Run returns after the request in flight

 private:
  void Enqueue(std::string method, nlohmann::json body);
  void Send(const std::string& method, const nlohmann::json& body);

  std::string api_base_url_;
  std::string bot_token_;
  HttpClient& client_;
  BackgroundQueue queue_{"slack views", kMaxQueued};
};

}  // namespace mentorbot
