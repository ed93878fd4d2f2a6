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

OptionSeverity severityOf(const Attributes& attributes)
{
    return attributes.text("severity") == "critical" ? OptionSeverity::Critical
                                                     : OptionSeverity::Normal;
}

class Reader
{
public:
    Reader(const PackLimits& limits, DiagnosticList& out) : m_schema(out), m_limits(limits) {}

    std::optional<Pack> read(const XMLElement& root);

private:
    /// Checks the element's attributes against its table and returns them for reading.
    Attributes attributes(const XMLElement& element, const ElementSpec& spec)
    {
        return m_schema.checkAttributes(element, spec.attributes);
    }
    /// Checks the element's children against its table and returns them for reading.
    Children children(const XMLElement& element, const ElementSpec& spec, Owner owner = {})
    {
        return m_schema.checkChildren(element, spec.children, owner);
    }
    bool isUsablePack(const XMLElement& root);
    void readQuestions(const XMLElement& questions, Pack& pack);
    void readMetadata(const Children& root, Pack& pack);
    void readSources(const XMLElement& sources, Pack& pack);
    void readTopics(const Children& parent, const std::string& parentId, int depth, Pack& pack);
    void readQuestion(const XMLElement& element, Question& question);
    void readOptions(const XMLElement& element, Question& question);
    void readTrueFalse(const XMLElement& element, const Attributes& questionAttrs,
                       const Children& questionParts, Question& question);
    void readRefs(const Children& parent, std::vector<Reference>& refs);
    void readQuestionExtras(const Children& parts, Question& question);
    void readCase(const XMLElement& element, Pack& pack);
    bool addQuestion(const XMLElement& element, Pack& pack, const std::string& caseId);
    void readVariables(const Children& parent, std::vector<Variable>& variables);
    void readNumeric(const XMLElement& element, const Children& questionParts, Question& question);
    void readItems(const XMLElement& element, const Children& questionParts, Question& question);
    void readPairs(const XMLElement& element, const Children& questionParts, Question& question);
    /// figure="..." of a question or case.
    void readFigure(const Children& parts, std::optional<Figure>& figure);
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
    const std::string version = Attributes(root).text("formatVersion");
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
    const Attributes attrs = attributes(root, format::kPack);
    long long major = 1;
    long long minor = 0;
    if (parseFormatVersion(attrs.text("formatVersion", "1"), major, minor))
    {
        pack.formatVersion = static_cast<int>(major);
        pack.formatMinor = static_cast<int>(minor);
    }
    m_formatMinor = pack.formatMinor;
    pack.id = attrs.text("id");
    pack.version = attrs.text("version");
    pack.lang = attrs.text("lang");

    const Children parts = children(root, format::kPack);
    readMetadata(parts, pack);
    if (const XMLElement* sources = parts.first("sources"))
        readSources(*sources, pack);
    if (const XMLElement* topics = parts.first("topics"))
    {
        attributes(*topics, format::kTopics);
        readTopics(children(*topics, format::kTopics), "", 0, pack);
    }
    if (const XMLElement* questions = parts.first("questions"))
        readQuestions(*questions, pack);
    return pack;
}

void Reader::readQuestions(const XMLElement& questions, Pack& pack)
{
    attributes(questions, format::kQuestions);
    const Children parts = children(questions, format::kQuestions);
    pack.questions.reserve(std::min(parts.count("question"), m_limits.maxQuestions));
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
    // Read in place: a question is a large object, and most of a pack.
    Question& question = pack.questions.emplace_back();
    readQuestion(element, question);
    question.caseId = caseId;
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
    const Attributes attrs = attributes(element, format::kCase);
    Case item;
    item.id = attrs.text("id");
    item.topicId = attrs.text("topic");
    item.line = element.GetLineNum();
    needsMinor(element, "<case>");
    const Children parts = children(element, format::kCase, Owner{"case", item.id});
    if (const XMLElement* title = parts.first("title"))
    {
        attributes(*title, format::kCaseTitle);
        item.title = m_schema.readPlain(*title);
    }
    readVariables(parts, item.variables);
    if (const XMLElement* stem = parts.first("stem"))
    {
        attributes(*stem, format::kCaseStem);
        item.stem = m_schema.readRich(*stem);
    }
    readFigure(parts, item.figure);
    for (const XMLElement* question : parts.all("question"))
    {
        if (!addQuestion(*question, pack, item.id))
            break;
        item.questionIds.push_back(pack.questions.back().id);
    }
    pack.cases.push_back(std::move(item));
}

