#pragma once

#include <cstddef>
#include <string>

namespace quiz::core::import
{

enum class ImageType
{
    Unknown,
    Png,
    Jpeg,
    Gif,
    Bmp
};

/// What the first bytes of a file say about it. Names and extensions are never trusted.
struct ImageInfo
{
    ImageType type = ImageType::Unknown;
    unsigned width = 0; ///< from the header; 0 when the header is truncated or absent
    unsigned height = 0;
};

/// Reads the magic bytes and the dimension header (PNG IHDR, JPEG SOFn, GIF logical screen,
/// BMP info header) without decoding pixels, so a decompression bomb is caught before any
/// image library sees it.
[[nodiscard]] ImageInfo sniffImage(const std::string& bytes);

/// "png", "jpg", "gif", "bmp" or "" for Unknown.
[[nodiscard]] const char* extensionFor(ImageType type);

/// Caps applied to every imported image.
struct ImageLimits
{
    std::size_t maxBytes = 5U * 1024U * 1024U;
    unsigned maxSide = 4096;
};

/// Empty when the bytes are an acceptable image, otherwise the reason they are not.
[[nodiscard]] std::string checkImage(const std::string& bytes, const ImageLimits& limits,
                                     ImageInfo& info);

} // namespace quiz::core::import
