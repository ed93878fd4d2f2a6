#pragma once

#include <string>

namespace quiz::core
{

/// Who may read a file written by writeFileAtomically().
enum class FileAccess
{
    Private, ///< mode 0600: progress, settings, results, anything about a student
    Shared   ///< 0666 less the umask, as any other tool writes a file (packs, exports, schema)
};

/// Replaces `path` with `contents` so that a crash at any moment leaves either the old file or
/// the new one, never a torn mix: write a temporary file in the same folder, fsync it, rename
/// it over the target, fsync the folder. Returns "" on success, else a message naming the path.
[[nodiscard]] std::string writeFileAtomically(const std::string& path, const std::string& contents,
                                              FileAccess access = FileAccess::Private);

} // namespace quiz::core