void Reader::readVariables(const Children& parent, std::vector<Variable>& variables)
{
    for (const XMLElement* vary : parent.all("vary"))
    {
        const Attributes attrs = attributes(*vary, format::kVary);
        m_schema.checkEmpty(*vary);
        Variable variable;
        variable.name = attrs.text("name");
        variable.unit = attrs.text("unit");
        variable.from = attrs.number("from", 0.0);
        variable.to = attrs.number("to", 0.0);
        variable.step = attrs.number("step", 0.0);
        variable.values = parseList(attrs.text("values"));
        variable.line = vary->GetLineNum();
        const bool list = attrs.has("values");
        const bool range = attrs.has("from") || attrs.has("to") || attrs.has("step");
        if (list == range)
            m_schema.diagnostics().error(
                vary->GetLineNum(), list ? "bad-value" : "missing-attribute",
                "<vary name=\"" + variable.name +
                    "\"> needs either from=, to= and step= or values=, not both");
        else if (range && !(attrs.has("from") && attrs.has("to") && attrs.has("step")))
            m_schema.diagnostics().error(vary->GetLineNum(), "missing-attribute",
                                         "<vary name=\"" + variable.name +
                                             "\"> needs from=, to= and step=");
        variables.push_back(std::move(variable));
    }
}

void Reader::readNumeric(const XMLElement& element, const Children& questionParts,
                         Question& question)
{
    needsMinor(element, "question '" + question.id + "': type=\"numeric\"");
    readVariables(questionParts, question.variables);
    const auto formulaOrValue = [this](const XMLElement& item, const Attributes& attrs,
                                       std::string& formula, std::optional<double>& value)
    {
        formula = attrs.text("formula");
        if (attrs.has("value"))
            value = attrs.number("value", 0.0);
        if (attrs.has("formula") == attrs.has("value"))
            m_schema.diagnostics().error(
                item.GetLineNum(), attrs.has("formula") ? "bad-value" : "missing-attribute",
                "<" + std::string(item.Name()) + "> needs formula= or value=, not both");
    };
    if (const XMLElement* answerElement = questionParts.first("answer"))
    {
        const Attributes attrs = attributes(*answerElement, format::kAnswer);
        m_schema.checkEmpty(*answerElement);
        NumericAnswer answer;
        formulaOrValue(*answerElement, attrs, answer.formula, answer.value);
        answer.unit = attrs.text("unit");
        answer.round = static_cast<int>(attrs.integer("round", 0));
        std::string tolerance = attrs.text("tolerance", "0");
        answer.relative = !tolerance.empty() && tolerance.back() == '%';
        if (answer.relative)
            tolerance.pop_back();
        double amount = 0;
        if (parseDecimal(tolerance, amount) && amount >= 0)
            answer.tolerance = answer.relative ? amount / 100.0 : amount;
        if (attrs.has("min"))
            answer.min = attrs.number("min", 0.0);
        if (attrs.has("max"))
            answer.max = attrs.number("max", 0.0);
        answer.line = answerElement->GetLineNum();
        question.numeric = std::move(answer);
    }
    for (const XMLElement* mistakeElement : questionParts.all("mistake"))
    {
        const Attributes attrs = attributes(*mistakeElement, format::kMistake);
        Mistake mistake;
        formulaOrValue(*mistakeElement, attrs, mistake.formula, mistake.value);
        mistake.rationale = m_schema.readRich(*mistakeElement);
        mistake.severity = severityOf(attrs);
        mistake.line = mistakeElement->GetLineNum();
        if (mistake.rationale.isEmpty())
            m_schema.diagnostics().error(mistakeElement->GetLineNum(), "empty-text",
                                         "question '" + question.id +
                                             "': a <mistake> needs its rationale as text");
        question.mistakes.push_back(std::move(mistake));
    }
}

