// libFuzzer entry: arbitrary bytes through the message decoder, as a student's and as the
// host's. Every decoded message must re-encode and decode equal, and nothing may crash.
#include "net/Protocol.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace quiz::net;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (Sender from : {Sender::Student, Sender::Host})
    {
        const DecodeResult result = decode(text, from);
        if (!result.message)
        {
            if (result.error == Reason::None)
                std::abort(); // a failure always says why
            continue;
        }
        const DecodeResult again = decode(encode(*result.message), Sender::Host);
        const DecodeResult againStudent = decode(encode(*result.message), Sender::Student);
        const DecodeResult& back = again.message ? again : againStudent;
        if (!back.message || !(*back.message == *result.message))
            std::abort();
    }
    return 0;
}
