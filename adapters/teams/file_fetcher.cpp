#include "adapters/teams/file_fetcher.h"

#include <spdlog/spdlog.h>

#include "adapters/teams/file_uploader.h"

namespace mentorbot {

bool TeamsFileFetcher::Allows(const std::string& url) const { return IsTeamsFileUrl(url, policy_); }

void TeamsFileFetcher::Fetch(Event event, const std::string& file_name, const std::string& download_url) {
  queue_.Post([this, event = std::move(event), file_name, download_url] { Import(event, file_name, download_url); });
}

void TeamsFileFetcher::Import(Event event, const std::string& file_name, const std::string& download_url) {
  auto response = client_.Get(download_url, {});
  if (!response.ok() || response->status != 200) {
    spdlog::warn("teams file download failed: {}",
                 response.ok() ? "http " + std::to_string(response->status) : response.status().message());
    return;
  }
  if (response->body.size() > kMaxFileBytes) {
    spdlog::warn("teams file skipped: {} bytes is over the {} byte limit", response->body.size(), kMaxFileBytes);
    return;
  }
  const bool skip_bad = event.text.find("--skip-bad") != std::string::npos;
  event.text = skip_bad ? "admin roster import --skip-bad" : "admin roster import";
  event.attachment = Event::Attachment{file_name, response->body};
  if (handler_.Handle(event).failed) spdlog::warn("teams file {}: the store was unavailable; send it again", file_name);
}

}  // namespace mentorbot
