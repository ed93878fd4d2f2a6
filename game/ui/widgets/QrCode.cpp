#include "QrCode.hpp"

#include "Button.hpp"
#include "TextBlock.hpp"
#include "ui/Theme.hpp"
#include "ui/screens/ScreenKit.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{

int QrCode::getModulePixels() const
{
    if (m_matrix.size <= 0)
        return 0;
    const float side = std::min(getBounds().width, getBounds().height);
    return std::max(0, static_cast<int>(std::floor(side / static_cast<float>(m_matrix.size))));
}

sf::FloatRect QrCode::getDrawnBounds() const
{
    const float side = static_cast<float>(getModulePixels() * m_matrix.size);
    const sf::FloatRect& b = getBounds();
    // Whole pixels, so every module edge is sharp.
    return {std::round(b.left + (b.width - side) / 2.0F),
            std::round(b.top + (b.height - side) / 2.0F), side, side};
}

void QrCode::draw(sf::RenderTarget& target, const Theme& /*theme*/) const
{
    const int module = getModulePixels();
    if (module == 0)
        return;
    const sf::FloatRect box = getDrawnBounds();
    sf::RectangleShape paper({box.width, box.height});
    paper.setPosition(box.left, box.top);
    paper.setFillColor(sf::Color::White);
    target.draw(paper);

    sf::VertexArray quads(sf::Quads);
    const float m = static_cast<float>(module);
    for (int y = 0; y < m_matrix.size; ++y)
    {
        for (int x = 0; x < m_matrix.size; ++x)
        {
            if (!m_matrix.isDark(x, y))
                continue;
            const float left = box.left + static_cast<float>(x) * m;
            const float top = box.top + static_cast<float>(y) * m;
            quads.append({{left, top}, sf::Color::Black});
            quads.append({{left + m, top}, sf::Color::Black});
            quads.append({{left + m, top + m}, sf::Color::Black});
            quads.append({{left, top + m}, sf::Color::Black});
        }
    }
    target.draw(quads);
}

std::string studentPageUrl(const std::string& address, const std::string& code)
{
    return "http://" + address + "/?code=" + code;
}

void JoinPanel::setJoin(const std::vector<std::string>& addresses, const std::string& code)
{
    if (addresses == m_addresses && code == m_code)
        return;
    m_addresses = addresses;
    m_code = code;
    m_url = addresses.empty() ? std::string() : studentPageUrl(addresses.front(), code);
    core::Outcome<net::QrMatrix> matrix = net::encodeQr(m_url);
    m_qr.setMatrix(matrix.isOk() ? std::move(matrix.getValue()) : net::QrMatrix{});
}

void JoinPanel::arrange()
{
    const sf::FloatRect& b = getBounds();
    m_qr.setBounds({b.left, b.top, b.height, b.height});
}

void JoinPanel::draw(sf::RenderTarget& target, const Theme& theme) const
{
    const Palette& c = theme.colors();
    const sf::FloatRect& b = getBounds();
    m_qr.draw(target, theme);
    const sf::FloatRect qr = m_qr.getDrawnBounds();
    const float left = qr.left + qr.width + theme.px(40.0F);
    const float width = b.left + b.width - left;
    drawBox(target, {left - theme.px(20.0F), b.top, width + theme.px(20.0F), b.height}, c.panel,
            c.accent, theme.borderWidth());
    const float inner = width - theme.px(20.0F);
    float y = b.top + theme.px(16.0F);
    drawLabel(target, theme,
              fitText(theme.fonts().regular,
                      "Scan the code, or open on the same Wi-Fi:", theme.bodySize(), inner),
              left, y, theme.bodySize(), c.muted);
    y += theme.bodySize() * 1.7F;
    // The class code sits at the bottom; the addresses share what is left, in the largest type
    // that fits (every interface, at most three).
    const float codeSize = theme.textSize(56.0F);
    const float codeTop = b.top + b.height - theme.px(12.0F) - codeSize * 1.2F;
    const float labelTop = codeTop - theme.bodySize() * 1.4F;
    const std::size_t shown =
        std::max<std::size_t>(1, std::min<std::size_t>(m_addresses.size(), 3));
    const float room = (labelTop - theme.px(8.0F) - y) / static_cast<float>(shown);
    const float big = std::min(theme.textSize(48.0F), room / 1.3F);
    if (m_addresses.empty())
        drawLabel(target, theme, "No network: only this computer can join", left, y,
                  theme.bodySize(), c.text, true);
    for (std::size_t i = 0; i < m_addresses.size() && i < shown; ++i)
    {
        const std::string url = "http://" + m_addresses[i];
        float size = big;
        while (size > theme.smallSize() && measureText(theme.fonts().bold, url, size) > inner)
            size -= 1.0F;
        drawLabel(target, theme, url, left, y, size, c.text, true);
        y += big * 1.3F;
    }
    drawLabel(target, theme, "Class code", left, labelTop, theme.bodySize(), c.muted);
    drawLabel(target, theme, m_code, left, codeTop, codeSize, c.text, true);
}

} // namespace quiz::ui
