#include "net/QrMatrix.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace
{

using quiz::net::QrMatrix;

/// True when the 7x7 finder pattern has its top-left module at (x, y) of the symbol: a dark
/// ring, a light ring, a dark 3x3 centre, and a light separator around it (inside the symbol).
bool hasFinder(const QrMatrix& m, int x, int y)
{
    const int q = m.quietZone;
    for (int dy = -1; dy <= 7; ++dy)
    {
        for (int dx = -1; dx <= 7; ++dx)
        {
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
            const bool expected = ring == 3 || ring <= 1;
            if (ring == 4)
            {
                // The separator: light wherever it lies inside the symbol.
                const int sx = x + dx;
                const int sy = y + dy;
                if (sx >= 0 && sy >= 0 && sx < m.getSymbolSize() && sy < m.getSymbolSize() &&
                    m.isDark(q + sx, q + sy))
                    return false;
                continue;
            }
            if (m.isDark(q + x + dx, q + y + dy) != expected)
                return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("QrMatrix: a class URL becomes a symbol with its quiet zone and three finders",
          "[net][web][qr]")
{
    const auto outcome = quiz::net::encodeQr("http://192.168.100.200:47100/?code=K7QX9M");
    REQUIRE(outcome.isOk());
    const QrMatrix& m = outcome.getValue();
    CHECK(m.quietZone == 4);
    const int symbol = m.getSymbolSize();
    CHECK(m.size == symbol + 8);
    // 21 modules for version 1, 4 more per version; 42 bytes at level M need version 3.
    CHECK((symbol - 21) % 4 == 0);
    CHECK(symbol == 29);
    CHECK(m.dark.size() == static_cast<std::size_t>(m.size * m.size));

    // Finders at three corners and none at the fourth.
    CHECK(hasFinder(m, 0, 0));
    CHECK(hasFinder(m, symbol - 7, 0));
    CHECK(hasFinder(m, 0, symbol - 7));
    CHECK_FALSE(hasFinder(m, symbol - 7, symbol - 7));

    // Timing patterns alternate between the finders, along row 6 and column 6.
    for (int i = 8; i < symbol - 8; ++i)
    {
        CHECK(m.isDark(m.quietZone + i, m.quietZone + 6) == (i % 2 == 0));
        CHECK(m.isDark(m.quietZone + 6, m.quietZone + i) == (i % 2 == 0));
    }
    // The dark module beside the lower-left finder is always there.
    CHECK(m.isDark(m.quietZone + 8, m.quietZone + symbol - 8));

    // The quiet zone is light all round.
    int darkInQuiet = 0;
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x)
        {
            const bool inside = x >= m.quietZone && y >= m.quietZone && x < m.size - m.quietZone &&
                                y < m.size - m.quietZone;
            if (!inside && m.isDark(x, y))
                ++darkInQuiet;
        }
    CHECK(darkInQuiet == 0);
    CHECK_FALSE(m.isDark(-1, 0));
    CHECK_FALSE(m.isDark(m.size, 0));
}

TEST_CASE("QrMatrix: the same text gives the same modules, another text others", "[net][web][qr]")
{
    const auto a = quiz::net::encodeQr("http://10.0.0.5:47100/?code=ABCDEF");
    const auto b = quiz::net::encodeQr("http://10.0.0.5:47100/?code=ABCDEF");
    const auto c = quiz::net::encodeQr("http://10.0.0.5:47100/?code=ABCDEG");
    REQUIRE(a.isOk());
    REQUIRE(b.isOk());
    REQUIRE(c.isOk());
    CHECK(a.getValue().dark == b.getValue().dark);
    CHECK(a.getValue().dark != c.getValue().dark);
}

TEST_CASE("QrMatrix: empty, NUL-holding and oversized texts are refused with a message",
          "[net][web][qr]")
{
    const auto empty = quiz::net::encodeQr("");
    CHECK_FALSE(empty.isOk());
    CHECK(empty.getMessage() == "nothing to put in a QR code");
    const auto nul = quiz::net::encodeQr(std::string("http://a\0b", 10));
    CHECK_FALSE(nul.isOk());
    CHECK(nul.getMessage() == "a QR code text cannot hold a NUL byte");
    // Version 40 at level M holds 2,331 bytes.
    const auto huge = quiz::net::encodeQr(std::string(3000, 'x'));
    CHECK_FALSE(huge.isOk());
    CHECK(huge.getMessage() == "the text is too long for a QR code (3000 bytes)");
    const auto largest = quiz::net::encodeQr(std::string(2331, 'x'));
    REQUIRE(largest.isOk());
    CHECK(largest.getValue().getSymbolSize() == 177);
}
