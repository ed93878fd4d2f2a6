#pragma once

#include "RichText.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quiz::core
{

/// The newest pack format this build reads: major version 1, minor 1 ("1.1" added numeric,
/// ordering and matching questions and cases; a "1" pack reads unchanged).
inline constexpr int kFormatVersion = 1;
inline constexpr int kFormatMinor = 1;

enum class QuestionType
{
    Single,    ///< exactly one correct option
    Multiple,  ///< select all that apply
    TrueFalse, ///< two options, ids "true" and "false"
    Numeric,   ///< a typed number with a unit (format 1.1); see Numeric.hpp
    Ordering,  ///< put items in order (format 1.1); Question::items, correct order first
    Matching   ///< match each prompt to an answer (format 1.1); Question::pairs
};

/// How a `multiple` question turns picks into points (see Scoring.hpp for the arithmetic).
enum class ScoringRule
{
    PlusMinus,    ///< +1 per correct pick, -1 per wrong pick, floor 0, normalised (the default)
    AllOrNothing, ///< full points only for exactly the correct set
    Weighted,     ///< sum of the picked options' weights (percent), clamped to 0..100
    /// Ordering: correct adjacent pairs / (n - 1); matching: correct pairs / prompts.
    /// The default of those two types.
    Partial
};

enum class OptionSeverity
{
    Normal,
    Critical ///< choosing it is a patient-safety error, reported apart from the score
};

enum class QuestionStatus
{
    Published,
    Review,
    Draft
};

/// A citation target: `<ref source="id" locator="p. 12"/>`.
struct Reference
{
    std::string sourceId;
    std::string locator;
    int line = 0;
};

struct Option
{
    std::string id;
    RichText text;
    RichText rationale;
    bool correct = false;
    double weight = 0.0; ///< percent, -100..100; used by ScoringRule::Weighted only
    bool fixed = false;  ///< keeps its position when options are shuffled
    OptionSeverity severity = OptionSeverity::Normal;
    std::vector<Reference> refs;
    int line = 0;
    int rationaleLine = 0;
};

struct Figure
{
    std::string src; ///< relative to the pack file's folder
    std::string alt;
    int line = 0;
};

/// Where an imported question came from, so a re-import updates instead of duplicating.
struct Origin
{
    std::string format; ///< "moodle-xml", "gift" or "qti"
    std::string file;
    std::string idnumber;
    std::string name;
    std::string category;
    /// Moodle's penalty per wrong try (0..1, as written there, e.g. "0.3333333"); "" when the
    /// source has none. Kept so export-moodle writes it back; the game does not use it.
    std::string penalty{};
};

/// Outcome feedback (`<feedback on="correct|partial|incorrect">`), kept from imports.
struct OutcomeFeedback
{
    std::string on;
    RichText text;
};

/// A variable of a numeric question or a case: `<vary name from to step>` or `<vary values>`.
/// Drawn in document order; `values` is empty for a range.
struct Variable
{
    std::string name;
    std::string unit;
    double from = 0.0;
    double to = 0.0;
    double step = 0.0;
    std::vector<double> values;
    int line = 0;

    [[nodiscard]] bool isList() const { return !values.empty(); }
};

/// The answer of a numeric question: a formula over the variables or a fixed value, the unit,
/// the decimal places the student rounds to, and the tolerance (absolute, or a fraction of the
/// answer when `relative`: "2%" is stored as 0.02).
struct NumericAnswer
{
    std::string formula; ///< "" when `value` is set
    std::optional<double> value;
    std::string unit;
    int round = 0;
    double tolerance = 0.0;
    bool relative = false;
    std::optional<double> min;
    std::optional<double> max;
    int line = 0;
};

/// A known wrong answer of a numeric question and its rationale.
struct Mistake
{
    std::string formula; ///< "" when `value` is set
    std::optional<double> value;
    RichText rationale;
    OptionSeverity severity = OptionSeverity::Normal;
    int line = 0;
};

/// One step of an ordering question (`<item id>` in `<items>`, written in the right order).
struct OrderItem
{
    std::string id;
    RichText text;
    RichText rationale; ///< why the step comes where it does
    int line = 0;
    int rationaleLine = 0;
};

/// One pair of a matching question (`<pair id>` in `<pairs>`): a prompt and its answer. A pair
/// with no prompt is a distractor: an answer that matches no prompt.
struct MatchPair
{
    std::string id;
    RichText prompt;
    RichText answer;
    RichText rationale;
    int line = 0;
    int rationaleLine = 0;

    [[nodiscard]] bool isDistractor() const { return prompt.isEmpty(); }
};

struct Question
{
    std::string id;
    QuestionType type = QuestionType::Single;
    std::string topicId;
    int difficulty = 0; ///< 1..5; 0 when unset (sorts as 3)
    std::string level;  ///< Bloom level or "" when unset
    double points = 1.0;
    int rev = 1;
    QuestionStatus status = QuestionStatus::Published;
    ScoringRule scoring = ScoringRule::PlusMinus;
    std::string lang; ///< overrides the pack's when set

    RichText stem;
    bool shuffle = true;
    std::string numbering = "ABC"; ///< "abc", "ABC", "123" or "none"
    /// For truefalse the loader builds two options, ids "true" then "false".
    std::vector<Option> options;
    RichText explanation;
    std::vector<RichText> hints;
    std::vector<OutcomeFeedback> feedback;
    std::optional<Figure> figure;
    std::vector<Reference> refs;
    std::vector<std::string> tags;
    std::optional<Origin> origin;

    /// Numeric questions (format 1.1): the variables, the answer and the known mistakes.
    std::vector<Variable> variables;
    std::optional<NumericAnswer> numeric;
    std::vector<Mistake> mistakes;
    std::string caseId; ///< the enclosing <case>, "" for a question on its own

    /// Ordering questions (format 1.1): the items in the right order.
    std::vector<OrderItem> items;
    /// Matching questions (format 1.1): the pairs, distractors (no prompt) among them.
    std::vector<MatchPair> pairs;

    int line = 0;
    int stemLine = 0;

    [[nodiscard]] int getEffectiveDifficulty() const { return difficulty == 0 ? 3 : difficulty; }
    [[nodiscard]] std::vector<std::string> getCorrectOptionIds() const;
    [[nodiscard]] const Option* findOption(const std::string& optionId) const;
    [[nodiscard]] const OrderItem* findItem(const std::string& itemId) const;
    [[nodiscard]] const MatchPair* findPair(const std::string& pairId) const;
};

struct Author
{
    std::string name;
    std::string credentials;
    std::string affiliation;
    std::string email;
    std::string role;
};

/// A record that someone checked the content (`<review by date>notes</review>`).
struct ReviewRecord
{
    std::string by;
    std::string date;
    std::string notes;
};

struct Source
{
    std::string id;
    std::string type; ///< book, article, web, guideline, label, other
    std::string url;
    std::string doi;
    std::string isbn;
    std::string accessed;
    std::string citation;
    int line = 0;
};

/// Topics form a tree; it is stored flat in document order with parent links.
struct Topic
{
    std::string id;
    std::string title;
    std::string parentId; ///< "" for a top-level topic
    int depth = 0;        ///< 0 for a top-level topic
    int line = 0;
    std::string description{}; ///< plain text, "" when the pack gives none
};

/// A scenario shared by 2..4 questions asked in order (`<case>`, format 1.1). Its questions
/// stay in Pack::questions (with caseId set); `questionIds` lists them in document order.
struct Case
{
    std::string id;
    std::string topicId;
    std::string title;
    RichText stem;
    std::optional<Figure> figure;
    std::vector<Variable> variables; ///< drawn once per round, shared by its questions
    std::vector<std::string> questionIds;
    int line = 0;
};

/// A question pack: one XML file plus images beside it. Plain value; no behaviour beyond lookups.
struct Pack
{
    int formatVersion = kFormatVersion;
    int formatMinor = 0; ///< "1.1" reads as 1 and 1
    std::string id;
    std::string version;
    std::string lang;
    std::string title;
    std::string description;
    std::vector<Author> authors;
    std::string license; ///< SPDX id or free text
    std::string created;
    std::string updated;
    std::string reviewBy;
    std::vector<ReviewRecord> reviews;
    std::vector<Source> sources;
    std::vector<Topic> topics;
    std::vector<Question> questions;
    std::vector<Case> cases;

    std::string path;    ///< the file it was loaded from ("" for a string)
    std::string baseDir; ///< folder figures are resolved against
    int line = 0;

    [[nodiscard]] const Topic* findTopic(const std::string& topicId) const;
    [[nodiscard]] const Source* findSource(const std::string& sourceId) const;
    [[nodiscard]] const Question* findQuestion(const std::string& questionId) const;
    [[nodiscard]] const Case* findCase(const std::string& caseId) const;
    /// The topic and all its descendants, in document order.
    [[nodiscard]] std::vector<std::string> getTopicSubtree(const std::string& topicId) const;
    /// Published questions in the topic or any of its subtopics.
    [[nodiscard]] std::size_t countPlayableQuestions(const std::string& topicId) const;
    /// Published questions in the whole pack.
    [[nodiscard]] std::size_t countPlayableQuestions() const;
};

[[nodiscard]] const char* toString(QuestionType type);
[[nodiscard]] const char* toString(ScoringRule rule);

/// The label shown before the option at `position` under a question's numbering ("ABC",
/// "abc", "123" or "none"); past the 26th letter, the option's number.
[[nodiscard]] std::string optionLabel(const std::string& numbering, std::size_t position);

} // namespace quiz::core
