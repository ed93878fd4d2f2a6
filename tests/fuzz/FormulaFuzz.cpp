// libFuzzer target: any bytes as a formula over two variables, and as text with placeholders,
// must give a value or an error, never a crash, hang, leak or undefined behaviour.
#include "core/pack/Formula.hpp"
#include "core/pack/Numeric.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const quiz::core::Formula formula(text, {"weight", "conc"});
    for (const double conc : {100.0, 0.0, -1.0})
    {
        const quiz::core::FormulaResult result = formula.evaluate({70.0, conc});
        // A result is either a finite number or an error with a message.
        if (result.ok() ? !std::isfinite(result.value) : result.message.empty())
            __builtin_trap();
    }
    (void)quiz::core::formulaIdentifiers(text);
    const std::string shown =
        quiz::core::substitutePlaceholders(text, {{"weight", 70.0}, {"conc", 100.0}}, 1);
    (void)shown;
    std::string message;
    (void)quiz::core::parseTypedNumber(text, message);
    return 0;
}
