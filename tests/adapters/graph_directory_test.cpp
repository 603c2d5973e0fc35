// The Microsoft Graph directory against a fake Graph that keeps Graph's
// users/delta contract: a full read paged to its deltaLink, incremental
// reads naming only what changed (manager@delta, @removed, accountEnabled),
// throttling waited out, expired tokens and foreign links refused, mailbox
// time zones mapped from Windows names.
#include "adapters/graph/graph_directory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"
#include "tests/support/fake_graph_server.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Field = FakeGraphUsers::Field;
using Route = FakeGraphServer::Route;
using std::chrono::milliseconds;

constexpr const char* kTenant = "contoso-tenant-id";
constexpr const char* kClientId = "graph-app-id";
constexpr const char* kSecret = "graph-app-secret";

FakeGraphUsers::User Person(const std::string& id, const std::string& manager = "") {
  return {id,
          "Person " + id,
          "Person." + id + "@Contoso.com",
          id + "@contoso.onmicrosoft.com",
          "Sales",
          "Engineer",
          "Building 1",
          true,
          manager};
}

const DirectoryEntry* Find(const DirectoryRead& read, const std::string& id) {
  for (const auto& entry : read.people) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

class GraphDirectoryTest : public ::testing::Test {
 protected:
  GraphDirectoryTest() {
    // a <- b, c; b <- d; e, f alone
    graph.WithUsers([](FakeGraphUsers& users) {
      for (const auto& [id, manager] : std::vector<std::pair<std::string, std::string>>{
               {"a", ""}, {"b", "a"}, {"c", "a"}, {"d", "b"}, {"e", ""}, {"f", ""}}) {
        users.Add(Person(id, manager));
      }
    });
  }

  GraphDirectoryOptions Options(int page_size = 2) {
    GraphDirectoryOptions options;
    options.page_size = page_size;
    options.max_retries = 3;
    options.sleep = [this](milliseconds duration) { sleeps.push_back(duration); };
    return options;
  }

  StatusOr<DirectoryRead> Read(DirectoryRequest request = {}) {
    return directory.Read(request, [this](const std::string& line) { progress.push_back(line); });
  }
  StatusOr<DirectoryRead> ReadSince(const std::string& delta, std::vector<std::string> watch = {}) {
    return Read(DirectoryRequest{false, delta, std::move(watch)});
  }
  std::vector<FakeGraphServer::Call> CallsTo(Route route) const {
    std::vector<FakeGraphServer::Call> found;
    for (auto& call : graph.Calls()) {
      if (call.route == route) found.push_back(call);
    }
    return found;
  }

  FakeClock clock{TestEpoch()};
  FakeGraphServer graph{kTenant, kClientId, kSecret};
  HttpClient http{std::chrono::seconds(5)};
  ClientCredentialsTokens tokens{graph.login_base_url() + "/" + kTenant + "/oauth2/v2.0/token",
                                 kClientId,
                                 kSecret,
                                 "https://graph.microsoft.com/.default",
                                 http,
                                 clock};
  std::vector<milliseconds> sleeps;
  std::vector<std::string> progress;
  GraphDirectory directory{kTenant, graph.api_base_url(), tokens, http, Options()};
};

TEST_F(GraphDirectoryTest, ReadsEveryoneInPagesUpToTheDeltaLink) {
  auto read = Read();
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->platform, Platform::kTeams);
  EXPECT_EQ(read->workspace, kTenant);
  EXPECT_TRUE(read->full);
  ASSERT_EQ(read->people.size(), 6u);
  EXPECT_EQ(read->requests, 3) << "six people, two a page";
  EXPECT_THAT(read->next_delta, StartsWith(graph.api_base_url() + "/users/delta?$deltatoken="));
  EXPECT_TRUE(read->problems.empty());
  EXPECT_THAT(progress, ElementsAre("graph users page 1: 2 people", "graph users page 2: 4 people",
                                    "graph users page 3: 6 people"));

  const DirectoryEntry* d = Find(*read, "d");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->display_name, "Person d");
  EXPECT_EQ(d->email, "person.d@contoso.com") << "mail, lower-cased";
  EXPECT_EQ(d->department, "Sales");
  EXPECT_EQ(d->job_title, "Engineer");
  EXPECT_EQ(d->location, "Building 1");
  EXPECT_EQ(d->manager_id, "b");
  EXPECT_EQ(d->active, true);
  EXPECT_EQ(d->time_zone, std::nullopt);
  EXPECT_EQ(Find(*read, "a")->manager_id, "") << "a full read without manager@delta: no manager";

  const auto calls = CallsTo(Route::kUsersDelta);
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].query.at("$select"), GraphDirectory::kSelect);
  EXPECT_EQ(calls[0].prefer, "odata.maxpagesize=2");
  EXPECT_EQ(calls[1].query.count("$select"), 0u) << "the skiptoken carries the $select";
  EXPECT_THAT(calls[1].authorization, StartsWith("Bearer "));
}

