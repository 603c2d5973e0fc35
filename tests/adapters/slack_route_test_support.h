// Shared by the Slack route tests (no sockets): a SlackViews that records,
// and signed requests timestamped by the engine's fake clock.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/common/http_types.h"
#include "adapters/slack/slack_views.h"
#include "bot/core/clock.h"
#include "tests/support/slack_signing.h"

namespace mentorbot {

inline constexpr const char* kRouteTestSecret = "route-test-signing-secret";

class RecordingSlackViews : public SlackViews {
 public:
  struct Call {
    std::string method;  // "open", "push", "update", "publish"
    std::string target;  // trigger id, view id or user id
    nlohmann::json view;
  };
  void Open(const std::string& trigger_id, nlohmann::json view) override { Record("open", trigger_id, std::move(view)); }
  void Push(const std::string& trigger_id, nlohmann::json view) override { Record("push", trigger_id, std::move(view)); }
  void Update(const std::string& view_id, nlohmann::json view) override { Record("update", view_id, std::move(view)); }
  void Publish(const std::string& user_id, nlohmann::json view) override { Record("publish", user_id, std::move(view)); }
  std::vector<Call> calls() {
    std::lock_guard lock(mutex_);
    return calls_;
  }

 private:
  void Record(std::string method, const std::string& target, nlohmann::json view) {
    std::lock_guard lock(mutex_);
    calls_.push_back(Call{std::move(method), target, std::move(view)});
  }
  std::mutex mutex_;
  std::vector<Call> calls_;
};

// A request as Slack signs it at `clock`'s now.
inline HttpRequest SignedSlackRequest(const std::string& path, const std::string& body, const std::string& content_type,
                                      const Clock& clock) {
  const long long now = clock.Now().time_since_epoch().count();
  return HttpRequest{"POST",
                     path,
                     {{"content-type", content_type},
                      {"x-slack-request-timestamp", std::to_string(now)},
                      {"x-slack-signature", SlackSignature(kRouteTestSecret, now, body)}},
                     body,
                     "127.0.0.1"};
}

}  // namespace mentorbot
