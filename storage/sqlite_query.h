// Running a cached statement with its parameters and reading its rows, so
// each repository only states its SQL and how one row becomes a value.
#pragma once

#include <SQLiteCpp/VariadicBind.h>

#include <optional>
#include <vector>

#include "storage/sqlite_connection.h"

namespace mentorbot {

// The first row of `sql` run with `params`, read by `read`, if any.
template <typename Read, typename... Params>
auto QueryOne(SqliteConnection& connection, const char* sql, Read read, const Params&... params)
    -> std::optional<decltype(read(std::declval<SQLite::Statement&>()))> {
  auto& statement = connection.Prepare(sql);
  if constexpr (sizeof...(Params) > 0) SQLite::bind(statement, params...);
  if (!statement.executeStep()) return std::nullopt;
  return read(statement);
}

// Every row of `sql` run with `params`, read by `read`.
template <typename Read, typename... Params>
auto QueryAll(SqliteConnection& connection, const char* sql, Read read, const Params&... params)
    -> std::vector<decltype(read(std::declval<SQLite::Statement&>()))> {
  auto& statement = connection.Prepare(sql);
  if constexpr (sizeof...(Params) > 0) SQLite::bind(statement, params...);
  std::vector<decltype(read(statement))> rows;
  while (statement.executeStep()) rows.push_back(read(statement));
  return rows;
}

}  // namespace mentorbot
