#include "adapters/teams/member_directory.h"

#include <nlohmann/json.hpp>

#include "adapters/common/json_fields.h"

namespace mentorbot {

StatusOr<std::string> TeamsMemberDirectory::MemberEmail(const ConversationReference& reference) {
  if (reference.conversation_id.empty() || reference.service_url.empty() || !policy_.Allows(reference.service_url)) {
    return std::string();
  }
  std::map<std::string, std::string> headers;
  if (tokens_ != nullptr) {
    auto token = tokens_->Get();
    if (!token.ok()) return Status::Unavailable("connector token: " + token.status().message());
    headers["Authorization"] = "Bearer " + *token;
  }
  const std::string member = reference.platform_user_id.empty() ? reference.user.user_id : reference.platform_user_id;
  const std::string url = ConnectorUrl(reference.service_url, "conversations/" + EncodePathSegment(reference.conversation_id) +
                                                                  "/members/" + EncodePathSegment(member));
  auto response = http_.Get(url, headers);
  if (!response.ok()) return Status::Unavailable("connector: " + response.status().message());
  if (response->status == 401 && tokens_ != nullptr) tokens_->Invalidate();
  if (response->status == 404 || response->status == 403) return std::string();  // not a member any more
  if (response->status != 200) return Status::Unavailable("connector: http " + std::to_string(response->status));
  const auto account = nlohmann::json::parse(response->body, nullptr, false);
  std::string email = StringField(account, "email");
  // Entra ID's sign-in name, which is the mail address in most tenants, but
  // not a guest's ("name_example.com#EXT#@tenant…" has no mailbox).
  if (email.empty()) {
    const std::string sign_in = StringField(account, "userPrincipalName");
    if (sign_in.find("#EXT#") == std::string::npos) email = sign_in;
  }
  return email;
}

StatusOr<DirectoryProfile> TeamsMemberDirectory::Lookup(const UserRef& user) {
  std::optional<ConversationReference> reference;
  Status read = store_.Run(Store::Access::kRead, [&](StoreTransaction& t) { reference = t.conversations().Find(user); });
  if (!read.ok()) return Status::Unavailable(read.message());
  if (!reference) return Status::NotFound("the bot has no conversation with this person");
  auto email = MemberEmail(*reference);
  if (!email.ok()) return email.status();
  if (reference->time_zone.empty() && email->empty()) return Status::NotFound("Teams knows no time zone or email");
  return DirectoryProfile{reference->time_zone, "", *email};
}

}  // namespace mentorbot
