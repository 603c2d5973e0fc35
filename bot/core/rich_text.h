// RichText: a line of text the bot says, made of spans that each platform
// renders its own way: plain text (escaped by the renderer), emphasis, a
// mention of a person, and a moment in time (Slack shows it in each reader's
// own zone; other platforms show the fallback the engine formatted in the
// reader's zone). Value type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/core/address.h"
#include "bot/core/clock.h"

namespace mentorbot {

struct Span {
  enum class Kind { kText, kBold, kCode, kMention, kTime };
  Kind kind = Kind::kText;
  std::string text;  // kText/kBold/kCode: the text; kMention: display name; kTime: fallback
  UserRef user;      // kMention only
  TimePoint time{};  // kTime only
};

class RichText {
 public:
  RichText() = default;
  RichText(std::string_view plain) { Text(plain); }  // NOLINT: implicit on purpose
  RichText(const char* plain) { Text(plain); }       // NOLINT
  RichText(const std::string& plain) { Text(plain); }  // NOLINT

  RichText& Text(std::string_view text);
  RichText& Bold(std::string_view text);
  RichText& Code(std::string_view text);  // something to type, e.g. "/mentor join mentee"
  RichText& Mention(const UserRef& user, std::string_view display_name);
  RichText& Time(TimePoint time, std::string_view fallback);
  RichText& Append(const RichText& other);

  const std::vector<Span>& spans() const { return spans_; }
  bool empty() const { return spans_.empty(); }
  // Everything as plain text (notification fallbacks, console output, tests).
  std::string PlainText() const;

 private:
  std::vector<Span> spans_;
};

}  // namespace mentorbot
