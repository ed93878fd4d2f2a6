#pragma once

#include <string>

/// Minimal image headers for tests: enough bytes for sniffing, not decodable pictures
/// (except png(), which is a complete 1-bit image when both sides are small).
namespace testimage
{

inline void putBig32(std::string& s, unsigned long v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        s += static_cast<char>((v >> static_cast<unsigned>(shift)) & 0xFFU);
}

inline void putLittle32(std::string& s, unsigned long v)
{
    for (unsigned shift = 0; shift < 32; shift += 8)
        s += static_cast<char>((v >> shift) & 0xFFU);
}

inline std::string png(unsigned long width, unsigned long height)
{
    std::string s = "\x89PNG\r\n\x1a\n";
    putBig32(s, 13);
    s += "IHDR";
    putBig32(s, width);
    putBig32(s, height);
    s += std::string("\x08\x02\x00\x00\x00", 5);
    putBig32(s, 0); // CRC is not checked by the sniffer
    return s;
}

inline std::string gif(unsigned width, unsigned height)
{
    std::string s = "GIF89a";
    s += static_cast<char>(width & 0xFFU);
    s += static_cast<char>(width >> 8U);
    s += static_cast<char>(height & 0xFFU);
    s += static_cast<char>(height >> 8U);
    s += std::string("\x00\x00\x00", 3);
    return s;
}

inline std::string jpeg(unsigned width, unsigned height)
{
    std::string s = "\xFF\xD8\xFF\xE0";
    s += std::string("\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 16);
    s += "\xFF\xC0";
    s += std::string("\x00\x11\x08", 3);
    s += static_cast<char>(height >> 8U);
    s += static_cast<char>(height & 0xFFU);
    s += static_cast<char>(width >> 8U);
    s += static_cast<char>(width & 0xFFU);
    s += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    return s;
}

inline std::string bmp(long width, long height)
{
    std::string s = "BM";
    putLittle32(s, 70);
    putLittle32(s, 0);
    putLittle32(s, 54);
    putLittle32(s, 40);
    putLittle32(s, static_cast<unsigned long>(width));
    putLittle32(s, static_cast<unsigned long>(height));
    s += std::string(28, '\0');
    return s;
}

} // namespace testimage
