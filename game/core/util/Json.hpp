#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace quiz::core
{

/// Every JSON file and report the program writes is built as a nlohmann::ordered_json (keys
/// stay in the order they were set) and turned into text here: compact, then a newline.
/// Strings may hold bytes from packs, profile names or file names that are not valid UTF-8;
/// those bytes become U+FFFD, so the text is always valid JSON (nlohmann's default would
/// throw instead).
[[nodiscard]] std::string toJsonText(const nlohmann::ordered_json& value);

} // namespace quiz::core
