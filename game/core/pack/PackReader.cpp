#include "PackReader.hpp"

#include "PackFormat.hpp"
#include "XmlDocument.hpp"
#include "core/util/Numbers.hpp"

#include <algorithm>

namespace quiz::core
{
namespace
{

using tinyxml2::XMLElement;

/// The attribute's decoded value, or `fallback` when absent.
std::string attr(const XMLElement& element, const char* name, std::string_view fallback = {})
{
    return xmlAttribute(element, name, fallback);
}

bool has(const XMLElement& element, const char* name)
{
    return element.Attribute(name) != nullptr;
}

OptionSeverity severityOf(const XMLElement& element)
{
    return attr(element, "severity") == "critical" ? OptionSeverity::Critical
                                                   : OptionSeverity::Normal;
}

class Reader
{
public:
    Reader(const PackLimits& limits, DiagnosticList& out) : m_schema(out), m_limits(limits) {}

    std::optional<Pack> read(const XMLElement& root);

private:
    /// Checks the element's attributes against its table.
    void attributes(const XMLElement& element, const ElementSpec& spec)
    {
        m_schema.checkAttributes(element, spec.attributes);
    }
    bool isUsablePack(const XMLElement& root);
    void readQuestions(const XMLElement& questions, Pack& pack);
    void readMetadata(const XMLElement& root, Pack& pack);
    void readSources(const XMLElement& sources, Pack& pack);
    void readTopics(const XMLElement& parent, const std::string& parentId, int depth, Pack& pack);
    void readQuestion(const XMLElement& element, Question& question);
    void readOptions(const XMLElement& element, Question& question);
    void readTrueFalse(const XMLElement& element, Question& question);
    void readRefs(const XMLElement& element, std::vector<Reference>& refs);
    void readQuestionExtras(const XMLElement& element, Question& question);

