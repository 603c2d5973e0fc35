// SlackDirectory against the fake Slack Web API: auth.test for the
// workspace, users.list cursor pages, the manager custom field followed up
// the chain with users.profile.get, the pacing (recorded, never slept), 429s
// and Slack's errors.
#include "adapters/slack/slack_directory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fake_slack_server.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using std::chrono::milliseconds;

constexpr const char* kToken = "xoxb-slack-directory-test";
constexpr const char* kManagerField = "Xf0MANAGER";

FakeSlackMember Person(const std::string& id, const std::string& manager = "") {
  FakeSlackMember member;
  member.id = id;
  member.display_name = "name of " + id;
  member.real_name = "Real " + id;
  member.email = id + "@Example.com";
  member.manager = manager;
  return member;
}

class SlackDirectoryTest : public ::testing::Test {
 protected:
  SlackDirectoryTest() { slack_.directory().SetTeam("T0ACME"); }

  SlackDirectory Directory(const std::string& manager_field = kManagerField, int max_retries = 5) {
    SlackDirectoryOptions options;
    options.manager_field = manager_field;
    options.max_retries = max_retries;
    options.sleep = [this](milliseconds pause) { sleeps_.push_back(pause); };
    return SlackDirectory(slack_.base_url() + "/", kToken, client_, options);
  }
  StatusOr<DirectoryRead> Read(SlackDirectory& directory, DirectoryRequest request = {}) {
    return directory.Read(request, [this](const std::string& line) { progress_.push_back(line); });
  }
  const DirectoryEntry* Find(const DirectoryRead& read, const std::string& id) {
    for (const auto& entry : read.people) {
      if (entry.id == id) return &entry;
    }
    return nullptr;
  }

  FakeSlackServer slack_{kToken};
  HttpClient client_{std::chrono::seconds(5)};  // after the server: closed first, no keep-alive wait
  std::vector<milliseconds> sleeps_;
  std::vector<std::string> progress_;
};

TEST_F(SlackDirectoryTest, AFullReadPagesThroughEveryMemberAndPausesBetweenPages) {
  for (int i = 0; i < 450; ++i) slack_.directory().AddMember(Person("U" + std::to_string(10000 + i)));
  SlackDirectory directory = Directory("");
  auto read = Read(directory);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->platform, Platform::kSlack);
  EXPECT_EQ(read->workspace, "T0ACME");
  EXPECT_TRUE(read->full);
  EXPECT_EQ(read->people.size(), 450u);
  EXPECT_EQ(read->next_delta, "") << "Slack has no change tracking";
  EXPECT_EQ(read->requests, 4) << "auth.test + 3 pages";
  const auto pages = slack_.Calls("users.list");
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].body.value("limit", ""), "200");
  EXPECT_FALSE(pages[0].body.contains("cursor"));
  EXPECT_FALSE(pages[1].body.value("cursor", "").empty()) << "the cursor (with '=' padding) arrived intact";
  EXPECT_EQ(pages[0].authorization, std::string("Bearer ") + kToken);
  EXPECT_THAT(sleeps_, ElementsAre(milliseconds(3000), milliseconds(3000))) << "Tier 2: a pause before each next page";
  EXPECT_THAT(progress_, ElementsAre("users page 1: 200 people", "users page 2: 400 people", "users page 3: 450 people"));
  const DirectoryEntry* person = Find(*read, "U10007");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->display_name, "name of U10007");
  EXPECT_EQ(person->email, "u10007@example.com");
  EXPECT_EQ(person->time_zone, "Europe/London");
  EXPECT_EQ(person->active, true);
  EXPECT_FALSE(person->manager_id.has_value()) << "no manager field configured";
  EXPECT_TRUE(slack_.Calls("users.profile.get").empty());
}

TEST_F(SlackDirectoryTest, PagesShorterThanTheLimitAreFollowedToTheEmptyCursor) {
  for (int i = 0; i < 20; ++i) slack_.directory().AddMember(Person("U" + std::to_string(100 + i)));
  slack_.directory().SetPageCap(7);  // "fewer than the requested number of items may be returned"
  SlackDirectory directory = Directory("");
  auto read = Read(directory);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->people.size(), 20u);
  EXPECT_EQ(slack_.Calls("users.list").size(), 3u);
}

