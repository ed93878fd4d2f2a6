#include "core/classroom/Nickname.hpp"

#include "core/classroom/Classroom.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace std::chrono_literals;

TEST_CASE("Nickname: trimmed and NFC-normalised, so one name has one spelling",
          "[core][classroom][nickname]")
{
    CHECK(cleanNickname("  Ana ", 24) == "Ana");
    // "Zoë" typed as e + combining diaeresis becomes the precomposed ë.
    CHECK(cleanNickname("Zoe\xCC\x88", 24) == "Zo\xC3\xAB");
    CHECK(cleanNickname("Bob 😀", 24) == "Bob 😀");
    CHECK(cleanNickname("Иван", 24) == "Иван"); // one script other than Latin is fine
    CHECK(cleanNickname(std::string(24, 'x'), 24) == std::string(24, 'x'));
    CHECK(cleanNickname(std::string(25, 'x'), 24).empty());
}

TEST_CASE("Nickname: controls, format, bidi, zero-width and odd spaces are refused",
          "[core][classroom][nickname]")
{
    for (const char* bad : {
             "",                // empty
             "   ",             // only spaces
             "tab\there",       // control
             "esc\x1B[31mred",  // terminal escape
             "line\nbreak",     // line break
             "A\xE2\x80\xAEna", // U+202E right-to-left override
             "A\xE2\x81\xA6na", // U+2066 left-to-right isolate
             "An\xE2\x80\x8B"
             "a", // U+200B zero-width space
             "An\xE2\x80\x8D"
             "a", // U+200D zero-width joiner
             "\xEF\xBB\xBF"
             "Ana",             // U+FEFF byte order mark
             "A\xC2\xA0na",     // U+00A0 no-break space
             "A\xE3\x80\x80na", // U+3000 ideographic space
             "\xEE\x80\x80",    // U+E000 private use
             "\xE3\x85\xA4",    // U+3164 Hangul filler (default ignorable)
             "bad\xC3",         // cut-short UTF-8
             "\xC0\xAF",        // overlong '/'
             "\xED\xA0\x80",    // a surrogate
             "\xD0\x90na",      // Cyrillic А mixed into Latin: a look-alike only
         })
        CHECK(cleanNickname(bad, 24).empty());
}

TEST_CASE("Nickname: names that look alike share a key", "[core][classroom][nickname]")
{
    CHECK(nicknameKey("Ana") == nicknameKey("ANA"));
    CHECK(nicknameKey("Ana") == nicknameKey("\xC3\x81na")); // Ána
    CHECK(nicknameKey("Zoe") == nicknameKey("Zo\xC3\xAB"));
    CHECK(nicknameKey("paypal") == nicknameKey("paypa1")); // digit one for l
    CHECK(nicknameKey("Ana") != nicknameKey("Anna"));
}

TEST_CASE("Classroom: a nickname that looks like one taken is refused",
          "[core][classroom][nickname]")
{
    Classroom c({});
    REQUIRE(c.join("Zoe", 0ms).refusal == ClassRefusal::None);
    CHECK(c.join("ZOE", 0ms).refusal == ClassRefusal::DuplicateNickname);
    CHECK(c.join("Zo\xC3\xAB", 0ms).refusal == ClassRefusal::LookAlikeNickname);
    CHECK(c.join("Zoe\xE2\x80\x8B", 0ms).refusal == ClassRefusal::BadNickname);
    CHECK(c.join("Zoey", 0ms).refusal == ClassRefusal::None);
    CHECK(c.getPlayers().size() == 2);
}
