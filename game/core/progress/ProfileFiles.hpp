#pragma once

#include "core/util/Outcome.hpp"

#include <string>

namespace quiz::core
{

/// Reads a whole file of at most `maxBytes` bytes; larger files are a failure.
[[nodiscard]] Outcome<std::string> readSmallFile(const std::string& path, std::size_t maxBytes);

} // namespace quiz::core
