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
    void readCase(const XMLElement& element, Pack& pack);
    bool addQuestion(const XMLElement& element, Pack& pack, const std::string& caseId);
    void readVariables(const XMLElement& element, std::vector<Variable>& variables);
    void readNumeric(const XMLElement& element, Question& question);
    void readItems(const XMLElement& element, Question& question);
    void readPairs(const XMLElement& element, Question& question);
    /// A 1.1 element in a pack that says formatVersion="1": reported once per element.
    void needsMinor(const XMLElement& element, const std::string& what);

    Schema m_schema;
    const PackLimits& m_limits;
    int m_formatMinor = 0;
    bool m_full = false; ///< too-many-questions reported
};

/// "1", "1.0" or "1.1" as major and minor; false for anything else.
bool parseFormatVersion(const std::string& text, long long& major, long long& minor)
{
    const std::size_t point = text.find('.');
    minor = 0;
    if (!parseWholeNumber(text.substr(0, point), major))
        return false;
    return point == std::string::npos || parseWholeNumber(text.substr(point + 1), minor);
}

/// The decimals of a values="..." list (already validated by the schema).
std::vector<double> parseList(const std::string& text)
{
    std::vector<double> out;
    std::size_t at = 0;
    while (at < text.size())
    {
        const std::size_t space = std::min(text.find(' ', at), text.size());
        double value = 0;
        if (space > at && parseDecimal(std::string_view(text).substr(at, space - at), value))
            out.push_back(value);
        at = space + 1;
    }
    return out;
}

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
    long long minor = 0;
    const std::string version = attr(root, "formatVersion");
    if (parseFormatVersion(version, number, minor) &&
        (number > kFormatVersion || (number == kFormatVersion && minor > kFormatMinor)))
    {
        m_schema.diagnostics().error(
            root.GetLineNum(), "format-version-unsupported",
            "this pack uses format version " + version + "; this game reads up to " +
                std::to_string(kFormatVersion) + "." + std::to_string(kFormatMinor) +
                ". Update the game to play it");
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
    long long major = 1;
    long long minor = 0;
    if (parseFormatVersion(attr(root, "formatVersion", "1"), major, minor))
    {
        pack.formatVersion = static_cast<int>(major);
        pack.formatMinor = static_cast<int>(minor);
    }
    m_formatMinor = pack.formatMinor;
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
    bool any = false;
    for (const XMLElement* element = questions.FirstChildElement(); element != nullptr;
         element = element->NextSiblingElement())
    {
        const std::string_view name = element->Name();
        if (name == "question")
        {
            any = true;
            if (!addQuestion(*element, pack, ""))
                break;
        }
        else if (name == "case")
        {
            any = true;
            readCase(*element, pack);
            if (m_full)
                break;
        }
    }
    if (!any)
        m_schema.diagnostics().error(questions.GetLineNum(), "missing-element",
                                     "<questions> needs <question> or <case>");
}

bool Reader::addQuestion(const XMLElement& element, Pack& pack, const std::string& caseId)
{
    if (pack.questions.size() >= m_limits.maxQuestions)
    {
        m_schema.diagnostics().error(element.GetLineNum(), "too-many-questions",
                                     "more than " + std::to_string(m_limits.maxQuestions) +
                                         " questions in one pack; split it");
        m_full = true;
        return false;
    }
    Question question;
    readQuestion(element, question);
    question.caseId = caseId;
    pack.questions.push_back(std::move(question));
    return true;
}

void Reader::needsMinor(const XMLElement& element, const std::string& what)
{
    if (m_formatMinor >= 1)
        return;
    m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                 what + " needs pack format 1.1: write <pack formatVersion=\"1.1\" "
                                        "...>");
}

void Reader::readCase(const XMLElement& element, Pack& pack)
{
    attributes(element, format::kCase);
    Case item;
    item.id = attr(element, "id");
    item.topicId = attr(element, "topic");
    item.line = element.GetLineNum();
    needsMinor(element, "<case>");
    m_schema.checkChildren(element, format::kCase.children, Owner{"case", item.id});
    if (const XMLElement* title = element.FirstChildElement("title"))
    {
        attributes(*title, format::kCaseTitle);
        item.title = m_schema.readPlain(*title);
    }
    readVariables(element, item.variables);
    if (const XMLElement* stem = element.FirstChildElement("stem"))
    {
        attributes(*stem, format::kCaseStem);
        item.stem = m_schema.readRich(*stem);
    }
    if (const XMLElement* figure = element.FirstChildElement("figure"))
    {
        attributes(*figure, format::kFigure);
        m_schema.checkEmpty(*figure);
        item.figure = Figure{attr(*figure, "src"), attr(*figure, "alt"), figure->GetLineNum()};
    }
    for (const XMLElement* question : xmlChildren(element, "question"))
    {
        if (!addQuestion(*question, pack, item.id))
            break;
        item.questionIds.push_back(pack.questions.back().id);
    }
    pack.cases.push_back(std::move(item));
}

