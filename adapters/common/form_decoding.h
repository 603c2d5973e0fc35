// application/x-www-form-urlencoded decoding (the body of Slack's slash
// commands and interactivity requests). Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mentorbot {

class FormFields {
 public:
  void Add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  // The first value of `name`, or "" when absent.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  std::vector<std::string> GetAll(std::string_view name) const;
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Decodes "a=1&b=x+y%21": '+' is a space, %XX a byte. Empty pairs ("a=1&&b=2")
// are skipped; a name without '=' has an empty value. Returns nullopt on a
// malformed escape (a '%' not followed by two hex digits).
std::optional<FormFields> DecodeForm(std::string_view body);

// Decodes one component; nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text);

// Percent-encodes every byte but the unreserved ones (A-Z a-z 0-9 - . _ ~)
// and those in `also_safe`.
std::string PercentEncode(std::string_view text, std::string_view also_safe = "");
// Encodes one name or value for an application/x-www-form-urlencoded body.
inline std::string FormEncodeValue(std::string_view text) { return PercentEncode(text); }

}  // namespace mentorbot
