// TeamsFileUploader: a file the bot hands over in Teams (an admin's export,
// a calendar invitation) first shows as a file consent card; the person's
// answer arrives as a fileConsent/invoke. On "accept" the stored bytes are
// PUT to the upload URL Teams gives (the person's OneDrive: https
// *.sharepoint.com, or an allowed service URL prefix in tests) and a file
// card follows through the outbox; on "decline" the file is erased. Only the
// person the file was made for may receive it. Work happens on the
// uploader's own thread after the invoke was answered.
// Thread-safety: Answer/Stop from any thread; Run on one.
#pragma once

#include <functional>
#include <string>

#include "adapters/common/background_queue.h"
#include "adapters/common/http_client.h"
#include "adapters/teams/service_url_policy.h"
#include "adapters/teams/teams_activity.h"
#include "bot/core/clock.h"
#include "bot/core/store.h"

namespace mentorbot {

// Whether a file may go to or come from `url`: SharePoint over https, or a
// service URL the policy allows.
bool IsTeamsFileUrl(const std::string& url, const ServiceUrlPolicy& policy);

class TeamsFileUploader {
 public:
  static constexpr std::size_t kMaxQueued = 100;

  // `enqueued` is called after a message was queued (to wake the outbox).
  // REQUIRES: everything passed outlives this.
  TeamsFileUploader(Store& store, HttpClient& client, const ServiceUrlPolicy& policy, const Clock& clock,
                    std::function<void()> enqueued)
      : store_(store), client_(client), policy_(policy), clock_(clock), enqueued_(std::move(enqueued)) {}

  // A fileConsent/invoke from an authenticated activity.
  void Answer(const TeamsActivity& activity);
  void Run() { queue_.Run(); }
  void Stop() { queue_.Stop(); }

 private:
  struct Consent {
    bool accepted = false;
    std::int64_t file_id = 0;
    std::string upload_url, content_url, unique_id, name;
    UserRef from;
    Address reply_to;
  };
  void Handle(const Consent& consent);
  // Puts the file's bytes at the upload URL; the error when it failed.
  std::string Upload(const Consent& consent, const StoredFile& file);
  // Queues `message` (once per key) and, when `erase`, drops the file, in one transaction.
  void Finish(const Consent& consent, const std::string& key, const Message& message, bool erase);

  Store& store_;
  HttpClient& client_;
  const ServiceUrlPolicy& policy_;
  const Clock& clock_;
  std::function<void()> enqueued_;
  BackgroundQueue queue_{"teams uploads", kMaxQueued};
};

}  // namespace mentorbot
