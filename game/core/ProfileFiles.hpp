#pragma once

#include "ProgressResult.hpp"

#include <string>

namespace quiz::core
{

/// Replaces `path` with `content` so that a reader (or a crash) sees either the old file or
/// the whole new one, never a torn mix: writes a temporary file beside it, flushes it to disk,
/// renames it over `path` and flushes the folder. The temporary file is removed on failure.
[[nodiscard]] Status writeFileAtomically(const std::string& path, const std::string& content);

/// Reads a whole file of at most `maxBytes` bytes; larger files are a failure.
[[nodiscard]] Outcome<std::string> readSmallFile(const std::string& path, std::size_t maxBytes);

} // namespace quiz::core
