#include "core/import/Base64.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core::import;

TEST_CASE("Base64: decodes padded data with line breaks", "[import][base64]")
{
    std::string out;
    std::string error;
    REQUIRE(decodeBase64("SGVw\nYXJp\r\n bg==", 100, out, error));
    CHECK(out == "Heparin");
    REQUIRE(decodeBase64("", 100, out, error));
    CHECK(out.empty());
}

TEST_CASE("Base64: refuses characters, padding and sizes a strict decoder must not accept",
          "[import][base64]")
{
    std::string out;
    std::string error;
    CHECK_FALSE(decodeBase64("SGVw!XJp", 100, out, error));
    CHECK(error.find("alphabet") != std::string::npos);
    CHECK_FALSE(decodeBase64("SGVwYXJpbg", 100, out, error));   // missing padding
    CHECK_FALSE(decodeBase64("SG==VwYX", 100, out, error));     // data after padding
    CHECK_FALSE(decodeBase64("SGVwYXJpbh==", 100, out, error)); // stray bits before padding
    CHECK_FALSE(decodeBase64(std::string(4000, 'A'), 100, out, error));
    CHECK(error.find("cap") != std::string::npos);
    CHECK(out.empty());
}

TEST_CASE("Base64: encoding then decoding gives the bytes back", "[import][base64]")
{
    std::string bytes;
    for (int i = 0; i < 300; ++i)
        bytes += static_cast<char>(i * 7);
    for (std::size_t cut : {0U, 1U, 2U, 3U, 299U})
    {
        const std::string part = bytes.substr(0, cut);
        std::string out;
        std::string error;
        REQUIRE(decodeBase64(encodeBase64(part, 76), 1000, out, error));
        CHECK(out == part);
    }
}
