#pragma once

#include <string_view>

namespace quiz::core
{

/// A whole number written in plain decimal ("-12", "7"): no sign '+', no space, no other
/// character, at most 18 digits. Returns false and leaves `value` alone otherwise.
[[nodiscard]] bool parseWholeNumber(std::string_view text, long long& value);

/// A finite decimal written plainly ("2.5", "-0.75", "+3"): no exponent, hex, "inf" or "nan",
/// no space, at most 32 characters. Returns false and leaves `value` alone otherwise.
[[nodiscard]] bool parseDecimal(std::string_view text, double& value);

} // namespace quiz::core
