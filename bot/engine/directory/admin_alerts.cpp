#include "bot/engine/directory/admin_alerts.h"

#include <algorithm>

#include "bot/engine/program_rules.h"

namespace mentorbot {

int AlertAdmins(StoreTransaction& store, const ProgramSettings& settings, const std::string& key,
                const Message& message, TimePoint now) {
  std::vector<UserRef> admins = settings.admins;
  for (const auto& admin : store.program().ListAdmins()) {
    if (std::find(admins.begin(), admins.end(), admin) == admins.end()) admins.push_back(admin);
  }
  if (admins.empty()) return 0;
  const ProgramRules rules = LoadRules(store.program());
  if (!rules.admin_channel.empty()) {
    return store.outbox().Enqueue(key, Address{admins.front(), rules.admin_channel}, message, now, now) ? 1 : 0;
  }
  int queued = 0;
  for (const auto& admin : admins) {
    if (store.outbox().Enqueue(key + ":" + admin.Key(), Address{admin}, message, now, now)) ++queued;
  }
  return queued;
}

}  // namespace mentorbot
