// The iCalendar writer, read back by an independent reader: RFC 5545's form
// (CRLF, 75-octet folds that never split a UTF-8 character, TEXT escaping)
// and RFC 5546's REQUEST/CANCEL shapes.
#include "bot/engine/calendar/ics_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"
#include "tests/support/ics_reading.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

CalendarEvent Booked() {
  CalendarEvent event;
  event.uid = "20261201T090000Z-session-7@mentorbot";
  event.sequence = 0;
  event.summary = "Reverse mentoring: Ada & Grace";
  event.description = "Agenda:\nhiring; promotion, and C:\\path";
  event.starts_at = TestEpoch() + std::chrono::hours(26) + std::chrono::minutes(30);
  event.minutes = 45;
  event.organizer = CalendarPerson{"Grace", "grace@example.com", true};
  event.attendees = {CalendarPerson{"Ada", "ada@example.com", true}, event.organizer};
  return event;
}

TEST(IcsWriterTest, ARequestHasEveryPropertyRfc5546AsksForInUtc) {
  const IcsObject ics = ReadIcs(WriteIcs(Booked(), TestEpoch()));
  EXPECT_THAT(ics.problems, IsEmpty());
  EXPECT_EQ(ics.Text("VERSION"), "2.0");
  EXPECT_FALSE(ics.Text("PRODID").empty());
  EXPECT_EQ(ics.Text("METHOD"), "REQUEST");
  EXPECT_EQ(ics.Text("UID"), "20261201T090000Z-session-7@mentorbot");
  EXPECT_EQ(ics.Text("SEQUENCE"), "0");
  EXPECT_EQ(ics.Text("DTSTAMP"), IcsUtcTime(TestEpoch()));
  EXPECT_EQ(ics.Text("DTSTART"), IcsUtcTime(TestEpoch() + std::chrono::minutes(26 * 60 + 30)));
  EXPECT_EQ(ics.Text("DTEND"), IcsUtcTime(TestEpoch() + std::chrono::minutes(26 * 60 + 75)));
  EXPECT_EQ(ics.Text("STATUS"), "CONFIRMED");
  EXPECT_EQ(ics.Text("SUMMARY"), "Reverse mentoring: Ada & Grace");
  EXPECT_EQ(ics.Find("ORGANIZER")->value, "mailto:grace@example.com");
  EXPECT_EQ(ics.Find("ORGANIZER")->params.at("CN"), "Grace");
  const auto attendees = ics.All("ATTENDEE");
  ASSERT_EQ(attendees.size(), 2u);
  EXPECT_EQ(attendees[0]->value, "mailto:ada@example.com");
  EXPECT_EQ(attendees[0]->params.at("PARTSTAT"), "ACCEPTED");
  EXPECT_EQ(attendees[0]->params.at("ROLE"), "REQ-PARTICIPANT");
  // METHOD belongs to the calendar, before the event (not inside VEVENT).
  EXPECT_EQ(ics.properties[4].name, "METHOD");
  EXPECT_EQ(ics.properties[5].value, "VEVENT");
}

TEST(IcsWriterTest, TimesAreUtcDateTimes) {
  EXPECT_EQ(IcsUtcTime(TimePoint(std::chrono::seconds(1796637600))), "20261207T100000Z");
  EXPECT_EQ(IcsUtcTime(TimePoint(std::chrono::seconds(0))), "19700101T000000Z");
}

TEST(IcsWriterTest, TextIsEscapedAndComesBackAsWritten) {
  const std::string written = WriteIcs(Booked(), TestEpoch());
  EXPECT_NE(written.find("DESCRIPTION:Agenda:\\nhiring\\; promotion\\, and C:\\\\path"), std::string::npos) << written;
  EXPECT_EQ(ReadIcs(written).Text("DESCRIPTION"), "Agenda:\nhiring; promotion, and C:\\path");
}

