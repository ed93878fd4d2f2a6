#include "net/Protocol.hpp"

#include <catch2/catch.hpp>

using namespace quiz::net;

namespace
{

quiz::core::RichText styled()
{
    quiz::core::RichText text;
    text.append("aPTT ");
    text.append("60", true);
    text.append("2", false, false, quiz::core::Script::Super);
    text.appendBreak();
    text.append("seconds", false, true);
    return text;
}

std::vector<Message> samples()
{
    QuestionShow question;
    question.index = 3;
    question.total = 20;
    question.questionId = "mech-03";
    question.multiple = true;
    question.stem = styled();
    question.options = {{"a", "A", quiz::core::RichText::fromPlain("Antithrombin")},
                        {"b", "B", styled()}};
    question.timeLimitMs = 30000;
    question.timeLeftMs = 12345;

    Reveal reveal;
    reveal.index = 3;
    reveal.correctIds = {"a", "c"};
    reveal.distribution = {{"a", 12}, {"b", 0}, {"c", 7}};
    reveal.answeredCount = 19;
    reveal.explanation = styled();
    reveal.rationales = {{"a", quiz::core::RichText::fromPlain("Yes.")}, {"b", styled()}};
    reveal.answered = true;
    reveal.correct = false;
    reveal.partial = true;
    reveal.points = 500;
    reveal.score = -1;
    reveal.streak = 0;

    Leaderboard board;
    board.top = {{1, "Ana", 3000, 3}, {1, "Bo", 3000, 3}, {3, "Cy", 10, 0}};
    board.you = {3, "Cy", 10, 0};
    End end;
    end.standings = board.top;
    end.you = {1, "Ana", 3000, 3};

    return {Hello{kProtocolVersion, "K7Q2", "Ana"},
            Welcome{"Ana", true, 4200, WirePhase::Reveal},
            Refuse{Reason::DuplicateNickname, "that nickname is taken"},
            Lobby{42, true, {"Ana", "Bo"}},
            question,
            Answer{3, {"a", "c"}},
            Ack{3, false, Reason::NotAnswerPhase},
            reveal,
            board,
            end,
            Kick{"bye"},
            Ping{0xDEADBEEF, true},
            Control{"next"},
            Pause{true, 12500}};
}

std::vector<Message> decodeAll(StreamDecoder& decoder)
{
    std::vector<Message> out;
    while (std::optional<Message> message = decoder.next())
        out.push_back(std::move(*message));
    return out;
}

std::vector<std::uint8_t> frame(std::uint32_t length, std::vector<std::uint8_t> body)
{
    std::vector<std::uint8_t> out = {
        static_cast<std::uint8_t>(length >> 24), static_cast<std::uint8_t>(length >> 16),
        static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)};
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

} // namespace

TEST_CASE("Protocol: every message type survives an encode/decode round trip", "[net][protocol]")
{
    for (const Message& message : samples())
    {
        INFO(toString(getType(message)));
        const std::vector<std::uint8_t> bytes = encode(message);
        REQUIRE(bytes.size() > kHeaderBytes);
        const DecodeResult result =
            decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes);
        REQUIRE(result.error == DecodeError::None);
        REQUIRE(result.message.has_value());
        CHECK(*result.message == message);
    }
}

TEST_CASE("Protocol: the stream decoder handles one byte at a time", "[net][protocol]")
{
    std::vector<std::uint8_t> stream;
    for (const Message& message : samples())
        encode(message, stream);
    StreamDecoder decoder(kMaxHostFrameBytes);
    std::vector<Message> got;
    for (std::uint8_t byte : stream)
    {
        REQUIRE(decoder.feed(&byte, 1));
        for (Message& m : decodeAll(decoder))
            got.push_back(std::move(m));
    }
    CHECK(got == samples());
    CHECK(decoder.getBufferedBytes() == 0);
}

TEST_CASE("Protocol: the stream decoder splits several messages from one read", "[net][protocol]")
{
    std::vector<std::uint8_t> stream;
    encode(Answer{1, {"a"}}, stream);
    encode(Ping{7, true}, stream);
    encode(Answer{2, {"b"}}, stream);
    // Half of a fourth message stays buffered until the rest arrives.
    std::vector<std::uint8_t> fourth = encode(Hello{kProtocolVersion, "X", "Bo"});
    stream.insert(stream.end(), fourth.begin(), fourth.begin() + 6);

    StreamDecoder decoder(kMaxStudentFrameBytes);
    REQUIRE(decoder.feed(stream.data(), stream.size()));
    const std::vector<Message> got = decodeAll(decoder);
    REQUIRE(got.size() == 3);
    CHECK(std::get<Answer>(got[2]) == Answer{2, {"b"}});
    CHECK(decoder.getBufferedBytes() == 6);

    REQUIRE(decoder.feed(fourth.data() + 6, fourth.size() - 6));
    const std::vector<Message> rest = decodeAll(decoder);
    REQUIRE(rest.size() == 1);
    CHECK(std::get<Hello>(rest[0]).nickname == "Bo");
}

