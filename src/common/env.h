// Files and directories: the engine's only contact with the file system.
#ifndef CROSSREAD_COMMON_ENV_H_
#define CROSSREAD_COMMON_ENV_H_

#include <string>
#include <string_view>
#include <vector>

#include "crossread/status.h"

namespace crossread {

Result<std::string> ReadFile(const std::string& path);

// A regular file's bytes mapped read-only into memory, for reading a large input without
// copying it (nor zeroing a buffer first). Open fails for what cannot be mapped (a pipe, an empty
// file), which ReadFile reads.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  size_t size_ = 0;
};

// Writes `contents` to a temporary file beside `path`, then renames it over `path`: readers see
// the old file or the whole new one, never a part.
Status WriteFileAtomically(const std::string& path, const std::string& contents);

// Regular files below `dir`, recursively, sorted by path; hidden entries are skipped.
Result<std::vector<std::string>> ListFilesRecursively(const std::string& dir);

}  // namespace crossread

#endif  // CROSSREAD_COMMON_ENV_H_
