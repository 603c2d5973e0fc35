// Bot Framework JWT validation against keys served by a fake OpenID/JWKS
// endpoint on loopback, with keys made in the test.
#include "adapters/teams/token_validator.h"

#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <limits>

#include "tests/support/fake_bot_framework.h"
#include "tests/support/fake_clock.h"
#include "tests/support/jwt_minting.h"

namespace mentorbot {
namespace {

using nlohmann::json;
constexpr const char* kAppId = "app-id-1";
constexpr const char* kServiceUrl = "https://smba.trafficmanager.net/emea/";

class TeamsTokenValidatorTest : public ::testing::Test {
 protected:
  TeamsTokenValidatorTest() : framework_(kAppId, ""), key_("key-1") {
    framework_.SetKeys(json::array({key_.Jwk({"msteams"})}));
  }

  json Claims() const { return BotFrameworkClaims(kAppId, kServiceUrl, clock_.Now()); }
  Status Check(const std::string& token, const std::string& channel = "msteams",
               const std::string& service_url = kServiceUrl) {
    return validator_.Validate("Bearer " + token, ActivityClaims{channel, service_url});
  }
  void ExpectDenied(const std::string& token, const std::string& reason) {
    Status status = Check(token);
    EXPECT_EQ(status.code(), StatusCode::kPermissionDenied) << status.message();
    EXPECT_NE(status.message().find(reason), std::string::npos) << status.message();
  }

