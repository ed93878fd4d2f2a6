#include "core/util/ImageSniffer.hpp"

#include "support/ImageBytes.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace quiz::core;
namespace fs = std::filesystem;

TEST_CASE("ImageSniffer: recognises each supported type and reads its size", "[util][image]")
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
          "[util][image]")
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

TEST_CASE("ImageSniffer: an image file is refused by its size before it is read", "[util][image]")
{
    const fs::path folder = fs::temp_directory_path() / "quiz-image-file-test";
    fs::remove_all(folder);
    fs::create_directories(folder);
    const auto write = [&](const char* name, const std::string& bytes)
    {
        std::ofstream(folder / name, std::ios::binary) << bytes;
        return (folder / name).string();
    };
    std::string bytes;
    bool tooLarge = true;
    CHECK(readImageFile(write("ok.png", testimage::png(64, 64)), {}, bytes, tooLarge).empty());
    CHECK_FALSE(tooLarge);
    CHECK(bytes == testimage::png(64, 64));

    // 100 MB on disk, never read (sparse, so the test costs no disk).
    const std::string huge = write("huge.png", testimage::png(64, 64));
    fs::resize_file(huge, 100U * 1024U * 1024U);
    CHECK(readImageFile(huge, {}, bytes, tooLarge).find("larger than") != std::string::npos);
    CHECK(tooLarge);
    CHECK(bytes.empty());

    CHECK(readImageFile(write("bomb.png", testimage::png(16000, 16000)), {}, bytes, tooLarge)
              .find("16000x16000") != std::string::npos);
    CHECK(tooLarge);
    CHECK(bytes.empty()); // nothing handed on to a decoder

    CHECK(readImageFile(write("note.png", "just text"), {}, bytes, tooLarge).find("not a PNG") !=
          std::string::npos);
    CHECK_FALSE(tooLarge);
    CHECK_FALSE(readImageFile((folder / "absent.png").string(), {}, bytes, tooLarge).empty());
    CHECK_FALSE(tooLarge);
    fs::remove_all(folder);
}
