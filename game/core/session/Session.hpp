#pragma once

#include "Scoring.hpp"
#include "core/pack/Numeric.hpp"
#include "core/pack/Pack.hpp"
#include "core/pack/QuestionKey.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiz::core
{

/// Tutor shows feedback after every answer; Exam shows it only at the end.
enum class Mode
{
    Tutor,
    Exam
};

/// Where a round is. Asking -> (Tutor: Feedback ->) Asking ... -> Finished.
enum class Phase
{
    Asking,
    Feedback,
    Finished
};

[[nodiscard]] const char* toString(Mode mode);

/// A pack, or one topic of it (with its subtopics) when `topicId` is set.
struct TopicSelection
{
    std::string packId;
    std::string topicId; ///< "" for the whole pack
};

/// What a round is made of. Only published questions are played.
struct SessionConfig
{
    std::vector<TopicSelection> selections; ///< empty: every pack given to the session
    std::vector<QuestionKey> onlyQuestions; ///< non-empty: restrict to these ("Retry missed")
    /// With onlyQuestions: play them in the listed order instead of shuffling (a review round
    /// plays the most urgent first). Keys not loaded are skipped; options are still shuffled.
    bool keepListedOrder = false;
    std::size_t count = 0; ///< 0: every matching question
    Mode mode = Mode::Tutor;
    int timerSeconds = 0; ///< per question; 0 = no timer
    std::uint32_t seed = 1;
};

/// One question as it is played: a copy of it, where it came from and the shown option order.
struct PlannedQuestion
{
    std::string packId;
    std::string packTitle;
    std::string topicTitle;
    Question question;
    std::vector<std::size_t> optionOrder; ///< shown position -> index into question.options
    /// Ordering: the order the items are first shown in (position -> index into
    /// question.items); never the right order when there are two or more.
    std::vector<std::size_t> itemOrder;
    /// Matching: the order of the answer choices (position -> index into question.pairs,
    /// distractors included). Prompts are shown in document order.
    std::vector<std::size_t> answerOrder;
    std::vector<Source> sources; ///< the pack's sources the question cites
    /// Numeric questions: the values drawn for this round (`question` is already instantiated
    /// with them: its stem, explanation and mistake rationales show the drawn numbers).
    std::optional<Draw> draw;
    /// A question of a case: the case shown above it (its stem instantiated), its 1-based
    /// position in the case and the case's size. caseSize 0 = not in a case.
    std::string caseId;
    std::string caseTitle;
    RichText caseStem;
    std::optional<Figure> caseFigure;
    int casePosition = 0;
    int caseSize = 0;
};

/// What the player did with one question.
struct AnswerRecord
{
    QuestionKey key;
    std::string topicId;
    std::vector<std::string> chosenOptionIds; ///< in the question's document order
    AnswerScore score;
    std::chrono::milliseconds timeTaken{0};
    bool timedOut = false;
    int hintsUsed = 0;
    /// Numeric questions: the number typed (nullopt when timed out) and the named mistake it
    /// matched (index into the question's mistakes, -1 for none).
    std::optional<double> typedValue;
    int mistakeIndex = -1;
    /// Ordering: the item ids as submitted, first to last (empty when timed out).
    std::vector<std::string> order;
    /// Matching: (prompt id, answer id) per prompt as submitted (empty when timed out).
    MatchList matches;
};

/// Points per topic for the results screen.
struct TopicSummary
{
    std::string topicId;
    std::string title;
    double points = 0.0;
    double maxPoints = 0.0;
    int questions = 0;
    int correct = 0;
};

struct SessionSummary
{
    double points = 0.0;
    double maxPoints = 0.0;
    double percent = 0.0; ///< 0..100; 0 when there was nothing to score
    int questions = 0;
    int correct = 0;
    int partial = 0;
    int timedOut = 0;
    int criticalErrors = 0;
    std::chrono::milliseconds totalTime{0};
    std::vector<TopicSummary> topics; ///< in order of first appearance
    std::vector<QuestionKey> missed;  ///< not fully correct, in play order
};

/// The label shown before the option at shown `position` of `question`: "1", "2" for true/false,
/// else per its numbering ("A", "a", "1"); the position's number when numbering is "none".
[[nodiscard]] std::string shownOptionLabel(const Question& question, std::size_t position);

/// The rules of one round, with no clock and no display: time comes in through advance(),
/// randomness from the seed. Every call that does not fit the phase is ignored and returns
/// false, so a stray key press can never corrupt a round.
class Session
{
public:
    /// Builds a round from `packs` (copied; the session keeps no pointers into them).
    /// Fails with a message when the selection names an unknown pack or topic or matches
    /// no published question.
    [[nodiscard]] static std::optional<Session>
    create(const std::vector<Pack>& packs, const SessionConfig& config, std::string& error);

    /// How many published questions a selection matches (for the set-up screen's counts).
    [[nodiscard]] static std::size_t countMatching(const std::vector<Pack>& packs,
                                                   const std::vector<TopicSelection>& selections);

    [[nodiscard]] const SessionConfig& getConfig() const { return m_config; }
    [[nodiscard]] Phase getPhase() const { return m_phase; }
    [[nodiscard]] bool isFinished() const { return m_phase == Phase::Finished; }
    [[nodiscard]] std::size_t getQuestionCount() const { return m_plan.size(); }
    /// 0-based index of the question being asked or reviewed (== count once finished).
    [[nodiscard]] std::size_t getCurrentIndex() const { return m_index; }
    [[nodiscard]] const PlannedQuestion& getQuestion(std::size_t index) const;
    /// The question being asked or shown in feedback; undefined once finished.
    [[nodiscard]] const PlannedQuestion& getCurrent() const { return getQuestion(m_index); }
    /// The option at shown position `position` of the current question, or nullptr.
    [[nodiscard]] const Option* getShownOption(std::size_t position) const;

    /// Selection state of the current question (multiple response), by option id.
    [[nodiscard]] const std::vector<std::string>& getSelection() const { return m_selection; }
    [[nodiscard]] bool isSelected(const std::string& optionId) const;
    /// Multiple: ticks or unticks the option. Single/truefalse: answers with it at once.
    bool pick(const std::string& optionId);
    /// Answers with the current selection (multiple response). An empty selection is allowed.
    bool submit();
    /// Answers the current numeric question with a typed value (Asking only; a non-finite
    /// value is refused). Use parseTypedNumber() on the player's text first.
    bool answerNumber(double value);
    /// Answers the current ordering question with the item ids in the player's order (Asking
    /// only). Ids the question does not have earn nothing.
    bool answerOrder(const std::vector<std::string>& itemIds);
    /// Answers the current matching question: (prompt pair id, answer pair id) per prompt
    /// (Asking only); a prompt left out or with "" is unmatched.
    bool answerMatches(const MatchList& matches);
    /// Reveals the next hint of the current question; returns its index, or -1 if none is left.
    int useHint();
    [[nodiscard]] int getHintsShown() const { return m_hintsShown; }
    /// Feedback -> next question (or Finished).
    bool next();
    /// Passes game time. With a timer, running out of time records the question unanswered.
    void advance(std::chrono::milliseconds elapsed);
    /// Time left for the current question, or nullopt without a timer or outside Asking.
    [[nodiscard]] std::optional<std::chrono::milliseconds> getTimeLeft() const;
    [[nodiscard]] std::chrono::milliseconds getTotalTime() const { return m_totalTime; }

    [[nodiscard]] const std::vector<AnswerRecord>& getAnswers() const { return m_answers; }
    /// The answer to the question at `index`, or nullptr when it has not been answered yet.
    [[nodiscard]] const AnswerRecord* getAnswer(std::size_t index) const;
    [[nodiscard]] SessionSummary summarize() const;

private:
    Session() = default;
    void record(std::vector<std::string> chosen, bool timedOut);
    void recordNumber(std::optional<double> typed);
    void recordSteps(std::vector<std::string> order, MatchList matches, bool timedOut);
    /// Tutor: to feedback; Exam: to the next question.
    void afterAnswer();
    void moveOn();

    SessionConfig m_config;
    std::vector<PlannedQuestion> m_plan;
    std::vector<AnswerRecord> m_answers;
    std::vector<std::string> m_selection;
    std::size_t m_index = 0;
    Phase m_phase = Phase::Asking;
    int m_hintsShown = 0;
    std::chrono::milliseconds m_questionTime{0};
    std::chrono::milliseconds m_totalTime{0};
};

} // namespace quiz::core
