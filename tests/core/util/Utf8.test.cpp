#include "core/util/Utf8.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace quiz::core;

TEST_CASE("Utf8: validation finds the first bad byte", "[core][util][text]")
{
    std::size_t bad = 0;
    CHECK(isValidUtf8("plain \xC2\xB5g and \xE2\x89\xA5 \xF0\x9F\x92\x89", bad));
    CHECK_FALSE(isValidUtf8("caf\xE9 au lait", bad));
    CHECK(bad == 3);
    CHECK_FALSE(isValidUtf8("\xC0\xAF", bad));     // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80", bad)); // surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(isValidUtf8("ok\xE2\x89", bad));   // truncated
    CHECK(bad == 2);
}

TEST_CASE("Utf8: a well-formed sequence decodes to its code point", "[core][util][text]")
{
    const std::string text = "a\xC2\xB5\xE2\x80\xA8\xF0\x9F\x92\x89";
    std::size_t i = 0;
    std::vector<unsigned long> codePoints;
    while (i < text.size())
    {
        const std::size_t length = validUtf8Length(text, i);
        REQUIRE(length > 0);
        codePoints.push_back(decodeUtf8(text, i, length));
        i += length;
    }
    CHECK(codePoints == std::vector<unsigned long>{0x61, 0xB5, 0x2028, 0x1F489});
    std::string encoded;
    for (const unsigned long codePoint : codePoints)
        appendUtf8(encoded, codePoint);
    CHECK(encoded == text);
}
