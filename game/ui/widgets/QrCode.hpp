#pragma once

#include "Widget.hpp"
#include "net/QrMatrix.hpp"

#include <string>
#include <vector>

namespace quiz::ui
{

/// A QR code drawn module by module: black on a white square that includes the quiet zone,
/// whatever the theme (readers need dark on light). Each module is a whole number of pixels,
/// as large as fits the bounds, and the symbol is centred in them.
class QrCode : public Widget
{
public:
    void setMatrix(net::QrMatrix matrix) { m_matrix = std::move(matrix); }
    [[nodiscard]] const net::QrMatrix& getMatrix() const { return m_matrix; }
    /// Pixels a side of one module at the current bounds (0 when nothing fits).
    [[nodiscard]] int getModulePixels() const;
    /// The square actually drawn (quiet zone included), inside the bounds.
    [[nodiscard]] sf::FloatRect getDrawnBounds() const;
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    net::QrMatrix m_matrix;
};

/// The projector's "how to join" panel for a live class: a QR code that opens the student page
/// with the class code filled in, beside the page's address for every LAN interface in large
/// type and the class code. The QR code takes the panel's full height (make that at least a
/// quarter of the screen so it reads from the back of a room).
class JoinPanel : public Widget
{
public:
    /// `addresses` are "IP:port", the first one goes in the QR code; re-encodes only on change.
    void setJoin(const std::vector<std::string>& addresses, const std::string& code);
    /// The URL in the QR code: http://ADDRESS:PORT/?code=CODE ("" when there is no address).
    [[nodiscard]] const std::string& getUrl() const { return m_url; }
    [[nodiscard]] const QrCode& getQrCode() const { return m_qr; }
    /// Lays the QR code out in the bounds (call after setBounds).
    void arrange();
    void draw(sf::RenderTarget& target, const Theme& theme) const override;

private:
    QrCode m_qr;
    std::vector<std::string> m_addresses;
    std::string m_code;
    std::string m_url;
};

/// The student page's address for `address` ("IP:port") with the class code filled in.
[[nodiscard]] std::string studentPageUrl(const std::string& address, const std::string& code);

} // namespace quiz::ui
