#pragma once

#include <string_view>

namespace quiz::core
{

/// The value rules of pack attributes (see questions/README.md). Each is true when `text`
/// is a valid value as written.
[[nodiscard]] bool isValidId(std::string_view text);      ///< [A-Za-z0-9._-]{1,64}
[[nodiscard]] bool isValidPackId(std::string_view text);  ///< [a-z0-9][a-z0-9._-]{2,63}
[[nodiscard]] bool isValidDate(std::string_view text);    ///< YYYY-MM-DD, a real date >= 1900
[[nodiscard]] bool isValidVersion(std::string_view text); ///< MAJOR.MINOR.PATCH[-label]
[[nodiscard]] bool isValidLang(std::string_view text);    ///< BCP 47 shape: en, en-GB

} // namespace quiz::core
