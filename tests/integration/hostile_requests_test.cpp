// Hostile and broken requests against the real binary, Slack and Teams both
// configured: forged, replayed or oversized, malformed JSON and forms,
// invalid tokens, unknown routes, wrong methods, absurd headers. Each is
// refused with its exact 4xx and one log line naming why — never a secret —
// and afterwards nothing was stored, nothing was sent, and the bot still
// answers a genuine command. (Slack-signed commands with odd text are not
// refused but answered; they store nothing either.)
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <sstream>
#include <thread>

#include "adapters/teams/token_validator.h"
#include "tests/support/database_file.h"
#include "tests/support/platform_fakes.h"
#include "tests/support/slack_signing.h"
#include "tests/support/wait_until.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

using Headers = std::vector<std::pair<std::string, std::string>>;

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// An HTTP/1.1 request as bytes: `headers` plus Host, Connection: close and,
// unless the body is sent chunked, Content-Length.
std::string Request(const std::string& method, const std::string& path, const Headers& headers,
                    const std::string& body = "", bool chunked = false) {
  std::string text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) text += name + ": " + value + "\r\n";
  if (!chunked) return text + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  text += "Transfer-Encoding: chunked\r\n\r\n";
  for (std::size_t at = 0; at < body.size(); at += 4096) {
    const std::string chunk = body.substr(at, 4096);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunk.size());
    text += std::string(size) + "\r\n" + chunk + "\r\n";
  }
  return text + "0\r\n\r\n";
}

// Sends `request` on a fresh connection (from a thread of its own, so a
// server that answers before reading everything cannot block it) and
// returns the status of the answer, 0 if none came within 15 s.
int Send(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return 0;
  }
  timeval timeout{15, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::thread writer([&] {
    for (std::size_t sent = 0; sent < request.size();) {
      const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  });
  std::string response;
  char buffer[4096];
  for (ssize_t n; response.find("\r\n") == std::string::npos && (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    response.append(buffer, static_cast<std::size_t>(n));
  }
  shutdown(fd, SHUT_RDWR);
  writer.join();
  close(fd);
  if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

// "METHOD PATH STATUS" of every 4xx the log reports, counted.
std::map<std::string, int> Refusals(const std::string& log) {
  static const std::regex kRequestLine(R"(\] ([A-Z]*) (\S*) (4\d\d) )");
  std::map<std::string, int> refusals;
  std::istringstream lines(log);
  std::smatch match;
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_search(line, match, kRequestLine)) ++refusals[match[1].str() + " " + match[2].str() + " " + match[3].str()];
  }
  return refusals;
}

struct Row {
  std::string what;
  std::string request;
  int status;
  std::string logged;  // what its log line names: method, path and status
};

class HostileRequestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bot = std::make_unique<BotProcess>(dir, fakes.Config(dir.File("bot.db")).dump(), fakes.Env());
  }

  // A content type and Slack's two signature headers for `body` at `timestamp`.
  Headers Signed(const std::string& body, const std::string& content_type, long long timestamp = Now(),
                 const std::string& secret = PlatformFakes::kSlackSecret) {
    return {{"Content-Type", content_type},
            {"X-Slack-Request-Timestamp", std::to_string(timestamp)},
            {"X-Slack-Signature", SlackSignature(secret, timestamp, body)}};
  }
  Headers SignedForm(const std::string& body) { return Signed(body, "application/x-www-form-urlencoded"); }
  Headers SignedJson(const std::string& body) { return Signed(body, "application/json"); }

  // A Teams request carrying `authorization` (none when empty).
  Headers Teams(const std::string& authorization, const std::string& content_type = "application/json") {
    Headers headers = {{"Content-Type", content_type}};
    if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
    return headers;
  }
  std::string Token(json claims) const { return "Bearer " + BotFrameworkToken(fakes.key, claims); }
  json Claims() const {
    return BotFrameworkClaims(PlatformFakes::kTeamsAppId, fakes.framework.service_url(),
                              std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  }

  std::vector<Row> Table();

  TempDir dir;
  PlatformFakes fakes;
  std::unique_ptr<BotProcess> bot;
};

