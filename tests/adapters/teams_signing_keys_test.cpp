// OpenIdSigningKeys on its own (the cache, its refresh rules and outages,
// against a fake OpenID/JWKS endpoint on loopback), ParseJwks and DecodeJwt.
// The end-to-end token checks are in teams_token_validator_test.cpp.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "adapters/teams/signing_keys.h"
#include "adapters/teams/token_validator.h"
#include "tests/support/fake_bot_framework.h"
#include "tests/support/fake_clock.h"
#include "tests/support/jwt_minting.h"

namespace mentorbot {
namespace {

using nlohmann::json;

class TeamsOpenIdSigningKeysTest : public ::testing::Test {
 protected:
  TeamsOpenIdSigningKeysTest() : framework_("app-id-1", ""), key_("key-1") {
    framework_.SetKeys(json::array({key_.Jwk({"msteams"})}));
  }

  FakeClock clock_{TestEpoch()};
  FakeBotFramework framework_;
  TestSigningKey key_;
  HttpClient http_{std::chrono::seconds(5)};
  OpenIdSigningKeys keys_{framework_.metadata_url(), http_, clock_};
};

TEST_F(TeamsOpenIdSigningKeysTest, FindsAKeyWithItsEndorsementsAndCachesIt) {
  auto found = keys_.Find("key-1");
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ((*found)->kid, "key-1");
  EXPECT_EQ((*found)->endorsements, std::vector<std::string>{"msteams"});
  ASSERT_NE((*found)->public_key, nullptr);
  clock_.Advance(std::chrono::hours(23));
  EXPECT_TRUE(keys_.Find("key-1").ok());
  EXPECT_EQ(framework_.metadata_requests(), 1);
  EXPECT_EQ(framework_.jwks_requests(), 1);
}

TEST_F(TeamsOpenIdSigningKeysTest, AnUnknownKidRefreshesOnceThenIsNotFound) {
  ASSERT_TRUE(keys_.Find("key-1").ok());
  clock_.Advance(std::chrono::seconds(61));
  auto missing = keys_.Find("nobody");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "unknown signing key id");
  EXPECT_EQ(framework_.jwks_requests(), 2);  // looked again once
  clock_.Advance(std::chrono::seconds(59));
  EXPECT_EQ(keys_.Find("someone-else").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(framework_.jwks_requests(), 2);  // within a minute: not again
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_EQ(keys_.Find("someone-else").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(framework_.jwks_requests(), 3);
}

TEST_F(TeamsOpenIdSigningKeysTest, RefreshesADayLaterAndForgetsRetiredKeys) {
  ASSERT_TRUE(keys_.Find("key-1").ok());
  TestSigningKey next("key-2");
  framework_.SetKeys(json::array({next.Jwk({"msteams"})}));
  clock_.Advance(std::chrono::hours(24));
  EXPECT_TRUE(keys_.Find("key-2").ok());
  EXPECT_EQ(keys_.Find("key-1").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(framework_.jwks_requests(), 2);
}

TEST_F(TeamsOpenIdSigningKeysTest, KeepsCachedKeysWhenARefreshFails) {
  ASSERT_TRUE(keys_.Find("key-1").ok());
  framework_.SetDown(true);
  clock_.Advance(std::chrono::hours(30));
  EXPECT_TRUE(keys_.Find("key-1").ok());
  EXPECT_EQ(framework_.metadata_requests(), 2);  // it did try
  framework_.SetDown(false);
  clock_.Advance(std::chrono::seconds(60));
  EXPECT_TRUE(keys_.Find("key-1").ok());
  EXPECT_EQ(framework_.jwks_requests(), 2);  // and caught up once the endpoint was back
}

TEST_F(TeamsOpenIdSigningKeysTest, WithoutKeysAFailedFetchIsUnavailable) {
  framework_.SetDown(true);
  auto down = keys_.Find("key-1");
  EXPECT_EQ(down.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(down.status().message().find("503"), std::string::npos) << down.status().message();
  framework_.SetDown(false);
  clock_.Advance(std::chrono::seconds(60));
  EXPECT_TRUE(keys_.Find("key-1").ok());
}

TEST_F(TeamsOpenIdSigningKeysTest, OnlyHttpUrlsAreFetched) {
  OpenIdSigningKeys ftp("ftp://127.0.0.1/v1/.well-known/openidconfiguration", http_, clock_);
  EXPECT_EQ(ftp.Find("key-1").status().code(), StatusCode::kUnavailable);
  OpenIdSigningKeys refused("http://127.0.0.1:1/v1/.well-known/openidconfiguration", http_, clock_);
  EXPECT_EQ(refused.Find("key-1").status().code(), StatusCode::kUnavailable);
}

TEST_F(TeamsOpenIdSigningKeysTest, ConcurrentFirstLookupsFetchOnce) {
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] { found += keys_.Find("key-1").ok() ? 1 : 0; });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(found, 8);
  EXPECT_EQ(framework_.jwks_requests(), 1);
}

TEST(TeamsJwksTest, ParsedKeysVerifyWhatTheirPrivateHalfSigned) {
  TestSigningKey key("rsa-1");
  auto parsed = ParseJwks(json{{"keys", json::array({key.Jwk({"msteams"})})}}.dump());
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 1u);
  auto jwt = DecodeJwt(key.Sign({{"alg", "RS256"}}, {{"sub", "x"}}));
  ASSERT_TRUE(jwt.ok());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  ASSERT_EQ(EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, (*parsed)[0].public_key.get()), 1);
  EXPECT_EQ(EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(jwt->signature.data()),
                             jwt->signature.size(), reinterpret_cast<const unsigned char*>(jwt->signing_input.data()),
                             jwt->signing_input.size()),
            1);
}

