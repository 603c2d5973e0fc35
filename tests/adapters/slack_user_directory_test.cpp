// users.info as the directory: time zone, name and (with users:read.email)
// email; members of the wrong type read as absent, never a throw.
#include "adapters/slack/user_directory.h"

#include <gtest/gtest.h>

#include "tests/support/fake_slack_server.h"
#include "tests/support/loopback_server.h"

namespace mentorbot {
namespace {

constexpr const char* kToken = "xoxb-directory-test";

TEST(SlackUserDirectoryTest, ReadsTheTimeZoneNameAndEmail) {
  FakeSlackServer slack(kToken);
  slack.SetProfile("U1", "Asia/Kolkata", "Priya", "priya@example.com");
  HttpClient client(std::chrono::seconds(5));
  SlackUserDirectory directory(slack.base_url(), kToken, client);
  auto profile = directory.Lookup(UserRef{Platform::kSlack, "T1", "U1"});
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->time_zone, "Asia/Kolkata");
  EXPECT_EQ(profile->display_name, "Priya");
  EXPECT_EQ(profile->email, "priya@example.com");
  EXPECT_EQ(directory.Lookup(UserRef{Platform::kSlack, "T1", "U404"}).status().code(), StatusCode::kNotFound);
}

TEST(SlackUserDirectoryTest, MembersOfTheWrongTypeAreReadAsAbsent) {
  httplib::Server server;
  int calls = 0;
  server.Post("/api/users.info", [&calls](const httplib::Request&, httplib::Response& response) {
    // First an answer whose "ok" and "error" have the wrong types, then one with odd members.
    response.set_content(++calls == 1 ? R"({"ok":"yes","error":42})"
                                      : R"({"ok":true,"user":{"tz":7,"real_name":["x"],"profile":{"display_name":{},"email":false}}})",
                         "application/json");
  });
  std::thread thread;
  const int port = StartOnLoopback(server, thread, "users.info");
  StatusOr<DirectoryProfile> refused = Status::Unavailable("not asked"), profile = Status::Unavailable("not asked");
  {
    HttpClient client(std::chrono::seconds(5));  // closed before the server stops: no keep-alive wait
    SlackUserDirectory directory("http://127.0.0.1:" + std::to_string(port) + "/api", kToken, client);
    refused = directory.Lookup(UserRef{Platform::kSlack, "T1", "U1"});
    profile = directory.Lookup(UserRef{Platform::kSlack, "T1", "U1"});
  }
  server.stop();
  thread.join();
  EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(refused.status().message(), "users.info: malformed response");
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->time_zone, "");
  EXPECT_EQ(profile->display_name, "");
  EXPECT_EQ(profile->email, "");
}

}  // namespace
}  // namespace mentorbot
