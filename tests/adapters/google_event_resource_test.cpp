// Google's event ids, RFC 3339 times, the Meet link and how API answers are
// read — including malformed ones, which never throw.
#include "adapters/google/google_event_resource.h"

#include <gtest/gtest.h>

#include "adapters/google/google_api_status.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_google_events.h"

namespace mentorbot {
namespace {

using nlohmann::json;
using Outcome = CalendarCallStatus::Outcome;

TEST(GoogleEventResourceTest, TheEventIdIsStableBase32Hex) {
  const std::string id = GoogleEventId("session-42@mentorbot");
  EXPECT_EQ(id, GoogleEventId("session-42@mentorbot"));
  EXPECT_NE(id, GoogleEventId("session-43@mentorbot"));
  EXPECT_EQ(id.size(), 52u);
  EXPECT_TRUE(IsGoogleEventId(id)) << id;
  EXPECT_TRUE(IsGoogleEventId(GoogleEventId("")));
  EXPECT_TRUE(IsGoogleEventId(GoogleEventId(std::string(5000, 'x'))));
}

TEST(GoogleEventResourceTest, Rfc3339TimesWithFractionsAndOffsets) {
  const TimePoint nine = TestEpoch();  // 2026-11-23T09:00:00Z
  EXPECT_EQ(FormatRfc3339(nine), "2026-11-23T09:00:00Z");
  EXPECT_EQ(ParseRfc3339("2026-11-23T09:00:00Z"), nine);
  EXPECT_EQ(ParseRfc3339("2026-11-23t09:00:00z"), nine);
  EXPECT_EQ(ParseRfc3339("2026-11-23T09:00:00.999Z"), nine);
  EXPECT_EQ(ParseRfc3339("2026-11-23T10:00:00+01:00"), nine);
  EXPECT_EQ(ParseRfc3339("2026-11-23T03:30:00-05:30"), nine);
  EXPECT_EQ(ParseRfc3339("2026-11-22T23:00:00.5-10:00"), nine);
  for (const char* bad : {"", "2026-11-23T09:00:00", "2026-11-23T09:00:00+0100", "2026-13-01T00:00:00Z",
                          "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T09:00:00.Z",
                          "2026-11-23T09:00:00Zjunk", "next tuesday"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

TEST(GoogleEventResourceTest, TheJoinUrlIsTheHangoutLinkOrTheVideoEntryPoint) {
  EXPECT_EQ(JoinUrl(json{{"hangoutLink", "https://meet.google.com/abc-defg-hij"}}),
            "https://meet.google.com/abc-defg-hij");
  EXPECT_EQ(JoinUrl(json::parse(R"({"conferenceData":{"entryPoints":[
              {"entryPointType":"phone","uri":"tel:+1-555-0100"},
              {"entryPointType":"video","uri":"https://meet.google.com/xyz-abcd-efg"}]}})")),
            "https://meet.google.com/xyz-abcd-efg");
  EXPECT_EQ(JoinUrl(json::parse(R"({"conferenceData":{"createRequest":{"status":{"statusCode":"pending"}}}})")), "");
  EXPECT_EQ(JoinUrl(json::parse("[1,2]")), "");
  EXPECT_EQ(JoinUrl(json::parse(R"({"conferenceData":{"entryPoints":7}})")), "");
}

TEST(GoogleEventResourceTest, AnswersAreReadWithoutEverThrowing) {
  const auto status = [](int code, std::string body, std::map<std::string, std::string> headers = {}) {
    return ApiStatus(HttpClientResponse{code, std::move(headers), std::move(body)}, "events.insert");
  };
  EXPECT_TRUE(status(200, "<html>").done());
  EXPECT_EQ(status(502, "<html>bad gateway</html>").outcome, Outcome::kRetry);
  EXPECT_EQ(status(503, "", {{"retry-after", "120"}}).retry_after, std::chrono::seconds(120));
  EXPECT_EQ(status(429, "{").outcome, Outcome::kRetry);
  EXPECT_EQ(status(401, "null").outcome, Outcome::kRetry);
  EXPECT_EQ(status(403, R"({"error":{"errors":[{"reason":"quotaExceeded"}]}})").outcome, Outcome::kRetry);
  EXPECT_EQ(status(403, R"({"error":{"errors":"rateLimitExceeded"}})").outcome, Outcome::kPermanent);
  const auto bad = status(400, R"({"error":{"code":400,"message":"Invalid resource id value."}})");
  EXPECT_EQ(bad.outcome, Outcome::kPermanent);
  EXPECT_EQ(bad.error, "events.insert: http 400: Invalid resource id value.");
  EXPECT_EQ(status(404, R"({"error":{"message":7}})").error, "events.insert: http 404");
  EXPECT_EQ(ApiStatus(Status::Unavailable("connection refused"), "freebusy.query").outcome, Outcome::kRetry);
}

}  // namespace
}  // namespace mentorbot
