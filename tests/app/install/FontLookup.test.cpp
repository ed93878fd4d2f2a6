// Fonts come through fontconfig: DejaVu Sans by name, else a sans face with every character the
// packs use, else a clear failure. Isolated folders make the fallback cases reproducible.
#include "ui/FontLookup.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace fs = std::filesystem;
using quiz::ui::findSansFonts;
using quiz::ui::FontFiles;

namespace
{

const fs::path kDejaVu = "/usr/share/fonts/truetype/dejavu";
const fs::path kLiberation = "/usr/share/fonts/truetype/liberation";

/// A folder holding links to just these font files.
fs::path fontFolder(const std::string& name, const std::vector<fs::path>& files)
{
    const fs::path dir = fs::temp_directory_path() / ("heparin-quiz-fonts-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const fs::path& file : files)
        fs::create_symlink(file, dir / file.filename());
    return dir;
}

/// The code points of a UTF-8 text (the packs are valid UTF-8: the loader checks it).
std::set<char32_t> codePoints(const std::string& text)
{
    std::set<char32_t> points;
    for (std::size_t i = 0; i < text.size();)
    {
        const auto lead = static_cast<unsigned char>(text[i]);
        const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t point = length == 1 ? lead : lead & (0x7F >> length);
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        points.insert(point);
        i += static_cast<std::size_t>(length);
    }
    return points;
}

/// The faces as "family|regular|bold|italic|boldItalic" with the folder left out, so one
/// comparison shows every face that differs.
std::string describe(const FontFiles& files, const fs::path& dir)
{
    const auto name = [&](const std::string& file)
    { return fs::path(file).parent_path() == dir ? fs::path(file).filename().string() : file; };
    return files.family + "|" + name(files.regular) + "|" + name(files.bold) + "|" +
           name(files.italic) + "|" + name(files.boldItalic);
}

/// What findSansFonts finds in `folder` ("" = the system's fonts), described against `dir`;
/// a failure gives "failed: " and its message.
std::string lookUp(const fs::path& folder, const fs::path& dir)
{
    const auto found = folder.empty() ? findSansFonts() : findSansFonts({folder.string()});
    return found.isOk() ? describe(found.getValue(), dir) : "failed: " + found.getMessage();
}

} // namespace

TEST_CASE("FontLookup: DejaVu Sans is found by name, the four faces the goldens were drawn with",
          "[install][fonts]")
{
    CHECK(lookUp("", kDejaVu) ==
          "DejaVu Sans|DejaVuSans.ttf|DejaVuSans-Bold.ttf|DejaVuSans-Oblique.ttf|"
          "DejaVuSans-BoldOblique.ttf");
}

TEST_CASE("FontLookup: without DejaVu Sans another sans face with the packs' glyphs stands in",
          "[install][fonts]")
{
    const fs::path dir = fontFolder(
        "liberation",
        {kLiberation / "LiberationSans-Regular.ttf", kLiberation / "LiberationSans-Bold.ttf",
         kLiberation / "LiberationSans-Italic.ttf", kLiberation / "LiberationSans-BoldItalic.ttf",
         kLiberation / "LiberationMono-Regular.ttf", kDejaVu / "DejaVuSerif.ttf"});
    CHECK(lookUp(dir, dir) == "Liberation Sans|LiberationSans-Regular.ttf|LiberationSans-Bold.ttf|"
                              "LiberationSans-Italic.ttf|LiberationSans-BoldItalic.ttf");
}

TEST_CASE("FontLookup: a sans family with only a regular face repeats it for the others",
          "[install][fonts]")
{
    const fs::path dir = fontFolder("regular-only", {kLiberation / "LiberationSans-Regular.ttf"});
    CHECK(lookUp(dir, dir) ==
          "Liberation Sans|LiberationSans-Regular.ttf|LiberationSans-Regular.ttf|"
          "LiberationSans-Regular.ttf|LiberationSans-Regular.ttf");
}

TEST_CASE("FontLookup: with no sans face but monospace and serif ones the failure says what "
          "to install",
          "[install][fonts]")
{
    const fs::path dir =
        fontFolder("no-sans", {kLiberation / "LiberationMono-Regular.ttf",
                               kDejaVu / "DejaVuSansMono.ttf", kDejaVu / "DejaVuSerif.ttf"});
    const auto found = findSansFonts({dir.string()});
    REQUIRE_FALSE(found.isOk());
    CHECK(found.getMessage().find("fonts-dejavu-core") != std::string::npos);
    CHECK(found.getMessage().find("--font-dir") != std::string::npos);

    const fs::path empty = fontFolder("empty", {});
    CHECK_FALSE(findSansFonts({empty.string()}).isOk());
}

TEST_CASE("FontLookup: the required glyphs cover every character of the shipped packs",
          "[install][fonts]")
{
    const std::u32string& required = quiz::ui::getRequiredGlyphs();
    const std::set<char32_t> have(required.begin(), required.end());
    std::set<char32_t> missing;
    int packs = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(QUIZ_SOURCE_DIR) / "questions"))
    {
        if (entry.path().extension() != ".xml")
            continue;
        ++packs;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        for (const char32_t point : codePoints(text))
            if (point >= 0x20 && have.count(point) == 0)
                missing.insert(point);
    }
    CHECK(packs >= 5);
    INFO("code points used by a pack but missing from getRequiredGlyphs(): " << missing.size());
    for (const char32_t point : missing)
        UNSCOPED_INFO("U+" << std::hex << static_cast<unsigned>(point));
    CHECK(missing.empty());
}