TEST(TeamsJwksTest, SkipsKeysItCannotUseAndRejectsNonJwksDocuments) {
  TestSigningKey key("rsa-1");
  json no_kid = key.Jwk();
  no_kid.erase("kid");
  json no_endorsements = key.Jwk();
  no_endorsements.erase("endorsements");
  no_endorsements["kid"] = "plain";
  json bad_modulus = key.Jwk();
  bad_modulus["kid"] = "bad-n";
  bad_modulus["n"] = "not base64url!";
  json mixed_endorsements = key.Jwk();
  mixed_endorsements["kid"] = "mixed";
  mixed_endorsements["endorsements"] = json::array({"msteams", 7, nullptr, "webchat"});
  json doc{{"keys", json::array({no_kid, no_endorsements, bad_modulus, mixed_endorsements, {{"kty", "oct"}, {"kid", "hmac"}},
                                 "not an object"})}};
  auto parsed = ParseJwks(doc.dump());
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].kid, "plain");
  EXPECT_TRUE((*parsed)[0].endorsements.empty());
  EXPECT_EQ((*parsed)[1].endorsements, (std::vector<std::string>{"msteams", "webchat"}));
  for (const char* text : {"", "[]", "{}", "{\"keys\": {}}", "{\"keys\": [", "null"}) {
    EXPECT_EQ(ParseJwks(text).status().code(), StatusCode::kInvalidArgument) << text;
  }
  EXPECT_TRUE(ParseJwks("{\"keys\": []}").ok());
}

TEST(TeamsJwtDecodeTest, SplitsThreePartsAndRejectsEverythingElse) {
  const std::string header = Base64UrlEncode(R"({"alg":"RS256"})");
  const std::string payload = Base64UrlEncode(R"({"aud":"a"})");
  auto jwt = DecodeJwt(header + "." + payload + "." + Base64UrlEncode("sig"));
  ASSERT_TRUE(jwt.ok());
  EXPECT_EQ(jwt->header["alg"], "RS256");
  EXPECT_EQ(jwt->payload["aud"], "a");
  EXPECT_EQ(jwt->signing_input, header + "." + payload);
  EXPECT_EQ(jwt->signature, "sig");
  for (const std::string& bad : {header + "." + payload, header + "." + payload + ".x.y", std::string("xx.yy."),
                                 header + "." + Base64UrlEncode("[1]") + ".", header + "." + Base64UrlEncode("\"s\"") + "."}) {
    EXPECT_EQ(DecodeJwt(bad).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace mentorbot
