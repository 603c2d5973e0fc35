// Which download URLs the Teams file fetcher may follow: SharePoint over
// HTTPS, or an allowed service URL (the tests' fake) — nothing else.
#include "adapters/teams/file_fetcher.h"

#include <gtest/gtest.h>

#include "bot/core/message.h"

namespace mentorbot {
namespace {

class NoHandler : public EventHandler {
 public:
  Reply Handle(const Event&) override { return Reply{}; }
};

TEST(TeamsFileFetcherTest, FollowsOnlySharePointOverHttpsAndAllowedServiceUrls) {
  HttpClient client(std::chrono::seconds(1));
  ServiceUrlPolicy policy({"http://127.0.0.1:4000/teams/"}, false);
  NoHandler handler;
  TeamsFileFetcher fetcher(client, policy, handler);
  EXPECT_TRUE(fetcher.Allows("https://contoso.sharepoint.com/personal/a/_layouts/15/download.aspx?UniqueId=1"));
  EXPECT_TRUE(fetcher.Allows("http://127.0.0.1:4000/teams/files/roster1"));
  EXPECT_FALSE(fetcher.Allows("http://contoso.sharepoint.com/x")) << "not HTTPS";
  EXPECT_FALSE(fetcher.Allows("https://contoso.sharepoint.com.attacker.example/x"));
  EXPECT_FALSE(fetcher.Allows("https://attacker.example/contoso.sharepoint.com"));
  EXPECT_FALSE(fetcher.Allows("http://127.0.0.1:4001/teams/files/roster1")) << "another port";
  EXPECT_FALSE(fetcher.Allows("file:///etc/passwd"));
}

}  // namespace
}  // namespace mentorbot
