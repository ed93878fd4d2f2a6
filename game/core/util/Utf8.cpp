#include "Utf8.hpp"

namespace quiz::core
{

std::size_t validUtf8Length(std::string_view s, std::size_t i)
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

unsigned long decodeUtf8(std::string_view s, std::size_t i, std::size_t length)
{
    static const unsigned int kLeadMask[] = {0, 0x7FU, 0x1FU, 0x0FU, 0x07U};
    unsigned long codePoint = static_cast<unsigned char>(s[i]) & kLeadMask[length];
    for (std::size_t k = 1; k < length; ++k)
        codePoint = (codePoint << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
    return codePoint;
}

bool isValidUtf8(std::string_view bytes, std::size_t& badOffset)
{
    for (std::size_t i = 0; i < bytes.size();)
    {
        const std::size_t length = validUtf8Length(bytes, i);
        if (length == 0)
        {
            badOffset = i;
            return false;
        }
        i += length;
    }
    return true;
}

bool isValidUtf8(std::string_view bytes)
{
    std::size_t badOffset = 0;
    return isValidUtf8(bytes, badOffset);
}

void appendUtf8(std::string& out, unsigned long codePoint)
{
    if ((codePoint >= 0xD800U && codePoint <= 0xDFFFU) || codePoint > 0x10FFFFU)
        codePoint = 0xFFFDU;
    if (codePoint < 0x80U)
    {
        out += static_cast<char>(codePoint);
    }
    else if (codePoint < 0x800U)
    {
        out += static_cast<char>(0xC0U | (codePoint >> 6U));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    }
    else if (codePoint < 0x10000U)
    {
        out += static_cast<char>(0xE0U | (codePoint >> 12U));
        out += static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    }
    else
    {
        out += static_cast<char>(0xF0U | (codePoint >> 18U));
        out += static_cast<char>(0x80U | ((codePoint >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((codePoint >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (codePoint & 0x3FU));
    }
}

} // namespace quiz::core
