# Generates a C++ source holding every storage/migrations/NNNN_name.sql as a
# string, so the binary carries its schema. Run by CMake at configure time.
file(GLOB sql_files "${MIGRATIONS_DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT sql_files)
set(body "")
foreach(file IN LISTS sql_files)
  get_filename_component(name "${file}" NAME_WE)
  string(SUBSTRING "${name}" 0 4 version)
  math(EXPR version "${version}")
  string(SUBSTRING "${name}" 5 -1 label)
  file(READ "${file}" sql)
  string(APPEND body "      {${version}, \"${label}\", R\"mentorbot_sql(${sql})mentorbot_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from storage/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"storage/migrations.h\"

namespace mentorbot {

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}

}  // namespace mentorbot
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
