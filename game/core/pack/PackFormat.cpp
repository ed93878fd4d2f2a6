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
const std::vector<std::string> kScoring = {"plusMinus", "allOrNothing", "weighted"};
const std::vector<std::string> kNumbering = {"ABC", "abc", "123", "none"};
const std::vector<std::string> kSourceTypes = {"book",      "article", "web",
                                               "guideline", "label",   "other"};
const std::vector<std::string> kFeedbackOn = {"correct", "partial", "incorrect"};
const std::vector<std::string> kOriginFormats = {"moodle-xml", "gift", "qti"};

const PackLimits kLimits;
const int kMaxOptions = static_cast<int>(kLimits.maxOptions);
const int kMaxQuestions = static_cast<int>(kLimits.maxQuestions);

} // namespace

const std::vector<std::string> kBool = {"true", "false"};
const std::vector<std::string> kQuestionTypes = {"single", "multiple", "truefalse"};
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
                            {{"stem", &kStem, 1, 1},
                             // one slot: <options> for single and multiple, or two rationales
                             {"options", &kOptions, 0, 1, 1, 1},
                             {"rationale", &kTrueFalseRationale, 0, 2, 1, 2},
                             {"explanation", &kExplanation, 0, 1},
                             {"hint", &kHint, 0, kUnbounded},
                             {"feedback", &kFeedback, 0, 3},
                             {"figure", &kFigure, 0, 1},
                             // missing-ref: the checker's
                             {"ref", &kRef, 0, kUnbounded, -1, 1},
                             {"tag", &kTag, 0, kUnbounded},
                             {"origin", &kOrigin, 0, 1}}};
const ElementSpec kQuestions{"",
                             Content::Elements,
                             {},
                             // too-many-questions: the loader's, against its limits
                             {{"question", &kQuestion, 1, kUnbounded, -1, -1, kMaxQuestions}}};
const ElementSpec kPack{"",
                        Content::Elements,
                        {{"formatVersion", true, AttrType::Integer, nullptr, 1, kFormatVersion},
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

const std::vector<UniqueId> kUniqueIds = {{"uniqueQuestionId", "questions/question"},
                                          {"uniqueTopicId", ".//topic"},
                                          {"uniqueSourceId", "sources/source"}};

const std::vector<ChildSpec>& questionChildren(bool trueFalse)
{
    static const auto narrowed = [](bool forTrueFalse)
    {
        std::vector<ChildSpec> children = kQuestion.children;
        for (ChildSpec& child : children)
        {
            if (child.name == "options")
                child.min = child.max = forTrueFalse ? 0 : 1;
            else if (child.name == "rationale")
                child.max = forTrueFalse ? 2 : 0;
        }
        return children;
    };
    static const std::vector<ChildSpec> kTrueFalse = narrowed(true);
    static const std::vector<ChildSpec> kChoice = narrowed(false);
    return trueFalse ? kTrueFalse : kChoice;
}

} // namespace quiz::core::format
