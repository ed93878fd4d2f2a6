#include "core/util/Spaces.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;

TEST_CASE("normaliseSpaces: every Unicode space becomes one plain space", "[core][util][text]")
{
    CHECK(normaliseSpaces("1.5\xC2\xA0x\xC2\xA0"
                          "control") == "1.5 x control");
    // U+1680, U+2000..U+200A, U+202F, U+205F, U+3000, each between two letters.
    const char* spaces[] = {"\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82",
                            "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86",
                            "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A",
                            "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80"};
    for (const char* space : spaces)
    {
        INFO(space);
        CHECK(normaliseSpaces(std::string("a") + space + "b") == "a b");
    }
    CHECK(isUnicodeSpace(0xA0));
    CHECK(isUnicodeSpace(0x3000));
}

TEST_CASE("normaliseSpaces: other characters, zero-width ones and broken bytes stay",
          "[core][util][text]")
{
    // U+200B zero width space, U+2010 hyphen, U+2028 line separator, U+00B7 middle dot.
    const std::string kept = "a\xE2\x80\x8B"
                             "b\xE2\x80\x90"
                             "c\xE2\x80\xA8"
                             "d\xC2\xB7"
                             "e \xC3\xA9";
    CHECK(normaliseSpaces(kept) == kept);
    CHECK(normaliseSpaces("\xC2") == "\xC2");
    CHECK(normaliseSpaces("x\xE2\x80") == "x\xE2\x80");
    CHECK(normaliseSpaces("") == "");
    CHECK_FALSE(isUnicodeSpace(0x200B));
    CHECK_FALSE(isUnicodeSpace(' '));
}
