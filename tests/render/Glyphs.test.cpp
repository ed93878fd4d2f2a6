// Every character the shipped packs and the import fixtures bring is one the game's fonts can
// draw: a character without a glyph is drawn as a box or a dot, and a dot in dose text reads
// as a decimal point.
#include "core/import/Importer.hpp"
#include "core/util/Spaces.hpp"
#include "ui/Theme.hpp"
#include "ui/widgets/TextBlock.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/System/String.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace quiz;
namespace fs = std::filesystem;

namespace
{

using Found = std::map<sf::Uint32, std::string>; ///< code point -> where it was first seen

void collect(const std::string& utf8, const std::string& where, Found& found)
{
    const sf::String text = sf::String::fromUtf8(utf8.begin(), utf8.end());
    for (std::size_t i = 0; i < text.getSize(); ++i)
    {
        if (text[i] >= 0x80 && !core::isUnicodeSpace(static_cast<char32_t>(text[i])))
            found.emplace(text[i], where);
    }
}

void collect(const core::RichText& text, const std::string& where, Found& found)
{
    collect(text.toPlain(), where, found);
}

void collectImported(const std::string& path, Found& found)
{
    const core::import::ReadResult read =
        core::import::readInput(path, core::import::SourceFormat::Auto);
    for (const core::import::ImportedQuestion& imported : read.questions)
    {
        const core::Question& q = imported.question;
        collect(q.stem, path, found);
        collect(q.explanation, path, found);
        for (const core::Option& option : q.options)
        {
            collect(option.text, path, found);
            collect(option.rationale, path, found);
        }
        for (const core::RichText& hint : q.hints)
            collect(hint, path, found);
        for (const core::OutcomeFeedback& feedback : q.feedback)
            collect(feedback.text, path, found);
        for (const std::string& title : imported.category)
            collect(title, path, found);
    }
}

/// SFML draws the font's "missing" glyph for a character the font lacks; one no font has
/// (a private-use code point) shows what that glyph looks like.
bool drawable(const sf::Font& font, sf::Uint32 c)
{
    const sf::Glyph missing = font.getGlyph(0x10FFFD, 24, false);
    const sf::Glyph glyph = font.getGlyph(c, 24, false);
    return glyph.advance != missing.advance || glyph.bounds != missing.bounds;
}

} // namespace

TEST_CASE("Fonts: every character in questions/ and in the imported fixtures has a glyph",
          "[render][display][text]")
{
    Found found;
    const std::string source = QUIZ_SOURCE_DIR;
    for (const fs::directory_entry& entry : fs::directory_iterator(source + "/questions"))
    {
        if (entry.path().extension() != ".xml")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        collect(bytes.str(), entry.path().string(), found);
    }
    const std::string data = source + "/tests/data/import/";
    for (const char* input :
         {"moodle/heparin-bank.xml", "gift/heparin.gift", "gift/windows-1252.gift", "qti/v21",
          "qti/v30", "qti/package/imsmanifest.xml"})
        collectImported(data + input, found);
    REQUIRE(found.size() > 5); // the fixtures do carry characters beyond ASCII

    ui::FontSet fonts;
    ui::loadFonts(fonts);
    // The check can fail: the faces have no ideographic space, which the renderer therefore
    // draws as a plain space.
    CHECK_FALSE(drawable(fonts.regular, 0x3000));
    CHECK(drawable(fonts.regular, 0xB5)); // micro sign
    const sf::Font* faces[] = {&fonts.regular, &fonts.bold, &fonts.italic(), &fonts.boldItalic()};
    for (const auto& [codePoint, where] : found)
    {
        for (const sf::Font* face : faces)
        {
            INFO("U+" << std::hex << std::uppercase << codePoint << " from " << where << " in "
                      << face->getInfo().family);
            CHECK(drawable(*face, codePoint));
        }
    }
}
