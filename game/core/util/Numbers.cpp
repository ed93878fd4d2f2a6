#include "Numbers.hpp"

#include <charconv>
#include <cmath>

namespace quiz::core
{

bool parseWholeNumber(std::string_view text, long long& value)
{
    if (text.empty() || text.size() > 18)
        return false;
    long long number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size())
        return false;
    value = number;
    return true;
}

bool parseDecimal(std::string_view text, double& value)
{
    if (!text.empty() && text[0] == '+')
        text.remove_prefix(1);
    if (text.empty() || text.size() > 32)
        return false;
    double number = 0;
    // fixed: plain decimals only, no exponents; from_chars never reads "0x" or white space.
    const auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), number, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(number))
        return false;
    value = number;
    return true;
}

} // namespace quiz::core
