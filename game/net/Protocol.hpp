#pragma once

#include "core/pack/RichText.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace quiz::net
{

/// The wire format version. A peer speaking another version is refused and dropped.
/// Version 2 added Pause.
inline constexpr std::uint8_t kProtocolVersion = 2;

/// Frame header: 4-byte big-endian body length, then the body: version (1 byte), message type
/// (1 byte) and the payload. The length counts the body only.
inline constexpr std::size_t kHeaderBytes = 4;
/// Hard cap on a frame body the host accepts from a student (hello, answer, ping are tiny).
inline constexpr std::size_t kMaxStudentFrameBytes = 4 * 1024;
/// Hard cap on a frame body a student accepts from the host (a reveal carries rationales).
inline constexpr std::size_t kMaxHostFrameBytes = 512 * 1024;
/// Caps on fields, applied by the decoder (and by the host when it builds messages).
inline constexpr std::size_t kMaxNicknameBytes = 64;
inline constexpr std::size_t kMaxClassCodeBytes = 16;
inline constexpr std::size_t kMaxOptions = 16;

enum class MessageType : std::uint8_t
{
    Hello = 1,
    Welcome = 2,
    Refuse = 3,
    Lobby = 4,
    QuestionShow = 5,
    Answer = 6,
    Ack = 7,
    Reveal = 8,
    Leaderboard = 9,
    End = 10,
    Kick = 11,
    Ping = 12,
    Control = 13, ///< a pacing command; only the host's own console may issue one
    Pause = 14
};

/// Why the host turned a student away (Refuse) or why an answer was not taken (Ack).
enum class Reason : std::uint8_t
{
    None = 0,
    WrongVersion = 1,
    WrongClassCode = 2,
    DuplicateNickname = 3,
    BadNickname = 4,
    LobbyLocked = 5,
    ClassFull = 6,
    ClassFinished = 7,
    Kicked = 8,
    NotAnswerPhase = 9,
    WrongQuestion = 10,
    UnknownOption = 11,
    AlreadyAnswered = 12,
    EmptyAnswer = 13,
    TooManyOptions = 14,
    Paused = 15,
    NotHost = 16
};

[[nodiscard]] const char* toString(Reason reason);

/// Where the class is, as students see it.
enum class WirePhase : std::uint8_t
{
    Lobby = 0,
    Question = 1,
    Reveal = 2,
    Leaderboard = 3,
    Finished = 4
};

/// Student -> host: first message on a connection.
struct Hello
{
    std::uint16_t version = kProtocolVersion;
    std::string classCode;
    std::string nickname;
    bool operator==(const Hello& o) const;
};

/// Host -> student: joined. `rejoined` and `score` tell a returning student what was kept.
struct Welcome
{
    std::string nickname;
    bool rejoined = false;
    std::int64_t score = 0;
    WirePhase phase = WirePhase::Lobby;
    bool operator==(const Welcome& o) const;
};

/// Host -> student: not joined; the host closes the connection after sending it.
struct Refuse
{
    Reason reason = Reason::None;
    std::string text;
    bool operator==(const Refuse& o) const;
};

/// Host -> students: who is waiting. Nicknames may be capped; `playerCount` is exact.
struct Lobby
{
    std::uint32_t playerCount = 0;
    bool locked = false;
    std::vector<std::string> nicknames;
    bool operator==(const Lobby& o) const;
};

struct WireOption
{
    std::string id;
    std::string label; ///< "A", "b", "3" or "" (the question's numbering)
    core::RichText text;
    bool operator==(const WireOption& o) const;
};

/// Host -> students: a question, with its full text for students who use a screen reader.
struct QuestionShow
{
    std::uint16_t index = 0; ///< 0-based position in the class game
    std::uint16_t total = 0;
    std::string questionId;
    bool multiple = false; ///< select all that apply
    core::RichText stem;
    std::vector<WireOption> options;
    std::uint32_t timeLimitMs = 0; ///< 0: no countdown
    /// Countdown left when sent (less than the limit for a student joining mid-question).
    std::uint32_t timeLeftMs = 0;
    bool operator==(const QuestionShow& o) const;
};

/// Student -> host.
struct Answer
{
    std::uint16_t index = 0;
    std::vector<std::string> optionIds;
    bool operator==(const Answer& o) const;
};

/// Host -> student: the answer was taken (or refused, with the reason).
struct Ack
{
    std::uint16_t index = 0;
    bool accepted = false;
    Reason reason = Reason::None;
    bool operator==(const Ack& o) const;
};

struct OptionCount
{
    std::string optionId;
    std::uint32_t count = 0;
    bool operator==(const OptionCount& o) const;
};

struct OptionRationale
{
    std::string optionId;
    core::RichText rationale;
    bool operator==(const OptionRationale& o) const;
};

/// Host -> student: the answer key, how the room answered and how this student did.
struct Reveal
{
    std::uint16_t index = 0;
    std::vector<std::string> correctIds;
    std::vector<OptionCount> distribution;
    std::uint32_t answeredCount = 0;
    core::RichText explanation;
    std::vector<OptionRationale> rationales;
    bool answered = false;
    bool correct = false;
    bool partial = false;
    std::int64_t points = 0; ///< earned on this question, bonuses included
    std::int64_t score = 0;  ///< total so far
    std::uint32_t streak = 0;
    bool operator==(const Reveal& o) const;
};

struct Standing
{
    std::uint32_t rank = 0; ///< 1-based; equal scores share a rank
    std::string nickname;
    std::int64_t score = 0;
    std::uint32_t correctCount = 0;
    bool operator==(const Standing& o) const;
};

/// Host -> students: the top of the table and this student's own place.
struct Leaderboard
{
    std::vector<Standing> top;
    Standing you;
    bool operator==(const Leaderboard& o) const;
};

/// Host -> students: the game is over; every place, not just a podium.
struct End
{
    std::vector<Standing> standings;
    Standing you;
    bool operator==(const End& o) const;
};

/// Host -> student: removed by the instructor; the host closes the connection.
struct Kick
{
    std::string text;
    bool operator==(const Kick& o) const;
};

/// Either way. The host sends `reply = false`; a student answers with the same token and
/// `reply = true`. Silence for too long drops the connection.
struct Ping
{
    std::uint32_t token = 0;
    bool reply = false;
    bool operator==(const Ping& o) const;
};

/// A pacing command as text ("next", "kick NAME"). Exists so that a student who sends one is
/// recognised and dropped: only the host's own console paces the class.
struct Control
{
    std::string command;
    bool operator==(const Control& o) const;
};

/// Host -> students: the instructor paused the question (answers are refused and the
/// countdown stands still) or went on; a student joining a paused question gets it too.
struct Pause
{
    bool paused = false;
    std::uint32_t timeLeftMs = 0; ///< countdown left, 0 without one
    bool operator==(const Pause& o) const;
};

using Message = std::variant<Hello, Welcome, Refuse, Lobby, QuestionShow, Answer, Ack, Reveal,
                             Leaderboard, End, Kick, Ping, Control, Pause>;

[[nodiscard]] MessageType getType(const Message& message);
[[nodiscard]] const char* toString(MessageType type);

/// Why bytes could not be decoded.
enum class DecodeError
{
    None,
    Oversized, ///< the declared length exceeds the cap (checked before reading the body)
    WrongVersion,
    UnknownType,
    Malformed ///< truncated field, trailing bytes, a field over its cap, a bad enum value
};

[[nodiscard]] const char* toString(DecodeError error);

/// Appends one whole frame (header + body) for `message` to `out`.
void encode(const Message& message, std::vector<std::uint8_t>& out);
[[nodiscard]] std::vector<std::uint8_t> encode(const Message& message);

struct DecodeResult
{
    std::optional<Message> message;
    DecodeError error = DecodeError::None;
};

/// Decodes one frame body (version, type, payload; no length header). Pure; never throws.
[[nodiscard]] DecodeResult decodeBody(const std::uint8_t* data, std::size_t size);

/// Splits a byte stream into messages: handles frames cut across reads and several frames in
/// one read. The declared length is checked against `maxBodyBytes` as soon as the 4 header
/// bytes are in, before any body byte is buffered. After an error the decoder stays failed;
/// the caller drops the connection.
class StreamDecoder
{
public:
    explicit StreamDecoder(std::size_t maxBodyBytes) : m_maxBodyBytes(maxBodyBytes) {}

    /// Adds received bytes. Returns false (and stops) at the first error.
    bool feed(const std::uint8_t* data, std::size_t size);
    /// The next complete message, if any. Call until it returns nothing, then check getError().
    [[nodiscard]] std::optional<Message> next();

    [[nodiscard]] DecodeError getError() const { return m_error; }
    [[nodiscard]] std::size_t getBufferedBytes() const { return m_buffer.size() - m_start; }

private:
    void checkHeader();

    std::size_t m_maxBodyBytes;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_start = 0; ///< consumed bytes at the front of m_buffer
    DecodeError m_error = DecodeError::None;
};

} // namespace quiz::net
