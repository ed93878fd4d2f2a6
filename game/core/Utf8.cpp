#include "Utf8.hpp"

namespace quiz::core
{

std::size_t validUtf8Length(const std::string& s, std::size_t i)
{
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    if (c < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned int codePoint = 0;
    unsigned int minimum = 0;
    if (c >= 0xC2 && c <= 0xDF)
    {
        length = 2;
        codePoint = c & 0x1FU;
        minimum = 0x80;
    }
    else if ((c & 0xF0U) == 0xE0U)
    {
        length = 3;
        codePoint = c & 0x0FU;
        minimum = 0x800;
    }
    else if (c >= 0xF0 && c <= 0xF4)
    {
        length = 4;
        codePoint = c & 0x07U;
        minimum = 0x10000;
    }
    else
    {
        return 0;
    }
    if (i + length > s.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k)
    {
        if ((at(i + k) & 0xC0U) != 0x80U)
            return 0;
        codePoint = (codePoint << 6U) | (at(i + k) & 0x3FU);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

} // namespace quiz::core
