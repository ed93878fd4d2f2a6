#pragma once

#include "FieldList.hpp"
#include "core/pack/RichText.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace quiz::net
{

/// The protocol version (JSON over WebSocket; see README.md for every message by example).
/// A `join` or `rejoin` of another version is refused. Versions 1 and 2 were a binary format.
inline constexpr std::uint32_t kProtocolVersion = 3;

/// Hard cap on a message the host accepts from a student (WebSocket message, after reassembly).
inline constexpr std::size_t kMaxStudentMessageBytes = 4 * 1024;
/// Hard cap on a message a student accepts from the host (a reveal carries rationales).
inline constexpr std::size_t kMaxHostMessageBytes = 256 * 1024;
/// Caps on fields of what students send, applied by the decoder.
inline constexpr std::size_t kMaxNicknameBytes = 96;
inline constexpr std::size_t kMaxClassCodeBytes = 16;
inline constexpr std::size_t kMaxTokenBytes = 64;
inline constexpr std::size_t kMaxOptions = 16;
inline constexpr std::size_t kMaxOptionIdBytes = 64;
/// Cap on the text a student types as a numeric answer.
inline constexpr std::size_t kMaxTypedBytes = 64;

/// Why the host refused, dropped, or did not take an answer. Each has a stable wire word.
enum class Reason
{
    None,
    WrongVersion,
    WrongCode,
    TooManyTries,
    NicknameTaken,
    NicknameLookAlike,
    BadNickname,
    BadToken,
    LobbyLocked,
    ClassFull,
    ClassFinished,
    Kicked,
    TooManyConnections,
    BadMessage,
    OutOfOrder,
    TooBig,
    Timeout,
    TooSlow,
    HostClosing,
    Replaced, ///< the same seat rejoined from another connection
    NotAnswerPhase,
    WrongQuestion,
    UnknownOption,
    AlreadyAnswered,
    EmptyAnswer,
    TooManyOptions,
    Paused,
    BadNumber,  ///< a numeric answer's text is not a number (the ack's text says why)
    WrongCount, ///< an order or a matching leaves out an item or a prompt
    RepeatedId  ///< an order places an item twice, or a matching gives a prompt twice
};

/// The wire word ("nickname-taken").
[[nodiscard]] const char* toString(Reason reason);
/// A sentence for a person ("Someone in this class already uses that nickname.").
[[nodiscard]] const char* describe(Reason reason);

/// Where the class is, as students see it.
enum class WirePhase
{
    Lobby,
    Question,
    Reveal,
    Leaderboard,
    Finished
};

enum class QuestionKind
{
    Single,
    Multiple,
    Numeric,  ///< a typed number: `unit`, `round` and `rule` are set, there are no options
    Ordering, ///< put `items` in order; there are no options
    Matching  ///< match each of `prompts` to one of `choices`; there are no options
};

// Student -> host ---------------------------------------------------------------------------

/// First message of a new student.
struct Join
{
    std::uint32_t version = kProtocolVersion;
    std::string classCode;
    std::string nickname;
    static constexpr const char* kType = "join";
    static constexpr auto fields()
    {
        return std::make_tuple(field("version", &Join::version), field("code", &Join::classCode),
                               field("nickname", &Join::nickname));
    }
};

/// First message of a returning student: the token from their `joined`.
struct Rejoin
{
    std::uint32_t version = kProtocolVersion;
    std::string classCode;
    std::string token;
    static constexpr const char* kType = "rejoin";
    static constexpr auto fields()
    {
        return std::make_tuple(field("version", &Rejoin::version),
                               field("code", &Rejoin::classCode), field("token", &Rejoin::token));
    }
};

/// One prompt of a matching answer: its number ("1") and the letter of the choice ("C").
struct WireMatch
{
    std::string prompt;
    std::string choice;
    static constexpr auto fields()
    {
        return std::make_tuple(field("prompt", &WireMatch::prompt),
                               field("choice", &WireMatch::choice));
    }
};

/// Optional fields (std::optional) are left out of a message when empty and may be missing.
struct Answer
{
    Answer() = default;
    Answer(std::uint32_t question, std::vector<std::string> options,
           std::optional<std::string> typed = std::nullopt)
        : index(question), optionIds(std::move(options)), value(std::move(typed))
    {
    }

    std::uint32_t index = 0;
    std::vector<std::string> optionIds; ///< [] for a numeric question
    /// A numeric question: the text as typed ("12,5"); the host reads it.
    std::optional<std::string> value;
    /// An ordering question: the items' letters, first to last (["C","A","B","D"]).
    std::optional<std::vector<std::string>> order;
    /// A matching question: one entry per prompt.
    std::optional<std::vector<WireMatch>> matches;
    static constexpr const char* kType = "answer";
    static constexpr auto fields()
    {
        return std::make_tuple(field("question", &Answer::index),
                               field("options", &Answer::optionIds), field("value", &Answer::value),
                               field("order", &Answer::order), field("matches", &Answer::matches));
    }
};

/// The student quits on purpose: the seat is freed at once.
struct Leave
{
    static constexpr const char* kType = "leave";
    static constexpr auto fields() { return std::tuple<>(); }
};

// Either way ----------------------------------------------------------------------------------

/// Answered with a Pong carrying the same id. The host pings every 2 s.
struct Ping
{
    std::uint32_t id = 0;
    static constexpr const char* kType = "ping";
    static constexpr auto fields() { return std::make_tuple(field("id", &Ping::id)); }
};

struct Pong
{
    std::uint32_t id = 0;
    static constexpr const char* kType = "pong";
    static constexpr auto fields() { return std::make_tuple(field("id", &Pong::id)); }
};

// Host -> student -----------------------------------------------------------------------------

/// Joined (or rejoined). `token` is the secret that gets this seat back after a drop.
struct Welcome
{
    std::string nickname;
    std::string token;
    bool rejoined = false;
    std::int64_t score = 0;
    WirePhase phase = WirePhase::Lobby;
    std::string title;
    std::uint32_t questions = 0;
    static constexpr const char* kType = "joined";
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("nickname", &Welcome::nickname), field("token", &Welcome::token),
            field("rejoined", &Welcome::rejoined), field("score", &Welcome::score),
            field("phase", &Welcome::phase), field("title", &Welcome::title),
            field("questions", &Welcome::questions));
    }
};

