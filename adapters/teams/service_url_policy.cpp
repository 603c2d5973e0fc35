#include "adapters/teams/service_url_policy.h"

#include "adapters/common/form_decoding.h"

namespace mentorbot {

namespace {
std::string_view HostOf(std::string_view url) {
  std::size_t start = 0;
  if (url.rfind("https://", 0) == 0) start = 8;
  else if (url.rfind("http://", 0) == 0) start = 7;
  else return {};
  std::string_view rest = url.substr(start);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (rest.find('@') != std::string_view::npos) return {};  // userinfo could disguise the host
  if (!rest.empty() && rest.front() == '[') return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}
}  // namespace

bool IsLoopbackAddress(std::string_view address) {
  if (address.rfind("::ffff:", 0) == 0) address.remove_prefix(7);
  return address == "::1" || address.rfind("127.", 0) == 0;
}

bool IsLoopbackUrl(std::string_view url) {
  const std::string_view host = HostOf(url);
  return host == "localhost" || host == "[::1]" || (host.rfind("127.", 0) == 0 && IsLoopbackAddress(host));
}

bool ServiceUrlPolicy::Allows(std::string_view service_url) const {
  if (local_development_) return IsLoopbackUrl(service_url);
  if (HostOf(service_url).empty()) return false;
  std::string normalised(service_url);
  if (normalised.back() != '/') normalised += '/';
  for (const auto& prefix : allowed_prefixes_) {
    if (normalised.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::string ConnectorUrl(std::string_view service_url, std::string_view path) {
  std::string url(service_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + "/v3/" + std::string(path);
}

std::string EncodePathSegment(std::string_view segment) {
  return PercentEncode(segment, ":@");  // both are allowed in a path segment, and common in Teams ids
}

}  // namespace mentorbot
