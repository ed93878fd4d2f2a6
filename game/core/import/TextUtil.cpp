#include "TextUtil.hpp"

#include "core/util/Utf8.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace quiz::core::import
{

bool isValidUtf8(const std::string& bytes, std::size_t& badOffset)
{
    // One decoder for the whole project: the pack loader's rules are the importers' rules.
    std::size_t i = 0;
    while (i < bytes.size())
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

std::uint32_t rotateRight(std::uint32_t value, unsigned bits)
{
    return (value >> bits) | (value << (32U - bits));
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
    static const std::array<std::uint32_t, 64> k = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string message = bytes;
    const std::uint64_t bitLength = static_cast<std::uint64_t>(bytes.size()) * 8U;
    message += static_cast<char>(0x80);
    while (message.size() % 64 != 56)
        message += '\0';
    for (int shift = 56; shift >= 0; shift -= 8)
        message += static_cast<char>((bitLength >> static_cast<unsigned>(shift)) & 0xFFU);

    for (std::size_t chunk = 0; chunk < message.size(); chunk += 64)
    {
        std::array<std::uint32_t, 64> w{};
        for (std::size_t i = 0; i < 16; ++i)
        {
            std::uint32_t word = 0;
            for (std::size_t b = 0; b < 4; ++b)
                word = (word << 8U) | static_cast<unsigned char>(message[chunk + i * 4 + b]);
            w[i] = word;
        }
        for (std::size_t i = 16; i < 64; ++i)
        {
            const std::uint32_t s0 =
                rotateRight(w[i - 15], 7) ^ rotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3U);
            const std::uint32_t s1 =
                rotateRight(w[i - 2], 17) ^ rotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10U);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::array<std::uint32_t, 8> v = h;
        for (std::size_t i = 0; i < 64; ++i)
        {
            const std::uint32_t s1 =
                rotateRight(v[4], 6) ^ rotateRight(v[4], 11) ^ rotateRight(v[4], 25);
            const std::uint32_t choose = (v[4] & v[5]) ^ (~v[4] & v[6]);
            const std::uint32_t t1 = v[7] + s1 + choose + k[i] + w[i];
            const std::uint32_t s0 =
                rotateRight(v[0], 2) ^ rotateRight(v[0], 13) ^ rotateRight(v[0], 22);
            const std::uint32_t majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            const std::uint32_t t2 = s0 + majority;
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3] + t1;
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1 + t2;
        }
        for (std::size_t i = 0; i < 8; ++i)
            h[i] += v[i];
    }
    std::string hex;
    static const char* kDigits = "0123456789abcdef";
    for (const std::uint32_t word : h)
    {
        for (int shift = 28; shift >= 0; shift -= 4)
            hex += kDigits[(word >> static_cast<unsigned>(shift)) & 0xFU];
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
