// The numbered schema migrations, in order. Each is applied once, in its own
// transaction together with its row in schema_migrations. The SQL lives in
// storage/migrations/NNNN_name.sql and is compiled in by CMake.
#pragma once

#include <string_view>
#include <vector>

namespace mentorbot {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& AllMigrations();

}  // namespace mentorbot
