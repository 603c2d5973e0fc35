#include "adapters/teams/card_text.h"

#include "adapters/common/rfc3339.h"

namespace mentorbot {

namespace {

// Bold text cannot contain "*", or it would end the emphasis early.
std::string Bold(std::string_view text) {
  std::string inner = EscapeCardMarkdown(text);
  return inner.empty() ? inner : "**" + inner + "**";
}
}  // namespace

std::string EscapeCardMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool line_start = true;
  for (char c : text) {
    const bool special = c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '~' ||
                         (line_start && (c == '#' || c == '-' || c == '+' || c == '>'));
    if (special) out += '\\';
    out += c;
    line_start = c == '\n' || (line_start && c == ' ');
  }
  return out;
}

std::string RenderCardMarkdown(const RichText& text, nlohmann::json& entities) {
  std::string out;
  for (const Span& span : text.spans()) {
    switch (span.kind) {
      case Span::Kind::kText: out += EscapeCardMarkdown(span.text); break;
      case Span::Kind::kBold:
      case Span::Kind::kCode: out += Bold(span.text); break;
      case Span::Kind::kMention: {
        if (span.user.platform != Platform::kTeams) {
          out += Bold(span.text);  // someone on another platform cannot be mentioned here
          break;
        }
        const std::string markup = "<at>" + EscapeCardMarkdown(span.text) + "</at>";
        entities.push_back({{"type", "mention"},
                            {"text", markup},
                            {"mentioned", {{"id", span.user.user_id}, {"name", span.text}}}});
        out += markup;
        break;
      }
      case Span::Kind::kTime: {
        const std::string at = FormatRfc3339(span.time);
        out += "{{DATE(" + at + ", SHORT)}} {{TIME(" + at + ")}}";
        break;
      }
    }
  }
  return out;
}

}  // namespace mentorbot
