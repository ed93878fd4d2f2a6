#include "PackFormat.hpp"

#include "Pack.hpp"
#include "PackLoader.hpp"

namespace quiz::core::format
{
namespace
{

const std::vector<std::string> kLevels = {"remember", "understand", "apply",
                                          "analyze",  "evaluate",   "create"};
const std::vector<std::string> kStatuses = {"published", "review", "draft"};
const std::vector<std::string> kScoring = {"plusMinus", "allOrNothing", "weighted", "partial"};
const std::vector<std::string> kNumbering = {"ABC", "abc", "123", "none"};
const std::vector<std::string> kSourceTypes = {"book",      "article", "web",
                                               "guideline", "label",   "other"};
const std::vector<std::string> kFeedbackOn = {"correct", "partial", "incorrect"};
const std::vector<std::string> kOriginFormats = {"moodle-xml", "gift", "qti"};

const PackLimits kLimits;
const int kMaxOptions = static_cast<int>(kLimits.maxOptions);
const int kMaxQuestions = static_cast<int>(kLimits.maxQuestions);
const int kMaxOrderItems = static_cast<int>(kMaxSteps);

} // namespace

const std::vector<std::string> kBool = {"true", "false"};
const std::vector<std::string> kQuestionTypes = {"single",  "multiple", "truefalse",
                                                 "numeric", "ordering", "matching"};
const std::vector<std::string> kFormatVersions = {"1", "1.0", "1.1"};
const std::vector<std::string> kSeverity = {"normal", "critical"};

const ElementSpec kTitle{"", Content::Text, {}, {}};
const ElementSpec kDescription{"", Content::Plain, {}, {}};
const ElementSpec kAuthor{"",
                          Content::Empty,
                          {{"name", true, AttrType::Text},
                           {"credentials", false, AttrType::Text},
                           {"affiliation", false, AttrType::Text},
                           {"email", false, AttrType::Text},
                           {"role", false, AttrType::Text}},
                          {}};
const ElementSpec kLicense{"", Content::Plain, {{"spdx", false, AttrType::Text}}, {}};
const ElementSpec kDates{"",
                         Content::Empty,
                         {{"created", true, AttrType::Date},
                          {"updated", false, AttrType::Date},
                          {"reviewBy", true, AttrType::Date}},
                         {}};
const ElementSpec kReview{
    "", Content::Plain, {{"by", true, AttrType::Text}, {"date", true, AttrType::Date}}, {}};
const ElementSpec kSource{"",
                          Content::Text,
                          {{"id", true, AttrType::Id},
                           {"type", true, AttrType::Enum, &kSourceTypes},
                           {"url", false, AttrType::Text},
                           {"doi", false, AttrType::Text},
                           {"isbn", false, AttrType::Text},
                           {"accessed", false, AttrType::Date}},
                          {}};
const ElementSpec kSources{"", Content::Elements, {}, {{"source", &kSource, 1, kUnbounded}}};
const ElementSpec kTopic{"Topic",
                         Content::Elements,
                         {{"id", true, AttrType::Id}, {"title", true, AttrType::Text}},
                         {{"description", &kDescription, 0, 1}, {"topic", &kTopic, 0, kUnbounded}}};
const ElementSpec kTopics{"", Content::Elements, {}, {{"topic", &kTopic, 1, kUnbounded}}};

const ElementSpec kStem{"", Content::Rich, {}, {}};
const ElementSpec kRef{
    "Ref", Content::Empty, {{"source", true, AttrType::Id}, {"locator", true, AttrType::Text}}, {}};
const ElementSpec kOptionText{"", Content::Rich, {}, {}};
const ElementSpec kOptionRationale{"", Content::Rich, {}, {}};
const ElementSpec kOption{"Option",
                          Content::Elements,
                          {{"id", true, AttrType::Id},
                           {"correct", false, AttrType::Enum, &kBool},
                           {"weight", false, AttrType::Number, nullptr, -100, 100},
                           {"fixed", false, AttrType::Enum, &kBool},
                           {"severity", false, AttrType::Enum, &kSeverity}},
                          {{"text", &kOptionText, 1, 1},
                           // missing-rationale: the checker's, with the option's line
                           {"rationale", &kOptionRationale, 0, 1, -1, 1},
                           {"ref", &kRef, 0, kUnbounded}}};
const ElementSpec kOptions{
    "Options",
    Content::Elements,
    {{"shuffle", false, AttrType::Enum, &kBool}, {"numbering", false, AttrType::Enum, &kNumbering}},
    // too-few-options and too-many-options: the checker's
    {{"option", &kOption, 0, kUnbounded, -1, 2, kMaxOptions}}};
const ElementSpec kTrueFalseRationale{
    "TrueFalseRationale",
    Content::Rich,
    {{"for", true, AttrType::Enum, &kBool}, {"severity", false, AttrType::Enum, &kSeverity}},
    {}};
const ElementSpec kExplanation{"", Content::Rich, {}, {}};
const ElementSpec kHint{"", Content::Rich, {}, {}};
const ElementSpec kFeedback{
    "Feedback", Content::Rich, {{"on", true, AttrType::Enum, &kFeedbackOn}}, {}};
const ElementSpec kFigure{
    "", Content::Empty, {{"src", true, AttrType::Text}, {"alt", true, AttrType::Text}}, {}};
const ElementSpec kTag{"", Content::Plain, {}, {}};
const ElementSpec kOrigin{"",
                          Content::Empty,
                          {{"format", true, AttrType::Enum, &kOriginFormats},
                           {"file", false, AttrType::Text},
                           {"idnumber", false, AttrType::Text},
                           {"name", false, AttrType::Text},
                           {"category", false, AttrType::Text},
                           {"penalty", false, AttrType::Number, nullptr, 0, 1}},
                          {}};
const ElementSpec kVary{"Vary",
                        Content::Empty,
                        {{"name", true, AttrType::Name},
                         {"from", false, AttrType::Number, nullptr, -kMaxQuantity, kMaxQuantity},
                         {"to", false, AttrType::Number, nullptr, -kMaxQuantity, kMaxQuantity},
                         {"step", false, AttrType::Number, nullptr, 0, kMaxQuantity},
                         {"values", false, AttrType::NumberList},
                         {"unit", false, AttrType::Text}},
                        {}};
const ElementSpec kAnswer{"",
                          Content::Empty,
                          {{"formula", false, AttrType::Text},
                           {"value", false, AttrType::Number, nullptr, -kMaxQuantity, kMaxQuantity},
                           {"unit", true, AttrType::AnyText},
                           {"round", true, AttrType::Integer, nullptr, 0, 9},
                           {"tolerance", false, AttrType::Tolerance},
                           {"min", false, AttrType::Number, nullptr, -kMaxQuantity, kMaxQuantity},
                           {"max", false, AttrType::Number, nullptr, -kMaxQuantity, kMaxQuantity}},
                          {}};
const ElementSpec kMistake{
    "",
    Content::Rich,
    {{"formula", false, AttrType::Text},
     {"value", false, AttrType::Number, nullptr, -kMaxQuantity, kMaxQuantity},
     {"severity", false, AttrType::Enum, &kSeverity}},
    {}};
const ElementSpec kItemText{"", Content::Rich, {}, {}};
const ElementSpec kItemRationale{"", Content::Rich, {}, {}};
const ElementSpec kItem{"Item",
                        Content::Elements,
                        {{"id", true, AttrType::Id}},
                        {{"text", &kItemText, 1, 1},
                         // missing-rationale: the checker's, with the item's line
                         {"rationale", &kItemRationale, 0, 1, -1, 1}}};
const ElementSpec kItems{"Items",
                         Content::Elements,
                         {},
                         // order-size: the checker's
                         {{"item", &kItem, 0, kUnbounded, -1, 2, kMaxOrderItems}}};
const ElementSpec kPairPrompt{"", Content::Rich, {}, {}};
const ElementSpec kPairAnswer{"", Content::Rich, {}, {}};
const ElementSpec kPair{"Pair",
                        Content::Elements,
                        {{"id", true, AttrType::Id}},
                        // no <prompt>: a distractor answer that matches no prompt
                        {{"prompt", &kPairPrompt, 0, 1},
                         {"answer", &kPairAnswer, 1, 1},
                         {"rationale", &kItemRationale, 0, 1, -1, 1}}};
const ElementSpec kPairs{"Pairs",
                         Content::Elements,
                         {},
                         // match-size: the checker's (2..10 prompts, distractors besides)
                         {{"pair", &kPair, 0, kUnbounded, -1, 2}}};
const ElementSpec kQuestion{"Question",
                            Content::Elements,
                            {{"id", true, AttrType::Id},
                             {"type", true, AttrType::Enum, &kQuestionTypes},
                             {"topic", true, AttrType::Id},
                             {"difficulty", false, AttrType::Difficulty},
                             {"level", false, AttrType::Enum, &kLevels},
                             {"points", false, AttrType::PositiveNumber},
                             {"rev", false, AttrType::Integer, nullptr, 1, 1000000},
                             {"status", false, AttrType::Enum, &kStatuses},
                             {"scoring", false, AttrType::Enum, &kScoring},
                             {"answer", false, AttrType::Enum, &kBool},
                             {"lang", false, AttrType::Lang}},
                            {{"vary", &kVary, 0, kUnbounded},
                             {"stem", &kStem, 1, 1},
                             // one slot: <options> for single and multiple, two rationales
                             // for truefalse, <answer> for numeric (numeric-no-answer: the
                             // checker's), <items> for ordering, <pairs> for matching
                             {"options", &kOptions, 0, 1, 2, 1},
                             {"rationale", &kTrueFalseRationale, 0, 2, 2, 2},
                             {"answer", &kAnswer, 0, 1, 2, 1},
                             {"items", &kItems, 0, 1, 2, 1},
                             {"pairs", &kPairs, 0, 1, 2, 1},
                             {"mistake", &kMistake, 0, kUnbounded, 3},
                             {"explanation", &kExplanation, 0, 1, 4},
                             {"hint", &kHint, 0, kUnbounded, 5},
                             {"feedback", &kFeedback, 0, 3, 6},
                             {"figure", &kFigure, 0, 1, 7},
                             // missing-ref: the checker's
                             {"ref", &kRef, 0, kUnbounded, 8, 1},
                             {"tag", &kTag, 0, kUnbounded, 9},
                             {"origin", &kOrigin, 0, 1, 10}}};
const ElementSpec kCaseTitle{"", Content::Text, {}, {}};
const ElementSpec kCaseStem{"", Content::Rich, {}, {}};
const ElementSpec kCase{"Case",
                        Content::Elements,
                        {{"id", true, AttrType::Id}, {"topic", true, AttrType::Id}},
                        {{"title", &kCaseTitle, 1, 1},
                         {"vary", &kVary, 0, kUnbounded},
                         {"stem", &kCaseStem, 1, 1},
                         {"figure", &kFigure, 0, 1},
                         // case-size: the checker's
                         {"question", &kQuestion, 0, kUnbounded, -1, 2, 4}}};
const ElementSpec kQuestions{"",
                             Content::Elements,
                             {},
                             // too-many-questions: the loader's, against its limits; questions
                             // and cases mix in any order, at least one of them
                             {{"question", &kQuestion, 0, kUnbounded, 0, 1, kMaxQuestions},
                              {"case", &kCase, 0, kUnbounded, 0}}};
const ElementSpec kPack{"",
                        Content::Elements,
                        {{"formatVersion", true, AttrType::Enum, &kFormatVersions},
                         {"id", true, AttrType::PackId},
                         {"version", true, AttrType::Version},
                         {"lang", false, AttrType::Lang}},
                        {{"title", &kTitle, 1, 1},
                         {"description", &kDescription, 0, 1},
                         {"author", &kAuthor, 1, kUnbounded},
                         {"license", &kLicense, 1, 1},
                         {"dates", &kDates, 1, 1},
                         {"review", &kReview, 0, kUnbounded},
                         {"sources", &kSources, 1, 1},
                         {"topics", &kTopics, 1, 1},
                         {"questions", &kQuestions, 1, 1}}};

const std::vector<UniqueId> kUniqueIds = {
    {"uniqueQuestionId", "questions/question | questions/case/question"},
    {"uniqueCaseId", "questions/case"},
    {"uniqueTopicId", ".//topic"},
    {"uniqueSourceId", "sources/source"}};

const std::vector<ChildSpec>& questionChildren(QuestionType type)
{
    static const auto narrowed = [](QuestionType forType)
    {
        const bool trueFalse = forType == QuestionType::TrueFalse;
        const bool numeric = forType == QuestionType::Numeric;
        const bool ordering = forType == QuestionType::Ordering;
        const bool matching = forType == QuestionType::Matching;
        std::vector<ChildSpec> children = kQuestion.children;
        for (ChildSpec& child : children)
        {
            if (child.name == "options")
                child.min = child.max = trueFalse || numeric || ordering || matching ? 0 : 1;
            else if (child.name == "rationale")
                child.max = trueFalse ? 2 : 0;
            else if (child.name == "answer")
                child.max = numeric ? 1 : 0;
            else if (child.name == "items")
                child.min = child.max = ordering ? 1 : 0;
            else if (child.name == "pairs")
                child.min = child.max = matching ? 1 : 0;
            else if (child.name == "mistake" || child.name == "vary")
                child.max = numeric ? kUnbounded : 0;
        }
        return children;
    };
    static const std::vector<ChildSpec> kTrueFalse = narrowed(QuestionType::TrueFalse);
    static const std::vector<ChildSpec> kChoice = narrowed(QuestionType::Single);
    static const std::vector<ChildSpec> kNumericChildren = narrowed(QuestionType::Numeric);
    static const std::vector<ChildSpec> kOrderingChildren = narrowed(QuestionType::Ordering);
    static const std::vector<ChildSpec> kMatchingChildren = narrowed(QuestionType::Matching);
    switch (type)
    {
    case QuestionType::TrueFalse:
        return kTrueFalse;
    case QuestionType::Numeric:
        return kNumericChildren;
    case QuestionType::Ordering:
        return kOrderingChildren;
    case QuestionType::Matching:
        return kMatchingChildren;
    case QuestionType::Single:
    case QuestionType::Multiple:
        break;
    }
    return kChoice;
}

} // namespace quiz::core::format
