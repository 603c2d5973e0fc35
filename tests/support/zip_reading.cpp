#include "tests/support/zip_reading.h"

#include <zip.h>

#include <stdexcept>

namespace mentorbot {

std::map<std::string, std::string> ReadZip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw std::runtime_error("not a zip: " + why);
  }
  std::map<std::string, std::string> entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    const zip_int64_t read = file ? zip_fread(file, content.data(), content.size()) : -1;
    if (file) zip_fclose(file);
    if (read != static_cast<zip_int64_t>(stat.size)) throw std::runtime_error(std::string("cannot read ") + stat.name);
    entries[stat.name] = std::move(content);
  }
  zip_close(archive);  // also frees the source
  return entries;
}

}  // namespace mentorbot
