#include "Theme.hpp"

#include "FontLookup.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace quiz::ui
{
namespace
{

void loadFace(sf::Font& font, const std::string& path)
{
    if (!font.loadFromFile(path))
        throw FontError("cannot load the font '" + path +
                        "' (install the Debian package fonts-dejavu-core)");
}

void requireFile(const std::string& path)
{
    if (!std::ifstream(path, std::ios::binary))
        throw FontError("cannot load the font '" + path +
                        "' (install the Debian package fonts-dejavu-core)");
}

} // namespace

double relativeLuminance(const sf::Color& color)
{
    const auto channel = [](sf::Uint8 value)
    {
        const double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

double contrastRatio(const sf::Color& a, const sf::Color& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Every colour that text is drawn in reads at WCAG AA (4.5:1) on every surface it is drawn on,
// the selected option's fill included (tests/ui/Theme.test.cpp lists the pairs).
Palette normalPalette()
{
    Palette p;
    p.background = sf::Color(22, 30, 44);
    p.backgroundAccent = sf::Color(30, 42, 62);
    p.panel = sf::Color(36, 49, 72);
    p.panelHover = sf::Color(44, 60, 88);
    p.border = sf::Color(70, 90, 124);
    p.text = sf::Color(236, 241, 248);
    p.muted = sf::Color(176, 189, 210);
    p.accent = sf::Color(92, 174, 234);
    // Dark ink on the light accent: white on a blue light enough to read as text on the
    // panels stays under 4.5:1.
    p.accentText = sf::Color(12, 18, 28);
    p.correct = sf::Color(92, 206, 136);
    p.wrong = sf::Color(255, 138, 126);
    p.critical = sf::Color(247, 186, 72);
    p.focus = sf::Color(255, 214, 92);
    p.selected = sf::Color(26, 58, 96);
    return p;
}

Palette highContrastPalette()
{
    Palette p;
    p.background = sf::Color(0, 0, 0);
    p.backgroundAccent = sf::Color(0, 0, 0);
    p.panel = sf::Color(0, 0, 0);
    p.panelHover = sf::Color(40, 40, 40);
    p.border = sf::Color(255, 255, 255);
    p.text = sf::Color(255, 255, 255);
    p.muted = sf::Color(230, 230, 230);
    p.accent = sf::Color(255, 235, 0);
    p.accentText = sf::Color(0, 0, 0);
    p.correct = sf::Color(80, 255, 140);
    p.wrong = sf::Color(255, 140, 140);
    p.critical = sf::Color(255, 190, 0);
    p.focus = sf::Color(0, 255, 255);
    p.selected = sf::Color(0, 50, 110);
    return p;
}

const sf::Font& FontSet::read(const LazyFace& face, const sf::Font& upright)
{
    if (!face.tried)
    {
        face.tried = true;
        face.font = std::make_unique<sf::Font>();
        if (face.path.empty() || !face.font->loadFromFile(face.path))
            face.font.reset();
    }
    return face.font ? *face.font : upright;
}

const sf::Font& FontSet::italic() const
{
    return read(m_italic, regular);
}

const sf::Font& FontSet::boldItalic() const
{
    return read(m_boldItalic, bold);
}

const sf::Font& FontSet::get(bool isBold, bool isItalic) const
{
    if (isBold)
        return isItalic ? boldItalic() : bold;
    return isItalic ? italic() : regular;
}

void loadFonts(FontSet& fonts, const std::string& dir)
{
    const core::Outcome<FontFiles> found = dir.empty() ? findSansFonts() : dejaVuFilesIn(dir);
    if (!found.isOk())
        throw FontError(found.getMessage());
    const FontFiles& files = found.getValue();
    loadFace(fonts.regular, files.regular);
    loadFace(fonts.bold, files.bold);
    // The oblique faces are read on first use; their files must be there all the same.
    requireFile(files.italic);
    requireFile(files.boldItalic);
    fonts.m_italic = {files.italic, nullptr, false};
    fonts.m_boldItalic = {files.boldItalic, nullptr, false};
}

Theme::Theme(const FontSet& fonts) : m_fonts(fonts), m_palette(normalPalette())
{
}

void Theme::setHighContrast(bool on)
{
    m_highContrast = on;
    m_palette = on ? highContrastPalette() : normalPalette();
    ++m_revision;
}

void Theme::setTextSizeStep(int step)
{
    static const float kScales[kTextSizeSteps] = {0.88F, 1.0F, 1.16F, 1.32F};
    m_textStep = std::clamp(step, 0, kTextSizeSteps - 1);
    m_textScale = kScales[m_textStep];
    ++m_revision;
}

void Theme::setWindowSize(float width, float height)
{
    // Designed at 1280x720; small windows keep text readable (and scroll), big ones grow
    // only so far and gain margins instead.
    const float scale = std::clamp(std::min(width / 1280.0F, height / 720.0F), 0.72F, 1.5F);
    if (scale != m_scale)
    {
        m_scale = scale;
        ++m_revision;
    }
}

float Theme::contentWidth(float windowWidth) const
{
    return std::min(windowWidth - 2.0F * px(32.0F), px(1100.0F));
}

} // namespace quiz::ui
