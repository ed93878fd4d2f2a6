// libFuzzer target: any bytes through the loader and the checker must give diagnostics, never a
// crash, hang, leak or undefined behaviour. The same bytes also go through both XML readers:
// whatever our one-pass tree reader accepts, TinyXML2 must accept and read the same way.
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "support/XmlAgreement.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    quiz::core::LoadResult result =
        quiz::core::PackLoader().loadString(bytes, "fuzz.xml", "/nonexistent");
    if (result.pack)
    {
        quiz::core::CheckOptions options;
        options.today = "2026-11-25";
        quiz::core::PackChecker(options).check(*result.pack, result.diagnostics);
    }
    for (const quiz::core::Diagnostic& diagnostic : result.diagnostics.getAll())
    {
        // Formatting every diagnostic exercises the message paths too.
        if (diagnostic.format().empty())
            __builtin_trap();
    }
    const quiz::test::XmlAgreement agreement = quiz::test::compareXmlReaders(bytes);
    if (!agreement.difference.empty())
    {
        std::fprintf(stderr, "XML readers disagree: %s\n", agreement.difference.c_str());
        __builtin_trap();
    }
    return 0;
}
