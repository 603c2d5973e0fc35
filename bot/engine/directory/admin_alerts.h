// Telling the program's admins something the directory sync found: queued
// to the admin channel when the program has one, else to each admin's
// direct messages (the config's and those added with `admin admins add`).
#pragma once

#include <string>

#include "bot/core/message.h"
#include "bot/core/store.h"
#include "bot/engine/program_settings.h"

namespace mentorbot {

// `key` is unique per alert: the same alert is never queued twice.
// Returns how many messages were queued.
int AlertAdmins(StoreTransaction& store, const ProgramSettings& settings, const std::string& key,
                const Message& message, TimePoint now);

}  // namespace mentorbot
