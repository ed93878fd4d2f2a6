#pragma once

#include <string>

namespace quiz::core
{

/// Replaces `path` with `contents` so that a crash at any moment leaves either the old file or
/// the new one, never a torn mix: write a temporary file in the same folder, fsync it, rename
/// it over the target, fsync the folder. Returns "" on success, else a message naming the path.
[[nodiscard]] std::string writeFileAtomically(const std::string& path, const std::string& contents);

} // namespace quiz::core
