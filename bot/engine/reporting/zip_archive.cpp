#include "bot/engine/reporting/zip_archive.h"

#include <zip.h>

#include <memory>

namespace mentorbot {

namespace {
struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

Status Failed(const char* step, zip_error_t* error) {
  Status status = Status::Internal(std::string("zip: ") + step + ": " + zip_error_strerror(error));
  zip_error_fini(error);
  return status;
}

// Reads the whole of a (closed) buffer source.
StatusOr<std::string> ReadAll(zip_source_t* source) {
  if (zip_source_open(source) < 0) return Failed("open", zip_source_error(source));
  zip_stat_t stat;
  zip_stat_init(&stat);
  std::string bytes;
  if (zip_source_stat(source, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) bytes.resize(stat.size);
  const zip_int64_t read = bytes.empty() ? 0 : zip_source_read(source, bytes.data(), bytes.size());
  zip_source_close(source);
  if (read < 0 || static_cast<std::size_t>(read) != bytes.size()) return Status::Internal("zip: short read");
  return bytes;
}
}  // namespace

StatusOr<std::string> ZipFiles(const std::vector<ExportFile>& files, TimePoint modified) {
  zip_error_t error;
  zip_error_init(&error);
  Source buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return Failed("buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) return Failed("open", &error);
  zip_source_keep(buffer.get());  // the archive frees its reference on close; we read it after
  const time_t mtime = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(modified));
  for (const ExportFile& file : files) {
    zip_source_t* data = zip_source_buffer(archive, file.content.data(), file.content.size(), 0);
    const zip_int64_t index = data ? zip_file_add(archive, file.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      zip_discard(archive);
      return Status::Internal("zip: cannot add " + file.name);
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), mtime, 0);
  }
  if (zip_close(archive) < 0) {
    Status status = Status::Internal(std::string("zip: close: ") + zip_strerror(archive));
    zip_discard(archive);
    return status;
  }
  return ReadAll(buffer.get());
}

}  // namespace mentorbot
