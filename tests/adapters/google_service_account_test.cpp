// The service account key file and the JWT-bearer assertion made from it:
// clear errors naming what is missing (never the key), and the header and
// claims Google's token endpoint requires.
#include "adapters/google/service_account.h"

#include <gtest/gtest.h>

#include <fstream>

#include "adapters/google/google_calendar.h"
#include "adapters/google/jwt_bearer_tokens.h"
#include "adapters/teams/token_validator.h"
#include "tests/support/fake_clock.h"
#include "tests/support/fake_google_calendar.h"
#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

using nlohmann::json;

constexpr const char* kAccount = "mentorbot@mentorbot-test.iam.gserviceaccount.com";
constexpr const char* kTokenUri = "https://oauth2.googleapis.com/token";

class GoogleServiceAccountTest : public ::testing::Test {
 protected:
  std::string Write(const json& file) {
    const std::string path = dir.File("key.json");
    std::ofstream(path) << file.dump(2);
    return path;
  }

  TempDir dir;
  TestSigningKey key{"0123456789abcdef0123456789abcdef01234567"};
  json file = ServiceAccountKeyFile(key, kAccount, kTokenUri);
};

TEST_F(GoogleServiceAccountTest, LoadsTheKeyFile) {
  auto account = LoadServiceAccount(Write(file));
  ASSERT_TRUE(account.ok()) << account.status().message();
  EXPECT_EQ(account->client_email, kAccount);
  EXPECT_EQ(account->private_key_id, key.kid());
  EXPECT_EQ(account->token_uri, kTokenUri);
  EXPECT_NE(account->private_key, nullptr);
}

TEST_F(GoogleServiceAccountTest, EachMissingFieldIsNamed) {
  for (const char* field : {"client_email", "private_key", "private_key_id", "token_uri"}) {
    json incomplete = file;
    incomplete.erase(field);
    auto account = LoadServiceAccount(Write(incomplete));
    ASSERT_FALSE(account.ok()) << field;
    EXPECT_EQ(account.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(account.status().message().find(std::string("has no ") + field), std::string::npos)
        << account.status().message();
  }
}

TEST_F(GoogleServiceAccountTest, ABadKeyOrFileIsExplainedWithoutQuotingTheKey) {
  json broken = file;
  std::string pem = key.PrivateKeyPem();
  pem[pem.size() / 2] = '!';
  broken["private_key"] = pem;
  auto bad_key = LoadServiceAccount(Write(broken));
  ASSERT_FALSE(bad_key.ok());
  EXPECT_NE(bad_key.status().message().find("private_key is not a PEM private key"), std::string::npos);
  EXPECT_EQ(bad_key.status().message().find("PRIVATE KEY"), std::string::npos) << "never the key itself";

  json wrong_type = file;
  wrong_type["type"] = "authorized_user";
  EXPECT_NE(LoadServiceAccount(Write(wrong_type)).status().message().find("not \"service_account\""),
            std::string::npos);
  EXPECT_EQ(ParseServiceAccount("{not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(LoadServiceAccount(dir.File("missing.json")).status().code(), StatusCode::kNotFound);
}

TEST_F(GoogleServiceAccountTest, TheAssertionHasGooglesHeaderAndClaims) {
  FakeClock clock{TestEpoch()};
  HttpClient http{std::chrono::seconds(1)};
  JwtBearerTokens tokens(ParseServiceAccount(file.dump()).value(), kTokenUri, GoogleCalendar::kScopes, http, clock);
  auto assertion = tokens.Assertion("morgan@example.com", TestEpoch());
  ASSERT_TRUE(assertion.ok());
  auto jwt = DecodeJwt(*assertion);
  ASSERT_TRUE(jwt.ok()) << jwt.status().message();
  EXPECT_EQ(jwt->header, json({{"alg", "RS256"}, {"typ", "JWT"}, {"kid", key.kid()}}));
  const long long now = TestEpoch().time_since_epoch().count();
  EXPECT_EQ(jwt->payload, json({{"iss", kAccount},
                                {"scope",
                                 "https://www.googleapis.com/auth/calendar.events "
                                 "https://www.googleapis.com/auth/calendar.freebusy"},
                                {"aud", kTokenUri},
                                {"iat", now},
                                {"exp", now + 3600},
                                {"sub", "morgan@example.com"}}));
  EXPECT_EQ(assertion->find('='), std::string::npos) << "base64url without padding";
}

}  // namespace
}  // namespace mentorbot
