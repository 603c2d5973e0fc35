// The JSON body of POST /api/messages: ParseTeamsActivity, then what the
// route makes of an activity (its Event, its command text).
#include "adapters/teams/teams_activity.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  auto activity = ParseTeamsActivity(fuzz::Text(data, size));
  if (!activity.ok()) return 0;
  fuzz::RequireStorableUser(activity->From());
  (void)CommandTextOf(*activity);
  if (auto event = ToEvent(*activity)) fuzz::RequireStorableUser(event->from.user);
  return 0;
}
