// The JSON `payload` field of POST /slack/interactions (block_actions,
// view_submission, anything else) through ParseInteraction.
#include "adapters/slack/interaction_parser.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  auto interaction = ParseInteraction(fuzz::Text(data, size));
  if (interaction.ok() && interaction->type != SlackInteraction::Type::kIgnored) {
    fuzz::RequireStorableUser(interaction->event.from.user);
  }
  return 0;
}