void Reader::readItems(const XMLElement& element, const Children& questionParts, Question& question)
{
    needsMinor(element, "question '" + question.id + "': type=\"ordering\"");
    const XMLElement* items = questionParts.first("items");
    if (items == nullptr)
        return;
    attributes(*items, format::kItems);
    const Children list = children(*items, format::kItems, Owner{"question", question.id});
    for (const XMLElement* itemElement : list.all("item"))
    {
        const Attributes attrs = attributes(*itemElement, format::kItem);
        OrderItem item;
        item.id = attrs.text("id");
        item.line = itemElement->GetLineNum();
        const Children parts = children(*itemElement, format::kItem, Owner{"item", item.id});
        if (const XMLElement* text = parts.first("text"))
        {
            attributes(*text, format::kItemText);
            item.text = m_schema.readRich(*text);
        }
        if (const XMLElement* rationale = parts.first("rationale"))
        {
            attributes(*rationale, format::kItemRationale);
            item.rationale = m_schema.readRich(*rationale);
            item.rationaleLine = rationale->GetLineNum();
        }
        question.items.push_back(std::move(item));
    }
}

void Reader::readPairs(const XMLElement& element, const Children& questionParts, Question& question)
{
    needsMinor(element, "question '" + question.id + "': type=\"matching\"");
    const XMLElement* pairs = questionParts.first("pairs");
    if (pairs == nullptr)
        return;
    attributes(*pairs, format::kPairs);
    const Children list = children(*pairs, format::kPairs, Owner{"question", question.id});
    for (const XMLElement* pairElement : list.all("pair"))
    {
        const Attributes attrs = attributes(*pairElement, format::kPair);
        MatchPair pair;
        pair.id = attrs.text("id");
        pair.line = pairElement->GetLineNum();
        const Children parts = children(*pairElement, format::kPair, Owner{"pair", pair.id});
        if (const XMLElement* prompt = parts.first("prompt"))
        {
            attributes(*prompt, format::kPairPrompt);
            pair.prompt = m_schema.readRich(*prompt);
            if (pair.prompt.isEmpty())
                m_schema.diagnostics().error(prompt->GetLineNum(), "empty-text",
                                             "pair '" + pair.id +
                                                 "' has an empty <prompt>; leave it out for a "
                                                 "distractor answer");
        }
        if (const XMLElement* answer = parts.first("answer"))
        {
            attributes(*answer, format::kPairAnswer);
            pair.answer = m_schema.readRich(*answer);
        }
        if (const XMLElement* rationale = parts.first("rationale"))
        {
            attributes(*rationale, format::kItemRationale);
            pair.rationale = m_schema.readRich(*rationale);
            pair.rationaleLine = rationale->GetLineNum();
        }
        question.pairs.push_back(std::move(pair));
    }
}

void Reader::readMetadata(const Children& root, Pack& pack)
{
    if (const XMLElement* title = root.first("title"))
    {
        attributes(*title, format::kTitle);
        pack.title = m_schema.readPlain(*title);
    }
    if (const XMLElement* description = root.first("description"))
    {
        attributes(*description, format::kDescription);
        pack.description = m_schema.readPlain(*description);
    }
    for (const XMLElement* element : root.all("author"))
    {
        const Attributes attrs = attributes(*element, format::kAuthor);
        m_schema.checkEmpty(*element);
        pack.authors.push_back({attrs.text("name"), attrs.text("credentials"),
                                attrs.text("affiliation"), attrs.text("email"),
                                attrs.text("role")});
    }
    if (const XMLElement* license = root.first("license"))
    {
        const Attributes attrs = attributes(*license, format::kLicense);
        const std::string text = m_schema.readPlain(*license);
        pack.license = attrs.text("spdx", text);
        if (pack.license.empty())
            m_schema.diagnostics().error(license->GetLineNum(), "missing-attribute",
                                         "<license> needs spdx=\"...\" or the licence text");
    }
    if (const XMLElement* dates = root.first("dates"))
    {
        const Attributes attrs = attributes(*dates, format::kDates);
        m_schema.checkEmpty(*dates);
        pack.created = attrs.text("created");
        pack.updated = attrs.text("updated");
        pack.reviewBy = attrs.text("reviewBy");
    }
    for (const XMLElement* element : root.all("review"))
    {
        const Attributes attrs = attributes(*element, format::kReview);
        ReviewRecord review;
        review.by = attrs.text("by");
        review.date = attrs.text("date");
        review.notes = m_schema.readPlain(*element);
        pack.reviews.push_back(std::move(review));
    }
}

void Reader::readSources(const XMLElement& sources, Pack& pack)
{
    attributes(sources, format::kSources);
    for (const XMLElement* element : children(sources, format::kSources).all("source"))
    {
        const Attributes attrs = attributes(*element, format::kSource);
        Source source;
        source.id = attrs.text("id");
        source.type = attrs.text("type");
        source.url = attrs.text("url");
        source.doi = attrs.text("doi");
        source.isbn = attrs.text("isbn");
        source.accessed = attrs.text("accessed");
        source.citation = m_schema.readPlain(*element);
        source.line = element->GetLineNum();
        if (source.citation.empty())
            m_schema.diagnostics().error(element->GetLineNum(), "empty-text",
                                         "source '" + source.id + "' has no citation text");
        pack.sources.push_back(std::move(source));
    }
}

