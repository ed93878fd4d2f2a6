#include "ValueRules.hpp"

#include <cctype>
#include <cstddef>

namespace quiz::core
{
namespace
{

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

} // namespace

bool isValidId(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return false;
    for (const char c : text)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            return false;
    }
    return true;
}

bool isValidPackId(std::string_view text)
{
    if (text.size() < 3 || text.size() > 64)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        const bool lowerOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (i == 0 ? !lowerOrDigit : !(lowerOrDigit || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

bool isValidDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int digits[10] = {};
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U})
    {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
        digits[i] = text[i] - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[5] * 10 + digits[6];
    const int day = digits[8] * 10 + digits[9];
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    const int maxDay = kDays[month - 1] + (month == 2 && isLeapYear(year) ? 1 : 0);
    return day <= maxDay;
}

bool isValidVersion(std::string_view text)
{
    std::size_t i = 0;
    for (int part = 0; part < 3; ++part)
    {
        const std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start || i - start > 9)
            return false;
        if (part < 2)
        {
            if (i >= text.size() || text[i] != '.')
                return false;
            ++i;
        }
    }
    if (i == text.size())
        return true;
    if (text[i] != '-' || i + 1 == text.size())
        return false;
    for (++i; i < text.size(); ++i)
    {
        if (!std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '.' && text[i] != '-')
            return false;
    }
    return true;
}

bool isValidLang(std::string_view text)
{
    std::size_t i = 0;
    std::size_t letters = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
    {
        ++i;
        ++letters;
    }
    if (letters < 2 || letters > 3)
        return false;
    while (i < text.size())
    {
        if (text[i] != '-')
            return false;
        const std::size_t start = ++i;
        while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start || i - start > 8)
            return false;
    }
    return true;
}

} // namespace quiz::core
