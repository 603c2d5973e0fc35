// The pulse survey: its form and typed answers, saved per person and pair;
// the closing one only once the pair reached the target.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bot/engine/program/forms.h"
#include "tests/bot/program_fixture.h"

namespace mentorbot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PulseTest : public ProgramTest {
 protected:
  Reply Submit(const UserRef& who, const std::string& phase, std::map<std::string, std::string> fields) {
    Event event;
    event.kind = EventKind::kFormSubmission;
    event.event_id = "pulse-" + std::to_string(++submissions_);
    event.from.user = who;
    event.action_id = "pulse";
    event.action_value = phase;
    event.fields = std::move(fields);
    return bot.engine().Handle(event);
  }
  std::vector<PulseAnswer> Answers() {
    std::vector<PulseAnswer> answers;
    EXPECT_TRUE(bot.store().Run(Store::Access::kRead, [&](StoreTransaction& tx) { answers = tx.surveys().ListAnswers(); }).ok());
    return answers;
  }
  int submissions_ = 0;
};

TEST_F(PulseTest, TheFormHasOneOneToFiveChoicePerStatement) {
  const Form form = PulseForm("pre", {"A", "B", "C"});
  ASSERT_EQ(form.inputs.size(), 3u);
  EXPECT_EQ(form.inputs[1].name, "q2");
  EXPECT_EQ(form.inputs[1].label, "B");
  EXPECT_EQ(form.inputs[1].kind, FormInput::Kind::kChoice);
  EXPECT_EQ(form.inputs[1].choices.size(), 5u);
  EXPECT_EQ(form.argument, "pre");
}

TEST_F(PulseTest, ASubmittedFormSavesEachRatingAndAnsweringAgainReplacesIt) {
  EXPECT_THAT(Submit(mentee, "pre", {{"q1", "2"}, {"q2", "3"}, {"q3", "1"}}).message.PlainText(), HasSubstr("Thank you"));
  bot.Say(mentee, "pulse pre 2 3 4");
  const auto answers = Answers();
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[2].rating, 4) << "the second answer replaced the first";
  EXPECT_EQ(answers[0].phase, "pre");
  const Reply wrong = Submit(mentor, "pre", {{"q1", "7"}, {"q2", "3"}});
  EXPECT_EQ(wrong.field_errors.count("q1"), 1u);
  EXPECT_EQ(wrong.field_errors.count("q3"), 1u) << "every statement needs a rating";
  EXPECT_EQ(Answers().size(), 3u) << "nothing saved from a refused form";
}

TEST_F(PulseTest, TypedAnswersAreCheckedAndTheClosingSurveyWaitsForTheTarget) {
  EXPECT_THAT(bot.Say(mentee, "pulse pre 4 9 1"), HasSubstr("one rating from 1 to 5 per statement"));
  EXPECT_THAT(bot.Say(mentee, "pulse later 4 4 4"), HasSubstr("one rating from 1 to 5 per statement"));
  EXPECT_THAT(bot.Say(mentee, "pulse post 4 4 4"), HasSubstr("once your pair has held 6 sessions"));
  EXPECT_THAT(bot.Say(outsider, "pulse pre 4 4 4"), Not(HasSubstr("Thank you")));
  EXPECT_TRUE(Answers().empty());
}

}  // namespace
}  // namespace mentorbot
