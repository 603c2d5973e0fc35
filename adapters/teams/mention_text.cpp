#include "adapters/common/json_fields.h"
#include "adapters/teams/mention_text.h"

namespace mentorbot {

namespace {
std::string Trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string ResolveTeamsMentions(std::string_view text, const nlohmann::json& entities, std::string_view tenant_id,
                                 std::string_view bot_id) {
  std::string out(text);
  if (!entities.is_array()) return Trimmed(out);
  for (const auto& entity : entities) {
    if (StringField(entity, "type") != "mention" || !entity.contains("mentioned")) continue;
    const std::string markup = StringField(entity, "text");
    if (markup.empty()) continue;
    const auto& mentioned = entity["mentioned"];
    const std::string id = StringField(mentioned, "id");
    const std::string aad = StringField(mentioned, "aadObjectId");
    std::string replacement;
    if (id != bot_id) {
      if (aad.empty() || tenant_id.empty()) continue;  // cannot name the person exactly: leave the markup
      replacement = "teams:" + std::string(tenant_id) + ":" + aad;
    }
    const auto at = out.find(markup);
    if (at != std::string::npos) out.replace(at, markup.size(), replacement);
  }
  return Trimmed(out);
}

}  // namespace mentorbot
