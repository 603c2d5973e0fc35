#include "bot/engine/directory/profile_sync.h"

#include <spdlog/spdlog.h>

#include "bot/engine/program/mention.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

int ProfileSync::SyncDue(int limit) {
  int looked_up = 0;
  for (const auto& [platform, directory] : directories_) {
    std::vector<Person> people;
    // An init-capture: clang 14 cannot capture a structured binding.
    if (!store_.Run(Store::Access::kRead, [&, platform = platform](StoreTransaction& tx) {
          people = tx.people().ListNeverSynced(platform, limit);
        }).ok()) {
      return looked_up;
    }
    for (const Person& person : people) {
      auto profile = directory->Lookup(person.ref);  // outside any transaction: it may be slow
      if (!profile.ok() && profile.status().code() != StatusCode::kNotFound) {
        spdlog::warn("profile sync: {} lookup failed, retrying later: {}", PlatformName(platform), profile.status().message());
        return looked_up;
      }
      ++looked_up;
      store_.Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
        auto current = tx.people().FindById(person.id);
        if (!current) return;
        if (profile.ok()) {
          auto zone = CanonicalTimeZone(profile->time_zone);
          if (current->profile.time_zone.empty() && zone) current->profile.time_zone = *zone;
          auto email = ParseEmailAddress(profile->email);
          if (current->profile.email.empty() && email) current->profile.email = *email;
          // Only replace a name the bot made up from the id.
          if (!profile->display_name.empty() && current->display_name == current->ref.user_id) {
            current->display_name = profile->display_name;
          }
          tx.people().Save(*current);
        }
        tx.people().MarkSynced(person.id, clock_.Now());
      });
    }
  }
  return looked_up;
}

void ProfileSync::Run() {
  do {
    SyncDue();
  } while (signal_.Wait(std::chrono::seconds(60)));
}

}  // namespace mentorbot