TEST_F(GraphDirectoryTest, AnIncrementalReadNamesOnlyWhatChanged) {
  auto full = Read();
  ASSERT_TRUE(full.ok()) << full.status().message();
  graph.WithUsers([](FakeGraphUsers& users) {
    users.SetManager("d", "c");  // moved
    users.SetManager("c", "");   // manager taken away
    users.Update("b", Field::kJobTitle, "Director");
    users.Update("e", Field::kDepartment, "");  // set to null
    users.Disable("f");
    users.Delete("a");
    users.Add(Person("g", "b"));
  });
  auto read = ReadSince(full->next_delta);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_FALSE(read->full);
  EXPECT_EQ(read->people.size(), 7u) << "everyone changed; none twice";
  EXPECT_THAT(CallsTo(Route::kUsersDelta).back().prefer, HasSubstr("return=minimal"));

  const DirectoryEntry* d = Find(*read, "d");
  EXPECT_EQ(d->manager_id, "c");
  EXPECT_EQ(d->display_name, std::nullopt) << "unchanged: absent, not empty";
  EXPECT_EQ(d->email, std::nullopt);
  EXPECT_EQ(Find(*read, "c")->manager_id, "") << "only the old manager, @removed";
  EXPECT_EQ(Find(*read, "b")->job_title, "Director");
  EXPECT_EQ(Find(*read, "b")->manager_id, std::nullopt);
  EXPECT_EQ(Find(*read, "e")->department, "");
  EXPECT_EQ(Find(*read, "f")->active, false);
  EXPECT_TRUE(Find(*read, "a")->removed);
  EXPECT_EQ(Find(*read, "g")->manager_id, "b") << "a new person in full";
  EXPECT_EQ(Find(*read, "g")->email, "person.g@contoso.com");

  auto quiet = ReadSince(read->next_delta);
  ASSERT_TRUE(quiet.ok()) << quiet.status().message();
  EXPECT_TRUE(quiet->people.empty()) << "nothing changed since";
  EXPECT_EQ(quiet->requests, 1);
}

TEST_F(GraphDirectoryTest, APermanentDeletionIsARemovalToo) {
  auto full = Read();
  graph.WithUsers([](FakeGraphUsers& users) { users.Delete("e", /*permanently=*/true); });
  auto read = ReadSince(full->next_delta);
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->people.size(), 1u);
  EXPECT_TRUE(read->people[0].removed);
}

TEST_F(GraphDirectoryTest, ThrottlingWaitsGraphsRetryAfter) {
  graph.FailNext(Route::kUsersDelta, 2, 429, 7);
  auto read = Read();
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_THAT(sleeps, ElementsAre(milliseconds(7000), milliseconds(7000)));
  EXPECT_EQ(read->requests, 5) << "two refused, three pages";
  EXPECT_EQ(read->people.size(), 6u);
}

