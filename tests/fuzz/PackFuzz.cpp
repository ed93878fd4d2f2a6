// libFuzzer target: any bytes through the loader and the checker must give diagnostics, never a
// crash, hang, leak or undefined behaviour.
#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"

#include <cstddef>
#include <cstdint>
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
    return 0;
}
