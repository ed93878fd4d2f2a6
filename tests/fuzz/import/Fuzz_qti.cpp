// QTI item reader: any bytes; image paths resolve under a folder that does not exist.
#include "FuzzOracle.hpp"
#include "core/import/QtiReader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    checkImportedPack(
        quiz::core::import::readQtiItem(bytes, "fuzz.xml", "/nonexistent-heparin-quiz-fuzz"));
    return 0;
}
