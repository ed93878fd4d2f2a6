#include "QrMatrix.hpp"

#include <memory>
#include <qrencode.h>
#include <string>

namespace quiz::net
{

core::Outcome<QrMatrix> encodeQr(std::string_view text)
{
    if (text.empty())
        return core::Outcome<QrMatrix>::failure("nothing to put in a QR code");
    if (text.find('\0') != std::string_view::npos)
        return core::Outcome<QrMatrix>::failure("a QR code text cannot hold a NUL byte");
    const std::string bytes(text);
    // 8-bit mode keeps the URL exactly as written (lower case and all); version 0 lets the
    // library pick the smallest symbol that holds it.
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString8bit(bytes.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (code == nullptr)
        return core::Outcome<QrMatrix>::failure("the text is too long for a QR code (" +
                                                std::to_string(bytes.size()) + " bytes)");
    QrMatrix matrix;
    matrix.quietZone = kQrQuietZone;
    matrix.size = code->width + 2 * kQrQuietZone;
    matrix.dark.assign(static_cast<std::size_t>(matrix.size * matrix.size), false);
    for (int y = 0; y < code->width; ++y)
    {
        for (int x = 0; x < code->width; ++x)
        {
            // Bit 0 of each byte is the module's colour; the other bits describe its role.
            const unsigned char module = code->data[y * code->width + x];
            matrix.dark[static_cast<std::size_t>((y + kQrQuietZone) * matrix.size + x +
                                                 kQrQuietZone)] = (module & 1U) != 0;
        }
    }
    return matrix;
}

} // namespace quiz::net
