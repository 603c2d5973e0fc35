// The join form: one submission enrols with the profile matching needs,
// every input checked as `profile set` would check it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bot/engine/program/forms.h"
#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;

class JoinFormTest : public ::testing::Test {
 protected:
  Reply Submit(std::map<std::string, std::string> fields) {
    Event event;
    event.kind = EventKind::kFormSubmission;
    event.event_id = "submit-" + std::to_string(++submissions_);
    event.from.user = newcomer;
    event.display_name = "Sam";
    event.action_id = "join";
    event.fields = std::move(fields);
    return bot.engine().Handle(event);
  }
  std::map<std::string, std::string> Valid() {
    return {{"role", "mentor"}, {"department", "Research"}, {"level", "2"}, {"location", "Lagos"},
            {"manager", "U9BOSS"}, {"background", "first in my family at university"}};
  }

  EngineHarness bot;
  const UserRef newcomer = EngineHarness::SlackUser("UNEW");
  int submissions_ = 0;
};

TEST_F(JoinFormTest, ASubmissionEnrolsWithTheWholeProfile) {
  Reply reply = Submit(Valid());
  EXPECT_TRUE(reply.field_errors.empty());
  EXPECT_THAT(reply.message.PlainText(), HasSubstr("enrolled as a mentor"));
  auto person = bot.StoredPerson(newcomer);
  ASSERT_TRUE(person);
  EXPECT_TRUE(person->active());
  EXPECT_EQ(person->role, Role::kMentor);
  EXPECT_EQ(person->profile.department, "Research");
  EXPECT_EQ(person->profile.level, 2);
  EXPECT_EQ(person->profile.location, "Lagos");
  EXPECT_EQ(person->profile.manager, "slack:T1:U9BOSS");
  EXPECT_EQ(person->profile.background, "first in my family at university");
  EXPECT_THAT(reply.message.PlainText(), Not(HasSubstr("profile set department"))) << "nothing left to ask";
}

TEST_F(JoinFormTest, OptionalInputsMayBeLeftEmpty) {
  auto fields = Valid();
  fields["manager"] = "";
  fields.erase("background");
  EXPECT_TRUE(Submit(fields).field_errors.empty());
  EXPECT_EQ(bot.StoredPerson(newcomer)->profile.manager, "");
}

TEST_F(JoinFormTest, EveryWrongInputIsNamedAndNothingIsStored) {
  auto fields = Valid();
  fields["role"] = "boss";
  fields["level"] = "banana";
  fields["department"] = "";
  fields["manager"] = "UNEW";
  Reply reply = Submit(fields);
  EXPECT_THAT(reply.field_errors.at("role"), HasSubstr("pick one"));
  EXPECT_THAT(reply.field_errors.at("level"), HasSubstr("whole number"));
  EXPECT_THAT(reply.field_errors.at("department"), HasSubstr("fill this in"));
  EXPECT_THAT(reply.field_errors.at("manager"), HasSubstr("own manager"));
  EXPECT_FALSE(reply.field_errors.count("location"));
  ASSERT_TRUE(reply.message.sections.back().form);
  EXPECT_EQ(reply.message.sections.back().form->inputs[1].initial, "") << "the form comes back as it was sent";
  EXPECT_EQ(reply.message.sections.back().form->inputs[3].initial, "Lagos");
  EXPECT_FALSE(bot.StoredPerson(newcomer));
}

TEST_F(JoinFormTest, JoinWithoutARoleAndStatusOfANewcomerOfferTheForm) {
  for (const char* command : {"join", "status", "home"}) {
    Reply reply = bot.Send(newcomer, command);
    bool has_form = false;
    for (const auto& section : reply.message.sections) has_form = has_form || (section.form && section.form->id == "join");
    EXPECT_TRUE(has_form) << command;
  }
}

}  // namespace
}  // namespace mentorbot
