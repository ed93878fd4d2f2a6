// Moodle XML reader: any bytes, then the imported-pack oracle.
#include "FuzzOracle.hpp"
#include "core/import/MoodleReader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    checkImportedPack(quiz::core::import::readMoodleXml(bytes, "fuzz.xml"));
    return 0;
}
