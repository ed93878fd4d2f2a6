#include "Base64.hpp"

#include "core/util/Text.hpp"

#include <cstdint>

namespace quiz::core::import
{

namespace
{

int valueOf(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

} // namespace

bool decodeBase64(const std::string& encoded, std::size_t maxDecodedBytes, std::string& out,
                  std::string& error)
{
    out.clear();
    // Every 4 characters give at most 3 bytes; white space only makes the real size smaller.
    if (encoded.size() / 4 > maxDecodedBytes / 3 + 1)
    {
        error = "encoded data larger than the " + std::to_string(maxDecodedBytes) + "-byte cap";
        return false;
    }
    std::uint32_t buffer = 0;
    int pending = 0;
    int padding = 0;
    std::size_t significant = 0;
    for (const char c : encoded)
    {
        if (isXmlSpace(c))
            continue;
        if (c == '=')
        {
            ++padding;
            ++significant;
            continue;
        }
        const int value = valueOf(c);
        if (value < 0)
        {
            error = "character outside the base64 alphabet";
            out.clear();
            return false;
        }
        if (padding > 0)
        {
            error = "data after '=' padding";
            out.clear();
            return false;
        }
        ++significant;
        buffer = (buffer << 6U) | static_cast<std::uint32_t>(value);
        if (++pending == 4)
        {
            out += static_cast<char>((buffer >> 16U) & 0xFFU);
            out += static_cast<char>((buffer >> 8U) & 0xFFU);
            out += static_cast<char>(buffer & 0xFFU);
            buffer = 0;
            pending = 0;
        }
    }
    if (significant % 4 != 0 || padding > 2 || (padding > 0 && pending + padding != 4))
    {
        error = "length is not a multiple of 4 or padding is wrong";
        out.clear();
        return false;
    }
    if (pending == 2)
    {
        if ((buffer & 0xFU) != 0)
        {
            error = "non-zero bits before padding";
            out.clear();
            return false;
        }
        out += static_cast<char>((buffer >> 4U) & 0xFFU);
    }
    else if (pending == 3)
    {
        if ((buffer & 0x3U) != 0)
        {
            error = "non-zero bits before padding";
            out.clear();
            return false;
        }
        out += static_cast<char>((buffer >> 10U) & 0xFFU);
        out += static_cast<char>((buffer >> 2U) & 0xFFU);
    }
    if (out.size() > maxDecodedBytes)
    {
        error = "decoded data larger than the " + std::to_string(maxDecodedBytes) + "-byte cap";
        out.clear();
        return false;
    }
    return true;
}

std::string encodeBase64(const std::string& bytes, std::size_t lineLength)
{
    static const char* kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t column = 0;
    auto put = [&](char c)
    {
        if (lineLength > 0 && column == lineLength)
        {
            out += '\n';
            column = 0;
        }
        out += c;
        ++column;
    };
    for (std::size_t i = 0; i < bytes.size(); i += 3)
    {
        std::uint32_t chunk = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]))
                              << 16U;
        const std::size_t left = bytes.size() - i;
        if (left > 1)
            chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
        if (left > 2)
            chunk |= static_cast<unsigned char>(bytes[i + 2]);
        put(kAlphabet[(chunk >> 18U) & 0x3FU]);
        put(kAlphabet[(chunk >> 12U) & 0x3FU]);
        put(left > 1 ? kAlphabet[(chunk >> 6U) & 0x3FU] : '=');
        put(left > 2 ? kAlphabet[chunk & 0x3FU] : '=');
    }
    return out;
}

} // namespace quiz::core::import