void Reader::readVariables(const XMLElement& element, std::vector<Variable>& variables)
{
    for (const XMLElement* vary : xmlChildren(element, "vary"))
    {
        attributes(*vary, format::kVary);
        m_schema.checkEmpty(*vary);
        Variable variable;
        variable.name = attr(*vary, "name");
        variable.unit = attr(*vary, "unit");
        variable.from = m_schema.getNumber(*vary, "from", 0.0);
        variable.to = m_schema.getNumber(*vary, "to", 0.0);
        variable.step = m_schema.getNumber(*vary, "step", 0.0);
        variable.values = parseList(attr(*vary, "values"));
        variable.line = vary->GetLineNum();
        const bool list = has(*vary, "values");
        const bool range = has(*vary, "from") || has(*vary, "to") || has(*vary, "step");
        if (list == range)
            m_schema.diagnostics().error(
                vary->GetLineNum(), list ? "bad-value" : "missing-attribute",
                "<vary name=\"" + variable.name +
                    "\"> needs either from=, to= and step= or values=, not both");
        else if (range && !(has(*vary, "from") && has(*vary, "to") && has(*vary, "step")))
            m_schema.diagnostics().error(vary->GetLineNum(), "missing-attribute",
                                         "<vary name=\"" + variable.name +
                                             "\"> needs from=, to= and step=");
        variables.push_back(std::move(variable));
    }
}

void Reader::readNumeric(const XMLElement& element, Question& question)
{
    needsMinor(element, "question '" + question.id + "': type=\"numeric\"");
    readVariables(element, question.variables);
    const auto formulaOrValue =
        [this](const XMLElement& item, std::string& formula, std::optional<double>& value)
    {
        formula = attr(item, "formula");
        if (has(item, "value"))
            value = m_schema.getNumber(item, "value", 0.0);
        if (has(item, "formula") == has(item, "value"))
            m_schema.diagnostics().error(
                item.GetLineNum(), has(item, "formula") ? "bad-value" : "missing-attribute",
                "<" + std::string(item.Name()) + "> needs formula= or value=, not both");
    };
    if (const XMLElement* answerElement = element.FirstChildElement("answer"))
    {
        attributes(*answerElement, format::kAnswer);
        m_schema.checkEmpty(*answerElement);
        NumericAnswer answer;
        formulaOrValue(*answerElement, answer.formula, answer.value);
        answer.unit = attr(*answerElement, "unit");
        answer.round = static_cast<int>(m_schema.getInteger(*answerElement, "round", 0));
        std::string tolerance = attr(*answerElement, "tolerance", "0");
        answer.relative = !tolerance.empty() && tolerance.back() == '%';
        if (answer.relative)
            tolerance.pop_back();
        double amount = 0;
        if (parseDecimal(tolerance, amount) && amount >= 0)
            answer.tolerance = answer.relative ? amount / 100.0 : amount;
        if (has(*answerElement, "min"))
            answer.min = m_schema.getNumber(*answerElement, "min", 0.0);
        if (has(*answerElement, "max"))
            answer.max = m_schema.getNumber(*answerElement, "max", 0.0);
        answer.line = answerElement->GetLineNum();
        question.numeric = std::move(answer);
    }
    for (const XMLElement* mistakeElement : xmlChildren(element, "mistake"))
    {
        attributes(*mistakeElement, format::kMistake);
        Mistake mistake;
        formulaOrValue(*mistakeElement, mistake.formula, mistake.value);
        mistake.rationale = m_schema.readRich(*mistakeElement);
        mistake.severity = severityOf(*mistakeElement);
        mistake.line = mistakeElement->GetLineNum();
        if (mistake.rationale.isEmpty())
            m_schema.diagnostics().error(mistakeElement->GetLineNum(), "empty-text",
                                         "question '" + question.id +
                                             "': a <mistake> needs its rationale as text");
        question.mistakes.push_back(std::move(mistake));
    }
}