TEST_F(SlackDirectoryTest, TheManagerFieldIsFollowedUpTheChainOnceEvenThroughALoop) {
  // UA → UB → UC → UA (a loop in the data); UD → UB; UE has an empty field.
  for (const auto& [id, manager] : std::vector<std::pair<std::string, std::string>>{
           {"UA", "UB"}, {"UB", "UC"}, {"UC", "UA"}, {"UD", "UB"}, {"UE", ""}, {"UF", "UA"}}) {
    slack_.directory().AddMember(Person(id, manager));
  }
  SlackDirectory directory = Directory();
  DirectoryRequest request;
  request.watch_ids = {"UA", "UD", "UE"};
  auto read = Read(directory, request);
  ASSERT_TRUE(read.ok()) << read.status().message();
  std::vector<std::string> asked;
  for (const auto& call : slack_.Calls("users.profile.get")) asked.push_back(call.body.value("user", ""));
  EXPECT_THAT(asked, ElementsAre("UA", "UB", "UC", "UD", "UE")) << "each person once; UF is not watched";
  EXPECT_EQ(Find(*read, "UA")->manager_id, "UB");
  EXPECT_EQ(Find(*read, "UB")->manager_id, "UC");
  EXPECT_EQ(Find(*read, "UC")->manager_id, "UA");
  EXPECT_EQ(Find(*read, "UD")->manager_id, "UB");
  EXPECT_EQ(Find(*read, "UE")->manager_id, "") << "an empty field: no manager";
  EXPECT_FALSE(Find(*read, "UF")->manager_id.has_value()) << "not read: what the program knew stays";
  EXPECT_EQ(Find(*read, "UA")->display_name, "name of UA") << "merged into the listed entry";
  EXPECT_EQ(read->people.size(), 6u);
  EXPECT_EQ(read->requests, 1 + 1 + 5);
  // One listing page (no pause), then Tier 4 pauses between the five profile reads.
  EXPECT_EQ(sleeps_, std::vector<milliseconds>(4, milliseconds(600)));
}

TEST_F(SlackDirectoryTest, AnIncrementalReadOnlyReadsTheManagerFields) {
  slack_.directory().AddMember(Person("UA", "UB"));
  slack_.directory().AddMember(Person("UB"));
  slack_.directory().AddMember(Person("UZ"));
  SlackDirectory directory = Directory();
  DirectoryRequest request;
  request.full = false;
  request.watch_ids = {"UA"};
  auto read = Read(directory, request);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_FALSE(read->full);
  EXPECT_TRUE(slack_.Calls("users.list").empty()) << "Slack has no change tracking: no listing";
  ASSERT_EQ(read->people.size(), 2u);
  EXPECT_EQ(read->people[0].id, "UA");
  EXPECT_EQ(read->people[0].manager_id, "UB");
  EXPECT_FALSE(read->people[0].display_name.has_value()) << "only the id and the manager";
  EXPECT_FALSE(read->people[0].active.has_value());
  EXPECT_EQ(read->people[1].id, "UB");
  EXPECT_EQ(read->people[1].manager_id, "");

  slack_.directory().SetManager("UA", "UZ");  // a custom field change: Slack sends no user_change
  read = Read(directory, request);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->people[0].manager_id, "UZ");
}

TEST_F(SlackDirectoryTest, AnUnknownManagerIsAProblemAndTheRestGoesOn) {
  slack_.directory().AddMember(Person("UA", "UGONE"));
  slack_.directory().AddMember(Person("UB", ""));
  SlackDirectory directory = Directory();
  DirectoryRequest request;
  request.full = false;
  request.watch_ids = {"UA", "UB"};
  auto read = Read(directory, request);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(Find(*read, "UA")->manager_id, "UGONE");
  EXPECT_EQ(Find(*read, "UB")->manager_id, "");
  ASSERT_EQ(read->problems.size(), 1u);
  EXPECT_EQ(read->problems[0].person_id, "UGONE");
  EXPECT_THAT(read->problems[0].reason, HasSubstr("user_not_found"));
}

TEST_F(SlackDirectoryTest, RateLimitingIsWaitedOutAsRetryAfterSays) {
  slack_.directory().AddMember(Person("UA"));
  slack_.FailNext("users.list", 2, FakeSlackServer::Fault{429, "", 7});
  slack_.FailNext("users.list", 1, FakeSlackServer::Fault{200, "ratelimited", 2});
  SlackDirectory directory = Directory("");
  auto read = Read(directory);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->people.size(), 1u);
  EXPECT_THAT(sleeps_, ElementsAre(milliseconds(7000), milliseconds(7000), milliseconds(2000)));
  EXPECT_EQ(read->requests, 1 + 4) << "every attempt counts";
}