TEST_CASE("Protocol: a declared length over the cap fails from the header alone",
          "[net][protocol][hostile]")
{
    StreamDecoder decoder(kMaxStudentFrameBytes);
    // Only the 4 header bytes: the decoder must refuse without waiting for a 2 GiB body.
    const std::vector<std::uint8_t> header = frame(0x7FFFFFFF, {});
    CHECK_FALSE(decoder.feed(header.data(), header.size()));
    CHECK(decoder.getError() == DecodeError::Oversized);
    CHECK_FALSE(decoder.next().has_value());
    // It stays failed.
    const std::vector<std::uint8_t> ok = encode(Ping{1, true});
    CHECK_FALSE(decoder.feed(ok.data(), ok.size()));
}

TEST_CASE("Protocol: an oversized frame after a good one is caught", "[net][protocol][hostile]")
{
    std::vector<std::uint8_t> stream = encode(Ping{1, true});
    const std::vector<std::uint8_t> big = frame(kMaxStudentFrameBytes + 1, {1, 6});
    stream.insert(stream.end(), big.begin(), big.end());
    StreamDecoder decoder(kMaxStudentFrameBytes);
    decoder.feed(stream.data(), stream.size());
    CHECK(decodeAll(decoder).size() == 1);
    CHECK(decoder.getError() == DecodeError::Oversized);
}

TEST_CASE("Protocol: wrong version, unknown type and bad payloads are told apart",
          "[net][protocol][hostile]")
{
    SECTION("wrong version")
    {
        std::vector<std::uint8_t> bytes = encode(Ping{1, true});
        for (const int other : {kProtocolVersion - 1, kProtocolVersion + 1})
        {
            bytes[kHeaderBytes] = static_cast<std::uint8_t>(other);
            CHECK(decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes).error ==
                  DecodeError::WrongVersion);
        }
    }
    SECTION("unknown type")
    {
        const std::vector<std::uint8_t> body = {kProtocolVersion, 99};
        CHECK(decodeBody(body.data(), body.size()).error == DecodeError::UnknownType);
        const std::vector<std::uint8_t> zero = {kProtocolVersion, 0};
        CHECK(decodeBody(zero.data(), zero.size()).error == DecodeError::UnknownType);
    }
    SECTION("truncated payload")
    {
        const std::vector<std::uint8_t> bytes = encode(Answer{1, {"a", "b"}});
        for (std::size_t cut = kHeaderBytes; cut < bytes.size(); ++cut)
            CHECK(decodeBody(bytes.data() + kHeaderBytes, cut - kHeaderBytes).error !=
                  DecodeError::None);
    }
    SECTION("trailing bytes")
    {
        std::vector<std::uint8_t> bytes = encode(Ping{1, true});
        bytes.push_back(0);
        CHECK(decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes).error ==
              DecodeError::Malformed);
    }
    SECTION("a string length larger than the frame")
    {
        // Hello: version, then a class code claiming 4 GiB.
        const std::vector<std::uint8_t> body = {kProtocolVersion, 1, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF};
        CHECK(decodeBody(body.data(), body.size()).error == DecodeError::Malformed);
    }
    SECTION("a nickname over its cap")
    {
        const std::vector<std::uint8_t> bytes =
            encode(Hello{kProtocolVersion, "K", std::string(kMaxNicknameBytes + 1, 'x')});
        CHECK(decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes).error ==
              DecodeError::Malformed);
    }
    SECTION("a boolean that is neither 0 nor 1")
    {
        std::vector<std::uint8_t> bytes = encode(Ping{1, true});
        bytes.back() = 2;
        CHECK(decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes).error ==
              DecodeError::Malformed);
    }
    SECTION("a pause that is cut short or says neither paused nor going on")
    {
        std::vector<std::uint8_t> bytes = encode(Pause{true, 5000});
        for (std::size_t cut = kHeaderBytes + 2; cut < bytes.size(); ++cut)
            CHECK(decodeBody(bytes.data() + kHeaderBytes, cut - kHeaderBytes).error ==
                  DecodeError::Malformed);
        bytes[kHeaderBytes + 2] = 7; // the paused flag
        CHECK(decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes).error ==
              DecodeError::Malformed);
    }
    SECTION("an enum value out of range")
    {
        std::vector<std::uint8_t> bytes = encode(Ack{1, false, Reason::Paused});
        bytes.back() = 200;
        CHECK(decodeBody(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes).error ==
              DecodeError::Malformed);
    }
}

TEST_CASE("Protocol: a line of text is not a valid frame", "[net][protocol][hostile]")
{
    // What a confused or hostile client might type: the header reads as a huge length.
    const std::string line = "GET / HTTP/1.1\r\n";
    StreamDecoder decoder(kMaxStudentFrameBytes);
    decoder.feed(reinterpret_cast<const std::uint8_t*>(line.data()), line.size());
    CHECK(decoder.getError() == DecodeError::Oversized);
}

TEST_CASE("Protocol: the same messages come out wherever the stream is cut", "[net][protocol]")
{
    const std::vector<std::uint8_t> stream = []
    {
        std::vector<std::uint8_t> s;
        for (const Message& m : samples())
            encode(m, s);
        return s;
    }();
    for (std::size_t cut = 0; cut <= stream.size(); cut += 7)
    {
        StreamDecoder decoder(kMaxHostFrameBytes);
        decoder.feed(stream.data(), cut);
        const std::size_t first = decodeAll(decoder).size();
        decoder.feed(stream.data() + cut, stream.size() - cut);
        CHECK(first + decodeAll(decoder).size() == samples().size());
    }
}