/// Who came and went since the last lobby message (`reset`: the list as it is now).
struct Lobby
{
    std::uint32_t playerCount = 0;
    bool locked = false;
    bool reset = false;
    std::vector<std::string> joined;
    std::vector<std::string> left;
    static constexpr const char* kType = "lobby";
    static constexpr auto fields()
    {
        return std::make_tuple(field("count", &Lobby::playerCount), field("locked", &Lobby::locked),
                               field("reset", &Lobby::reset), field("joined", &Lobby::joined),
                               field("left", &Lobby::left));
    }
};

struct WireOption
{
    std::string id;
    std::string label; ///< "A", "B", ... by position
    core::RichText text;
    static constexpr auto fields()
    {
        return std::make_tuple(field("id", &WireOption::id), field("letter", &WireOption::label),
                               field("text", &WireOption::text));
    }
};

/// A question, with every option's full text.
struct QuestionShow
{
    std::uint32_t index = 0; ///< 0-based position in the class game
    std::uint32_t total = 0;
    std::string questionId;
    QuestionKind kind = QuestionKind::Single;
    core::RichText stem;
    std::vector<WireOption> options;
    std::uint32_t timeLimitMs = 0; ///< 0: no countdown
    std::uint32_t timeLeftMs = 0;  ///< less than the limit for a student joining late
    /// What this student already sent ({} if nothing): option ids; an ordering question's
    /// item letters in the order sent; a matching question's choice letter per prompt.
    std::vector<std::string> answered;
    /// Numeric questions: the unit, the decimal places and the rounding sentence to show;
    /// ordering and matching: `rule` says how the answer is scored.
    std::optional<std::string> unit;
    std::optional<std::uint32_t> round;
    std::optional<std::string> rule;
    /// Numeric questions: the number this student already sent, as the host read it.
    std::optional<std::string> answeredValue;
    /// Ordering questions: the items in a shuffled order (never the right one), each `id` and
    /// `letter` its letter by position.
    std::optional<std::vector<WireOption>> items;
    /// Matching questions: the prompts (`id` and `letter` "1", "2", ...) and the choices in a
    /// shuffled order (`id` and `letter` "A", "B", ...), distractors among them.
    std::optional<std::vector<WireOption>> prompts;
    std::optional<std::vector<WireOption>> choices;
    static constexpr const char* kType = "question";
    static constexpr auto fields()
    {
        using Q = QuestionShow;
        return std::make_tuple(
            field("question", &Q::index), field("total", &Q::total), field("id", &Q::questionId),
            field("kind", &Q::kind), field("stem", &Q::stem), field("options", &Q::options),
            field("timeLimit", &Q::timeLimitMs), field("timeLeft", &Q::timeLeftMs),
            field("answered", &Q::answered), field("unit", &Q::unit), field("round", &Q::round),
            field("rule", &Q::rule), field("answeredValue", &Q::answeredValue),
            field("items", &Q::items), field("prompts", &Q::prompts),
            field("choices", &Q::choices));
    }
};