    Schema m_schema;
    const PackLimits& m_limits;
};

bool Reader::isUsablePack(const XMLElement& root)
{
    const std::string_view name = root.Name();
    if (name != "pack")
    {
        std::string message = "the root element is <" + std::string(name) +
                              ">; a question pack starts with <pack formatVersion=\"1\" ...>";
        if (name == "quiz" || name == "assessmentItem" || name == "qti-assessment-item")
            message += " (to bring in this file, use 'heparin-quiz import')";
        m_schema.diagnostics().error(root.GetLineNum(), "wrong-root", message);
        return false;
    }
    long long number = 0;
    const std::string version = attr(root, "formatVersion");
    if (parseWholeNumber(version, number) && number > kFormatVersion)
    {
        m_schema.diagnostics().error(
            root.GetLineNum(), "format-version-unsupported",
            "this pack uses format version " + version + "; this game reads up to " +
                std::to_string(kFormatVersion) + ". Update the game to play it");
        return false;
    }
    return true;
}

std::optional<Pack> Reader::read(const XMLElement& root)
{
    if (!isUsablePack(root))
        return std::nullopt;
    Pack pack;
    pack.line = root.GetLineNum();
    attributes(root, format::kPack);
    pack.formatVersion = static_cast<int>(m_schema.getInteger(root, "formatVersion", 1));
    pack.id = attr(root, "id");
    pack.version = attr(root, "version");
    pack.lang = attr(root, "lang");

    m_schema.checkChildren(root, format::kPack.children);
    readMetadata(root, pack);
    if (const XMLElement* sources = root.FirstChildElement("sources"))
        readSources(*sources, pack);
    if (const XMLElement* topics = root.FirstChildElement("topics"))
    {
        attributes(*topics, format::kTopics);
        m_schema.checkChildren(*topics, format::kTopics.children);
        readTopics(*topics, "", 0, pack);
    }
    if (const XMLElement* questions = root.FirstChildElement("questions"))
        readQuestions(*questions, pack);
    return pack;
}

void Reader::readQuestions(const XMLElement& questions, Pack& pack)
{
    attributes(questions, format::kQuestions);
    m_schema.checkChildren(questions, format::kQuestions.children);
    std::size_t count = 0;
    for (const XMLElement* element : xmlChildren(questions, "question"))
        count += element != nullptr ? 1 : 0;
    pack.questions.reserve(std::min(count, m_limits.maxQuestions));
    for (const XMLElement* element : xmlChildren(questions, "question"))
    {
        if (pack.questions.size() >= m_limits.maxQuestions)
        {
            m_schema.diagnostics().error(element->GetLineNum(), "too-many-questions",
                                         "more than " + std::to_string(m_limits.maxQuestions) +
                                             " questions in one pack; split it");
            break;
        }
        Question question;
        readQuestion(*element, question);
        pack.questions.push_back(std::move(question));
    }
}

void Reader::readMetadata(const XMLElement& root, Pack& pack)
{
    if (const XMLElement* title = root.FirstChildElement("title"))
    {
        attributes(*title, format::kTitle);
        pack.title = m_schema.readPlain(*title);
    }
    if (const XMLElement* description = root.FirstChildElement("description"))
    {
        attributes(*description, format::kDescription);
        pack.description = m_schema.readPlain(*description);
    }
    for (const XMLElement* element : xmlChildren(root, "author"))
    {
        attributes(*element, format::kAuthor);
        m_schema.checkEmpty(*element);
        pack.authors.push_back({attr(*element, "name"), attr(*element, "credentials"),
                                attr(*element, "affiliation"), attr(*element, "email"),
                                attr(*element, "role")});
    }
    if (const XMLElement* license = root.FirstChildElement("license"))
    {
        attributes(*license, format::kLicense);
        const std::string text = m_schema.readPlain(*license);
        pack.license = attr(*license, "spdx", text);
        if (pack.license.empty())
            m_schema.diagnostics().error(license->GetLineNum(), "missing-attribute",
                                         "<license> needs spdx=\"...\" or the licence text");
    }
    if (const XMLElement* dates = root.FirstChildElement("dates"))
    {
        attributes(*dates, format::kDates);
        m_schema.checkEmpty(*dates);
        pack.created = attr(*dates, "created");
        pack.updated = attr(*dates, "updated");
        pack.reviewBy = attr(*dates, "reviewBy");
    }
    for (const XMLElement* element : xmlChildren(root, "review"))
    {
        attributes(*element, format::kReview);
        ReviewRecord review;
        review.by = attr(*element, "by");
        review.date = attr(*element, "date");
        review.notes = m_schema.readPlain(*element);
        pack.reviews.push_back(std::move(review));
    }
}

void Reader::readSources(const XMLElement& sources, Pack& pack)
{
    attributes(sources, format::kSources);
    m_schema.checkChildren(sources, format::kSources.children);
    for (const XMLElement* element : xmlChildren(sources, "source"))
    {
        attributes(*element, format::kSource);
        Source source;
        source.id = attr(*element, "id");
        source.type = attr(*element, "type");
        source.url = attr(*element, "url");
        source.doi = attr(*element, "doi");
        source.isbn = attr(*element, "isbn");
        source.accessed = attr(*element, "accessed");
        source.citation = m_schema.readPlain(*element);
        source.line = element->GetLineNum();
        if (source.citation.empty())
            m_schema.diagnostics().error(element->GetLineNum(), "empty-text",
                                         "source '" + source.id + "' has no citation text");
        pack.sources.push_back(std::move(source));
    }
}

void Reader::readTopics(const XMLElement& parent, const std::string& parentId, int depth,
                        Pack& pack)
{
    for (const XMLElement* element : xmlChildren(parent, "topic"))
    {
        attributes(*element, format::kTopic);
        m_schema.checkChildren(*element, format::kTopic.children);
        Topic topic;
        topic.id = attr(*element, "id");
        topic.title = attr(*element, "title");
        if (const XMLElement* description = element->FirstChildElement("description"))
        {
            attributes(*description, format::kDescription);
            topic.description = m_schema.readPlain(*description);
        }
        topic.parentId = parentId;
        topic.depth = depth;
        topic.line = element->GetLineNum();
        pack.topics.push_back(topic);
        readTopics(*element, topic.id, depth + 1, pack);
    }
}

void Reader::readRefs(const XMLElement& element, std::vector<Reference>& refs)
{
    for (const XMLElement* ref : xmlChildren(element, "ref"))
    {
        attributes(*ref, format::kRef);
        m_schema.checkEmpty(*ref);
        refs.push_back({attr(*ref, "source"), attr(*ref, "locator"), ref->GetLineNum()});
    }
}

void Reader::readQuestion(const XMLElement& element, Question& question)
{
    question.line = element.GetLineNum();
    attributes(element, format::kQuestion);
    question.id = attr(element, "id");
    const std::string type = attr(element, "type", "single");
    question.type = type == "multiple"    ? QuestionType::Multiple
                    : type == "truefalse" ? QuestionType::TrueFalse
                                          : QuestionType::Single;
    question.topicId = attr(element, "topic");
    question.difficulty = static_cast<int>(m_schema.getInteger(element, "difficulty", 0));
    question.level = attr(element, "level");
    question.points = m_schema.getNumber(element, "points", 1.0);
    question.rev = static_cast<int>(m_schema.getInteger(element, "rev", 1));
    question.lang = attr(element, "lang");
    const std::string status = attr(element, "status", "published");
    question.status = status == "draft"    ? QuestionStatus::Draft
                      : status == "review" ? QuestionStatus::Review
                                           : QuestionStatus::Published;
    const std::string scoring = attr(element, "scoring", "plusMinus");
    question.scoring = scoring == "allOrNothing" ? ScoringRule::AllOrNothing
                       : scoring == "weighted"   ? ScoringRule::Weighted
                                                 : ScoringRule::PlusMinus;
    const Owner owner{"question", question.id};
    const auto where = [&] { return "question '" + question.id + "'"; };
    if (has(element, "scoring") && question.type != QuestionType::Multiple)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": scoring= applies only to type=\"multiple\"");

