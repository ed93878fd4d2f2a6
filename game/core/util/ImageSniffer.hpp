#pragma once

#include <cstddef>
#include <string>

namespace quiz::core
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

/// Caps applied to every imported image and to every figure a pack shows (the checker refuses
/// a figure over them and the game does not decode one).
struct ImageLimits
{
    std::size_t maxBytes = 5U * 1024U * 1024U;
    unsigned maxSide = 4096;
};

/// Empty when the bytes are an acceptable image, otherwise the reason they are not.
[[nodiscard]] std::string checkImage(const std::string& bytes, const ImageLimits& limits,
                                     ImageInfo& info);

/// Why the image file at `path` may not be shown, or "" when it may (its bytes then in
/// `bytes`). The size is checked before anything is read, the header before anything is
/// decoded. `tooLarge` says whether the refusal is over a cap (bytes or pixels) rather than the
/// file being unreadable or not an image.
[[nodiscard]] std::string readImageFile(const std::string& path, const ImageLimits& limits,
                                        std::string& bytes, bool& tooLarge);

} // namespace quiz::core
