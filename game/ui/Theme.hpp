#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>

#include <memory>
#include <stdexcept>
#include <string>

namespace quiz::ui
{

/// Thrown at start-up when a font cannot be found or read; main reports it and exits non-zero.
class FontError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The four DejaVu Sans faces rich text needs. Regular and bold are read by loadFonts; the
/// oblique faces only when some text first asks for them (most screens never do), since every
/// face opened keeps its tables and glyph pages in memory.
class FontSet
{
public:
    sf::Font regular;
    sf::Font bold;

    /// The oblique faces, read on first use. Should the file no longer read by then, the upright
    /// face of the same weight stands in (loadFonts has checked that the files are there).
    [[nodiscard]] const sf::Font& italic() const;
    [[nodiscard]] const sf::Font& boldItalic() const;
    [[nodiscard]] const sf::Font& get(bool isBold, bool isItalic) const;

private:
    friend void loadFonts(FontSet& fonts, const std::string& dir);

    /// A face read from `path` on first use; `tried` keeps a failed read from repeating.
    struct LazyFace
    {
        std::string path;
        mutable std::unique_ptr<sf::Font> font;
        mutable bool tried = false;
    };
    static const sf::Font& read(const LazyFace& face, const sf::Font& upright);

    LazyFace m_italic;
    LazyFace m_boldItalic;
};

/// Loads DejaVu Sans from `dir`, or with `dir` empty the faces fontconfig finds (findSansFonts:
/// DejaVu Sans, else a sans face with the packs' glyphs). Throws FontError naming the file that
/// is missing or unreadable, or saying that no usable font is installed.
void loadFonts(FontSet& fonts, const std::string& dir = "");

struct Palette
{
    sf::Color background;
    sf::Color backgroundAccent; ///< the soft band behind headers
    sf::Color panel;
    sf::Color panelHover;
    sf::Color border;
    sf::Color text;
    sf::Color muted;
    sf::Color accent;
    sf::Color accentText;
    sf::Color correct;
    sf::Color wrong;
    sf::Color critical;
    sf::Color focus;
    sf::Color selected;
};

/// WCAG 2 relative luminance of an sRGB colour (alpha ignored), 0 (black) .. 1 (white).
[[nodiscard]] double relativeLuminance(const sf::Color& color);
/// WCAG 2 contrast ratio of two colours, 1 .. 21 (AA asks 4.5 for text, 3 for large text).
[[nodiscard]] double contrastRatio(const sf::Color& a, const sf::Color& b);

/// The two palettes the theme switches between (normal and high contrast).
[[nodiscard]] Palette normalPalette();
[[nodiscard]] Palette highContrastPalette();

/// Colours, fonts and sizes. Sizes scale with the window (designed at 1280x720) and with the
/// player's text-size step, so every layout asks the theme instead of using raw pixels.
class Theme
{
public:
    static constexpr int kTextSizeSteps = 4;

    explicit Theme(const FontSet& fonts);

    void setHighContrast(bool on);
    [[nodiscard]] bool isHighContrast() const { return m_highContrast; }
    /// 0 (small) .. kTextSizeSteps-1 (largest); clamped.
    void setTextSizeStep(int step);
    [[nodiscard]] int getTextSizeStep() const { return m_textStep; }
    /// Recomputes the scale for a window of this size in pixels.
    void setWindowSize(float width, float height);

    [[nodiscard]] const Palette& colors() const { return m_palette; }
    [[nodiscard]] const FontSet& fonts() const { return m_fonts; }
    /// A layout length designed at 1280x720, scaled to the current window.
    [[nodiscard]] float px(float designed) const { return designed * m_scale; }
    /// A text size designed at 1280x720, scaled by the window and the text-size step.
    [[nodiscard]] float textSize(float designed) const { return designed * m_scale * m_textScale; }
    [[nodiscard]] float bodySize() const { return textSize(21.0F); }
    [[nodiscard]] float smallSize() const { return textSize(17.0F); }
    [[nodiscard]] float headingSize() const { return textSize(30.0F); }
    [[nodiscard]] float borderWidth() const { return m_highContrast ? 3.0F : 2.0F; }
    /// Width of the centred content column: wide screens get margins, not stretched lines.
    [[nodiscard]] float contentWidth(float windowWidth) const;
    /// A number that changes whenever any size or colour changes (layouts cache on it).
    [[nodiscard]] unsigned getRevision() const { return m_revision; }

private:
    const FontSet& m_fonts;
    Palette m_palette;
    bool m_highContrast = false;
    int m_textStep = 1;
    float m_scale = 1.0F;
    float m_textScale = 1.0F;
    unsigned m_revision = 1;
};

} // namespace quiz::ui
