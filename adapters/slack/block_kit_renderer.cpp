#include "adapters/slack/block_kit_renderer.h"

#include <cctype>

#include "adapters/common/utf8.h"

namespace mentorbot {

namespace {
using nlohmann::json;

// Characters that would end an emphasis or code span early are replaced by
// look-alikes, so user text cannot break the formatting around it.
std::string Guard(std::string text, char marker, const char* replacement) {
  std::string out;
  for (char c : text) {
    if (c == marker) out += replacement; else out += c;
  }
  return out;
}

bool IsSlackId(std::string_view id) {
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return !id.empty();
}

std::string SlackDate(TimePoint time, const std::string& fallback) {
  return "<!date^" + std::to_string(time.time_since_epoch().count()) +
         "^{date_short_pretty} at {time}|" + EscapeSlackText(fallback) + ">";
}

// Cuts rendered mrkdwn to `limit` code points without leaving half of an
// escape ("&am…") or of a mention, link or date ("<@U1…"), which Slack would
// show as broken text.
std::string TruncateMrkdwn(const std::string& text, std::size_t limit) {
  std::string cut = TruncateCodePoints(text, limit);
  if (cut.size() == text.size()) return cut;
  cut.erase(cut.size() - std::string("\u2026").size());
  const auto open = cut.rfind('<');
  if (open != std::string::npos && cut.find('>', open) == std::string::npos) cut.erase(open);
  const auto amp = cut.rfind('&');
  if (amp != std::string::npos && cut.find(';', amp) == std::string::npos) cut.erase(amp);
  return cut + "\u2026";
}

json MrkdwnText(const std::string& text, std::size_t limit) {
  return json{{"type", "mrkdwn"}, {"text", TruncateMrkdwn(text, limit)}};
}

json Button(const mentorbot::Button& button, std::size_t index) {
  // Slack requires action ids unique within a message; the index makes them
  // so, and the interaction parser strips it again.
  const std::string suffix = "#" + std::to_string(index);
  std::string action_id = TruncateCodePoints(button.action_id, BlockKitLimits::kMaxActionId - suffix.size()) + suffix;
  json element{{"type", "button"},
               {"text", {{"type", "plain_text"}, {"text", TruncateCodePoints(button.label, BlockKitLimits::kMaxButtonText)},
                         {"emoji", true}}},
               {"action_id", TruncateCodePoints(action_id, BlockKitLimits::kMaxActionId)},
               {"value", TruncateCodePoints(button.value, BlockKitLimits::kMaxActionValue)}};
  if (button.style == Button::Style::kPrimary) element["style"] = "primary";
  if (button.style == Button::Style::kDanger) element["style"] = "danger";
  return element;
}

void AddSection(json& blocks, const Section& section, std::size_t& button_index) {
  const std::string text = RenderMrkdwn(section.text);
  if (!text.empty() || !section.fields.empty()) {
    json block{{"type", "section"}};
    if (!text.empty()) block["text"] = MrkdwnText(text, BlockKitLimits::kMaxSectionText);
    json fields = json::array();
    for (const Field& field : section.fields) {
      if (fields.size() == BlockKitLimits::kMaxFields) break;
      fields.push_back(MrkdwnText("*" + EscapeSlackText(Guard(field.label, '*', "\u2217")) + "*\n" +
                                      RenderMrkdwn(field.value),
                                  BlockKitLimits::kMaxFieldText));
    }
    if (!fields.empty()) block["fields"] = std::move(fields);
    // A section needs text or fields; fields alone are fine.
    blocks.push_back(std::move(block));
  }
  std::vector<mentorbot::Button> buttons = section.buttons;
  if (section.form) {
    buttons.push_back(mentorbot::Button{section.form->title, std::string(kOpenFormActionPrefix) + section.form->id,
                                        section.form->argument, mentorbot::Button::Style::kPrimary});
  }
  json elements = json::array();
  for (const auto& button : buttons) {
    if (elements.size() == BlockKitLimits::kMaxButtonsPerBlock) break;
    elements.push_back(Button(button, button_index++));
  }
  if (!elements.empty()) blocks.push_back(json{{"type", "actions"}, {"elements", std::move(elements)}});
}
}  // namespace

std::string EscapeSlackText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string UnescapeSlackText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      const std::string_view rest = text.substr(i);
      if (rest.substr(0, 5) == "&amp;") { out += '&'; i += 4; continue; }
      if (rest.substr(0, 4) == "&lt;") { out += '<'; i += 3; continue; }
      if (rest.substr(0, 4) == "&gt;") { out += '>'; i += 3; continue; }
    }
    out += text[i];
  }
  return out;
}

std::string RenderMrkdwn(const RichText& text) {
  std::string out;
  for (const Span& span : text.spans()) {
    switch (span.kind) {
      case Span::Kind::kText: out += EscapeSlackText(span.text); break;
      case Span::Kind::kBold: out += "*" + EscapeSlackText(Guard(span.text, '*', "\u2217")) + "*"; break;
      case Span::Kind::kCode: out += "`" + EscapeSlackText(Guard(span.text, '`', "'")) + "`"; break;
      case Span::Kind::kMention:
        out += span.user.platform == Platform::kSlack && IsSlackId(span.user.user_id)
                   ? "<@" + span.user.user_id + ">"
                   : EscapeSlackText(span.text);
        break;
      case Span::Kind::kTime: out += SlackDate(span.time, span.text); break;
    }
  }
  return out;
}

json RenderBlocks(const Message& message, std::size_t max_blocks) {
  json blocks = json::array();
  std::size_t button_index = 0;
  for (const Section& section : message.sections) {
    json section_blocks = json::array();
    AddSection(section_blocks, section, button_index);
    for (auto& block : section_blocks) {
      if (blocks.size() == max_blocks) break;
      blocks.push_back(std::move(block));
    }
  }
  return blocks;
}

json RenderBlockKit(const Message& message) {
  json blocks = RenderBlocks(message, BlockKitLimits::kMaxBlocks);
  std::string fallback = message.summary.empty() ? message.PlainText() : message.summary;
  return json{{"text", TruncateMrkdwn(EscapeSlackText(fallback), BlockKitLimits::kMaxFallbackText)},
              {"blocks", std::move(blocks)}};
}

}  // namespace mentorbot
