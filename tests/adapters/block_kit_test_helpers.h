// Helpers shared by the Block Kit renderer tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "adapters/common/utf8.h"
#include "adapters/slack/block_kit_renderer.h"

namespace mentorbot {
namespace block_kit_test {


using nlohmann::json;

inline const std::string kEAcute = "\xC3\xA9";        // 2 bytes
inline const std::string kGrin = "\xF0\x9F\x98\x80";  // 4 bytes
inline const std::string kEllipsis = "\xE2\x80\xA6";

inline std::string Repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Valid UTF-8, and something nlohmann::json can serialise with its default
// (throwing) error handler.
inline void ExpectValidUtf8(const std::string& text) {
  EXPECT_EQ(SanitizeUtf8(text), text);
}

inline void ExpectSerialisable(const json& rendered) {
  EXPECT_NO_THROW({ (void)rendered.dump(); });
}

inline Message OneSection(Section section) {
  Message message;
  message.summary = "summary";
  message.sections.push_back(std::move(section));
  return message;
}

inline Message WithText(const RichText& text) {
  Section section;
  section.text = text;
  return OneSection(std::move(section));
}

inline Message WithButtons(std::vector<Button> buttons) {
  Section section;
  section.buttons = std::move(buttons);
  return OneSection(std::move(section));
}

inline std::string SectionText(const json& rendered, std::size_t block = 0) {
  return rendered.at("blocks").at(block).at("text").at("text").get<std::string>();
}

// --- EscapeSlackText -------------------------------------------------------


}  // namespace block_kit_test
}  // namespace mentorbot
