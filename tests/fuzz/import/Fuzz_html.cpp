// HTML subset reader, entity decoding and base64: any bytes in every text format. The rich
// text must survive the pack writer and loader unchanged (when it is valid UTF-8).
#include "core/import/Base64.hpp"
#include "core/import/HtmlReader.hpp"
#include "core/import/TextUtil.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/util/ImageSniffer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace quiz::core;
using namespace quiz::core::import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::string decoded;
    std::string error;
    if (decodeBase64(bytes, 1U << 20U, decoded, error))
    {
        ImageInfo info;
        (void)checkImage(decoded, ImageLimits{}, info);
        if (!decodeBase64(encodeBase64(decoded, 76), 1U << 20U, decoded, error))
            std::abort();
    }
    std::size_t bad = 0;
    const std::string text = isValidUtf8(bytes, bad) ? bytes : windows1252ToUtf8(bytes);
    for (const TextFormat format :
         {TextFormat::Html, TextFormat::MoodleAuto, TextFormat::Plain, TextFormat::Markdown})
    {
        const HtmlResult result = readHtml(text, format, {true});
        if (readHtml(toHtml(result.text), TextFormat::Html).text != result.text)
        {
            std::fprintf(stderr, "toHtml round trip changed the text\n");
            std::abort();
        }
    }
    return 0;
}