  FakeClock clock_{TestEpoch()};
  FakeBotFramework framework_;
  TestSigningKey key_;
  HttpClient http_{std::chrono::seconds(5)};
  OpenIdSigningKeys keys_{framework_.metadata_url(), http_, clock_};
  BotFrameworkTokenValidator validator_{kAppId, keys_, clock_};
};

TEST_F(TeamsTokenValidatorTest, AcceptsAValidTokenAndCachesTheKeys) {
  EXPECT_TRUE(Check(BotFrameworkToken(key_, Claims())).ok());
  EXPECT_TRUE(validator_.Validate("bearer " + BotFrameworkToken(key_, Claims()), {"msteams", kServiceUrl}).ok());
  EXPECT_EQ(framework_.metadata_requests(), 1);
  EXPECT_EQ(framework_.jwks_requests(), 1);
}

TEST_F(TeamsTokenValidatorTest, RejectsTokensThatAreNotRs256) {
  // alg none: no signature at all.
  json claims = Claims();
  const std::string none = Base64UrlEncode(json{{"alg", "none"}, {"kid", "key-1"}}.dump()) + "." +
                           Base64UrlEncode(claims.dump()) + ".";
  ExpectDenied(none, "alg must be RS256");
  // HS256 "signed" with the public key's modulus as the secret (the classic confusion attack).
  const std::string input = Base64UrlEncode(json{{"alg", "HS256"}, {"kid", "key-1"}}.dump()) + "." +
                            Base64UrlEncode(claims.dump());
  const std::string secret = key_.Jwk()["n"];
  unsigned char mac[32];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(input.data()),
       input.size(), mac, &length);
  ExpectDenied(input + "." + Base64UrlEncode(std::string(reinterpret_cast<char*>(mac), length)), "alg must be RS256");
  ExpectDenied(key_.Sign({{"alg", "RS512"}, {"kid", "key-1"}}, claims), "alg must be RS256");
  ExpectDenied(key_.Sign({{"kid", "key-1"}}, claims), "alg must be RS256");
  ExpectDenied(key_.Sign({{"alg", "RS256"}}, claims), "no kid");
}

TEST_F(TeamsTokenValidatorTest, RejectsTheWrongKeyAndTampering) {
  TestSigningKey impostor("key-1");  // same kid, different key
  ExpectDenied(BotFrameworkToken(impostor, Claims()), "signature mismatch");
  const std::string token = BotFrameworkToken(key_, Claims());
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  json changed = Claims();
  changed["aud"] = "app-id-1";
  changed["serviceurl"] = "https://evil.example/";
  const std::string tampered = token.substr(0, first + 1) + Base64UrlEncode(changed.dump()) + token.substr(second);
  ExpectDenied(tampered, "signature mismatch");
  ExpectDenied("not-a-jwt", "three dot-separated parts");
  ExpectDenied("a.b!.c", "base64url");
  ExpectDenied(std::string(20000, 'a') + ".b.c", "too large");
  EXPECT_EQ(validator_.Validate("Basic abc", {"msteams", kServiceUrl}).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(validator_.Validate("", {"msteams", kServiceUrl}).code(), StatusCode::kPermissionDenied);
}

TEST_F(TeamsTokenValidatorTest, ChecksIssuerAudienceAndLifetimeWithFiveMinutesOfSkew) {
  json claims = Claims();
  claims["iss"] = "https://sts.windows.net/other/";
  ExpectDenied(BotFrameworkToken(key_, claims), "wrong issuer");
  claims = Claims();
  claims["aud"] = "someone-else";
  ExpectDenied(BotFrameworkToken(key_, claims), "wrong audience");
  claims["aud"] = json::array({"x", kAppId});
  EXPECT_TRUE(Check(BotFrameworkToken(key_, claims)).ok());
  claims = Claims();
  claims.erase("exp");
  ExpectDenied(BotFrameworkToken(key_, claims), "no exp");
  const long long now = clock_.Now().time_since_epoch().count();
  claims = Claims();
  claims["exp"] = now - 240;  // expired 4 minutes ago: within the skew
  EXPECT_TRUE(Check(BotFrameworkToken(key_, claims)).ok());
  claims["exp"] = now - 301;
  ExpectDenied(BotFrameworkToken(key_, claims), "expired");
  claims = Claims();
  claims["nbf"] = now + 299.5;  // floats are numbers too
  EXPECT_TRUE(Check(BotFrameworkToken(key_, claims)).ok());
  claims["nbf"] = now + 400;
  ExpectDenied(BotFrameworkToken(key_, claims), "not valid yet");
  claims["nbf"] = "soon";
  ExpectDenied(BotFrameworkToken(key_, claims), "nbf");
  // Claims at the edges of the number range are judged, never overflowed (UBSan watches).
  claims = Claims();
  claims["exp"] = std::numeric_limits<long long>::max();
  claims["nbf"] = std::numeric_limits<long long>::min();
  EXPECT_TRUE(Check(BotFrameworkToken(key_, claims)).ok());
  claims["exp"] = -1e300;
  ExpectDenied(BotFrameworkToken(key_, claims), "expired");
}

TEST_F(TeamsTokenValidatorTest, TheServiceUrlClaimMustMatchTheActivity) {
  json claims = Claims();
  claims.erase("serviceurl");
  ExpectDenied(BotFrameworkToken(key_, claims), "no serviceurl");
  claims["serviceUrl"] = kServiceUrl;  // the other spelling is accepted
  EXPECT_TRUE(Check(BotFrameworkToken(key_, claims)).ok());
  EXPECT_TRUE(Check(BotFrameworkToken(key_, Claims()), "msteams", "https://smba.trafficmanager.net/emea").ok());
  Status other = Check(BotFrameworkToken(key_, Claims()), "msteams", "https://smba.trafficmanager.net/amer/");
  EXPECT_EQ(other.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(other.message().find("does not match"), std::string::npos);
}

TEST_F(TeamsTokenValidatorTest, TheKeyMustBeEndorsedForTheActivitysChannel) {
  Status webchat = Check(BotFrameworkToken(key_, Claims()), "webchat");
  EXPECT_EQ(webchat.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(webchat.message().find("not endorsed for channel webchat"), std::string::npos);
  TestSigningKey bare("bare");
  json jwk = bare.Jwk();
  jwk.erase("endorsements");
  framework_.SetKeys(json::array({key_.Jwk(), jwk}));
  clock_.Advance(std::chrono::seconds(61));
  ExpectDenied(BotFrameworkToken(bare, Claims()), "not endorsed");
}

TEST_F(TeamsTokenValidatorTest, UnknownKeysAreLookedUpAgainAtMostOnceAMinute) {
  ASSERT_TRUE(Check(BotFrameworkToken(key_, Claims())).ok());
  TestSigningKey rotated("key-2");
  ExpectDenied(BotFrameworkToken(rotated, Claims()), "unknown signing key");
  EXPECT_EQ(framework_.jwks_requests(), 1);  // fetched moments ago: not again
  framework_.SetKeys(json::array({key_.Jwk(), rotated.Jwk()}));
  clock_.Advance(std::chrono::seconds(60));
  EXPECT_TRUE(Check(BotFrameworkToken(rotated, Claims())).ok());  // the rotated key is found
  EXPECT_EQ(framework_.jwks_requests(), 2);
  TestSigningKey made_up("made-up");
  ExpectDenied(BotFrameworkToken(made_up, Claims()), "unknown signing key");
  ExpectDenied(BotFrameworkToken(made_up, Claims()), "unknown signing key");
  EXPECT_EQ(framework_.jwks_requests(), 2);
}

TEST_F(TeamsTokenValidatorTest, KeysAreRefreshedDailyAndKeptThroughAnOutage) {
  ASSERT_TRUE(Check(BotFrameworkToken(key_, Claims())).ok());
  clock_.Advance(std::chrono::hours(24));
  EXPECT_TRUE(Check(BotFrameworkToken(key_, Claims())).ok());
  EXPECT_EQ(framework_.jwks_requests(), 2);
  framework_.SetDown(true);
  clock_.Advance(std::chrono::hours(25));
  EXPECT_TRUE(Check(BotFrameworkToken(key_, Claims())).ok());  // the cached key still works
}

TEST(TeamsSigningKeysTest, WithoutKeysAnOutageIsUnavailableNotDenied) {
  FakeClock clock(TestEpoch());
  FakeBotFramework framework(kAppId, "");
  framework.SetDown(true);
  HttpClient http(std::chrono::seconds(5));
  OpenIdSigningKeys keys(framework.metadata_url(), http, clock);
  BotFrameworkTokenValidator validator(kAppId, keys, clock);
  TestSigningKey key("key-1");
  Status status = validator.Validate("Bearer " + BotFrameworkToken(key, BotFrameworkClaims(kAppId, kServiceUrl, clock.Now())),
                                     {"msteams", kServiceUrl});
  EXPECT_EQ(status.code(), StatusCode::kUnavailable) << status.message();
}

TEST(TeamsSigningKeysTest, ParsesRsaKeysAndSkipsOthers) {
  TestSigningKey key("rsa-1");
  json jwks{{"keys", json::array({key.Jwk({"msteams", "emulator"}), {{"kty", "EC"}, {"kid", "ec-1"}},
                                  {{"kty", "RSA"}, {"kid", "no-modulus"}, {"e", "AQAB"}}})}};
  auto parsed = ParseJwks(jwks.dump());
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].kid, "rsa-1");
  EXPECT_EQ((*parsed)[0].endorsements, (std::vector<std::string>{"msteams", "emulator"}));
  EXPECT_FALSE(ParseJwks("nope").ok());
  // Members of the wrong type are skipped, never thrown on.
  auto odd = ParseJwks(R"({"keys":[{"kty":5},{"kty":"RSA","kid":["x"],"n":1,"e":{}},"text"]})");
  ASSERT_TRUE(odd.ok());
  EXPECT_TRUE(odd->empty());
  EXPECT_FALSE(ParseJwks("{\"keys\": 3}").ok());
}

TEST(TeamsBase64UrlTest, RoundTripsAndRejectsForeignCharacters) {
  for (const std::string& text : std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\xff\x00\x10", 3)}) {
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(text)), text);
  }
  EXPECT_EQ(Base64UrlDecode("YWI="), "ab");
  EXPECT_FALSE(Base64UrlDecode("a+b/"));
  EXPECT_FALSE(Base64UrlDecode("abcde"));
}

}  // namespace
}  // namespace mentorbot