/// The answer was taken (`accepted`), or why not.
struct Ack
{
    std::uint32_t index = 0;
    bool accepted = false;
    Reason reason = Reason::None;
    std::string text;
    static constexpr const char* kType = "ack";
    static constexpr auto fields()
    {
        return std::make_tuple(field("question", &Ack::index), field("accepted", &Ack::accepted),
                               field("reason", &Ack::reason), field("text", &Ack::text));
    }
};

/// The instructor paused the open question: answers wait, the countdown stands still.
struct Pause
{
    std::uint32_t index = 0;
    std::uint32_t timeLeftMs = 0;
    static constexpr const char* kType = "pause";
    static constexpr auto fields()
    {
        return std::make_tuple(field("question", &Pause::index),
                               field("timeLeft", &Pause::timeLeftMs));
    }
};

struct Resume
{
    std::uint32_t index = 0;
    std::uint32_t timeLeftMs = 0;
    static constexpr const char* kType = "resume";
    static constexpr auto fields()
    {
        return std::make_tuple(field("question", &Resume::index),
                               field("timeLeft", &Resume::timeLeftMs));
    }
};

struct RevealOption
{
    std::string id;
    std::string label;
    std::uint32_t count = 0; ///< students who chose it
    core::RichText rationale;
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("id", &RevealOption::id), field("letter", &RevealOption::label),
            field("count", &RevealOption::count), field("rationale", &RevealOption::rationale));
    }
};

/// One bar of a numeric question's reveal: "correct", a named "mistake" or "other".
struct RevealGroup
{
    std::string kind;
    std::string label;
    std::uint32_t count = 0;
    bool critical = false;
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("kind", &RevealGroup::kind), field("label", &RevealGroup::label),
            field("count", &RevealGroup::count), field("critical", &RevealGroup::critical));
    }
};

/// One line of an ordering or matching reveal. Ordering: an item in the right order, by the
/// letter it was shown with. Matching: a prompt (`letter` its number) with its right `choice`
/// letter and `answer` text.
struct RevealStep
{
    std::string label;
    core::RichText text;
    std::optional<std::string> choice;
    std::optional<core::RichText> answer;
    core::RichText rationale;
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("letter", &RevealStep::label), field("text", &RevealStep::text),
            field("choice", &RevealStep::choice), field("answer", &RevealStep::answer),
            field("rationale", &RevealStep::rationale));
    }
};

/// How this student did on the question just revealed.
struct RevealResult
{
    std::vector<std::string> optionIds; ///< {} when the student did not answer
    bool correct = false;
    bool partial = false;
    bool critical = false;
    std::int64_t points = 0; ///< bonuses included
    /// Numeric questions: the number read from what this student typed ("12.5 mL"), and the
    /// rationale of the named mistake it matched.
    std::optional<std::string> value;
    std::optional<core::RichText> mistake;
    /// Ordering and matching: what this student sent, in letters (as QuestionShow::answered),
    /// and how many adjacent pairs (matching: prompts) were right of how many.
    std::optional<std::vector<std::string>> order;
    std::optional<std::uint32_t> right;
    std::optional<std::uint32_t> of;
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("options", &RevealResult::optionIds), field("correct", &RevealResult::correct),
            field("partial", &RevealResult::partial), field("critical", &RevealResult::critical),
            field("points", &RevealResult::points), field("value", &RevealResult::value),
            field("mistake", &RevealResult::mistake), field("order", &RevealResult::order),
            field("right", &RevealResult::right), field("of", &RevealResult::of));
    }
};