void Reader::readTopics(const Children& parent, const std::string& parentId, int depth, Pack& pack)
{
    for (const XMLElement* element : parent.all("topic"))
    {
        const Attributes attrs = attributes(*element, format::kTopic);
        const Children parts = children(*element, format::kTopic);
        Topic topic;
        topic.id = attrs.text("id");
        topic.title = attrs.text("title");
        if (const XMLElement* description = parts.first("description"))
        {
            attributes(*description, format::kDescription);
            topic.description = m_schema.readPlain(*description);
        }
        topic.parentId = parentId;
        topic.depth = depth;
        topic.line = element->GetLineNum();
        pack.topics.push_back(topic);
        readTopics(parts, topic.id, depth + 1, pack);
    }
}

void Reader::readRefs(const Children& parent, std::vector<Reference>& refs)
{
    for (const XMLElement* ref : parent.all("ref"))
    {
        const Attributes attrs = attributes(*ref, format::kRef);
        m_schema.checkEmpty(*ref);
        refs.push_back({attrs.text("source"), attrs.text("locator"), ref->GetLineNum()});
    }
}

void Reader::readFigure(const Children& parts, std::optional<Figure>& figure)
{
    if (const XMLElement* element = parts.first("figure"))
    {
        const Attributes attrs = attributes(*element, format::kFigure);
        m_schema.checkEmpty(*element);
        figure = Figure{attrs.text("src"), attrs.text("alt"), element->GetLineNum()};
    }
}

void Reader::readQuestion(const XMLElement& element, Question& question)
{
    question.line = element.GetLineNum();
    const Attributes attrs = attributes(element, format::kQuestion);
    question.id = attrs.text("id");
    const std::string type = attrs.text("type", "single");
    question.type = type == "multiple"    ? QuestionType::Multiple
                    : type == "truefalse" ? QuestionType::TrueFalse
                    : type == "numeric"   ? QuestionType::Numeric
                    : type == "ordering"  ? QuestionType::Ordering
                    : type == "matching"  ? QuestionType::Matching
                                          : QuestionType::Single;
    question.topicId = attrs.text("topic");
    question.difficulty = static_cast<int>(attrs.integer("difficulty", 0));
    question.level = attrs.text("level");
    question.points = attrs.number("points", 1.0);
    question.rev = static_cast<int>(attrs.integer("rev", 1));
    question.lang = attrs.text("lang");
    const std::string status = attrs.text("status", "published");
    question.status = status == "draft"    ? QuestionStatus::Draft
                      : status == "review" ? QuestionStatus::Review
                                           : QuestionStatus::Published;
    const std::string scoring = attrs.text("scoring", "plusMinus");
    question.scoring = scoring == "allOrNothing" ? ScoringRule::AllOrNothing
                       : scoring == "weighted"   ? ScoringRule::Weighted
                       : scoring == "partial"    ? ScoringRule::Partial
                                                 : ScoringRule::PlusMinus;
    const Owner owner{"question", question.id};
    const auto where = [&] { return "question '" + question.id + "'"; };
    const bool steps =
        question.type == QuestionType::Ordering || question.type == QuestionType::Matching;
    if (steps && !attrs.has("scoring"))
        question.scoring = ScoringRule::Partial;
    if (attrs.has("scoring") && question.type != QuestionType::Multiple && !steps)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": scoring= applies only to type=\"multiple\", "
                                               "\"ordering\" and \"matching\"");
    else if (attrs.has("scoring") && steps && question.scoring != ScoringRule::Partial &&
             question.scoring != ScoringRule::AllOrNothing)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": an " + type +
                                         " question's scoring is \"partial\" or \"allOrNothing\"");
    else if (attrs.has("scoring") && !steps && question.scoring == ScoringRule::Partial)
        m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                     where() + ": scoring=\"partial\" applies only to "
                                               "type=\"ordering\" and \"matching\"");

    const bool trueFalse = question.type == QuestionType::TrueFalse;
    const Children parts =
        m_schema.checkChildren(element, format::questionChildren(question.type), owner);
    if (const XMLElement* stem = parts.first("stem"))
    {
        attributes(*stem, format::kStem);
        question.stem = m_schema.readRich(*stem);
        question.stemLine = stem->GetLineNum();
    }
    if (trueFalse)
    {
        if (!attrs.has("answer"))
            m_schema.diagnostics().error(element.GetLineNum(), "missing-attribute",
                                         where() + " is truefalse and needs answer=\"true|false\"");
        readTrueFalse(element, attrs, parts, question);
    }
    else
    {
        if (attrs.has("answer"))
            m_schema.diagnostics().error(element.GetLineNum(), "bad-value",
                                         where() + ": answer= applies only to type=\"truefalse\"");
        if (question.type == QuestionType::Numeric)
            readNumeric(element, parts, question);
        else if (question.type == QuestionType::Ordering)
            readItems(element, parts, question);
        else if (question.type == QuestionType::Matching)
            readPairs(element, parts, question);
        else if (const XMLElement* options = parts.first("options"))
            readOptions(*options, question);
    }
    readQuestionExtras(parts, question);
}

