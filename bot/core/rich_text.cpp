#include "bot/core/rich_text.h"

namespace mentorbot {

namespace {
Span MakeSpan(Span::Kind kind, std::string_view text) {
  Span span;
  span.kind = kind;
  span.text = std::string(text);
  return span;
}
}  // namespace

RichText& RichText::Text(std::string_view text) {
  if (!text.empty()) spans_.push_back(MakeSpan(Span::Kind::kText, text));
  return *this;
}

RichText& RichText::Bold(std::string_view text) {
  if (!text.empty()) spans_.push_back(MakeSpan(Span::Kind::kBold, text));
  return *this;
}

RichText& RichText::Code(std::string_view text) {
  if (!text.empty()) spans_.push_back(MakeSpan(Span::Kind::kCode, text));
  return *this;
}

RichText& RichText::Mention(const UserRef& user, std::string_view display_name) {
  Span span = MakeSpan(Span::Kind::kMention, display_name.empty() ? user.user_id : display_name);
  span.user = user;
  spans_.push_back(std::move(span));
  return *this;
}

RichText& RichText::Time(TimePoint time, std::string_view fallback) {
  Span span = MakeSpan(Span::Kind::kTime, fallback);
  span.time = time;
  spans_.push_back(std::move(span));
  return *this;
}

RichText& RichText::Append(const RichText& other) {
  spans_.insert(spans_.end(), other.spans_.begin(), other.spans_.end());
  return *this;
}

std::string RichText::PlainText() const {
  std::string out;
  for (const Span& span : spans_) {
    if (span.kind == Span::Kind::kMention) out += '@';
    out += span.text;
  }
  return out;
}

}  // namespace mentorbot
