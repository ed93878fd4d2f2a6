// GIFT reader: any bytes (so also the Windows-1252 path), then the imported-pack oracle.
#include "FuzzOracle.hpp"
#include "core/import/GiftReader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    checkImportedPack(quiz::core::import::readGift(bytes, "fuzz.gift"));
    return 0;
}