/// The answer key, every option's rationale, the explanation, and this student's result.
struct Reveal
{
    std::uint32_t index = 0;
    std::vector<std::string> correctIds;
    std::vector<RevealOption> options;
    core::RichText explanation;
    std::uint32_t answeredCount = 0;
    RevealResult you;
    std::int64_t score = 0; ///< total so far
    std::uint32_t streak = 0;
    /// Numeric questions: the correct value with its unit ("16.2 mL") and the typed answers
    /// grouped (correct, each named mistake, other).
    /// Ordering and matching too: `groups` are all right, partly right and wrong ("correct",
    /// "partial", "wrong"), `correct` the right order's letters (matching: the right choice per
    /// prompt) and `steps` each item or prompt with its rationale.
    std::optional<std::string> answerText;
    std::optional<std::vector<RevealGroup>> groups;
    std::optional<std::vector<RevealStep>> steps;
    static constexpr const char* kType = "reveal";
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("question", &Reveal::index), field("correct", &Reveal::correctIds),
            field("options", &Reveal::options), field("explanation", &Reveal::explanation),
            field("answered", &Reveal::answeredCount), field("you", &Reveal::you),
            field("score", &Reveal::score), field("streak", &Reveal::streak),
            field("answerText", &Reveal::answerText), field("groups", &Reveal::groups),
            field("steps", &Reveal::steps));
    }
};

struct Standing
{
    std::uint32_t rank = 0; ///< 1-based; equal scores share a rank
    std::string nickname;
    std::int64_t score = 0;
    std::uint32_t correctCount = 0;
    static constexpr auto fields()
    {
        return std::make_tuple(
            field("rank", &Standing::rank), field("nickname", &Standing::nickname),
            field("score", &Standing::score), field("correct", &Standing::correctCount));
    }
};

/// This student's own place: rank of `of` students.
struct Place
{
    std::uint32_t rank = 0;
    std::int64_t score = 0;
    std::uint32_t correctCount = 0;
    std::uint32_t of = 0;
    static constexpr auto fields()
    {
        return std::make_tuple(field("rank", &Place::rank), field("score", &Place::score),
                               field("correct", &Place::correctCount), field("of", &Place::of));
    }
};

/// The top of the table (at most 5) and this student's place.
struct Leaderboard
{
    std::vector<Standing> top;
    Place you;
    static constexpr const char* kType = "leaderboard";
    static constexpr auto fields()
    {
        return std::make_tuple(field("top", &Leaderboard::top), field("you", &Leaderboard::you));
    }
};

/// The game is over: the top 10 and this student's final place.
struct End
{
    std::vector<Standing> top;
    Place you;
    static constexpr const char* kType = "final";
    static constexpr auto fields()
    {
        return std::make_tuple(field("top", &End::top), field("you", &End::you));
    }
};

/// Removed by the instructor; the host closes the connection after it.
struct Kick
{
    std::string text;
    static constexpr const char* kType = "kicked";
    static constexpr auto fields() { return std::make_tuple(field("text", &Kick::text)); }
};

/// A refusal or a drop. When `fatal`, the host closes the connection after it.
struct Refuse
{
    Reason reason = Reason::None;
    std::string text;
    bool fatal = true;
    static constexpr const char* kType = "error";
    static constexpr auto fields()
    {
        return std::make_tuple(field("reason", &Refuse::reason), field("text", &Refuse::text),
                               field("fatal", &Refuse::fatal));
    }
};

using Message = std::variant<Join, Rejoin, Answer, Leave, Ping, Pong, Welcome, Lobby, QuestionShow,
                             Ack, Pause, Resume, Reveal, Leaderboard, End, Kick, Refuse>;

/// The message's `type` word.
[[nodiscard]] const char* getType(const Message& message);

/// Who may send a message type: a student's decoder refuses host messages and the reverse.
enum class Sender
{
    Student,
    Host
};

/// One JSON object, as sent in a WebSocket text frame.
[[nodiscard]] std::string encode(const Message& message);

struct DecodeResult
{
    std::optional<Message> message;
    Reason error = Reason::None; ///< BadMessage or TooBig when there is no message
    std::string detail;          ///< what was wrong, for the log (never student text)
};

/// Decodes one message sent by `from`. Pure; never throws. Refused: over the size cap, invalid
/// UTF-8, not a JSON object, an unknown `type` or one `from` may not send, a missing field or
/// one of the wrong type or range, a string or list over its cap. Unknown fields are ignored.
[[nodiscard]] DecodeResult decode(std::string_view text, Sender from);

} // namespace quiz::net
