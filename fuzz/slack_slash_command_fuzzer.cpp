// A slash-command request body, as POST /slack/commands reads it after the
// signature check: form decoding, then ParseSlashCommand.
#include "adapters/slack/slash_command_parser.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  auto form = DecodeForm(fuzz::Text(data, size));
  if (!form) return 0;
  auto event = ParseSlashCommand(*form, "/mentor");
  if (event.ok()) fuzz::RequireStorableUser(event->from.user);
  return 0;
}