void Reader::readItems(const XMLElement& element, Question& question)
{
    needsMinor(element, "question '" + question.id + "': type=\"ordering\"");
    const XMLElement* items = element.FirstChildElement("items");
    if (items == nullptr)
        return;
    attributes(*items, format::kItems);
    m_schema.checkChildren(*items, format::kItems.children, Owner{"question", question.id});
    for (const XMLElement* itemElement : xmlChildren(*items, "item"))
    {
        attributes(*itemElement, format::kItem);
        OrderItem item;
        item.id = attr(*itemElement, "id");
        item.line = itemElement->GetLineNum();
        m_schema.checkChildren(*itemElement, format::kItem.children, Owner{"item", item.id});
        if (const XMLElement* text = itemElement->FirstChildElement("text"))
        {
            attributes(*text, format::kItemText);
            item.text = m_schema.readRich(*text);
        }
        if (const XMLElement* rationale = itemElement->FirstChildElement("rationale"))
        {
            attributes(*rationale, format::kItemRationale);
            item.rationale = m_schema.readRich(*rationale);
            item.rationaleLine = rationale->GetLineNum();
        }
        question.items.push_back(std::move(item));
    }
}

void Reader::readPairs(const XMLElement& element, Question& question)
{
    needsMinor(element, "question '" + question.id + "': type=\"matching\"");
    const XMLElement* pairs = element.FirstChildElement("pairs");
    if (pairs == nullptr)
        return;
    attributes(*pairs, format::kPairs);
    m_schema.checkChildren(*pairs, format::kPairs.children, Owner{"question", question.id});
    for (const XMLElement* pairElement : xmlChildren(*pairs, "pair"))
    {
        attributes(*pairElement, format::kPair);
        MatchPair pair;
        pair.id = attr(*pairElement, "id");
        pair.line = pairElement->GetLineNum();
        m_schema.checkChildren(*pairElement, format::kPair.children, Owner{"pair", pair.id});
        if (const XMLElement* prompt = pairElement->FirstChildElement("prompt"))
        {
            attributes(*prompt, format::kPairPrompt);
            pair.prompt = m_schema.readRich(*prompt);
            if (pair.prompt.isEmpty())
                m_schema.diagnostics().error(prompt->GetLineNum(), "empty-text",
                                             "pair '" + pair.id +
                                                 "' has an empty <prompt>; leave it out for a "
                                                 "distractor answer");
        }
        if (const XMLElement* answer = pairElement->FirstChildElement("answer"))
        {
            attributes(*answer, format::kPairAnswer);
            pair.answer = m_schema.readRich(*answer);
        }
        if (const XMLElement* rationale = pairElement->FirstChildElement("rationale"))
        {
            attributes(*rationale, format::kItemRationale);
            pair.rationale = m_schema.readRich(*rationale);
            pair.rationaleLine = rationale->GetLineNum();
        }
        question.pairs.push_back(std::move(pair));
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
                    : type == "numeric"   ? QuestionType::Numeric
                    : type == "ordering"  ? QuestionType::Ordering
                    : type == "matching"  ? QuestionType::Matching
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
                       : scoring == "partial"    ? ScoringRule::Partial
                                                 : ScoringRule::PlusMinus;
    const Owner owner{"question", question.id};
    const auto where = [&] { return "question '" + question.id + "'"; };
    const bool steps =
        question.type == QuestionType::Ordering || question.type == QuestionType::Matching;
    if (steps && !has(element, "scoring"))
        question.scoring = ScoringRule::Partial;
    if (has(element, "scoring") && question.type != QuestionType::Multiple && !steps)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": scoring= applies only to type=\"multiple\", "
                                               "\"ordering\" and \"matching\"");
    else if (has(element, "scoring") && steps && question.scoring != ScoringRule::Partial &&
             question.scoring != ScoringRule::AllOrNothing)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": an " + type +
                                         " question's scoring is \"partial\" or \"allOrNothing\"");
    else if (has(element, "scoring") && !steps && question.scoring == ScoringRule::Partial)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": scoring=\"partial\" applies only to "
                                               "type=\"ordering\" and \"matching\"");

    const bool trueFalse = question.type == QuestionType::TrueFalse;
    m_schema.checkChildren(element, format::questionChildren(question.type), owner);
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
        if (question.type == QuestionType::Numeric)
            readNumeric(element, question);
        else if (question.type == QuestionType::Ordering)
            readItems(element, question);
        else if (question.type == QuestionType::Matching)
            readPairs(element, question);
        else if (const XMLElement* options = element.FirstChildElement("options"))
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