TEST_F(GraphDirectoryTest, GivesUpAfterItsRetries) {
  graph.FailNext(Route::kUsersDelta, 4, 503);
  auto read = Read();
  ASSERT_EQ(read.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(read.status().message(), HasSubstr("503"));
  EXPECT_THAT(sleeps, ElementsAre(milliseconds(1000), milliseconds(2000), milliseconds(4000)))
      << "no Retry-After: doubling from a second";
}

TEST_F(GraphDirectoryTest, WithoutUserReadAllNothingIsRead) {
  graph.FailNext(Route::kUsersDelta, 1, 403);
  auto read = Read();
  EXPECT_EQ(read.status().code(), StatusCode::kPermissionDenied);
  EXPECT_THAT(read.status().message(), HasSubstr("User.Read.All"));
}

TEST_F(GraphDirectoryTest, ARefusedTokenIsRenewedOnce) {
  ASSERT_TRUE(Read().ok());
  graph.RevokeTokens();
  auto read = Read();
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(graph.token_requests(), 2);
}

TEST_F(GraphDirectoryTest, AnExpiredDeltaAsksForAFullRead) {
  auto full = Read();
  graph.WithUsers([](FakeGraphUsers& users) { users.ExpireDeltaTokens(); });
  auto read = ReadSince(full->next_delta);
  EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status().message(), HasSubstr("410"));
  auto again = Read();
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(ReadSince(again->next_delta).ok()) << "the new round's token is good";
}

TEST_F(GraphDirectoryTest, AMalformedUserIsAProblemAndTheRestIsRead) {
  graph.WithUsers([](FakeGraphUsers& users) {
    users.Garble("b", {{"displayName", 42}});
    users.Garble("c", {{"id", nullptr}});
    users.Garble("d", {{"manager@delta", "a"}});
  });
  auto read = Read();
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->people.size(), 3u);
  ASSERT_EQ(read->problems.size(), 3u);
  EXPECT_EQ(read->problems[0].person_id, "b");
  EXPECT_THAT(read->problems[0].reason, HasSubstr("displayName"));
  EXPECT_EQ(read->problems[1].person_id, "");
  EXPECT_EQ(read->problems[2].person_id, "d");
}

TEST_F(GraphDirectoryTest, TheEmailFallsBackToAnAddressLikeUpnButNotAGuests) {
  graph.WithUsers([](FakeGraphUsers& users) {
    users.Add({"member", "Member", "", "Member@Contoso.com", "", "", "", true, ""});
    users.Add({"guest", "Guest", "", "alex_fabrikam.com#EXT#@contoso.onmicrosoft.com", "", "", "", true, ""});
  });
  auto read = Read();
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(Find(*read, "member")->email, "member@contoso.com");
  EXPECT_EQ(Find(*read, "guest")->email, "");
}