void Reader::readOptions(const XMLElement& element, Question& question)
{
    const Attributes attrs = attributes(element, format::kOptions);
    question.shuffle = attrs.text("shuffle", "true") == "true";
    question.numbering = attrs.text("numbering", "ABC");
    const Children list = children(element, format::kOptions);
    question.options.reserve(list.count("option"));
    for (const XMLElement* optionElement : list.all("option"))
    {
        const Attributes optionAttrs = attributes(*optionElement, format::kOption);
        Option& option = question.options.emplace_back();
        option.id = optionAttrs.text("id");
        option.correct = optionAttrs.text("correct") == "true";
        option.weight = optionAttrs.number("weight", 0.0);
        option.fixed = optionAttrs.text("fixed") == "true";
        option.severity = severityOf(optionAttrs);
        option.line = optionElement->GetLineNum();
        const Children parts =
            children(*optionElement, format::kOption, Owner{"option", option.id});
        if (const XMLElement* text = parts.first("text"))
        {
            attributes(*text, format::kOptionText);
            option.text = m_schema.readRich(*text);
        }
        if (const XMLElement* rationale = parts.first("rationale"))
        {
            attributes(*rationale, format::kOptionRationale);
            option.rationale = m_schema.readRich(*rationale);
            option.rationaleLine = rationale->GetLineNum();
        }
        readRefs(parts, option.refs);
    }
}

void Reader::readTrueFalse(const XMLElement& element, const Attributes& questionAttrs,
                           const Children& questionParts, Question& question)
{
    const bool answer = questionAttrs.text("answer") == "true";
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
    for (const XMLElement* rationale : questionParts.all("rationale"))
    {
        const Attributes attrs = attributes(*rationale, format::kTrueFalseRationale);
        const std::string forValue = attrs.text("for");
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
        option.severity = severityOf(attrs);
    }
}

void Reader::readQuestionExtras(const Children& parts, Question& question)
{
    if (const XMLElement* explanation = parts.first("explanation"))
    {
        attributes(*explanation, format::kExplanation);
        question.explanation = m_schema.readRich(*explanation);
    }
    for (const XMLElement* hint : parts.all("hint"))
    {
        attributes(*hint, format::kHint);
        question.hints.push_back(m_schema.readRich(*hint));
    }
    for (const XMLElement* feedback : parts.all("feedback"))
    {
        const Attributes attrs = attributes(*feedback, format::kFeedback);
        question.feedback.push_back({attrs.text("on"), m_schema.readRich(*feedback)});
    }
    readFigure(parts, question.figure);
    readRefs(parts, question.refs);
    for (const XMLElement* tag : parts.all("tag"))
    {
        attributes(*tag, format::kTag);
        question.tags.push_back(m_schema.readPlain(*tag));
    }
    if (const XMLElement* origin = parts.first("origin"))
    {
        const Attributes attrs = attributes(*origin, format::kOrigin);
        m_schema.checkEmpty(*origin);
        question.origin =
            Origin{attrs.text("format"), attrs.text("file"),     attrs.text("idnumber"),
                   attrs.text("name"),   attrs.text("category"), attrs.text("penalty")};
    }
}

} // namespace

std::optional<Pack> readPack(const tinyxml2::XMLElement& root, const PackLimits& limits,
                             DiagnosticList& out)
{
    return Reader(limits, out).read(root);
}

} // namespace quiz::core
