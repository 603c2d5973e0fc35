// A delivery the platform may repeat is handled once; a slash command (never
// redelivered) is not recorded at all, so read-only commands stay read-only.
#include <gtest/gtest.h>

#include "tests/support/engine_harness.h"

namespace mentorbot {
namespace {

Event Join(bool redeliverable) {
  Event event;
  event.kind = EventKind::kCommand;
  event.event_id = "delivery-1";
  event.redeliverable = redeliverable;
  event.from.user = EngineHarness::SlackUser("UJOIN");
  event.text = "join mentee";
  return event;
}

bool Seen(EngineHarness& harness, const std::string& id) {
  bool seen = false;
  EXPECT_TRUE(harness.store().Run(Store::Access::kWrite, [&](StoreTransaction& t) {
    seen = !t.conversations().MarkSeen(id, harness.clock().Now());
  }).ok());
  return seen;
}

TEST(RedeliveryTest, ARepeatedDeliveryIsDroppedInTheCommandsTransaction) {
  EngineHarness harness;
  Reply first = harness.engine().Handle(Join(true));
  EXPECT_FALSE(first.duplicate);
  Reply again = harness.engine().Handle(Join(true));
  EXPECT_TRUE(again.duplicate);
  EXPECT_TRUE(again.message.sections.empty()) << "nothing to say";
}

TEST(RedeliveryTest, SlashCommandsAreNotRecorded) {
  EngineHarness harness;
  EXPECT_FALSE(harness.engine().Handle(Join(false)).duplicate);
  EXPECT_FALSE(Seen(harness, "delivery-1")) << "no seen-id row was written";
}

}  // namespace
}  // namespace mentorbot
