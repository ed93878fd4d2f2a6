#include "core/util/Text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quiz::core;

TEST_CASE("isFolded: true exactly when foldWhiteSpace leaves the text as it is",
          "[core][util][text]")
{
    // Every text of up to six characters from a letter and the four XML white-space bytes.
    const std::string alphabet = "a \t\n\r";
    std::size_t folded = 0;
    std::size_t texts = 0;
    for (std::size_t length = 0; length <= 6; ++length)
    {
        std::size_t combinations = 1;
        for (std::size_t i = 0; i < length; ++i)
            combinations *= alphabet.size();
        for (std::size_t n = 0; n < combinations; ++n)
        {
            std::string text;
            for (std::size_t i = 0, rest = n; i < length; ++i, rest /= alphabet.size())
                text += alphabet[rest % alphabet.size()];
            INFO('"' + text + '"');
            CHECK(isFolded(text) == (foldWhiteSpace(text) == text));
            folded += isFolded(text) ? 1 : 0;
            ++texts;
        }
    }
    CHECK(texts == 19531);
    CHECK(folded > 20);
    CHECK(isFolded("Dose 5 mL"));
    CHECK_FALSE(isFolded("Dose  5 mL"));
    CHECK_FALSE(isFolded(" Dose"));
    CHECK_FALSE(isFolded("Dose\n5"));
}
