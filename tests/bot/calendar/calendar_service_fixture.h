// A program whose sessions are booked through a calendar service (an
// in-memory fake standing in for Graph): both people have emails, and a
// calendar worker with few, short retries works against the fake.
#pragma once

#include <string>
#include <vector>

#include "bot/engine/calendar/calendar_worker.h"
#include "tests/bot/program_fixture.h"
#include "tests/support/fake_calendar_service.h"

namespace mentorbot {

inline ProgramSettings GraphSettings() {
  ProgramSettings settings = EngineHarness::DefaultSettings();
  settings.calendar_provider = "graph";
  settings.calendar_provider_by_workspace["TFILES"] = "";  // another workspace keeps files
  return settings;
}

inline OutboxOptions FewAttempts() {
  OutboxOptions options;
  options.max_attempts = 3;
  options.first_backoff = std::chrono::seconds(10);
  options.max_backoff = std::chrono::seconds(60);
  return options;
}

class CalendarServiceTest : public ProgramTest {
 protected:
  CalendarServiceTest() : ProgramTest(GraphSettings()) {}

  void SetUp() override {
    ProgramTest::SetUp();
    bot.Say(mentor, "profile set email ada@example.com");
    bot.Say(mentee, "profile set email grace@example.com");
  }

  std::vector<OutboundMessage> QueuedWithPrefix(const std::string& prefix) {
    std::vector<OutboundMessage> found;
    for (auto& message : Queued()) {
      if (message.key.rfind(prefix, 0) == 0) found.push_back(std::move(message));
    }
    return found;
  }

  ProgramSettings settings = GraphSettings();
  FakeCalendarService service;
  CalendarWorker worker{bot.store(), bot.clock(), settings, {{"graph", &service}}, FewAttempts()};
};

}  // namespace mentorbot
