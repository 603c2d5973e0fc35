// What a person types (bot/engine/command_text.h), and its arguments read as
// a date and time the way `schedule <when>` reads them (bot/engine/when_parser.h)
// in zones with daylight saving, half-hour offsets and none.
#include <string>

#include "bot/engine/command_text.h"
#include "bot/engine/time/when_parser.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  const std::string_view text = fuzz::Text(data, size);

  const CommandText command = ParseCommandText(text);
  fuzz::Require(command.verb.size() + command.args.size() <= text.size(), "a command is never longer than its text");
  fuzz::Require(Trim(command.args) == command.args, "arguments are trimmed");
  fuzz::Require(command.verb.find_first_of(" \t\r\n\f\v") == std::string::npos, "the verb is one word");
  fuzz::Require(CountCharacters(text) <= text.size(), "no more characters than bytes");

  for (const char* zone : {"UTC", "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe"}) {
    (void)ParseWhen(command.args, fuzz::kNow, zone);
  }
  return 0;
}
