#include "adapters/graph/graph_meeting_body.h"

#include <algorithm>
#include <cctype>

#include "adapters/common/ascii_case.h"
#include "adapters/common/json_fields.h"

namespace mentorbot {

namespace {

constexpr std::string_view kBlobRule = "________________";  // the start of the blob's frame

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

std::string TextAsHtml(const std::string& text) {
  std::string html;
  for (char c : text) {
    switch (c) {
      case '&': html += "&amp;"; break;
      case '<': html += "&lt;"; break;
      case '>': html += "&gt;"; break;
      case '"': html += "&quot;"; break;
      case '\'': html += "&#39;"; break;
      case '\r': break;
      case '\n': html += "<br>"; break;
      default: html += c;
    }
  }
  return html;
}

std::optional<nlohmann::json> BodyKeepingMeeting(const std::string& description, const nlohmann::json& current_body,
                                                 const std::string& join_url) {
  if (join_url.empty() || AsciiLower(StringField(current_body, "contentType")) != "html") return std::nullopt;
  const std::string content = StringField(current_body, "content");
  const std::size_t rule = content.find(kBlobRule);
  if (rule == std::string::npos) return std::nullopt;
  const std::size_t div = content.rfind("<div", rule);
  const std::size_t start = div == std::string::npos ? rule : div;
  std::size_t end = AsciiLower(content).rfind("</body>");
  if (end == std::string::npos || end < start) end = content.size();
  const std::string blob = content.substr(start, end - start);
  // The link as written in HTML (an '&' in it is "&amp;" there).
  if (blob.find(join_url) == std::string::npos && blob.find(Replace(join_url, "&", "&amp;")) == std::string::npos) {
    return std::nullopt;
  }
  return nlohmann::json{{"contentType", "html"},
                        {"content", "<html><body><div>" + TextAsHtml(description) + "</div>" + blob + "</body></html>"}};
}

}  // namespace mentorbot
