#include "PackReader.hpp"

#include "XmlSchema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace quiz::core
{
namespace
{

const std::vector<std::string> kBool = {"true", "false"};
const std::vector<std::string> kQuestionTypes = {"single", "multiple", "truefalse"};
const std::vector<std::string> kLevels = {"remember", "understand", "apply",
                                          "analyze",  "evaluate",   "create"};
const std::vector<std::string> kStatuses = {"published", "review", "draft"};
const std::vector<std::string> kScoring = {"plusMinus", "allOrNothing", "weighted"};
const std::vector<std::string> kNumbering = {"ABC", "abc", "123", "none"};
const std::vector<std::string> kSeverity = {"normal", "critical"};
const std::vector<std::string> kSourceTypes = {"book",      "article", "web",
                                               "guideline", "label",   "other"};
const std::vector<std::string> kFeedbackOn = {"correct", "partial", "incorrect"};
const std::vector<std::string> kOriginFormats = {"moodle-xml", "gift", "qti"};

class Reader
{
public:
    Reader(const PackLimits& limits, DiagnosticList& out) : m_schema(out), m_limits(limits) {}

    std::optional<Pack> read(const XmlTreeNode& root);

private:
    void readMetadata(const XmlTreeNode& root, Pack& pack);
    void readSources(const XmlTreeNode& sources, Pack& pack);
    void readTopics(const XmlTreeNode& parent, const std::string& parentId, int depth, Pack& pack);
    void readQuestion(const XmlTreeNode& element, Question& question);
    void readOptions(const XmlTreeNode& element, Question& question);
    void readTrueFalse(const XmlTreeNode& element, Question& question);
    void readRefs(const XmlTreeNode& element, std::vector<Reference>& refs);
    void readQuestionExtras(const XmlTreeNode& element, Question& question);

    Schema m_schema;
    const PackLimits& m_limits;
};

std::optional<Pack> Reader::read(const XmlTreeNode& root)
{
    if (root.name != "pack")
    {
        std::string message = "the root element is <" + std::string(root.name) +
                              ">; a question pack starts with <pack formatVersion=\"1\" ...>";
        if (root.name == "quiz" || root.name == "assessmentItem" ||
            root.name == "qti-assessment-item")
            message += " (to bring in this file, use 'heparin-quiz import')";
        m_schema.diagnostics().error(root.line, "wrong-root", message);
        return std::nullopt;
    }
    Pack pack;
    pack.line = root.line;
    const XmlTreeAttribute* version = root.findAttribute("formatVersion");
    if (version != nullptr)
    {
        long long number = 0;
        if (parseWholeNumber(version->value, number) && number > kFormatVersion)
        {
            m_schema.diagnostics().error(
                root.line, "format-version-unsupported",
                "this pack uses format version " + std::string(version->value) +
                    "; this game reads up to " + std::to_string(kFormatVersion) +
                    ". Update the game to play it");
            return std::nullopt;
        }
    }
    m_schema.checkAttributes(
        root, {{"formatVersion", true, AttrType::Integer, nullptr, 1, kFormatVersion},
               {"id", true, AttrType::PackId},
               {"version", true, AttrType::Version},
               {"lang", false, AttrType::Lang}});
    pack.formatVersion = static_cast<int>(m_schema.getInteger(root, "formatVersion", 1));
    pack.id = root.getAttribute("id");
    pack.version = root.getAttribute("version");
    pack.lang = root.getAttribute("lang");

    m_schema.checkChildren(root, {{"title", 1, 1},
                                  {"description", 0, 1},
                                  {"author", 1, kUnbounded},
                                  {"license", 1, 1},
                                  {"dates", 1, 1},
                                  {"review", 0, kUnbounded},
                                  {"sources", 1, 1},
                                  {"topics", 1, 1},
                                  {"questions", 1, 1}});
    readMetadata(root, pack);
    if (const XmlTreeNode* sources = root.findChild("sources"))
        readSources(*sources, pack);
    if (const XmlTreeNode* topics = root.findChild("topics"))
    {
        m_schema.checkAttributes(*topics, {});
        m_schema.checkChildren(*topics, {{"topic", 1, kUnbounded}});
        readTopics(*topics, "", 0, pack);
    }
    if (const XmlTreeNode* questions = root.findChild("questions"))
    {
        m_schema.checkAttributes(*questions, {});
        m_schema.checkChildren(*questions, {{"question", 1, kUnbounded}});
        std::size_t count = 0;
        for (const XmlTreeNode* element : questions->findChildren("question"))
            count += element != nullptr ? 1 : 0;
        pack.questions.reserve(std::min(count, m_limits.maxQuestions));
        for (const XmlTreeNode* element : questions->findChildren("question"))
        {
            if (pack.questions.size() >= m_limits.maxQuestions)
            {
                m_schema.diagnostics().error(element->line, "too-many-questions",
                                             "more than " + std::to_string(m_limits.maxQuestions) +
                                                 " questions in one pack; split it");
                break;
            }
            Question question;
            readQuestion(*element, question);
            pack.questions.push_back(std::move(question));
        }
    }
    return pack;
}

void Reader::readMetadata(const XmlTreeNode& root, Pack& pack)
{
    if (const XmlTreeNode* title = root.findChild("title"))
    {
        m_schema.checkAttributes(*title, {});
        pack.title = m_schema.readPlain(*title);
    }
    if (const XmlTreeNode* description = root.findChild("description"))
    {
        m_schema.checkAttributes(*description, {});
        pack.description = m_schema.readPlain(*description);
    }
    for (const XmlTreeNode* element : root.findChildren("author"))
    {
        m_schema.checkAttributes(*element, {{"name", true, AttrType::Text},
                                            {"credentials", false, AttrType::Text},
                                            {"affiliation", false, AttrType::Text},
                                            {"email", false, AttrType::Text},
                                            {"role", false, AttrType::Text}});
        m_schema.checkEmpty(*element);
        Author author;
        author.name = element->getAttribute("name");
        author.credentials = element->getAttribute("credentials");
        author.affiliation = element->getAttribute("affiliation");
        author.email = element->getAttribute("email");
        author.role = element->getAttribute("role");
        pack.authors.push_back(std::move(author));
    }
    if (const XmlTreeNode* license = root.findChild("license"))
    {
        m_schema.checkAttributes(*license, {{"spdx", false, AttrType::Text}});
        const std::string text = m_schema.readPlain(*license);
        pack.license = license->getAttribute("spdx", text);
        if (pack.license.empty())
            m_schema.diagnostics().error(license->line, "missing-attribute",
                                         "<license> needs spdx=\"...\" or the licence text");
    }
    if (const XmlTreeNode* dates = root.findChild("dates"))
    {
        m_schema.checkAttributes(*dates, {{"created", true, AttrType::Date},
                                          {"updated", false, AttrType::Date},
                                          {"reviewBy", true, AttrType::Date}});
        m_schema.checkEmpty(*dates);
        pack.created = dates->getAttribute("created");
        pack.updated = dates->getAttribute("updated");
        pack.reviewBy = dates->getAttribute("reviewBy");
    }
    for (const XmlTreeNode* element : root.findChildren("review"))
    {
        m_schema.checkAttributes(*element,
                                 {{"by", true, AttrType::Text}, {"date", true, AttrType::Date}});
        ReviewRecord review;
        review.by = element->getAttribute("by");
        review.date = element->getAttribute("date");
        review.notes = m_schema.readPlain(*element);
        pack.reviews.push_back(std::move(review));
    }
}

void Reader::readSources(const XmlTreeNode& sources, Pack& pack)
{
    m_schema.checkAttributes(sources, {});
    m_schema.checkChildren(sources, {{"source", 1, kUnbounded}});
    for (const XmlTreeNode* element : sources.findChildren("source"))
    {
        m_schema.checkAttributes(*element, {{"id", true, AttrType::Id},
                                            {"type", true, AttrType::Enum, &kSourceTypes},
                                            {"url", false, AttrType::Text},
                                            {"doi", false, AttrType::Text},
                                            {"isbn", false, AttrType::Text},
                                            {"accessed", false, AttrType::Date}});
        Source source;
        source.id = element->getAttribute("id");
        source.type = element->getAttribute("type");
        source.url = element->getAttribute("url");
        source.doi = element->getAttribute("doi");
        source.isbn = element->getAttribute("isbn");
        source.accessed = element->getAttribute("accessed");
        source.citation = m_schema.readPlain(*element);
        source.line = element->line;
        if (source.citation.empty())
            m_schema.diagnostics().error(element->line, "empty-text",
                                         "source '" + source.id + "' has no citation text");
        pack.sources.push_back(std::move(source));
    }
}

void Reader::readTopics(const XmlTreeNode& parent, const std::string& parentId, int depth,
                        Pack& pack)
{
    for (const XmlTreeNode* element : parent.findChildren("topic"))
    {
        m_schema.checkAttributes(*element,
                                 {{"id", true, AttrType::Id}, {"title", true, AttrType::Text}});
        m_schema.checkChildren(*element, {{"topic", 0, kUnbounded}});
        Topic topic;
        topic.id = element->getAttribute("id");
        topic.title = element->getAttribute("title");
        topic.parentId = parentId;
        topic.depth = depth;
        topic.line = element->line;
        pack.topics.push_back(topic);
        readTopics(*element, topic.id, depth + 1, pack);
    }
}

void Reader::readRefs(const XmlTreeNode& element, std::vector<Reference>& refs)
{
    for (const XmlTreeNode* ref : element.findChildren("ref"))
    {
        m_schema.checkAttributes(
            *ref, {{"source", true, AttrType::Id}, {"locator", true, AttrType::Text}});
        m_schema.checkEmpty(*ref);
        refs.push_back({ref->getAttribute("source"), ref->getAttribute("locator"), ref->line});
    }
}

void Reader::readQuestion(const XmlTreeNode& element, Question& question)
{
    question.line = element.line;
    m_schema.checkAttributes(element, {{"id", true, AttrType::Id},
                                       {"type", true, AttrType::Enum, &kQuestionTypes},
                                       {"topic", true, AttrType::Id},
                                       {"difficulty", false, AttrType::Difficulty},
                                       {"level", false, AttrType::Enum, &kLevels},
                                       {"points", false, AttrType::PositiveNumber},
                                       {"rev", false, AttrType::Integer, nullptr, 1, 1000000},
                                       {"status", false, AttrType::Enum, &kStatuses},
                                       {"scoring", false, AttrType::Enum, &kScoring},
                                       {"answer", false, AttrType::Enum, &kBool},
                                       {"lang", false, AttrType::Lang}});
    question.id = element.getAttribute("id");
    const std::string type = element.getAttribute("type", "single");
    question.type = type == "multiple"    ? QuestionType::Multiple
                    : type == "truefalse" ? QuestionType::TrueFalse
                                          : QuestionType::Single;
    question.topicId = element.getAttribute("topic");
    question.difficulty = static_cast<int>(m_schema.getInteger(element, "difficulty", 0));
    question.level = element.getAttribute("level");
    question.points = m_schema.getNumber(element, "points", 1.0);
    question.rev = static_cast<int>(m_schema.getInteger(element, "rev", 1));
    question.lang = element.getAttribute("lang");
    const std::string status = element.getAttribute("status", "published");
    question.status = status == "draft"    ? QuestionStatus::Draft
                      : status == "review" ? QuestionStatus::Review
                                           : QuestionStatus::Published;
    const std::string scoring = element.getAttribute("scoring", "plusMinus");
    question.scoring = scoring == "allOrNothing" ? ScoringRule::AllOrNothing
                       : scoring == "weighted"   ? ScoringRule::Weighted
                                                 : ScoringRule::PlusMinus;
    const Owner owner{"question", question.id};
    const auto where = [&] { return "question '" + question.id + "'"; };
    if (element.findAttribute("scoring") != nullptr && question.type != QuestionType::Multiple)
        m_schema.diagnostics().error(element.line, "bad-value",
                                     where() + ": scoring= applies only to type=\"multiple\"");

    const bool trueFalse = question.type == QuestionType::TrueFalse;
    m_schema.checkChildren(element,
                           {{"stem", 1, 1},
                            {"options", trueFalse ? 0 : 1, trueFalse ? 0 : 1, 1},
                            {"rationale", 0, trueFalse ? 2 : 0, 1},
                            {"explanation", 0, 1},
                            {"hint", 0, kUnbounded},
                            {"feedback", 0, 3},
                            {"figure", 0, 1},
                            {"ref", 0, kUnbounded},
                            {"tag", 0, kUnbounded},
                            {"origin", 0, 1}},
                           owner);
    if (const XmlTreeNode* stem = element.findChild("stem"))
    {
        m_schema.checkAttributes(*stem, {});
        question.stem = m_schema.readRich(*stem);
        question.stemLine = stem->line;
    }
    if (trueFalse)
    {
        if (element.findAttribute("answer") == nullptr)
            m_schema.diagnostics().error(element.line, "missing-attribute",
                                         where() + " is truefalse and needs answer=\"true|false\"");
        readTrueFalse(element, question);
    }
    else
    {
        if (element.findAttribute("answer") != nullptr)
            m_schema.diagnostics().error(element.line, "bad-value",
                                         where() + ": answer= applies only to type=\"truefalse\"");
        if (const XmlTreeNode* options = element.findChild("options"))
            readOptions(*options, question);
    }
    readQuestionExtras(element, question);
}

void Reader::readOptions(const XmlTreeNode& element, Question& question)
{
    m_schema.checkAttributes(element, {{"shuffle", false, AttrType::Enum, &kBool},
                                       {"numbering", false, AttrType::Enum, &kNumbering}});
    m_schema.checkChildren(element, {{"option", 0, kUnbounded}});
    question.shuffle = element.getAttribute("shuffle", "true") == "true";
    question.numbering = element.getAttribute("numbering", "ABC");
    for (const XmlTreeNode* optionElement : element.findChildren("option"))
    {
        m_schema.checkAttributes(*optionElement,
                                 {{"id", true, AttrType::Id},
                                  {"correct", false, AttrType::Enum, &kBool},
                                  {"weight", false, AttrType::Number, nullptr, -100, 100},
                                  {"fixed", false, AttrType::Enum, &kBool},
                                  {"severity", false, AttrType::Enum, &kSeverity}});
        Option option;
        option.id = optionElement->getAttribute("id");
        option.correct = optionElement->getAttribute("correct") == "true";
        option.weight = m_schema.getNumber(*optionElement, "weight", 0.0);
        option.fixed = optionElement->getAttribute("fixed") == "true";
        option.severity = optionElement->getAttribute("severity") == "critical"
                              ? OptionSeverity::Critical
                              : OptionSeverity::Normal;
        option.line = optionElement->line;
        m_schema.checkChildren(*optionElement,
                               {{"text", 1, 1}, {"rationale", 0, 1}, {"ref", 0, kUnbounded}},
                               Owner{"option", option.id});
        if (const XmlTreeNode* text = optionElement->findChild("text"))
        {
            m_schema.checkAttributes(*text, {});
            option.text = m_schema.readRich(*text);
        }
        if (const XmlTreeNode* rationale = optionElement->findChild("rationale"))
        {
            m_schema.checkAttributes(*rationale, {});
            option.rationale = m_schema.readRich(*rationale);
            option.rationaleLine = rationale->line;
        }
        readRefs(*optionElement, option.refs);
        question.options.push_back(std::move(option));
    }
}

void Reader::readTrueFalse(const XmlTreeNode& element, Question& question)
{
    const bool answer = element.getAttribute("answer") == "true";
    for (const char* value : {"true", "false"})
    {
        Option option;
        option.id = value;
        option.text = RichText::fromPlain(value[0] == 't' ? "True" : "False");
        option.correct = (value[0] == 't') == answer;
        option.line = element.line;
        question.options.push_back(std::move(option));
    }
    question.shuffle = false;
    for (const XmlTreeNode* rationale : element.findChildren("rationale"))
    {
        m_schema.checkAttributes(*rationale, {{"for", true, AttrType::Enum, &kBool},
                                              {"severity", false, AttrType::Enum, &kSeverity}});
        const std::string forValue = rationale->getAttribute("for");
        Option& option = question.options[forValue == "true" ? 0 : 1];
        if (forValue != "true" && forValue != "false")
            continue;
        if (option.rationaleLine != 0)
        {
            m_schema.diagnostics().error(rationale->line, "duplicate-element",
                                         "a second <rationale for=\"" + forValue + "\">");
            continue;
        }
        option.rationale = m_schema.readRich(*rationale);
        option.rationaleLine = rationale->line;
        option.line = rationale->line;
        option.severity = rationale->getAttribute("severity") == "critical"
                              ? OptionSeverity::Critical
                              : OptionSeverity::Normal;
    }
}

void Reader::readQuestionExtras(const XmlTreeNode& element, Question& question)
{
    if (const XmlTreeNode* explanation = element.findChild("explanation"))
    {
        m_schema.checkAttributes(*explanation, {});
        question.explanation = m_schema.readRich(*explanation);
    }
    for (const XmlTreeNode* hint : element.findChildren("hint"))
    {
        m_schema.checkAttributes(*hint, {});
        question.hints.push_back(m_schema.readRich(*hint));
    }
    for (const XmlTreeNode* feedback : element.findChildren("feedback"))
    {
        m_schema.checkAttributes(*feedback, {{"on", true, AttrType::Enum, &kFeedbackOn}});
        question.feedback.push_back({feedback->getAttribute("on"), m_schema.readRich(*feedback)});
    }
    if (const XmlTreeNode* figure = element.findChild("figure"))
    {
        m_schema.checkAttributes(*figure,
                                 {{"src", true, AttrType::Text}, {"alt", true, AttrType::Text}});
        m_schema.checkEmpty(*figure);
        question.figure =
            Figure{figure->getAttribute("src"), figure->getAttribute("alt"), figure->line};
    }
    readRefs(element, question.refs);
    for (const XmlTreeNode* tag : element.findChildren("tag"))
    {
        m_schema.checkAttributes(*tag, {});
        question.tags.push_back(m_schema.readPlain(*tag));
    }
    if (const XmlTreeNode* origin = element.findChild("origin"))
    {
        m_schema.checkAttributes(*origin, {{"format", true, AttrType::Enum, &kOriginFormats},
                                           {"file", false, AttrType::Text},
                                           {"idnumber", false, AttrType::Text},
                                           {"name", false, AttrType::Text},
                                           {"category", false, AttrType::Text}});
        m_schema.checkEmpty(*origin);
        question.origin = Origin{origin->getAttribute("format"), origin->getAttribute("file"),
                                 origin->getAttribute("idnumber"), origin->getAttribute("name"),
                                 origin->getAttribute("category")};
    }
}

} // namespace

std::optional<Pack> readPack(const XmlTreeNode& root, const PackLimits& limits, DiagnosticList& out)
{
    return Reader(limits, out).read(root);
}

} // namespace quiz::core