TEST_F(GraphDirectoryTest, FollowsNoLinkToAnotherHost) {
  graph.WithUsers([](FakeGraphUsers& users) { users.SetLinkBase("http://graph.example.net/v1.0"); });
  auto read = Read();
  EXPECT_EQ(read.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(read.status().message(), HasSubstr("refused"));
  EXPECT_EQ(graph.calls(Route::kUsersDelta), 1);

  auto stored = ReadSince("http://graph.example.net/v1.0/users/delta?$deltatoken=1");
  EXPECT_EQ(stored.status().code(), StatusCode::kInvalidArgument);
  auto lookalike = ReadSince(graph.api_base_url() + ".example.net/users/delta?$deltatoken=1");
  EXPECT_EQ(lookalike.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(graph.calls(Route::kUsersDelta), 1) << "no token sent anywhere";
}

TEST_F(GraphDirectoryTest, ReadsTheWatchedPeoplesMailboxTimeZones) {
  auto full = Read();
  graph.WithUsers([](FakeGraphUsers& users) {
    users.SetTimeZone("a", "Pacific Standard Time");
    users.SetTimeZone("b", "Europe/Berlin");  // a tenant set up with IANA names
    users.SetTimeZone("c", "Customized Time Zone");
    users.Update("e", Field::kJobTitle, "Lead");
  });
  auto read = ReadSince(full->next_delta, {"a", "b", "c", "e", "gone"});
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(Find(*read, "a")->time_zone, "America/Los_Angeles");
  EXPECT_EQ(Find(*read, "a")->display_name, std::nullopt) << "not in the delta: only the time zone";
  EXPECT_EQ(Find(*read, "b")->time_zone, "Europe/Berlin");
  EXPECT_EQ(Find(*read, "c"), nullptr) << "no zone we can name";
  EXPECT_EQ(Find(*read, "e")->time_zone, "Etc/UTC") << "merged into the delta's entry";
  EXPECT_EQ(Find(*read, "e")->job_title, "Lead");
  EXPECT_EQ(Find(*read, "gone"), nullptr) << "404: skipped";
  EXPECT_EQ(read->requests, 1 + 5);
  EXPECT_EQ(CallsTo(Route::kMailboxSettings)[0].path, "/v1.0/users/a/mailboxSettings/timeZone");
}

TEST_F(GraphDirectoryTest, AMailboxRefusedStopsTheTimeZoneReads) {
  graph.WithUsers([](FakeGraphUsers& users) {
    users.SetTimeZone("a", "W. Europe Standard Time");
    users.SetTimeZone("c", "Tokyo Standard Time");
    users.DenyMailbox("b");
  });
  auto read = Read(DirectoryRequest{true, "", {"a", "b", "c"}});
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(Find(*read, "a")->time_zone, "Europe/Berlin");
  EXPECT_EQ(Find(*read, "b")->time_zone, std::nullopt);
  EXPECT_EQ(Find(*read, "c")->time_zone, std::nullopt) << "not asked after the 403";
  EXPECT_EQ(graph.calls(Route::kMailboxSettings), 2);
  EXPECT_THAT(progress.back(), HasSubstr("MailboxSettings.Read"));
}

TEST_F(GraphDirectoryTest, TimeZonesAreNotReadWhenSwitchedOff) {
  GraphDirectoryOptions options = Options();
  options.read_time_zones = false;
  GraphDirectory quiet{kTenant, graph.api_base_url(), tokens, http, options};
  ASSERT_TRUE(quiet.Read(DirectoryRequest{true, "", {"a"}}, nullptr).ok());
  EXPECT_EQ(graph.calls(Route::kMailboxSettings), 0);
}

// The fake itself, against Graph's documented answers: a change of manager
// lists the old one @removed and the new one; minimal answers name only
// what changed; $top is refused on users/delta.
TEST(GraphFakeUsersTest, AnswersDeltaRoundsAsGraphDocumentsThem) {
  FakeGraphUsers users;
  users.Add(Person("a"));
  users.Add(Person("b"));
  users.Add(Person("c", "a"));
  const std::string base = "https://graph.test/v1.0";
  auto first = users.Delta(base, {{"$select", "displayName,manager"}}, "odata.maxpagesize=999");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body["value"][2]["manager@delta"][0]["id"], "a");
  EXPECT_FALSE(first.body["value"][2].contains("mail")) << "not selected";
  const std::string link = first.body["@odata.deltaLink"];
  users.SetManager("c", "b");
  users.Update("c", Field::kMail, "new@contoso.com");  // not selected: no reason to appear
  const std::string token = link.substr(link.find("$deltatoken=") + 12);
  auto changes = users.Delta(base, {{"$deltatoken", token}}, "return=minimal");
  ASSERT_EQ(changes.status, 200);
  ASSERT_EQ(changes.body["value"].size(), 1u);
  const auto& c = changes.body["value"][0];
  EXPECT_FALSE(c.contains("displayName"));
  ASSERT_EQ(c["manager@delta"].size(), 2u);
  EXPECT_EQ(c["manager@delta"][0]["id"], "a");
  EXPECT_EQ(c["manager@delta"][0]["@removed"]["reason"], "deleted");
  EXPECT_EQ(c["manager@delta"][1]["id"], "b");
  EXPECT_EQ(users.Delta(base, {{"$top", "5"}}, "").status, 400);
}

TEST(GraphFakeUsersTest, ServesAHundredThousandUsersInLinearTime) {
  FakeGraphUsers users;
  for (int i = 0; i < 100000; ++i) users.Add(Person("u" + std::to_string(i), i == 0 ? "" : "u0"));
  const auto start = std::chrono::steady_clock::now();
  std::map<std::string, std::string> query{{"$select", GraphDirectory::kSelect}};
  std::size_t seen = 0;
  for (int page = 0; page < 200; ++page) {
    auto answer = users.Delta("https://graph.test/v1.0", query, "odata.maxpagesize=999");
    ASSERT_EQ(answer.status, 200);
    seen += answer.body["value"].size();
    if (answer.body.contains("@odata.deltaLink")) break;
    const std::string next = answer.body["@odata.nextLink"];
    query = {{"$skiptoken", next.substr(next.find("$skiptoken=") + 11)}};
  }
  EXPECT_EQ(seen, 100000u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace mentorbot