std::vector<Row> HostileRequestsTest::Table() {
  const std::string command = SlashCommandBody("T1", "UHOSTILE", "join mentee");
  const std::string oversized = SlashCommandBody("T1", "UHOSTILE", "join " + std::string(300000, 'x'));
  const std::string deep = std::string(100000, '[');
  const std::string deep_closed = deep + std::string(100000, ']');
  const std::string event = R"({"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"message",)"
                            R"("channel_type":"im","channel":"D1","user":"UHOSTILE","text":"join mentee"}})";
  const std::string bad_utf8_event = R"({"type":"event_callback","team_id":"T1","event_id":"Ev2","event":{"type":)"
                                     R"("message","channel_type":"im","channel":"D1","user":"UHOSTILE","text":"join )"
                                     "\xff\xfe" R"("}})";
  const std::string activity = fakes.TeamsMessage("aad-hostile", "join mentee").dump();
  const std::string valid = "Bearer " + BotFrameworkToken(fakes.key, Claims());
  json expired = Claims();
  expired["exp"] = Now() - 3600;
  expired["nbf"] = Now() - 7200;
  json other_audience = Claims();
  other_audience["aud"] = "another-app";
  json other_service = Claims();
  other_service["serviceurl"] = "https://smba.trafficmanager.net/emea/";
  const TestSigningKey stranger("stranger-key");
  const std::string unsigned_token =
      "Bearer " + Base64UrlEncode(R"({"alg":"none","typ":"JWT","kid":"fakes-key"})") + "." +
      Base64UrlEncode(Claims().dump()) + ".";
  json outside = fakes.TeamsMessage("aad-hostile", "join mentee", "https://evil.example.com/teams/");
  json outside_claims = Claims();
  outside_claims["serviceurl"] = "https://evil.example.com/teams/";
  std::string invalid_utf8_activity = activity;
  invalid_utf8_activity.replace(invalid_utf8_activity.find("join mentee"), 11, "join \xc3\x28\xff");

  const std::string interaction_truncated = FormEncode({{"payload", R"({"type":"block_actions","user":{"id":)"}});
  const std::string interaction_deep = FormEncode({{"payload", std::string(50000, '{')}});
  const std::string commands = "/slack/commands", events = "/slack/events", messages = "/api/messages";

  // A request the server cannot parse ends where it fails: the library would
  // read on past that point as if a next request followed on the connection.
  const std::string long_header = "POST /slack/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " +
                                  std::string(20000, 'a') + "\r\n";
  Headers many_headers;
  for (int i = 0; i < 500; ++i) many_headers.emplace_back("X-Junk-" + std::to_string(i), "junk");
  Headers bad_timestamp = SignedForm(command);
  bad_timestamp[1].second = "99999999999999999999999999";
  Headers untyped = SignedForm(command);
  untyped.erase(untyped.begin());  // the Content-Type
  Headers negative_timestamp = SignedForm(command);
  negative_timestamp[1].second = "-1";

  return {
      // Slack commands: the signature and its timestamp.
      {"no signature", Request("POST", commands, {{"Content-Type", "application/x-www-form-urlencoded"}}, command),
       401, "POST /slack/commands 401"},
      {"signed with another secret",
       Request("POST", commands, Signed(command, "application/x-www-form-urlencoded", Now(), "not-the-secret"), command),
       401, "POST /slack/commands 401"},
      {"signature of another body", Request("POST", commands, SignedForm(command), command + "&text=admin+report"),
       401, "POST /slack/commands 401"},
      {"replayed after 5 minutes",
       Request("POST", commands, Signed(command, "application/x-www-form-urlencoded", Now() - 301), command), 401,
       "POST /slack/commands 401"},
      {"replayed a day later",
       Request("POST", commands, Signed(command, "application/x-www-form-urlencoded", Now() - 86400), command), 401,
       "POST /slack/commands 401"},
      {"timestamp 10 minutes ahead",
       Request("POST", commands, Signed(command, "application/x-www-form-urlencoded", Now() + 600), command), 401,
       "POST /slack/commands 401"},
      {"timestamp beyond 64 bits", Request("POST", commands, bad_timestamp, command), 401, "POST /slack/commands 401"},
      {"negative timestamp", Request("POST", commands, negative_timestamp, command), 401, "POST /slack/commands 401"},
      // Slack commands: size, type and form.
      {"body over max_body_bytes", Request("POST", commands, SignedForm(oversized), oversized), 413,
       "POST /slack/commands 413"},
      {"chunked body over max_body_bytes", Request("POST", commands, SignedForm(oversized), oversized, true), 413,
       "POST /slack/commands 413"},
      {"JSON instead of a form", Request("POST", commands, SignedJson("{\"text\":\"help\"}"), "{\"text\":\"help\"}"),
       415, "POST /slack/commands 415"},
      {"no content type", Request("POST", commands, untyped, command), 415, "POST /slack/commands 415"},
      {"broken percent-encoding", Request("POST", commands, SignedForm("text=%zz%"), "text=%zz%"), 400,
       "POST /slack/commands 400"},
      {"form without the command's fields", Request("POST", commands, SignedForm("team_id=T1"), "team_id=T1"), 400,
       "POST /slack/commands 400"},
      // Slack events and interactions: JSON that is not JSON.
      {"truncated event JSON", Request("POST", events, SignedJson(event.substr(0, 60)), event.substr(0, 60)), 400,
       "POST /slack/events 400"},
      {"100k unclosed brackets", Request("POST", events, SignedJson(deep), deep), 400, "POST /slack/events 400"},
      {"100k nested arrays", Request("POST", events, SignedJson(deep_closed), deep_closed), 400,
       "POST /slack/events 400"},
      {"invalid UTF-8 in event JSON", Request("POST", events, SignedJson(bad_utf8_event), bad_utf8_event), 400,
       "POST /slack/events 400"},
      {"event as a form", Request("POST", events, SignedForm(command), command), 415, "POST /slack/events 415"},
      {"unsigned url_verification",
       Request("POST", events, {{"Content-Type", "application/json"}}, R"({"type":"url_verification","challenge":"x"})"),
       401, "POST /slack/events 401"},
      {"truncated interaction payload",
       Request("POST", "/slack/interactions", SignedForm(interaction_truncated), interaction_truncated), 400,
       "POST /slack/interactions 400"},
      {"50k nested objects in a payload",
       Request("POST", "/slack/interactions", SignedForm(interaction_deep), interaction_deep), 400,
       "POST /slack/interactions 400"},
      // Teams: the Bot Framework token.
      {"no Teams token", Request("POST", messages, Teams(""), activity), 401, "POST /api/messages 401"},
      {"not a JWT", Request("POST", messages, Teams("Bearer not.a.jwt"), activity), 401, "POST /api/messages 401"},
      {"Basic credentials", Request("POST", messages, Teams("Basic dXNlcjpwYXNz"), activity), 401,
       "POST /api/messages 401"},
      {"token of an unknown key", Request("POST", messages, Teams("Bearer " + BotFrameworkToken(stranger, Claims())), activity),
       401, "POST /api/messages 401"},
      {"expired token", Request("POST", messages, Teams(Token(expired)), activity), 401, "POST /api/messages 401"},
      {"token for another app", Request("POST", messages, Teams(Token(other_audience)), activity), 401,
       "POST /api/messages 401"},
      {"token for another service url", Request("POST", messages, Teams(Token(other_service)), activity), 401,
       "POST /api/messages 401"},
      {"unsigned token (alg none)", Request("POST", messages, Teams(unsigned_token), activity), 401,
       "POST /api/messages 401"},
      {"7 KB of token", Request("POST", messages, Teams("Bearer " + std::string(7000, 'A')), activity), 401,
       "POST /api/messages 401"},
      {"service url outside the allowlist", Request("POST", messages, Teams(Token(outside_claims)), outside.dump()), 403,
       "POST /api/messages 403"},
      // Teams: the activity itself, with a valid token.
      {"activity as text/plain", Request("POST", messages, Teams(valid, "text/plain"), activity), 415,
       "POST /api/messages 415"},
      {"truncated activity", Request("POST", messages, Teams(valid), activity.substr(0, activity.size() / 2)), 400,
       "POST /api/messages 400"},
      {"100k nested arrays as activity", Request("POST", messages, Teams(valid), deep_closed), 400,
       "POST /api/messages 400"},
      {"invalid UTF-8 in the activity", Request("POST", messages, Teams(valid), invalid_utf8_activity), 400,
       "POST /api/messages 400"},
      {"activity over max_body_bytes", Request("POST", messages, Teams(valid), std::string(300000, ' ') + activity),
       413, "POST /api/messages 413"},
      // Routes and methods.
      {"unknown route", Request("GET", "/admin", {}), 404, "GET /admin 404"},
      {"a route's near miss", Request("POST", "/slack/command", SignedForm(command), command), 404,
       "POST /slack/command 404"},
      {"path traversal", Request("GET", "/../../etc/passwd", {}), 404, "GET /../../etc/passwd 404"},
      {"GET on a POST route", Request("GET", commands, {}), 405, "GET /slack/commands 405"},
      {"PUT on a POST route", Request("PUT", messages, Teams(valid), activity), 405, "PUT /api/messages 405"},
      {"DELETE on a POST route", Request("DELETE", events, {}), 405, "DELETE /slack/events 405"},
      {"POST on a GET route", Request("POST", "/readyz", {}), 405, "POST /readyz 405"},
      {"a method HTTP does not have", "BREW /healthz HTTP/1.1\r\n", 400, "BREW  400"},
      // Absurd headers.
      {"a 20 KB header", long_header, 400, "POST /slack/commands 400"},
      {"500 junk headers and no signature", Request("POST", commands, many_headers, command), 401,
       "POST /slack/commands 401"},
      {"a 20 KB request line", Request("GET", "/" + std::string(20000, 'a'), {}), 414, "  414"},
  };
}

