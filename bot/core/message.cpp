#include "bot/core/message.h"

namespace mentorbot {

std::string Message::PlainText() const {
  std::string out = summary;
  for (const Section& section : sections) {
    if (!out.empty()) out += "\n";
    std::string text = section.text.PlainText();
    if (!text.empty() && text != summary) out += text + "\n";
    for (const Field& field : section.fields) {
      std::string value = field.value.PlainText();
      // Continuation lines of a multi-line value line up under its first.
      for (std::size_t at = value.find('\n'); at != std::string::npos; at = value.find('\n', at + 1)) {
        value.insert(at + 1, std::string(field.label.size() + 4, ' '));
      }
      out += "  " + field.label + ": " + value + "\n";
    }
    for (const Button& button : section.buttons) {
      out += "  [" + button.label + "]";
    }
    if (!section.buttons.empty()) out += "\n";
    while (!out.empty() && out.back() == '\n') out.pop_back();
  }
  return out;
}

}  // namespace mentorbot
