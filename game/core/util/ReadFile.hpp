#pragma once

#include "core/pack/Diagnostic.hpp"

#include <cstddef>
#include <string>

namespace quiz::core
{

/// Reads the regular file `path` into `bytes`, refusing it before reading when it is larger
/// than `maxBytes` (and when it grows past that while being read). On failure returns false
/// and adds one diagnostic for the whole file (line 0): `file-too-large` or `unreadable`.
[[nodiscard]] bool readFileCapped(const std::string& path, std::size_t maxBytes, std::string& bytes,
                                  DiagnosticList& diagnostics);

} // namespace quiz::core