TEST_F(HostileRequestsTest, EveryRowIsRefusedLoggedAndLeavesNoTrace) {
  const auto rows_before = RowCountsByTable(dir.File("bot.db"));
  const auto rows = Table();
  for (const Row& row : rows) {
    EXPECT_EQ(Send(bot->port(), row.request), row.status) << row.what;
  }
  // Signed by Slack but odd: text that is not UTF-8 is read with U+FFFD in
  // place of the bad bytes (as the parser's unit tests pin down), and text
  // far beyond any command is answered as an unknown command — a 200 with a
  // short, valid answer either way, since Slack shows a slash command's
  // answer and nothing else.
  for (const std::string& text : {std::string("help \xff\xfe\xc0\xaf"), std::string(200000, 'x')}) {
    auto odd = PostSlashCommand(bot->port(), PlatformFakes::kSlackSecret, "T1", "UODD", text);
    EXPECT_EQ(odd.status, 200) << text.substr(0, 10);
    EXPECT_NO_THROW(json::parse(odd.body)) << "valid UTF-8 JSON";
    EXPECT_LT(odd.body.size(), 50000u) << "never an echo of the whole text";
  }

  EXPECT_EQ(RowCountsByTable(dir.File("bot.db")), rows_before) << "nothing was stored";
  EXPECT_TRUE(fakes.slack.Calls().empty()) << "nothing was sent to Slack";
  EXPECT_TRUE(fakes.framework.ConnectorCalls().empty()) << "nothing was sent to Teams";
  EXPECT_EQ(fakes.framework.token_requests(), 0);

  // One log line per refusal, naming its method, path and status; the lines
  // are written after the answers, so wait for the last ones.
  std::map<std::string, int> expected;
  for (const Row& row : rows) ++expected[row.logged];
  std::map<std::string, int> logged;
  WaitUntil(
      [&] {
        logged = Refusals(bot->Log());
        return logged == expected;
      },
      std::chrono::seconds(5));
  EXPECT_EQ(logged, expected) << bot->Log();
  const std::string log = bot->Log();
  for (const char* secret : {PlatformFakes::kSlackSecret, PlatformFakes::kSlackToken, PlatformFakes::kTeamsPassword}) {
    EXPECT_THAT(log, Not(HasSubstr(secret))) << "a secret is never logged";
  }
  EXPECT_THAT(log, Not(HasSubstr("eyJ"))) << "nor a token (every JWT begins so)";
  EXPECT_THAT(log, Not(HasSubstr("v0="))) << "nor a signature";

  // Still alive and still serving the genuine article, on both platforms.
  auto reply = PostSlashCommand(bot->port(), PlatformFakes::kSlackSecret, "T1", "U1", "help");
  ASSERT_EQ(reply.status, 200) << bot->Log();
  EXPECT_THAT(reply.body, HasSubstr("/mentor join mentee"));
  auto teams = fakes.PostTeams(bot->port(), fakes.TeamsMessage("aad-genuine", "help"));
  ASSERT_TRUE(teams);
  EXPECT_EQ(teams->status, 200);
  EXPECT_TRUE(fakes.framework.WaitForActivities(1, std::chrono::seconds(15))) << bot->Log();
}

}  // namespace
}  // namespace mentorbot
