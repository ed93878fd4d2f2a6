#include "core/import/TextUtil.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core::import;

TEST_CASE("TextUtil: Windows-1252 bytes become the right UTF-8 characters", "[import][text]")
{
    CHECK(windows1252ToUtf8("caf\xE9") == "caf\xC3\xA9");
    CHECK(windows1252ToUtf8("\x93quoted\x94 \x96 10\xB5g") ==
          "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 10\xC2\xB5g");
    CHECK(windows1252ToUtf8("\x81") == "\xEF\xBF\xBD");
}

TEST_CASE("TextUtil: SHA-256 matches the published test vectors", "[import][text]")
{
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("TextUtil: slugs, percent-decoding and numbers are stable", "[import][text]")
{
    CHECK(slugify("Pharmacology / Cardiac & Renal!") == "pharmacology-cardiac-renal");
    CHECK(slugify("  ") == "");
    CHECK(slugify("abcdefghij", 5) == "abcde");
    CHECK(percentDecode("Screen%20Shot%20%281%29.png") == "Screen Shot (1).png");
    CHECK(percentDecode("bad%2") == "bad%2");
    CHECK(percentDecode("100%") == "100%");
    CHECK(formatNumber(100.0) == "100");
    CHECK(formatNumber(33.333333333) == "33.3333333");
    CHECK(formatNumber(-12.5) == "-12.5");
    CHECK(formatNumber(-0.0) == "0");
    CHECK(fileStem("dir/sub/Quiz 1.xml") == "Quiz 1");
    CHECK(fileName("C:\\exports\\bank.gift") == "bank.gift");
}
