// The JSON body of POST /slack/events (url_verification, message.im,
// app_mention, app_home_opened, file_shared, anything else) through ParseSlackEvent.
#include "adapters/slack/event_parser.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  auto callback = ParseSlackEvent(fuzz::Text(data, size), "/mentor");
  if (callback.ok() && callback->kind != SlackEventCallback::Kind::kIgnored &&
      callback->kind != SlackEventCallback::Kind::kUrlVerification) {
    fuzz::RequireStorableUser(callback->event.from.user);
  }
  return 0;
}
