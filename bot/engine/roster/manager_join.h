// Who manages whom when one person has several keys: a Slack member, an
// Entra ID user and a CSV row known only by address ("email:…") with one
// email are one person. A key's manager comes from the key's own listing
// first, else from another key with the same email (user keys by key, then
// the CSV row) — so a Slack workspace without a manager field takes its
// managers from the Graph or CSV org chart. The manager is named in the
// asking key's platform and workspace where they have a key there, so a
// chain walk stays in one namespace and meets the pair's own keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mentorbot {

// What the join reads: the store, or lists loaded in bulk.
class OrgChartSource {
 public:
  virtual ~OrgChartSource() = default;
  // The manager this key's own entry gives: "" when it says none, nullopt when it says nothing.
  virtual std::optional<std::string> ListedManager(const std::string& key) = 0;
  virtual std::string EmailOf(const std::string& key) = 0;  // "" unknown
  // The user keys (never "email:…") with this email, by key.
  virtual std::vector<std::string> KeysWithEmail(const std::string& email) = 0;
};

// The manager key of `key`, or "" when none or unknown.
std::string JoinedManagerOf(OrgChartSource& chart, const std::string& key);

}  // namespace mentorbot
