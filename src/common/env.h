// Files and directories: the engine's only contact with the file system.
#ifndef CROSSREAD_COMMON_ENV_H_
#define CROSSREAD_COMMON_ENV_H_

#include <string>
#include <vector>

#include "crossread/status.h"

namespace crossread {

Result<std::string> ReadFile(const std::string& path);

// Writes `contents` to a temporary file beside `path`, then renames it over `path`: readers see
// the old file or the whole new one, never a part.
Status WriteFileAtomically(const std::string& path, const std::string& contents);

// Regular files below `dir`, recursively, sorted by path; hidden entries are skipped.
Result<std::vector<std::string>> ListFilesRecursively(const std::string& dir);

}  // namespace crossread

#endif  // CROSSREAD_COMMON_ENV_H_
