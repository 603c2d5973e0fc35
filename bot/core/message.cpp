#include "bot/core/message.h"

namespace mentorbot {

std::string Message::PlainText() const {
  std::string out = summary;
  for (const Section& section : sections) {
    if (!out.empty()) out += "\n";
    std::string text = section.text.PlainText();
    if (!text.empty() && text != summary) out += text + "\n";
    for (const Field& field : section.fields) {
      out += "  " + field.label + ": " + field.value.PlainText() + "\n";
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
