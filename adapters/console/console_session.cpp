#include "adapters/console/console_session.h"

#include <string>

namespace mentorbot {

namespace {
std::string Trimmed(const std::string& line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}
}  // namespace

std::optional<UserRef> ParseConsoleUser(std::string_view text) {
  if (text.find(':') != std::string_view::npos) return UserRef::Parse(text);
  return UserRef::Parse("console:local:" + std::string(text));
}

void ConsoleSession::Run(std::istream& in, std::ostream& out, const std::string& prompt,
                         const std::function<void()>& between) {
  std::string line;
  while (true) {
    if (between) between();
    if (!prompt.empty()) out << prompt << std::flush;
    if (!std::getline(in, line)) break;
    const std::string text = Trimmed(line);
    if (text.empty()) continue;
    if (text == "quit" || text == "exit") break;
    Event event;
    event.kind = EventKind::kCommand;
    event.from.user = user_;
    event.display_name = user_.user_id;
    event.text = text;
    out << handler_.Handle(event).message.PlainText() << "\n\n" << std::flush;
  }
}

}  // namespace mentorbot
