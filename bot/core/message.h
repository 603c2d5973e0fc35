// Message: what the bot says, platform-neutral. A summary line (notification
// and fallback text) and sections, each with text, label/value fields and
// buttons. Renderers turn it into Block Kit or an Adaptive Card and enforce
// each platform's limits; the engine never thinks about them. Value types.
#pragma once

#include <string>
#include <vector>

#include "bot/core/rich_text.h"

namespace mentorbot {

struct Button {
  enum class Style { kDefault, kPrimary, kDanger };
  std::string label;
  std::string action_id;  // what the engine receives back as Event::action_id
  std::string value;      // ... and as Event::action_value
  Style style = Style::kDefault;
};

struct Field {
  std::string label;
  RichText value;
};

struct Section {
  RichText text;
  std::vector<Field> fields;
  std::vector<Button> buttons;
};

struct Message {
  std::string summary;  // one line; also the notification text
  std::vector<Section> sections;

  // Everything as plain text, one section a paragraph (console, logs in tests).
  std::string PlainText() const;
};

// The engine's answer to the person who acted. Commands are answered privately
// (only the person who typed sees it) unless a handler says otherwise.
struct Reply {
  Message message;
  bool visible_to_conversation = false;
};

}  // namespace mentorbot
