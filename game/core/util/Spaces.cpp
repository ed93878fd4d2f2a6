#include "Spaces.hpp"

namespace quiz::core
{

namespace
{

/// The byte length of the Unicode space encoded at `text[i]`, or 0 when there is none there.
std::size_t spaceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k)
    { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U; };
    const unsigned lead = byte(i);
    if (lead == 0xC2 && byte(i + 1) == 0xA0)
        return 2;
    if (lead < 0xE1 || lead > 0xE3 || (byte(i + 1) & 0xC0U) != 0x80 ||
        (byte(i + 2) & 0xC0U) != 0x80)
        return 0;
    const char32_t c =
        ((lead & 0x0FU) << 12U) | ((byte(i + 1) & 0x3FU) << 6U) | (byte(i + 2) & 0x3FU);
    return isUnicodeSpace(c) ? 3 : 0;
}

} // namespace

std::string normaliseSpaces(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();)
    {
        if (const std::size_t length = spaceLength(text, i))
        {
            out += ' ';
            i += length;
            continue;
        }
        out += text[i];
        ++i;
    }
    return out;
}

} // namespace quiz::core
