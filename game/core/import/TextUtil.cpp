#include "TextUtil.hpp"

#include "core/util/Utf8.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <nettle/sha2.h>

namespace quiz::core::import
{

std::string windows1252ToUtf8(const std::string& bytes)
{
    // 0x80..0x9F are where 1252 differs from Latin-1; 0 marks the five undefined bytes.
    static const std::array<unsigned short, 32> kHigh = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes)
    {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80U)
            out += ch;
        else if (c < 0xA0U)
            appendUtf8(out, kHigh[c - 0x80U] == 0 ? 0xFFFDU : kHigh[c - 0x80U]);
        else
            appendUtf8(out, c);
    }
    return out;
}

std::string slugify(const std::string& text, std::size_t maxLength)
{
    std::string slug;
    bool pendingDash = false;
    for (const char ch : text)
    {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum)
        {
            pendingDash = !slug.empty();
            continue;
        }
        if (slug.size() + (pendingDash ? 2U : 1U) > maxLength)
            break;
        if (pendingDash)
            slug += '-';
        pendingDash = false;
        slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return slug;
}

namespace
{

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string percentDecode(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '%' && i + 2 < text.size())
        {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0)
            {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string sha256Hex(const std::string& bytes)
{
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&context, digest.size(), digest.data());
    static const char* kDigits = "0123456789abcdef";
    std::string hex;
    for (const std::uint8_t byte : digest)
    {
        hex += kDigits[byte >> 4U];
        hex += kDigits[byte & 0xFU];
    }
    return hex;
}

std::string formatNumber(double value)
{
    if (!std::isfinite(value))
        return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.7f", value);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    return text;
}

std::string fileName(const std::string& path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string fileStem(const std::string& path)
{
    const std::string name = fileName(path);
    const std::size_t dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t at = text.find(separator, start);
        if (at == std::string::npos)
        {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

} // namespace quiz::core::import

namespace quiz::core::import
{

std::string truncateUtf8(const std::string& text, std::size_t maxCodePoints)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U && count++ == maxCodePoints)
            return text.substr(0, i);
    }
    return text;
}

} // namespace quiz::core::import
