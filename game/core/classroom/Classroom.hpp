#pragma once

#include "Nickname.hpp"
#include "NumericAnswers.hpp"
#include "StepsAnswers.hpp"
#include "core/pack/Pack.hpp"
#include "core/session/Scoring.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiz::core
{

/// The rules of a class game played together (over the network or on one projector): who
/// plays, which phase the class is in, what an answer is worth, and how the room answered.
/// Pure: time is passed in as milliseconds since the class began; no sockets, no clock.

enum class ClassPhase
{
    Lobby,
    Question,
    Reveal,
    Leaderboard,
    Finished
};

[[nodiscard]] const char* toString(ClassPhase phase);

/// Points for a fully correct answer to a question worth 1 point (a question's `points`
/// scales it). Accuracy comes first: the speed bonus tops out at half of this and applies to
/// fully correct answers only, so a right answer always beats a wrong one.
inline constexpr long long kClassBasePoints = 1000;
/// Streak bonus per consecutive correct answer after the first, capped at 5 steps.
inline constexpr long long kClassStreakStep = 100;

struct ClassSettings
{
    bool speedBonus = false;
    bool streaks = false;
    /// Answering closes by itself after this long; 0 means no countdown.
    std::chrono::milliseconds timeLimit{0};
    /// Window over which the speed bonus falls to zero when there is no countdown.
    std::chrono::milliseconds speedWindow{20000};
    /// Close the round (go to Reveal) once every connected player has answered.
    bool closeWhenAllAnswered = true;
    /// Seats: players connected at once. A dropped player keeps the score but not the seat.
    std::size_t maxPlayers = 1000;
    std::size_t maxNicknameCharacters = 24;
    /// Players remembered (connected or not); 0 means twice maxPlayers. When it is reached, the
    /// record of a dropped player who never answered is given to the next joiner.
    std::size_t maxRecords = 0;
    /// Numeric questions draw their numbers from this (question i from seed + i), ordering and
    /// matching questions their shown order.
    std::uint32_t seed = 1;
};

/// Why a request was not acted on. `None` means it was.
enum class ClassRefusal
{
    None,
    DuplicateNickname,
    LookAlikeNickname, ///< looks like a nickname already in the class (see nicknameKey())
    BadNickname,
    LobbyLocked,
    ClassFull,
    ClassFinished,
    Kicked,
    NotAnswerPhase,
    WrongQuestion,
    UnknownOption,
    AlreadyAnswered,
    EmptyAnswer,
    TooManyOptions,
    Paused,
    NotHost,
    UnknownPlayer,
    IncompleteAnswer, ///< an order or a matching that leaves out an item or a prompt
    RepeatedChoice,   ///< an item placed twice, or a prompt matched twice
    NothingToDo       ///< the command does not apply in this phase
};

[[nodiscard]] const char* toString(ClassRefusal refusal);

enum class HostCommand
{
    Start,
    Reveal,
    Next,
    Skip,
    Back,
    Pause,
    Resume,
    Lock,
    Unlock,
    End
};

/// Who asks. Only the host paces the class; a student's command is refused.
enum class ClassRole
{
    Host,
    Student
};

struct PlayerAnswer
{
    bool answered = false;
    std::vector<std::string> optionIds;
    std::chrono::milliseconds elapsed{0}; ///< from the question opening, pauses excluded
    long long points = 0;                 ///< set when the round closes, bonuses included
    bool correct = false;
    bool partial = false;
    bool critical = false;
    /// Numeric questions: the number the student typed and the named mistake it matched
    /// (-1 for none), set when the round closes.
    std::optional<double> typedValue;
    int mistakeIndex = -1;
    /// Ordering questions: the item ids as placed, first to last.
    std::vector<std::string> order;
    /// Matching questions: (prompt pair id, answer pair id), one per prompt.
    MatchList matches;
    /// Ordering and matching: adjacent pairs (matching: prompts) right, and how many there
    /// are, set when the round closes (see AnswerScore::partsRight).
    std::size_t partsRight = 0;
    std::size_t partsTotal = 0;
};

struct ClassPlayer
{
    std::string nickname;
    std::string key; ///< nicknameKey(nickname)
    bool connected = true;
    bool kicked = false;
    bool gone = false; ///< left before answering anything: counts nowhere, record reusable
    long long score = 0;
    int correctCount = 0;
    int answeredCount = 0;
    int streak = 0;
    int bestStreak = 0;
    std::vector<PlayerAnswer> answers; ///< one per question of the game
};

/// How the room answered one question. `optionCounts` follows the question's option order.
struct QuestionStats
{
    std::vector<std::size_t> optionCounts; ///< players' choices
    std::size_t answered = 0;              ///< players who answered
    std::size_t correct = 0;
    std::size_t partial = 0;
    std::size_t critical = 0;
    /// Numeric questions: the typed answers grouped (see groupNumericAnswers()); ordering and
    /// matching: see groupStepsAnswers(); empty otherwise.
    std::vector<AnswerGroup> answerGroups;
};

enum class QuestionState
{
    NotAsked,
    Open,
    Closed,
    Skipped
};

struct JoinOutcome
{
    ClassRefusal refusal = ClassRefusal::None;
    std::size_t player = 0; ///< index into getPlayers(), valid when refusal is None
    bool rejoined = false;  ///< a dropped player came back and kept their score
    bool recycled = false;  ///< `player` was the record of someone else, who can never return
};

struct ClassStanding
{
    std::size_t rank = 0; ///< 1-based; equal score and correct count share a rank
    std::size_t player = 0;
};

class Classroom
{
public:
    /// `questions` are played in the given order with options in the given order; numeric
    /// ones get their numbers drawn here (see ClassSettings::seed) and their text instantiated,
    /// ordering and matching ones their shown order (planClassSteps(), from the same seed).
    /// A numeric question that cannot be drawn scores every answer as wrong.
    explicit Classroom(std::vector<Question> questions, ClassSettings settings = {});

    /// Joins a new player. A joiner in the middle of a question may answer it. Refused: a bad
    /// nickname (see cleanNickname()), one taken by any remembered player (connected or not)
    /// or looking like one, kicked, locked lobby, every seat taken, finished.
    [[nodiscard]] JoinOutcome join(const std::string& nickname, std::chrono::milliseconds now);
    /// Gives a dropped player their seat back, score kept (the caller checked their secret).
    /// Refused: unknown, kicked, still connected, every seat taken.
    [[nodiscard]] ClassRefusal rejoin(std::size_t player, std::chrono::milliseconds now);
    /// The player's connection went away. Their score is kept for a rejoin and the seat is
    /// free; the round may close if everybody still connected has answered.
    void disconnect(std::size_t player, std::chrono::milliseconds now);
    /// The player quits on purpose: disconnect(), and a player who never answered is forgotten
    /// (their nickname is free again).
    void leave(std::size_t player, std::chrono::milliseconds now);
    /// Removes a player for good (they cannot rejoin under that nickname).
    [[nodiscard]] ClassRefusal kick(const std::string& nickname, std::chrono::milliseconds now);

    /// Records a player's answer to question `questionIndex`. Refused outside an open round,
    /// while paused, for another question, for unknown options, twice, empty, or several options
    /// on a single-answer question. Scores are settled when the round closes.
    [[nodiscard]] ClassRefusal answer(std::size_t player, std::size_t questionIndex,
                                      const std::vector<std::string>& optionIds,
                                      std::chrono::milliseconds now);

    /// Records a typed answer to the numeric question `questionIndex` (the host parsed the
    /// student's text with parseTypedNumber()). Refused as answer() is, and as UnknownOption for
    /// a question that is not numeric or a value that is not finite.
    [[nodiscard]] ClassRefusal answerNumber(std::size_t player, std::size_t questionIndex,
                                            double value, std::chrono::milliseconds now);
    /// The values drawn for numeric question `index` (its text shows them), or nullptr.
    [[nodiscard]] const Draw* getDraw(std::size_t index) const;

    /// Records an ordering answer: every item id of question `questionIndex` once, first to
    /// last. Refused as answer() is, and as UnknownOption for an id the question lacks or a
    /// question that is not an ordering one, RepeatedChoice for an id twice, IncompleteAnswer
    /// when an item is missing.
    [[nodiscard]] ClassRefusal answerOrder(std::size_t player, std::size_t questionIndex,
                                           const std::vector<std::string>& itemIds,
                                           std::chrono::milliseconds now);
    /// Records a matching answer: (prompt pair id, answer pair id) for every prompt once (two
    /// prompts may take the same answer). Refused as answerOrder() is.
    [[nodiscard]] ClassRefusal answerMatches(std::size_t player, std::size_t questionIndex,
                                             const MatchList& matches,
                                             std::chrono::milliseconds now);
    /// How ordering or matching question `index` is shown (empty orders for other types).
    [[nodiscard]] const ClassSteps& getSteps(std::size_t index) const { return m_steps[index]; }

    /// Pacing. Start: Lobby->Question. Reveal: closes answering. Next: Reveal->Leaderboard->
    /// next Question (or Finished after the last). Skip: drops the open question unscored and
    /// moves on. Back: shows the previous question's reveal again (the current question is
    /// discarded and asked again later). End: finishes early; open answers are scored.
    [[nodiscard]] ClassRefusal command(ClassRole role, HostCommand command,
                                       std::chrono::milliseconds now);

    /// Lets time pass: closes answering when the countdown has run out.
    void advance(std::chrono::milliseconds now);

    [[nodiscard]] ClassPhase getPhase() const { return m_phase; }
    /// Increases on every phase or question change, so a caller can notice one cheaply.
    [[nodiscard]] std::uint64_t getPhaseSerial() const { return m_phaseSerial; }
    [[nodiscard]] std::size_t getCurrentIndex() const { return m_current; }
    [[nodiscard]] std::size_t getQuestionCount() const { return m_questions.size(); }
    [[nodiscard]] const Question& getQuestion(std::size_t index) const
    {
        return m_questions[index];
    }
    [[nodiscard]] QuestionState getQuestionState(std::size_t index) const
    {
        return m_states[index];
    }
    [[nodiscard]] const QuestionStats& getStats(std::size_t index) const { return m_stats[index]; }
    [[nodiscard]] const std::vector<ClassPlayer>& getPlayers() const { return m_players; }
    [[nodiscard]] const ClassSettings& getSettings() const { return m_settings; }
    [[nodiscard]] bool isPaused() const { return m_paused; }
    [[nodiscard]] bool isLocked() const { return m_locked; }
    /// True in the Question phase while answers are taken.
    [[nodiscard]] bool isAnswering() const;
    [[nodiscard]] std::size_t countConnected() const;
    /// Connected players who answered the current question.
    [[nodiscard]] std::size_t countAnswered() const;
    /// Milliseconds left on the countdown (0 when there is none or it ran out).
    [[nodiscard]] std::chrono::milliseconds getTimeLeft(std::chrono::milliseconds now) const;
    /// Players who were not kicked (nor gone), best first.
    [[nodiscard]] std::vector<ClassStanding> getStandings() const;
    /// Index of the remembered player with this nickname (case-insensitive), or
    /// getPlayers().size().
    [[nodiscard]] std::size_t findPlayer(const std::string& nickname) const;

private:
    /// The player's answer slot for the current question when they may answer it now, else
    /// why not (unknown player, wrong phase, paused, another question, already answered).
    [[nodiscard]] ClassRefusal findOpenSlot(std::size_t player, std::size_t questionIndex,
                                            PlayerAnswer*& slot);
    void openQuestion(std::size_t index, std::chrono::milliseconds now);
    void closeRound();
    void discardQuestion(std::size_t index);
    void recomputeScores();
    /// Scores one recorded answer to question `index` (a numeric one is judged against its
    /// draw, and the matched mistake noted in `answer`).
    [[nodiscard]] AnswerScore scoreClassAnswer(std::size_t index, PlayerAnswer& answer) const;
    void closeIfEveryoneAnswered();
    void setPhase(ClassPhase phase);
    [[nodiscard]] ClassRefusal next(std::chrono::milliseconds now);
    [[nodiscard]] ClassRefusal back();
    [[nodiscard]] std::size_t findRecordFor(std::size_t seatsTaken) const;

    std::vector<Question> m_questions;
    ClassSettings m_settings;
    std::vector<QuestionState> m_states;
    std::vector<QuestionStats> m_stats;
    std::vector<std::optional<Draw>> m_draws;
    std::vector<ClassSteps> m_steps;
    std::vector<ClassPlayer> m_players;
    ClassPhase m_phase = ClassPhase::Lobby;
    std::uint64_t m_phaseSerial = 0;
    std::size_t m_current = 0;
    std::chrono::milliseconds m_openedAt{0};
    std::chrono::milliseconds m_pausedAt{0};
    bool m_paused = false;
    bool m_locked = false;
};

/// The questions for a class game: published questions of `pack` under any of `topicIds`
/// (all when empty), in seeded random order, at most `count` (all when 0), each with its
/// options shuffled (fixed options stay) unless the question says otherwise.
[[nodiscard]] std::vector<Question> pickClassQuestions(const Pack& pack,
                                                       const std::vector<std::string>& topicIds,
                                                       std::size_t count, std::uint32_t seed);

/// The published questions of `pack` in the topics (and their subtopics; every topic when
/// empty), in document order, whatever their type.
[[nodiscard]] std::vector<Question> selectClassQuestions(const Pack& pack,
                                                         const std::vector<std::string>& topicIds);

/// The letter a class sees before the option at `position` ("A", "B", ...): on the projector,
/// the students' screens and in the results.
[[nodiscard]] std::string classOptionLetter(std::size_t position);

/// Results as CSV for a gradebook, one table in long form with a `kind` column:
/// `player` rows (rank, nickname, score, correct answers), `answer` rows (per player and
/// question: the letters chosen as the class saw them, result, points, time from the question
/// opening), and `option` rows (per question and option: its letter and text, how many chose
/// it, whether it is correct). Every question row carries the question's text. Columns:
/// kind,rank,nickname,score,correct,question,question_id,question_text,option,option_text,
/// chosen,result,points,time_ms,count. Cells that a spreadsheet would run as a formula are
/// prefixed with a quote.
[[nodiscard]] std::string formatResultsCsv(const Classroom& classroom);
/// One `option` (or `hands`) row of the results CSV: question `number` (1-based), the option at
/// `option` with its letter and text, and `count`.
[[nodiscard]] std::string formatOptionRow(const char* kind, std::size_t number,
                                          const Question& question, std::size_t option,
                                          std::size_t count);

} // namespace quiz::core
