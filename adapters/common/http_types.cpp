#include "adapters/common/http_types.h"

#include <cctype>

namespace mentorbot {

std::string HttpRequest::Header(std::string_view name) const {
  std::string key(name);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = headers.find(key);
  return it == headers.end() ? std::string() : it->second;
}

bool HttpRequest::HasMediaType(std::string_view media_type) const {
  std::string type = Header("Content-Type");
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type.rfind(media_type, 0) != 0) return false;
  return type.size() == media_type.size() || type[media_type.size()] == ';' || type[media_type.size()] == ' ';
}

HttpResponse HttpResponse::Json(std::string body, int status) {
  return HttpResponse{status, "application/json; charset=utf-8", std::move(body)};
}

HttpResponse HttpResponse::Text(int status, std::string body) {
  return HttpResponse{status, "text/plain; charset=utf-8", std::move(body)};
}

}  // namespace mentorbot
