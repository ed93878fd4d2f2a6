#include "core/import/ImageSniffer.hpp"

#include "ImageBytes.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core::import;

TEST_CASE("ImageSniffer: recognises each supported type and reads its size", "[import][image]")
{
    ImageInfo png = sniffImage(testimage::png(32, 16));
    CHECK(png.type == ImageType::Png);
    CHECK(png.width == 32);
    CHECK(png.height == 16);

    ImageInfo gif = sniffImage(testimage::gif(7, 9));
    CHECK(gif.type == ImageType::Gif);
    CHECK(gif.width == 7);
    CHECK(gif.height == 9);

    ImageInfo jpeg = sniffImage(testimage::jpeg(640, 480));
    CHECK(jpeg.type == ImageType::Jpeg);
    CHECK(jpeg.width == 640);
    CHECK(jpeg.height == 480);

    ImageInfo bmp = sniffImage(testimage::bmp(12, -5));
    CHECK(bmp.type == ImageType::Bmp);
    CHECK(bmp.width == 12);
    CHECK(bmp.height == 5);
}

TEST_CASE("ImageSniffer: refuses unknown types, truncated headers and decompression bombs",
          "[import][image]")
{
    ImageLimits limits;
    ImageInfo info;
    CHECK(checkImage("<svg xmlns='http://www.w3.org/2000/svg'/>", limits, info).find("not a PNG") !=
          std::string::npos);
    CHECK(checkImage("\x89PNG\r\n\x1a\n", limits, info).find("truncated") != std::string::npos);
    CHECK(checkImage(testimage::png(30000, 30000), limits, info).find("cap") != std::string::npos);
    CHECK(checkImage(testimage::jpeg(100, 5000), limits, info).find("cap") != std::string::npos);
    CHECK(checkImage(testimage::png(64, 64), limits, info).empty());
    limits.maxBytes = 10;
    CHECK(checkImage(testimage::png(64, 64), limits, info).find("larger") != std::string::npos);
}