    const bool trueFalse = question.type == QuestionType::TrueFalse;
    m_schema.checkChildren(element, format::questionChildren(trueFalse), owner);
    if (const XMLElement* stem = element.FirstChildElement("stem"))
    {
        attributes(*stem, format::kStem);
        question.stem = m_schema.readRich(*stem);
        question.stemLine = stem->GetLineNum();
    }
    if (trueFalse)
    {
        if (!has(element, "answer"))
            m_schema.diagnostics().error(element.GetLineNum(), "missing-attribute",
                                         where() + " is truefalse and needs answer=\"true|false\"");
        readTrueFalse(element, question);
    }
    else
    {
        if (has(element, "answer"))
            m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                         where() + ": answer= applies only to type=\"truefalse\"");
        if (const XMLElement* options = element.FirstChildElement("options"))
            readOptions(*options, question);
    }
    readQuestionExtras(element, question);
}

void Reader::readOptions(const XMLElement& element, Question& question)
{
    attributes(element, format::kOptions);
    m_schema.checkChildren(element, format::kOptions.children);
    question.shuffle = attr(element, "shuffle", "true") == "true";
    question.numbering = attr(element, "numbering", "ABC");
    for (const XMLElement* optionElement : xmlChildren(element, "option"))
    {
        attributes(*optionElement, format::kOption);
        Option option;
        option.id = attr(*optionElement, "id");
        option.correct = attr(*optionElement, "correct") == "true";
        option.weight = m_schema.getNumber(*optionElement, "weight", 0.0);
        option.fixed = attr(*optionElement, "fixed") == "true";
        option.severity = severityOf(*optionElement);
        option.line = optionElement->GetLineNum();
        m_schema.checkChildren(*optionElement, format::kOption.children,
                               Owner{"option", option.id});
        if (const XMLElement* text = optionElement->FirstChildElement("text"))
        {
            attributes(*text, format::kOptionText);
            option.text = m_schema.readRich(*text);
        }
        if (const XMLElement* rationale = optionElement->FirstChildElement("rationale"))
        {
            attributes(*rationale, format::kOptionRationale);
            option.rationale = m_schema.readRich(*rationale);
            option.rationaleLine = rationale->GetLineNum();
        }
        readRefs(*optionElement, option.refs);
        question.options.push_back(std::move(option));
    }
}

void Reader::readTrueFalse(const XMLElement& element, Question& question)
{
    const bool answer = attr(element, "answer") == "true";
    for (const char* value : {"true", "false"})
    {
        Option option;
        option.id = value;
        option.text = RichText::fromPlain(value[0] == 't' ? "True" : "False");
        option.correct = (value[0] == 't') == answer;
        option.line = element.GetLineNum();
        question.options.push_back(std::move(option));
    }
    question.shuffle = false;
    for (const XMLElement* rationale : xmlChildren(element, "rationale"))
    {
        attributes(*rationale, format::kTrueFalseRationale);
        const std::string forValue = attr(*rationale, "for");
        Option& option = question.options[forValue == "true" ? 0 : 1];
        if (forValue != "true" && forValue != "false")
            continue;
        if (option.rationaleLine != 0)
        {
            m_schema.diagnostics().error(rationale->GetLineNum(), "duplicate-element",
                                         "a second <rationale for=\"" + forValue + "\">");
            continue;
        }
        option.rationale = m_schema.readRich(*rationale);
        option.rationaleLine = rationale->GetLineNum();
        option.line = rationale->GetLineNum();
        option.severity = severityOf(*rationale);
    }
}

void Reader::readQuestionExtras(const XMLElement& element, Question& question)
{
    if (const XMLElement* explanation = element.FirstChildElement("explanation"))
    {
        attributes(*explanation, format::kExplanation);
        question.explanation = m_schema.readRich(*explanation);
    }
    for (const XMLElement* hint : xmlChildren(element, "hint"))
    {
        attributes(*hint, format::kHint);
        question.hints.push_back(m_schema.readRich(*hint));
    }
    for (const XMLElement* feedback : xmlChildren(element, "feedback"))
    {
        attributes(*feedback, format::kFeedback);
        question.feedback.push_back({attr(*feedback, "on"), m_schema.readRich(*feedback)});
    }
    if (const XMLElement* figure = element.FirstChildElement("figure"))
    {
        attributes(*figure, format::kFigure);
        m_schema.checkEmpty(*figure);
        question.figure = Figure{attr(*figure, "src"), attr(*figure, "alt"), figure->GetLineNum()};
    }
    readRefs(element, question.refs);
    for (const XMLElement* tag : xmlChildren(element, "tag"))
    {
        attributes(*tag, format::kTag);
        question.tags.push_back(m_schema.readPlain(*tag));
    }
    if (const XMLElement* origin = element.FirstChildElement("origin"))
    {
        attributes(*origin, format::kOrigin);
        m_schema.checkEmpty(*origin);
        question.origin =
            Origin{attr(*origin, "format"), attr(*origin, "file"),     attr(*origin, "idnumber"),
                   attr(*origin, "name"),   attr(*origin, "category"), attr(*origin, "penalty")};
    }
}

} // namespace

std::optional<Pack> readPack(const tinyxml2::XMLElement& root, const PackLimits& limits,
                             DiagnosticList& out)
{
    return Reader(limits, out).read(root);
}

} // namespace quiz::core
