#include "adapters/slack/request_verifier.h"

#include <gtest/gtest.h>

#include <string>

#include "adapters/common/hmac.h"
#include "tests/support/fake_clock.h"

namespace mentorbot {
namespace {

using std::chrono::seconds;

const std::string kSecret = "test-signing-secret";

// The worked example on Slack's "Verifying requests from Slack" page.
const std::string kDocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
const std::string kDocTimestamp = "1531420618";
const std::string kDocBody =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
    "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const std::string kDocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

std::string Sign(const std::string& secret, const std::string& timestamp, const std::string& body) {
  return "v0=" + HmacSha256Hex(secret, "v0:" + timestamp + ":" + body);
}

HttpRequest Request(const std::string& timestamp, const std::string& signature, const std::string& body) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/slack/commands";
  if (!timestamp.empty()) request.headers["x-slack-request-timestamp"] = timestamp;
  if (!signature.empty()) request.headers["x-slack-signature"] = signature;
  request.body = body;
  return request;
}

class SlackRequestVerifierTest : public ::testing::Test {
 protected:
  long long NowSeconds() const { return clock_.Now().time_since_epoch().count(); }
  std::string Timestamp(long long offset = 0) const { return std::to_string(NowSeconds() + offset); }

  HttpRequest Signed(const std::string& body, long long offset = 0) const {
    const std::string ts = Timestamp(offset);
    return Request(ts, Sign(kSecret, ts, body), body);
  }

