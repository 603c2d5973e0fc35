// GraphDirectory: the DirectorySource of a Microsoft 365 tenant — its
// Entra ID users through Microsoft Graph with the program's app-only token
// (application permission User.Read.All; MailboxSettings.Read for the time
// zones):
//   full         GET {base}/users/delta?$select=...,manager, then every
//                @odata.nextLink until the @odata.deltaLink (next_delta)
//   incremental  GET the stored deltaLink (Prefer: return=minimal: only what
//                changed), then its nextLinks the same way
//   time zones   GET {base}/users/{id}/mailboxSettings/timeZone for each
//                watched person (Windows names mapped to IANA)
// Pages are asked for with `Prefer: odata.maxpagesize=N` ($top is not
// supported by users/delta). Only links under the configured base url are
// followed: a token is never sent to another host. Outcomes: 429, 503 and
// 504 wait Graph's Retry-After (through the sleep function) and are retried
// up to max_retries, then Unavailable; 401 drops the token and retries once;
// 403 is PermissionDenied; 410 Gone or resyncRequired / syncStateNotFound on
// a stored delta is InvalidArgument (read in full); other failures are
// Unavailable. Tokens are never logged or put in an error. Thread-safety: as
// the port, one Read at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/common/client_credentials_tokens.h"
#include "adapters/common/http_client.h"
#include "bot/core/directory_source.h"

namespace mentorbot {

struct GraphDirectoryOptions {
  int page_size = 999;  // Prefer: odata.maxpagesize (Graph's largest for users)
  int max_retries = 5;  // per call, on 429 / 503 / 504
  // How the source waits before a retry; null: the thread sleeps.
  std::function<void(std::chrono::milliseconds)> sleep;
  bool read_time_zones = true;             // mailboxSettings of request.watch_ids
  std::size_t max_time_zone_reads = 2000;  // watch_ids beyond this are not read
};

class GraphDirectory : public DirectorySource {
 public:
  static constexpr const char* kSelect =
      "id,displayName,mail,userPrincipalName,department,jobTitle,officeLocation,accountEnabled,manager";

  // `api_base_url` e.g. "https://graph.microsoft.com/v1.0". REQUIRES: tokens
  // and http outlive this.
  GraphDirectory(std::string tenant_id, std::string api_base_url, TokenSource& tokens, HttpClient& http,
                 GraphDirectoryOptions options = {});
  GraphDirectory(const GraphDirectory&) = delete;
  GraphDirectory& operator=(const GraphDirectory&) = delete;

  std::string name() const override { return "graph"; }
  StatusOr<DirectoryRead> Read(const DirectoryRequest& request, const DirectoryProgress& progress) override;

 private:
  struct Answer {
    int status = 0;
    nlohmann::json body;  // discarded when not JSON
    std::string code;     // Graph's error code, if any
  };

  // One GET with the bearer token, retried on throttling; a status other
  // than 2xx that is not retried comes back as an Answer. Counts calls.
  StatusOr<Answer> Get(const std::string& url, const std::string& prefer, const std::string& what, int& requests);
  // Every page of one delta round from `url` into `read`.
  Status ReadDelta(std::string url, bool stored_delta, DirectoryRead& read, const DirectoryProgress& progress);
  // The watched people's mailbox time zones into `read`.
  void ReadTimeZones(const std::vector<std::string>& ids, DirectoryRead& read, const DirectoryProgress& progress);
  // True for an absolute url under the configured base ("{base}/..." or "{base}?...").
  bool UnderBase(const std::string& url) const;
  void Sleep(std::chrono::milliseconds duration) const;

  std::string tenant_id_;
  std::string base_url_;
  TokenSource& tokens_;
  HttpClient& http_;
  GraphDirectoryOptions options_;
};

}  // namespace mentorbot
