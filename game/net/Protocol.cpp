#include "Protocol.hpp"

#include <type_traits>

namespace quiz::net
{
namespace
{

/// Appends big-endian fields to a byte vector.
class Writer
{
public:
    explicit Writer(std::vector<std::uint8_t>& out) : m_out(out) {}

    void u8(std::uint8_t value) { m_out.push_back(value); }
    void boolean(bool value) { u8(value ? 1 : 0); }
    void u16(std::uint16_t value)
    {
        u8(static_cast<std::uint8_t>(value >> 8));
        u8(static_cast<std::uint8_t>(value & 0xFFU));
    }
    void u32(std::uint32_t value)
    {
        u16(static_cast<std::uint16_t>(value >> 16));
        u16(static_cast<std::uint16_t>(value & 0xFFFFU));
    }
    void i64(std::int64_t value)
    {
        const auto bits = static_cast<std::uint64_t>(value);
        u32(static_cast<std::uint32_t>(bits >> 32));
        u32(static_cast<std::uint32_t>(bits & 0xFFFFFFFFU));
    }
    void string(const std::string& value)
    {
        u32(static_cast<std::uint32_t>(value.size()));
        m_out.insert(m_out.end(), value.begin(), value.end());
    }
    void count(std::size_t value) { u16(static_cast<std::uint16_t>(value)); }
    void strings(const std::vector<std::string>& values)
    {
        count(values.size());
        for (const std::string& value : values)
            string(value);
    }
    void rich(const core::RichText& text)
    {
        count(text.runs.size());
        for (const core::TextRun& run : text.runs)
        {
            std::uint8_t flags = 0;
            flags |= run.bold ? 1U : 0U;
            flags |= run.italic ? 2U : 0U;
            flags |= run.lineBreak ? 4U : 0U;
            flags |= run.script == core::Script::Sub ? 8U : 0U;
            flags |= run.script == core::Script::Super ? 16U : 0U;
            u8(flags);
            string(run.text);
        }
    }
    void standing(const Standing& s)
    {
        u32(s.rank);
        string(s.nickname);
        i64(s.score);
        u32(s.correctCount);
    }

private:
    std::vector<std::uint8_t>& m_out;
};

/// Reads big-endian fields from a byte range. Every read checks the remaining length first;
/// after the first failure all reads fail and return zero values, so decoders stay linear.
class Reader
{
public:
    Reader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    [[nodiscard]] bool isOk() const { return m_ok; }
    [[nodiscard]] bool isDone() const { return m_ok && m_pos == m_size; }
    void fail() { m_ok = false; }