TEST_F(SlackDirectoryTest, RateLimitingBeyondTheRetriesIsUnavailable) {
  slack_.FailNext("users.list", 4, FakeSlackServer::Fault{429, "", 1});
  SlackDirectory directory = Directory("", /*max_retries=*/3);
  auto read = Read(directory);
  EXPECT_EQ(read.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(read.status().message(), HasSubstr("rate limited after 3 retries"));
  EXPECT_EQ(sleeps_.size(), 3u);
}

TEST_F(SlackDirectoryTest, AMissingScopeOrABadTokenIsPermissionDenied) {
  slack_.FailNext("users.list", 1, FakeSlackServer::Fault{200, "missing_scope", -1, "users:read"});
  SlackDirectory directory = Directory("");
  auto read = Read(directory);
  EXPECT_EQ(read.status().code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(read.status().message(), HasSubstr("missing_scope (needs users:read)"));
  EXPECT_THAT(read.status().message(), ::testing::Not(HasSubstr(kToken)));

  slack_.FailNext("users.profile.get", 1, FakeSlackServer::Fault{200, "missing_scope", -1, "users.profile:read"});
  SlackDirectory with_managers = Directory();
  DirectoryRequest request;
  request.full = false;
  request.watch_ids = {"UA"};
  EXPECT_EQ(Read(with_managers, request).status().code(), StatusCode::kPermissionDenied);

  SlackDirectory wrong_token(slack_.base_url(), "xoxb-wrong", client_);
  auto refused = wrong_token.Read({}, {});
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(refused.status().message(), HasSubstr("auth.test: invalid_auth"));
}

TEST_F(SlackDirectoryTest, OtherFailuresAreUnavailable) {
  slack_.FailNext("users.list", 1, FakeSlackServer::Fault{503, "", -1});
  SlackDirectory directory = Directory("");
  EXPECT_EQ(Read(directory).status().code(), StatusCode::kUnavailable);
  slack_.FailNext("users.list", 1, FakeSlackServer::Fault{200, "internal_error", -1});
  EXPECT_EQ(Read(directory).status().code(), StatusCode::kUnavailable);
  SlackDirectory nowhere("http://127.0.0.1:9/api", kToken, client_);
  EXPECT_EQ(nowhere.Read({}, {}).status().code(), StatusCode::kUnavailable);
}

TEST_F(SlackDirectoryTest, AMalformedMemberIsAProblemAndBotsAreLeftOut) {
  slack_.directory().AddMember(Person("UA"));
  FakeSlackMember odd = Person("UB");
  odd.raw = nlohmann::json{{"id", "UB"}, {"deleted", "no"}};
  slack_.directory().AddMember(odd);
  FakeSlackMember nameless = Person("UC");
  nameless.raw = nlohmann::json{{"name", "who"}};
  slack_.directory().AddMember(nameless);
  FakeSlackMember bot = Person("UBOTAPP");
  bot.is_bot = true;
  slack_.directory().AddMember(bot);
  slack_.directory().AddMember(Person("USLACKBOT"));
  FakeSlackMember gone = Person("UD");
  gone.deleted = true;
  slack_.directory().AddMember(gone);
  SlackDirectory directory = Directory("");
  auto read = Read(directory);
  ASSERT_TRUE(read.ok()) << read.status().message();
  std::vector<std::string> ids;
  for (const auto& entry : read->people) ids.push_back(entry.id);
  EXPECT_THAT(ids, ElementsAre("UA", "UD"));
  EXPECT_EQ(Find(*read, "UD")->active, false) << "deactivated accounts are listed, as Slack does";
  ASSERT_EQ(read->problems.size(), 2u);
  EXPECT_EQ(read->problems[0].person_id, "UB");
  EXPECT_THAT(read->problems[0].reason, HasSubstr("deleted"));
  EXPECT_EQ(read->problems[1].person_id, "");
  EXPECT_THAT(progress_.back(), HasSubstr("2 bots left out"));
}

}  // namespace
}  // namespace mentorbot
