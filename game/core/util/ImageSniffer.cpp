#include "ImageSniffer.hpp"

#include "ReadFile.hpp"

namespace quiz::core
{

namespace
{

unsigned byteAt(const std::string& bytes, std::size_t at)
{
    return static_cast<unsigned char>(bytes[at]);
}

unsigned bigEndian16(const std::string& bytes, std::size_t at)
{
    return (byteAt(bytes, at) << 8U) | byteAt(bytes, at + 1);
}

unsigned littleEndian16(const std::string& bytes, std::size_t at)
{
    return byteAt(bytes, at) | (byteAt(bytes, at + 1) << 8U);
}

unsigned long bigEndian32(const std::string& bytes, std::size_t at)
{
    return (static_cast<unsigned long>(bigEndian16(bytes, at)) << 16U) | bigEndian16(bytes, at + 2);
}

long littleEndian32(const std::string& bytes, std::size_t at)
{
    const unsigned long value = littleEndian16(bytes, at) |
                                (static_cast<unsigned long>(littleEndian16(bytes, at + 2)) << 16U);
    return value >= 0x80000000UL ? -static_cast<long>(0x100000000UL - value)
                                 : static_cast<long>(value);
}

unsigned clampSide(unsigned long value)
{
    return value > 0xFFFFFFUL ? 0xFFFFFFU : static_cast<unsigned>(value);
}

void readJpegSize(const std::string& bytes, ImageInfo& info)
{
    // Walk the marker segments until a start-of-frame marker gives the dimensions.
    std::size_t at = 2;
    while (at + 4 <= bytes.size())
    {
        if (byteAt(bytes, at) != 0xFF)
            return;
        const unsigned marker = byteAt(bytes, at + 1);
        if (marker == 0xFF)
        {
            ++at;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
            at += 2;
            continue;
        }
        const unsigned length = bigEndian16(bytes, at + 2);
        if (length < 2)
            return;
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame)
        {
            if (at + 9 > bytes.size())
                return;
            info.height = bigEndian16(bytes, at + 5);
            info.width = bigEndian16(bytes, at + 7);
            return;
        }
        at += 2 + length;
    }
}

} // namespace

ImageInfo sniffImage(const std::string& bytes)
{
    ImageInfo info;
    const std::size_t n = bytes.size();
    if (n >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0)
    {
        info.type = ImageType::Png;
        if (n >= 24 && bytes.compare(12, 4, "IHDR") == 0)
        {
            info.width = clampSide(bigEndian32(bytes, 16));
            info.height = clampSide(bigEndian32(bytes, 20));
        }
    }
    else if (n >= 3 && byteAt(bytes, 0) == 0xFF && byteAt(bytes, 1) == 0xD8 &&
             byteAt(bytes, 2) == 0xFF)
    {
        info.type = ImageType::Jpeg;
        readJpegSize(bytes, info);
    }
    else if (n >= 6 && (bytes.compare(0, 6, "GIF87a") == 0 || bytes.compare(0, 6, "GIF89a") == 0))
    {
        info.type = ImageType::Gif;
        if (n >= 10)
        {
            info.width = littleEndian16(bytes, 6);
            info.height = littleEndian16(bytes, 8);
        }
    }
    else if (n >= 2 && bytes[0] == 'B' && bytes[1] == 'M')
    {
        info.type = ImageType::Bmp;
        if (n >= 26)
        {
            const long width = littleEndian32(bytes, 18);
            const long height = littleEndian32(bytes, 22); // negative means top-down rows
            info.width = clampSide(static_cast<unsigned long>(width < 0 ? -width : width));
            info.height = clampSide(static_cast<unsigned long>(height < 0 ? -height : height));
        }
    }
    return info;
}

const char* extensionFor(ImageType type)
{
    switch (type)
    {
    case ImageType::Png:
        return "png";
    case ImageType::Jpeg:
        return "jpg";
    case ImageType::Gif:
        return "gif";
    case ImageType::Bmp:
        return "bmp";
    case ImageType::Unknown:
        break;
    }
    return "";
}

std::string checkImage(const std::string& bytes, const ImageLimits& limits, ImageInfo& info)
{
    if (bytes.size() > limits.maxBytes)
        return "larger than " + std::to_string(limits.maxBytes) + " bytes";
    info = sniffImage(bytes);
    if (info.type == ImageType::Unknown)
        return "not a PNG, JPEG, GIF or BMP image";
    if (info.width == 0 || info.height == 0)
        return "image header is truncated or gives no size";
    if (info.width > limits.maxSide || info.height > limits.maxSide)
        return "image is " + std::to_string(info.width) + "x" + std::to_string(info.height) +
               " pixels, over the " + std::to_string(limits.maxSide) + "-pixel cap";
    return {};
}

std::string readImageFile(const std::string& path, const ImageLimits& limits, std::string& bytes,
                          bool& tooLarge)
{
    DiagnosticList read(path);
    tooLarge = false;
    bytes.clear();
    if (!readFileCapped(path, limits.maxBytes, bytes, read))
    {
        const Diagnostic& why = read.getAll().front();
        tooLarge = why.code == "file-too-large";
        return tooLarge ? "is larger than " + std::to_string(limits.maxBytes) + " bytes"
                        : why.message;
    }
    ImageInfo info;
    const std::string why = checkImage(bytes, limits, info);
    tooLarge =
        !why.empty() && info.type != ImageType::Unknown && info.width != 0 && info.height != 0;
    if (!why.empty())
        bytes.clear();
    return why;
}

} // namespace quiz::core
