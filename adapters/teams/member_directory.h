// TeamsMemberDirectory: the UserDirectory of Teams. Every Teams client
// reports its IANA time zone with each message (the clientInfo entity); the
// route stores it with the conversation reference, and this reads it back.
// The email comes from the connector: GET {serviceUrl}/v3/conversations/
// {conversationId}/members/{userId} answers the person's TeamsChannelAccount
// (`email`, `userPrincipalName`), with the bot's connector token, only to an
// allowed service url. ProfileSync fills in what a person has not set.
// Thread-safety: Lookup may be called from any thread (Store, HttpClient and
// the token source are).
#pragma once

#include "adapters/common/http_client.h"
#include "adapters/common/client_credentials_tokens.h"
#include "adapters/teams/service_url_policy.h"
#include "bot/core/store.h"
#include "bot/core/user_directory.h"

namespace mentorbot {

class TeamsMemberDirectory : public UserDirectory {
 public:
  // `tokens` may be null (local development: no token is sent). REQUIRES:
  // every argument outlives this.
  TeamsMemberDirectory(Store& store, HttpClient& http, TokenSource* tokens, const ServiceUrlPolicy& policy)
      : store_(store), http_(http), tokens_(tokens), policy_(policy) {}
  // NotFound when neither the client nor the connector knows anything of
  // the person; Unavailable when the connector failed for now.
  StatusOr<DirectoryProfile> Lookup(const UserRef& user) override;

 private:
  // The member's email ("" when Teams has none); Unavailable on a transient failure.
  StatusOr<std::string> MemberEmail(const ConversationReference& reference);

  Store& store_;
  HttpClient& http_;
  TokenSource* tokens_;
  const ServiceUrlPolicy& policy_;
};

}  // namespace mentorbot
