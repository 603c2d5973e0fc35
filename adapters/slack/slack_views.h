// SlackViews: the port through which Slack routes show views — open a modal
// for a trigger (or push one onto an open modal), update an open modal, publish a person's App Home tab.
// Views are not messages: a trigger expires 3 s after the click and a home
// tab is re-rendered whenever it is opened, so they are never queued in the
// durable outbox (where they would wait behind announcements and be retried
// long after they mean anything); they are shown at once, best effort.
// Implementations must be safe to call from several threads and must not
// block the caller on the network.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace mentorbot {

class SlackViews {
 public:
  virtual ~SlackViews() = default;
  virtual void Open(const std::string& trigger_id, nlohmann::json view) = 0;
  // Opens a modal on top of the open one (a form button inside a modal).
  virtual void Push(const std::string& trigger_id, nlohmann::json view) = 0;
  virtual void Update(const std::string& view_id, nlohmann::json view) = 0;
  virtual void Publish(const std::string& user_id, nlohmann::json view) = 0;
};

}  // namespace mentorbot
