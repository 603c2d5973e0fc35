// Conversions between TimePoint and the Unix seconds stored in SQLite, and
// binding/reading optional columns.
#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

#include "bot/core/clock.h"

namespace mentorbot {

inline TimePoint ToTime(std::int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }
inline std::int64_t ToSeconds(TimePoint time) { return time.time_since_epoch().count(); }

inline void BindTime(SQLite::Statement& statement, int index, TimePoint time) {
  statement.bind(index, static_cast<int64_t>(ToSeconds(time)));
}
inline void BindOptionalTime(SQLite::Statement& statement, int index, const std::optional<TimePoint>& time) {
  if (time) BindTime(statement, index, *time); else statement.bind(index);
}
inline TimePoint ColumnTime(SQLite::Statement& statement, int index) {
  return ToTime(statement.getColumn(index).getInt64());
}
inline std::optional<TimePoint> ColumnOptionalTime(SQLite::Statement& statement, int index) {
  if (statement.getColumn(index).isNull()) return std::nullopt;
  return ColumnTime(statement, index);
}

}  // namespace mentorbot