    std::uint8_t u8()
    {
        if (!m_ok || m_pos >= m_size)
        {
            m_ok = false;
            return 0;
        }
        return m_data[m_pos++];
    }
    bool boolean()
    {
        const std::uint8_t value = u8();
        if (value > 1)
            m_ok = false;
        return value == 1;
    }
    std::uint16_t u16()
    {
        const auto high = static_cast<std::uint16_t>(u8());
        const auto low = static_cast<std::uint16_t>(u8());
        return static_cast<std::uint16_t>((high << 8) | low);
    }
    std::uint32_t u32()
    {
        const std::uint32_t high = u16();
        const std::uint32_t low = u16();
        return (high << 16) | low;
    }
    std::int64_t i64()
    {
        const std::uint64_t high = u32();
        const std::uint64_t low = u32();
        return static_cast<std::int64_t>((high << 32) | low);
    }
    /// A string no longer than `maxBytes` (and never longer than what is left).
    std::string string(std::size_t maxBytes = kMaxHostFrameBytes)
    {
        const std::uint32_t length = u32();
        if (!m_ok || length > maxBytes || length > m_size - m_pos)
        {
            m_ok = false;
            return {};
        }
        std::string value(reinterpret_cast<const char*>(m_data + m_pos), length);
        m_pos += length;
        return value;
    }
    /// An element count no larger than `maxCount`; each element takes at least one byte, so a
    /// count beyond the bytes left is rejected before anything is reserved.
    std::size_t count(std::size_t maxCount)
    {
        const std::uint16_t value = u16();
        if (!m_ok || value > maxCount || value > m_size - m_pos)
        {
            m_ok = false;
            return 0;
        }
        return value;
    }
    std::vector<std::string> strings(std::size_t maxCount, std::size_t maxBytes)
    {
        std::vector<std::string> values;
        const std::size_t n = count(maxCount);
        for (std::size_t i = 0; i < n && m_ok; ++i)
            values.push_back(string(maxBytes));
        return values;
    }
    core::RichText rich()
    {
        core::RichText text;
        const std::size_t n = count(0xFFFF);
        for (std::size_t i = 0; i < n && m_ok; ++i)
        {
            const std::uint8_t flags = u8();
            if ((flags & ~31U) != 0 || (flags & 24U) == 24U)
                m_ok = false;
            core::TextRun run;
            run.bold = (flags & 1U) != 0;
            run.italic = (flags & 2U) != 0;
            run.lineBreak = (flags & 4U) != 0;
            run.script = (flags & 8U) != 0    ? core::Script::Sub
                         : (flags & 16U) != 0 ? core::Script::Super
                                              : core::Script::Normal;
            run.text = string();
            text.runs.push_back(std::move(run));
        }
        return text;
    }
    Standing standing()
    {
        Standing s;
        s.rank = u32();
        s.nickname = string(kMaxNicknameBytes);
        s.score = i64();
        s.correctCount = u32();
        return s;
    }
    std::vector<Standing> standings()
    {
        std::vector<Standing> values;
        const std::size_t n = count(0xFFFF);
        for (std::size_t i = 0; i < n && m_ok; ++i)
            values.push_back(standing());
        return values;
    }
    template <typename E> E enumeration(std::uint8_t maxValue)
    {
        const std::uint8_t value = u8();
        if (value > maxValue)
            m_ok = false;
        return static_cast<E>(value);
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

constexpr std::uint8_t kMaxReason = static_cast<std::uint8_t>(Reason::NotHost);
constexpr std::uint8_t kMaxPhase = static_cast<std::uint8_t>(WirePhase::Finished);

void writePayload(const Message& message, Writer& w)
{
    std::visit(
        [&w](const auto& m)
        {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, Hello>)
            {
                w.u16(m.version);
                w.string(m.classCode);
                w.string(m.nickname);
            }
            else if constexpr (std::is_same_v<T, Welcome>)
            {
                w.string(m.nickname);
                w.boolean(m.rejoined);
                w.i64(m.score);
                w.u8(static_cast<std::uint8_t>(m.phase));
            }
            else if constexpr (std::is_same_v<T, Refuse>)
            {
                w.u8(static_cast<std::uint8_t>(m.reason));
                w.string(m.text);
            }
            else if constexpr (std::is_same_v<T, Lobby>)
            {
                w.u32(m.playerCount);
                w.boolean(m.locked);
                w.strings(m.nicknames);
            }
            else if constexpr (std::is_same_v<T, QuestionShow>)
            {
                w.u16(m.index);
                w.u16(m.total);
                w.string(m.questionId);
                w.boolean(m.multiple);
                w.rich(m.stem);
                w.count(m.options.size());
                for (const WireOption& option : m.options)
                {
                    w.string(option.id);
                    w.string(option.label);
                    w.rich(option.text);
                }
                w.u32(m.timeLimitMs);
                w.u32(m.timeLeftMs);
            }
            else if constexpr (std::is_same_v<T, Answer>)
            {
                w.u16(m.index);
                w.strings(m.optionIds);
            }
            else if constexpr (std::is_same_v<T, Ack>)
            {
                w.u16(m.index);
                w.boolean(m.accepted);
                w.u8(static_cast<std::uint8_t>(m.reason));
            }
            else if constexpr (std::is_same_v<T, Reveal>)
            {
                w.u16(m.index);
                w.strings(m.correctIds);
                w.count(m.distribution.size());
                for (const OptionCount& c : m.distribution)
                {
                    w.string(c.optionId);
                    w.u32(c.count);
                }
                w.u32(m.answeredCount);
                w.rich(m.explanation);
                w.count(m.rationales.size());
                for (const OptionRationale& r : m.rationales)
                {
                    w.string(r.optionId);
                    w.rich(r.rationale);
                }
                w.boolean(m.answered);
                w.boolean(m.correct);
                w.boolean(m.partial);
                w.i64(m.points);
                w.i64(m.score);
                w.u32(m.streak);
            }
            else if constexpr (std::is_same_v<T, Leaderboard> || std::is_same_v<T, End>)
            {
                const std::vector<Standing>* list = nullptr;
                if constexpr (std::is_same_v<T, Leaderboard>)
                    list = &m.top;
                else
                    list = &m.standings;
                w.count(list->size());
                for (const Standing& s : *list)
                    w.standing(s);
                w.standing(m.you);
            }
            else if constexpr (std::is_same_v<T, Kick>)
            {
                w.string(m.text);
            }
            else if constexpr (std::is_same_v<T, Ping>)
            {
                w.u32(m.token);
                w.boolean(m.reply);
            }
            else if constexpr (std::is_same_v<T, Control>)
            {
                w.string(m.command);
            }
            else if constexpr (std::is_same_v<T, Pause>)
            {
                w.boolean(m.paused);
                w.u32(m.timeLeftMs);
            }
        },
        message);
}

std::optional<Message> readPayload(MessageType type, Reader& r)
{
    switch (type)
    {
    case MessageType::Hello:
    {
        Hello m;
        m.version = r.u16();
        m.classCode = r.string(kMaxClassCodeBytes);
        m.nickname = r.string(kMaxNicknameBytes);
        return m;
    }
    case MessageType::Welcome:
    {
        Welcome m;
        m.nickname = r.string(kMaxNicknameBytes);
        m.rejoined = r.boolean();
        m.score = r.i64();
        m.phase = r.enumeration<WirePhase>(kMaxPhase);
        return m;
    }
    case MessageType::Refuse:
    {
        Refuse m;
        m.reason = r.enumeration<Reason>(kMaxReason);
        m.text = r.string();
        return m;
    }
    case MessageType::Lobby:
    {
        Lobby m;
        m.playerCount = r.u32();
        m.locked = r.boolean();
        m.nicknames = r.strings(0xFFFF, kMaxNicknameBytes);
        return m;
    }
    case MessageType::QuestionShow:
    {
        QuestionShow m;
        m.index = r.u16();
        m.total = r.u16();
        m.questionId = r.string();
        m.multiple = r.boolean();
        m.stem = r.rich();
        const std::size_t n = r.count(kMaxOptions);
        for (std::size_t i = 0; i < n && r.isOk(); ++i)
        {
            WireOption option;
            option.id = r.string();
            option.label = r.string();
            option.text = r.rich();
            m.options.push_back(std::move(option));
        }
        m.timeLimitMs = r.u32();
        m.timeLeftMs = r.u32();
        return m;
    }
    case MessageType::Answer:
    {
        Answer m;
        m.index = r.u16();
        m.optionIds = r.strings(kMaxOptions, 256);
        return m;
    }
    case MessageType::Ack:
    {
        Ack m;
        m.index = r.u16();
        m.accepted = r.boolean();
        m.reason = r.enumeration<Reason>(kMaxReason);
        return m;
    }
    case MessageType::Reveal:
    {
        Reveal m;
        m.index = r.u16();
        m.correctIds = r.strings(kMaxOptions, 0xFFFF);
        const std::size_t n = r.count(kMaxOptions);
        for (std::size_t i = 0; i < n && r.isOk(); ++i)
        {
            OptionCount c;
            c.optionId = r.string();
            c.count = r.u32();
            m.distribution.push_back(std::move(c));
        }
        m.answeredCount = r.u32();
        m.explanation = r.rich();
        const std::size_t k = r.count(kMaxOptions);
        for (std::size_t i = 0; i < k && r.isOk(); ++i)
        {
            OptionRationale ra;
            ra.optionId = r.string();
            ra.rationale = r.rich();
            m.rationales.push_back(std::move(ra));
        }
        m.answered = r.boolean();
        m.correct = r.boolean();
        m.partial = r.boolean();
        m.points = r.i64();
        m.score = r.i64();
        m.streak = r.u32();
        return m;
    }
    case MessageType::Leaderboard:
    {
        Leaderboard m;
        m.top = r.standings();
        m.you = r.standing();
        return m;
    }
    case MessageType::End:
    {
        End m;
        m.standings = r.standings();
        m.you = r.standing();
        return m;
    }
    case MessageType::Kick:
        return Kick{r.string()};
    case MessageType::Ping:
    {
        Ping m;
        m.token = r.u32();
        m.reply = r.boolean();
        return m;
    }
    case MessageType::Control:
        return Control{r.string(256)};
    case MessageType::Pause:
    {
        Pause m;
        m.paused = r.boolean();
        m.timeLeftMs = r.u32();
        return m;
    }
    }
    return std::nullopt;
}

std::uint32_t readLength(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

} // namespace

MessageType getType(const Message& message)
{
    return static_cast<MessageType>(message.index() + 1);
}

const char* toString(MessageType type)
{
    switch (type)
    {
    case MessageType::Hello:
        return "hello";
    case MessageType::Welcome:
        return "welcome";
    case MessageType::Refuse:
        return "refuse";
    case MessageType::Lobby:
        return "lobby";
    case MessageType::QuestionShow:
        return "question";
    case MessageType::Answer:
        return "answer";
    case MessageType::Ack:
        return "ack";
    case MessageType::Reveal:
        return "reveal";
    case MessageType::Leaderboard:
        return "leaderboard";
    case MessageType::End:
        return "end";
    case MessageType::Kick:
        return "kick";
    case MessageType::Ping:
        return "ping";
    case MessageType::Control:
        return "control";
    case MessageType::Pause:
        return "pause";
    }
    return "unknown";
}

const char* toString(Reason reason)
{
    switch (reason)
    {
    case Reason::None:
        return "none";
    case Reason::WrongVersion:
        return "this game speaks another protocol version than the host";
    case Reason::WrongClassCode:
        return "wrong class code";
    case Reason::DuplicateNickname:
        return "that nickname is taken";
    case Reason::BadNickname:
        return "nicknames are 1 to 24 printable characters";
    case Reason::LobbyLocked:
        return "the class is locked";
    case Reason::ClassFull:
        return "the class is full";
    case Reason::ClassFinished:
        return "the class has finished";
    case Reason::Kicked:
        return "removed by the instructor";
    case Reason::NotAnswerPhase:
        return "answers are closed";
    case Reason::WrongQuestion:
        return "not the current question";
    case Reason::UnknownOption:
        return "unknown option";
    case Reason::AlreadyAnswered:
        return "already answered";
    case Reason::EmptyAnswer:
        return "no option chosen";
    case Reason::TooManyOptions:
        return "choose one option";
    case Reason::Paused:
        return "the class is paused";
    case Reason::NotHost:
        return "only the host may do that";
    }
    return "unknown";
}

const char* toString(DecodeError error)
{
    switch (error)
    {
    case DecodeError::None:
        return "none";
    case DecodeError::Oversized:
        return "message over the size cap";
    case DecodeError::WrongVersion:
        return "wrong protocol version";
    case DecodeError::UnknownType:
        return "unknown message type";
    case DecodeError::Malformed:
        return "malformed message";
    }
    return "unknown";
}

void encode(const Message& message, std::vector<std::uint8_t>& out)
{
    const std::size_t start = out.size();
    out.resize(start + kHeaderBytes);
    Writer w(out);
    w.u8(kProtocolVersion);
    w.u8(static_cast<std::uint8_t>(getType(message)));
    writePayload(message, w);
    const std::size_t body = out.size() - start - kHeaderBytes;
    for (std::size_t i = 0; i < kHeaderBytes; ++i)
        out[start + i] = static_cast<std::uint8_t>(body >> (8 * (kHeaderBytes - 1 - i)));
}

std::vector<std::uint8_t> encode(const Message& message)
{
    std::vector<std::uint8_t> out;
    encode(message, out);
    return out;
}

DecodeResult decodeBody(const std::uint8_t* data, std::size_t size)
{
    DecodeResult result;
    if (size < 2)
    {
        result.error = DecodeError::Malformed;
        return result;
    }
    if (data[0] != kProtocolVersion)
    {
        result.error = DecodeError::WrongVersion;
        return result;
    }
    if (data[1] < static_cast<std::uint8_t>(MessageType::Hello) ||
        data[1] > static_cast<std::uint8_t>(MessageType::Pause))
    {
        result.error = DecodeError::UnknownType;
        return result;
    }
    Reader r(data + 2, size - 2);
    std::optional<Message> message = readPayload(static_cast<MessageType>(data[1]), r);
    if (!message || !r.isDone())
    {
        result.error = DecodeError::Malformed;
        return result;
    }
    result.message = std::move(message);
    return result;
}

bool StreamDecoder::feed(const std::uint8_t* data, std::size_t size)
{
    if (m_error != DecodeError::None)
        return false;
    // Compact before growing, so the buffer never holds more than one partial frame plus
    // the bytes just received.
    if (m_start > 0)
    {
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<long>(m_start));
        m_start = 0;
    }
    m_buffer.insert(m_buffer.end(), data, data + size);
    checkHeader();
    return m_error == DecodeError::None;
}

void StreamDecoder::checkHeader()
{
    if (m_error == DecodeError::None && getBufferedBytes() >= kHeaderBytes &&
        readLength(m_buffer.data() + m_start) > m_maxBodyBytes)
        m_error = DecodeError::Oversized;
}

std::optional<Message> StreamDecoder::next()
{
    checkHeader();
    if (m_error != DecodeError::None || getBufferedBytes() < kHeaderBytes)
        return std::nullopt;
    const std::uint32_t length = readLength(m_buffer.data() + m_start);
    if (getBufferedBytes() - kHeaderBytes < length)
        return std::nullopt;
    DecodeResult result = decodeBody(m_buffer.data() + m_start + kHeaderBytes, length);
    if (!result.message)
    {
        m_error = result.error;
        return std::nullopt;
    }
    m_start += kHeaderBytes + length;
    checkHeader();
    return std::move(result.message);
}

#define QUIZ_NET_EQ(Type, ...)                                                                     \
    bool Type::operator==(const Type& o) const                                                     \
    {                                                                                              \
        return __VA_ARGS__;                                                                        \
    }
QUIZ_NET_EQ(Hello, version == o.version && classCode == o.classCode && nickname == o.nickname)
QUIZ_NET_EQ(Welcome, nickname == o.nickname && rejoined == o.rejoined && score == o.score &&
                         phase == o.phase)
QUIZ_NET_EQ(Refuse, reason == o.reason && text == o.text)
QUIZ_NET_EQ(Lobby, playerCount == o.playerCount && locked == o.locked && nicknames == o.nicknames)
QUIZ_NET_EQ(WireOption, id == o.id && label == o.label && text == o.text)
QUIZ_NET_EQ(QuestionShow, index == o.index && total == o.total && questionId == o.questionId &&
                              multiple == o.multiple && stem == o.stem && options == o.options &&
                              timeLimitMs == o.timeLimitMs && timeLeftMs == o.timeLeftMs)
QUIZ_NET_EQ(Answer, index == o.index && optionIds == o.optionIds)
QUIZ_NET_EQ(Ack, index == o.index && accepted == o.accepted && reason == o.reason)
QUIZ_NET_EQ(OptionCount, optionId == o.optionId && count == o.count)
QUIZ_NET_EQ(OptionRationale, optionId == o.optionId && rationale == o.rationale)
QUIZ_NET_EQ(Reveal, index == o.index && correctIds == o.correctIds &&
                        distribution == o.distribution && answeredCount == o.answeredCount &&
                        explanation == o.explanation && rationales == o.rationales &&
                        answered == o.answered && correct == o.correct && partial == o.partial &&
                        points == o.points && score == o.score && streak == o.streak)
QUIZ_NET_EQ(Standing, rank == o.rank && nickname == o.nickname && score == o.score &&
                          correctCount == o.correctCount)
QUIZ_NET_EQ(Leaderboard, top == o.top && you == o.you)
QUIZ_NET_EQ(End, standings == o.standings && you == o.you)
QUIZ_NET_EQ(Kick, text == o.text)
QUIZ_NET_EQ(Ping, token == o.token && reply == o.reply)
QUIZ_NET_EQ(Control, command == o.command)
QUIZ_NET_EQ(Pause, paused == o.paused && timeLeftMs == o.timeLeftMs)
#undef QUIZ_NET_EQ

} // namespace quiz::net