TEST(IcsWriterTest, LongLinesFoldAt75OctetsWithoutSplittingACharacter) {
  CalendarEvent event = Booked();
  event.description.clear();
  for (int i = 0; i < 60; ++i) event.description += "Ünïcödé — ✓ 日本語 ";
  const std::string written = WriteIcs(event, TestEpoch());
  const IcsObject ics = ReadIcs(written);
  EXPECT_THAT(ics.problems, IsEmpty());
  EXPECT_EQ(ics.Text("DESCRIPTION"), event.description);
  // Every physical line is valid UTF-8 on its own: no fold inside a character.
  std::size_t start = 0;
  while (start < written.size()) {
    const std::size_t end = written.find("\r\n", start);
    const std::string line = written.substr(start, end - start);
    if (!line.empty()) {
      const auto first = static_cast<unsigned char>(line[line[0] == ' ' ? 1 : 0]);
      EXPECT_NE(first & 0xC0, 0x80) << "a line starts inside a character: " << line;
    }
    start = end + 2;
  }
}

TEST(IcsWriterTest, InvalidUtf8StillFoldsAndEnds) {
  CalendarEvent event = Booked();
  event.summary = std::string(200, '\x80');  // continuation bytes only: no character starts anywhere
  const IcsObject ics = ReadIcs(WriteIcs(event, TestEpoch()));
  EXPECT_THAT(ics.problems, IsEmpty());
  EXPECT_EQ(ics.Text("SUMMARY"), event.summary);
}

TEST(IcsWriterTest, EventsArePrivate) {
  EXPECT_EQ(ReadIcs(WriteIcs(Booked(), TestEpoch())).Text("CLASS"), "PRIVATE");
}

TEST(IcsWriterTest, NamesAreQuotedParametersAndControlCharactersDropped) {
  CalendarEvent event = Booked();
  event.organizer.name = "Hopper, \"Amazing\" Grace; PhD";
  event.attendees[1] = event.organizer;
  event.summary = "Line\x01 one\ttab";
  const IcsObject ics = ReadIcs(WriteIcs(event, TestEpoch()));
  EXPECT_THAT(ics.problems, IsEmpty());
  EXPECT_EQ(ics.Find("ORGANIZER")->params.at("CN"), "Hopper, 'Amazing' Grace; PhD");
  EXPECT_EQ(ics.Find("ORGANIZER")->value, "mailto:grace@example.com");
  EXPECT_EQ(ics.Text("SUMMARY"), "Line onetab");
}

TEST(IcsWriterTest, ACancelKeepsTheUidAndTheSequenceItIsGivenAndSaysCancelled) {
  CalendarEvent event = Booked();
  event.sequence = 3;
  event.cancelled = true;
  const IcsObject ics = ReadIcs(WriteIcs(event, TestEpoch()));
  EXPECT_THAT(ics.problems, IsEmpty());
  EXPECT_EQ(ics.Text("METHOD"), "CANCEL");
  EXPECT_EQ(ics.Text("STATUS"), "CANCELLED");
  EXPECT_EQ(ics.Text("SEQUENCE"), "3");
  EXPECT_EQ(ics.Text("UID"), Booked().uid);
  EXPECT_EQ(ics.All("ATTENDEE").size(), 2u) << "a whole-event CANCEL names the attendees";
}

TEST(IcsWriterTest, WithoutTheOrganizersEmailItIsAPlainEventWithNoSchedulingMethod) {
  CalendarEvent event = Booked();
  event.organizer.email.clear();
  event.attendees[1].email.clear();
  const IcsObject ics = ReadIcs(WriteIcs(event, TestEpoch()));
  EXPECT_THAT(ics.problems, IsEmpty());
  EXPECT_EQ(ics.Find("METHOD"), nullptr);
  EXPECT_EQ(ics.Find("ORGANIZER"), nullptr);
  EXPECT_EQ(ics.Find("ATTENDEE"), nullptr);
  EXPECT_EQ(ics.Text("UID"), Booked().uid) << "still the same event when imported again";
  EXPECT_EQ(ics.Text("DTSTART"), IcsUtcTime(Booked().starts_at));
}

TEST(IcsWriterTest, AnAttendeeWithoutAnEmailIsLeftOutOfARequest) {
  CalendarEvent event = Booked();
  event.attendees[0].email.clear();
  const IcsObject ics = ReadIcs(WriteIcs(event, TestEpoch()));
  EXPECT_EQ(ics.Text("METHOD"), "REQUEST");
  std::vector<std::string> invited;
  for (const auto* attendee : ics.All("ATTENDEE")) invited.push_back(attendee->value);
  EXPECT_THAT(invited, ElementsAre("mailto:grace@example.com"));
}

}  // namespace
}  // namespace mentorbot