  FakeClock clock_{TestEpoch()};
  SlackRequestVerifier verifier_{kSecret, clock_};
};

TEST_F(SlackRequestVerifierTest, AcceptsSlacksDocumentedExample) {
  clock_.Set(TimePoint(seconds(1531420618)));
  SlackRequestVerifier verifier(kDocSecret, clock_);
  const Status status = verifier.Verify(Request(kDocTimestamp, kDocSignature, kDocBody));
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST_F(SlackRequestVerifierTest, DocumentedExampleSignatureMatchesOurHmac) {
  EXPECT_EQ(Sign(kDocSecret, kDocTimestamp, kDocBody), kDocSignature);
}

TEST_F(SlackRequestVerifierTest, DocumentedExampleIsRefusedWithAnotherSecret) {
  clock_.Set(TimePoint(seconds(1531420618)));
  SlackRequestVerifier verifier("8f742231b10e8888abcd99yyyzzz85a6", clock_);
  EXPECT_EQ(verifier.Verify(Request(kDocTimestamp, kDocSignature, kDocBody)).code(),
            StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, DocumentedExampleIsRefusedAMinuteAfterTheWindow) {
  clock_.Set(TimePoint(seconds(1531420618 + 360)));
  SlackRequestVerifier verifier(kDocSecret, clock_);
  EXPECT_EQ(verifier.Verify(Request(kDocTimestamp, kDocSignature, kDocBody)).code(),
            StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, AcceptsValidSignature) {
  const Status status = verifier_.Verify(Signed("team_id=T1&text=hi"));
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST_F(SlackRequestVerifierTest, AcceptsValidSignatureOverEmptyBody) {
  const Status status = verifier_.Verify(Signed(""));
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesSignatureMadeWithWrongSecret) {
  const std::string ts = Timestamp();
  const Status status = verifier_.Verify(Request(ts, Sign("other-secret", ts, "a=1"), "a=1"));
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("signature"), std::string::npos) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesTamperedBody) {
  HttpRequest request = Signed("text=pair+me");
  request.body = "text=pair+you";
  EXPECT_EQ(verifier_.Verify(request).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RefusesSignatureReplayedWithAnotherTimestamp) {
  HttpRequest request = Signed("a=1");
  request.headers["x-slack-request-timestamp"] = Timestamp(1);
  EXPECT_EQ(verifier_.Verify(request).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RefusesSignatureWithoutVersionPrefix) {
  const std::string ts = Timestamp();
  const std::string bare = HmacSha256Hex(kSecret, "v0:" + ts + ":a=1");
  EXPECT_EQ(verifier_.Verify(Request(ts, bare, "a=1")).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RefusesTruncatedSignature) {
  HttpRequest request = Signed("a=1");
  request.headers["x-slack-signature"].pop_back();
  EXPECT_EQ(verifier_.Verify(request).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RefusesStaleTimestamp) {
  const Status status = verifier_.Verify(Signed("a=1", -301 - 3600));
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("window"), std::string::npos) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesFutureTimestamp) {
  EXPECT_EQ(verifier_.Verify(Signed("a=1", 301 + 3600)).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, AcceptsTimestampExactly300SecondsOld) {
  const Status status = verifier_.Verify(Signed("a=1", -300));
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesTimestamp301SecondsOld) {
  EXPECT_EQ(verifier_.Verify(Signed("a=1", -301)).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, AcceptsTimestampExactly300SecondsAhead) {
  const Status status = verifier_.Verify(Signed("a=1", 300));
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesTimestamp301SecondsAhead) {
  EXPECT_EQ(verifier_.Verify(Signed("a=1", 301)).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RequestValidNowIsRefusedOnceTheClockMovesOn) {
  const HttpRequest request = Signed("a=1");
  EXPECT_TRUE(verifier_.Verify(request).ok());
  clock_.Advance(seconds(301));
  EXPECT_EQ(verifier_.Verify(request).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RefusesMissingTimestampHeader) {
  HttpRequest request = Signed("a=1");
  request.headers.erase("x-slack-request-timestamp");
  const Status status = verifier_.Verify(request);
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("missing"), std::string::npos) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesMissingSignatureHeader) {
  HttpRequest request = Signed("a=1");
  request.headers.erase("x-slack-signature");
  const Status status = verifier_.Verify(request);
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("missing"), std::string::npos) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesNonNumericTimestamp) {
  // Signed over the malformed timestamp, so only the timestamp check can refuse it.
  const Status status = verifier_.Verify(Request("abc", Sign(kSecret, "abc", "a=1"), "a=1"));
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("malformed timestamp"), std::string::npos) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesNegativeTimestamp) {
  const Status status = verifier_.Verify(Request("-5", Sign(kSecret, "-5", "a=1"), "a=1"));
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("malformed timestamp"), std::string::npos) << status.message();
}

TEST_F(SlackRequestVerifierTest, RefusesTimestampWithTrailingGarbage) {
  const std::string ts = Timestamp() + "x";
  const Status status = verifier_.Verify(Request(ts, Sign(kSecret, ts, "a=1"), "a=1"));
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("malformed timestamp"), std::string::npos) << status.message();
  const Status short_garbage = verifier_.Verify(Request("12x", Sign(kSecret, "12x", "a=1"), "a=1"));
  EXPECT_EQ(short_garbage.code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, RefusesTimestampWithSignOrSpaces) {
  for (const std::string& ts : {"+" + Timestamp(), " " + Timestamp(), Timestamp() + " "}) {
    EXPECT_EQ(verifier_.Verify(Request(ts, Sign(kSecret, ts, "a=1"), "a=1")).code(), StatusCode::kPermissionDenied)
        << "'" << ts << "'";
  }
}

TEST_F(SlackRequestVerifierTest, RefusesTimestampTooLargeForAnInteger) {
  const std::string ts = "99999999999999999999999999";
  EXPECT_EQ(verifier_.Verify(Request(ts, Sign(kSecret, ts, "a=1"), "a=1")).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, EmptySecretRefusesEverything) {
  SlackRequestVerifier unconfigured("", clock_);
  EXPECT_FALSE(unconfigured.configured());
  // Even a request "signed" with the empty secret.
  const std::string ts = Timestamp();
  const Status status = unconfigured.Verify(Request(ts, Sign("", ts, "a=1"), "a=1"));
  EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(unconfigured.Verify(Signed("a=1")).code(), StatusCode::kPermissionDenied);
}

TEST_F(SlackRequestVerifierTest, ConfiguredWithSecret) {
  EXPECT_TRUE(verifier_.configured());
}

TEST_F(SlackRequestVerifierTest, RefusalMessageNeverContainsSecretOrExpectedSignature) {
  const std::string ts = Timestamp();
  const std::string expected = Sign(kSecret, ts, "a=1");
  const Status status = verifier_.Verify(Request(ts, Sign("wrong", ts, "a=1"), "a=1"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message().find(kSecret), std::string::npos);
  EXPECT_EQ(status.message().find(expected.substr(3)), std::string::npos);
}

TEST(HttpRequestHeaderTest, LookupIgnoresTheCaseOfTheName) {
  HttpRequest request;
  request.headers["x-slack-signature"] = "v0=abc";
  EXPECT_EQ(request.Header("X-Slack-Signature"), "v0=abc");
  EXPECT_EQ(request.Header("X-SLACK-SIGNATURE"), "v0=abc");
  EXPECT_EQ(request.Header("x-slack-signature"), "v0=abc");
  EXPECT_EQ(request.Header("X-Slack-Request-Timestamp"), "");
}

TEST_F(SlackRequestVerifierTest, FindsLowerCaseHeadersWhateverCaseSlackUsed) {
  // Servers lower-case names when filling HttpRequest::headers; the verifier
  // asks for them in Slack's documented spelling.
  HttpRequest request = Signed("a=1");
  EXPECT_EQ(request.headers.count("X-Slack-Signature"), 0u);
  EXPECT_TRUE(verifier_.Verify(request).ok());
}

TEST_F(SlackRequestVerifierTest, HeadersMapWithMixedCaseKeysBreaksTheContract) {
  // HttpRequest::headers REQUIRES lower-case keys; a mixed-case key is not
  // found, so such a request is refused rather than accepted by accident.
  HttpRequest request = Signed("a=1");
  HttpRequest mixed;
  mixed.body = request.body;
  mixed.headers["X-Slack-Request-Timestamp"] = request.headers["x-slack-request-timestamp"];
  mixed.headers["X-Slack-Signature"] = request.headers["x-slack-signature"];
  EXPECT_EQ(verifier_.Verify(mixed).code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace mentorbot
