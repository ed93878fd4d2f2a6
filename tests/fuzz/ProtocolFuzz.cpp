// libFuzzer entry: arbitrary bytes through the stream decoder, cut at a data-chosen point so
// partial reads are exercised too. Every decoded message must re-encode and decode equal.
#include "net/Protocol.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace quiz::net;
    const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
    StreamDecoder decoder(kMaxStudentFrameBytes);
    for (int part = 0; part < 2; ++part)
    {
        const std::uint8_t* begin = part == 0 ? data : data + cut;
        const std::size_t length = part == 0 ? cut : size - cut;
        if (!decoder.feed(begin, length))
            break;
        while (std::optional<Message> message = decoder.next())
        {
            const std::vector<std::uint8_t> bytes = encode(*message);
            const DecodeResult again =
                decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes);
            if (!again.message || !(*again.message == *message))
                std::abort();
        }
    }
    return 0;
}
