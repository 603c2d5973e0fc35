#include "adapters/common/utf8.h"

namespace mentorbot {

namespace {
// Length of the valid UTF-8 sequence starting at text[i], or 0 if invalid.
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned int min_second = 0x80, max_second = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // no overlong forms
    if (lead == 0xED) max_second = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

std::size_t LengthOrOne(std::string_view text, std::size_t i) {
  const std::size_t length = SequenceLength(text, i);
  return length == 0 ? 1 : length;
}
}  // namespace

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += LengthOrOne(text, i)) ++count;
  return count;
}

std::string TruncateCodePoints(std::string_view text, std::size_t max_code_points) {
  if (CountCodePoints(text) <= max_code_points) return std::string(text);
  std::size_t end = 0;
  for (std::size_t kept = 0; kept + 1 < max_code_points && end < text.size(); ++kept) {
    end += LengthOrOne(text, end);
  }
  return std::string(text.substr(0, end)) + "\u2026";
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = SequenceLength(text, i);
    if (length == 0) {
      out += "\uFFFD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

}  // namespace mentorbot
