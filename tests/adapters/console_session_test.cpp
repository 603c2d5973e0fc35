#include "adapters/console/console_session.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace mentorbot {
namespace {

class EchoHandler : public EventHandler {
 public:
  Reply Handle(const Event& event) override {
    events.push_back(event);
    Reply reply;
    reply.message.summary = "got: " + event.text;
    return reply;
  }

  std::vector<std::string> Texts() const {
    std::vector<std::string> texts;
    for (const Event& event : events) texts.push_back(event.text);
    return texts;
  }

  std::vector<Event> events;
};

const UserRef kAlice{Platform::kConsole, "local", "alice"};

std::string RunSession(EchoHandler& handler, const std::string& input, const std::string& prompt = "") {
  ConsoleSession session(handler, kAlice);
  std::istringstream in(input);
  std::ostringstream out;
  session.Run(in, out, prompt);
  return out.str();
}

TEST(ConsoleSessionTest, EachLineIsOneCommandAndItsReplyIsPrinted) {
  EchoHandler handler;
  const std::string output = RunSession(handler, "help\nstatus\n");
  EXPECT_EQ(handler.Texts(), (std::vector<std::string>{"help", "status"}));
  EXPECT_EQ(output, "got: help\n\ngot: status\n\n");
}

TEST(ConsoleSessionTest, EventsComeFromTheSessionUserAsCommands) {
  EchoHandler handler;
  RunSession(handler, "help\n");
  ASSERT_EQ(handler.events.size(), 1u);
  EXPECT_EQ(handler.events[0].kind, EventKind::kCommand);
  EXPECT_EQ(handler.events[0].from.user, kAlice);
  EXPECT_EQ(handler.events[0].display_name, "alice");
}

TEST(ConsoleSessionTest, BlankLinesAreSkipped) {
  EchoHandler handler;
  RunSession(handler, "\n   \n\t\nhelp\n\r\n");
  EXPECT_EQ(handler.Texts(), (std::vector<std::string>{"help"}));
}

TEST(ConsoleSessionTest, LinesAreTrimmed) {
  EchoHandler handler;
  RunSession(handler, "  join mentee \t\r\n");
  EXPECT_EQ(handler.Texts(), (std::vector<std::string>{"join mentee"}));
}

TEST(ConsoleSessionTest, QuitStopsReading) {
  EchoHandler handler;
  RunSession(handler, "help\nquit\nstatus\n");
  EXPECT_EQ(handler.Texts(), (std::vector<std::string>{"help"}));
}

TEST(ConsoleSessionTest, ExitStopsReading) {
  EchoHandler handler;
  RunSession(handler, "exit\nstatus\n");
  EXPECT_TRUE(handler.events.empty());
}

TEST(ConsoleSessionTest, QuitSurroundedBySpacesStopsReading) {
  EchoHandler handler;
  RunSession(handler, "  quit  \nstatus\n");
  EXPECT_TRUE(handler.events.empty());
}

TEST(ConsoleSessionTest, QuitInsideACommandIsJustText) {
  EchoHandler handler;
  RunSession(handler, "quit now\n");
  EXPECT_EQ(handler.Texts(), (std::vector<std::string>{"quit now"}));
}

TEST(ConsoleSessionTest, EndOfInputWithoutNewlineStillHandlesLastLine) {
  EchoHandler handler;
  RunSession(handler, "help");
  EXPECT_EQ(handler.Texts(), (std::vector<std::string>{"help"}));
}

TEST(ConsoleSessionTest, EmptyInputHandlesNothing) {
  EchoHandler handler;
  EXPECT_EQ(RunSession(handler, ""), "");
  EXPECT_TRUE(handler.events.empty());
}

TEST(ConsoleSessionTest, PromptIsWrittenBeforeEachLine) {
  EchoHandler handler;
  const std::string output = RunSession(handler, "help\n", "> ");
  EXPECT_EQ(output, "> got: help\n\n> ");
}

TEST(ConsoleSessionTest, BetweenRunsBeforeFirstPromptAndAfterEachReply) {
  EchoHandler handler;
  ConsoleSession session(handler, kAlice);
  std::istringstream in("a\nb\n");
  std::ostringstream out;
  session.Run(in, out, "> ", [&out] { out << "[inbox]"; });
  EXPECT_EQ(out.str(), "[inbox]> got: a\n\n[inbox]> got: b\n\n[inbox]> ");
}

TEST(ParseConsoleUserTest, BareNameIsALocalConsoleUser) {
  auto user = ParseConsoleUser("alice");
  ASSERT_TRUE(user);
  EXPECT_EQ(*user, kAlice);
  EXPECT_EQ(user->Key(), "console:local:alice");
}

TEST(ParseConsoleUserTest, FullSlackKeyIsTakenAsItIs) {
  auto user = ParseConsoleUser("slack:T1:U1");
  ASSERT_TRUE(user);
  EXPECT_EQ(*user, (UserRef{Platform::kSlack, "T1", "U1"}));
}

TEST(ParseConsoleUserTest, FullTeamsKeyIsTakenAsItIs) {
  auto user = ParseConsoleUser("teams:tenant-1:aad-9");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->platform, Platform::kTeams);
}

TEST(ParseConsoleUserTest, MalformedKeysAreRejected) {
  EXPECT_EQ(ParseConsoleUser("bad:x"), std::nullopt);
  EXPECT_EQ(ParseConsoleUser("fax:T1:U1"), std::nullopt);
  EXPECT_EQ(ParseConsoleUser("slack::U1"), std::nullopt);
}

TEST(ParseConsoleUserTest, EmptyOrSpacedNamesAreRejected) {
  EXPECT_EQ(ParseConsoleUser(""), std::nullopt);
  EXPECT_EQ(ParseConsoleUser("alice smith"), std::nullopt);
}

}  // namespace
}  // namespace mentorbot
