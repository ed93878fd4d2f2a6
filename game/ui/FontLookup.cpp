#include "FontLookup.hpp"

#include <fontconfig/fontconfig.h>
#include <memory>
#include <optional>

namespace quiz::ui
{
namespace
{

struct ConfigDeleter
{
    void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
struct PatternDeleter
{
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
struct FontSetDeleter
{
    void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
struct CharSetDeleter
{
    void operator()(FcCharSet* set) const { FcCharSetDestroy(set); }
};
using ConfigPtr = std::unique_ptr<FcConfig, ConfigDeleter>;
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
using FontSetPtr = std::unique_ptr<FcFontSet, FontSetDeleter>;
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetDeleter>;

const FcChar8* bytes(const char* text)
{
    return reinterpret_cast<const FcChar8*>(text);
}

ConfigPtr makeConfig(const std::vector<std::string>& folders)
{
    if (folders.empty())
        return ConfigPtr(FcInitLoadConfigAndFonts());
    // Only the given folders, with no system rules: what a test needs to be reproducible. The
    // user's usual cache folder keeps fontconfig from complaining that it has none.
    ConfigPtr config(FcConfigCreate());
    FcConfigParseAndLoadFromMemory(
        config.get(),
        bytes("<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>"), FcFalse);
    for (const std::string& folder : folders)
        FcConfigAppFontAddDir(config.get(), bytes(folder.c_str()));
    return config;
}

std::string getString(FcPattern* pattern, const char* object, int index = 0)
{
    FcChar8* value = nullptr;
    if (FcPatternGetString(pattern, object, index, &value) != FcResultMatch || !value)
        return {};
    return reinterpret_cast<const char*>(value);
}

int getInt(FcPattern* pattern, const char* object, int fallback)
{
    int value = fallback;
    FcPatternGetInteger(pattern, object, 0, &value);
    return value;
}

bool hasFamily(FcPattern* font, const std::string& family)
{
    for (int i = 0;; ++i)
    {
        const std::string name = getString(font, FC_FAMILY, i);
        if (name.empty())
            return false;
        if (FcStrCmpIgnoreCase(bytes(name.c_str()), bytes(family.c_str())) == 0)
            return true;
    }
}

/// The file of `family` at this weight and slant, if fontconfig's best match is that family
/// with (at least) the asked-for weight and slant.
std::optional<std::string> matchFace(FcConfig* config, const std::string& family, int weight,
                                     int slant)
{
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, bytes(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, slant);
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    PatternPtr font(FcFontMatch(config, pattern.get(), &result));
    if (!font || !hasFamily(font.get(), family))
        return std::nullopt;
    const bool boldEnough = weight < FC_WEIGHT_BOLD ||
                            getInt(font.get(), FC_WEIGHT, FC_WEIGHT_REGULAR) >= FC_WEIGHT_DEMIBOLD;
    const bool slanted =
        slant == FC_SLANT_ROMAN || getInt(font.get(), FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN;
    const std::string file = getString(font.get(), FC_FILE);
    if (!boldEnough || !slanted || file.empty())
        return std::nullopt;
    return file;
}

/// The four faces of `family`, or nothing when it has no regular face.
std::optional<FontFiles> familyFiles(FcConfig* config, const std::string& family)
{
    const auto regular = matchFace(config, family, FC_WEIGHT_REGULAR, FC_SLANT_ROMAN);
    if (!regular)
        return std::nullopt;
    FontFiles files;
    files.family = family;
    files.regular = *regular;
    files.bold = matchFace(config, family, FC_WEIGHT_BOLD, FC_SLANT_ROMAN).value_or(*regular);
    files.italic = matchFace(config, family, FC_WEIGHT_REGULAR, FC_SLANT_ITALIC).value_or(*regular);
    files.boldItalic =
        matchFace(config, family, FC_WEIGHT_BOLD, FC_SLANT_ITALIC).value_or(files.bold);
    return files;
}

CharSetPtr requiredCharSet()
{
    CharSetPtr set(FcCharSetCreate());
    for (const char32_t glyph : getRequiredGlyphs())
        FcCharSetAddChar(set.get(), static_cast<FcChar32>(glyph));
    return set;
}

/// A face SFML reads well that is neither monospace nor a serif family.
bool isUsableSansFace(FcPattern* font, const FcCharSet* required)
{
    const std::string format = getString(font, FC_FONTFORMAT);
    const std::string family = getString(font, FC_FAMILY);
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch ||
        !FcCharSetIsSubset(required, charset))
        return false;
    if (format != "TrueType" && format != "CFF")
        return false;
    if (getInt(font, FC_SPACING, FC_PROPORTIONAL) >= FC_MONO)
        return false;
    return family.find("Serif") == std::string::npos || family.find("Sans") != std::string::npos;
}

/// The installed sans family closest to DejaVu Sans that has every required glyph.
std::optional<FontFiles> fallbackFamily(FcConfig* config)
{
    const CharSetPtr required = requiredCharSet();
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, bytes("sans-serif"));
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, required.get());
    FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    const FontSetPtr sorted(FcFontSort(config, pattern.get(), FcFalse, nullptr, &result));
    if (!sorted)
        return std::nullopt;
    for (int i = 0; i < sorted->nfont; ++i)
    {
        FcPattern* font = sorted->fonts[i];
        if (!isUsableSansFace(font, required.get()))
            continue;
        if (auto files = familyFiles(config, getString(font, FC_FAMILY)))
            return files;
    }
    return std::nullopt;
}

} // namespace

const std::u32string& getRequiredGlyphs()
{
    static const std::u32string glyphs = []
    {
        std::u32string text;
        for (char32_t c = U' '; c <= U'~'; ++c)
            text += c;
        // Beyond ASCII, what the shipped packs use (a test keeps this list complete).
        return text + U"\u00B0\u00B3\u00B5\u00D7\u00F7\u00FC\u2013\u2192\u2212\u2248";
    }();
    return glyphs;
}

core::Outcome<FontFiles> findSansFonts(const std::vector<std::string>& folders)
{
    const ConfigPtr config = makeConfig(folders);
    if (!config)
        return core::Outcome<FontFiles>::failure(
            "cannot read the font configuration (fontconfig); install the Debian package "
            "fonts-dejavu-core or pass --font-dir DIR");
    if (auto files = familyFiles(config.get(), "DejaVu Sans"))
        return *files;
    if (auto files = fallbackFamily(config.get()))
        return *files;
    return core::Outcome<FontFiles>::failure(
        "no usable font: DejaVu Sans is not installed and no installed sans face has every "
        "character the packs use (install the Debian package fonts-dejavu-core, or pass "
        "--font-dir DIR)");
}

FontFiles dejaVuFilesIn(const std::string& dir)
{
    return {"DejaVu Sans", dir + "/DejaVuSans.ttf", dir + "/DejaVuSans-Bold.ttf",
            dir + "/DejaVuSans-Oblique.ttf", dir + "/DejaVuSans-BoldOblique.ttf"};
}

} // namespace quiz::ui
