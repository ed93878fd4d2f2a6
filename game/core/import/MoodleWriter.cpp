#include "MoodleWriter.hpp"

#include "Base64.hpp"
#include "HtmlReader.hpp"
#include "MoodleExtras.hpp"
#include "MoodleReader.hpp"
#include "PackAssembler.hpp"
#include "TextUtil.hpp"
#include "core/pack/PackWriter.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace quiz::core::import
{

namespace
{

std::string cdata(const std::string& text)
{
    std::string clean;
    for (const char c : text)
    {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20U || c == '\n' || c == '\t')
            clean += c;
    }
    if (clean.find_first_of("<>&") == std::string::npos)
        return clean;
    std::string out = "<![CDATA[";
    std::size_t at = 0;
    while (true)
    {
        const std::size_t end = clean.find("]]>", at);
        if (end == std::string::npos)
            break;
        out += clean.substr(at, end - at) + "]]]]><![CDATA[>";
        at = end + 3;
    }
    return out + clean.substr(at) + "]]>";
}

/// Moodle's own spelling of a grade when the value is one, so Moodle accepts the file.
std::string fraction(double percent)
{
    static const char* kGrades[] = {"100",      "90",       "83.33333", "80", "75",
                                    "70",       "66.66667", "60",       "50", "40",
                                    "33.33333", "30",       "25",       "20", "16.66667",
                                    "14.28571", "12.5",     "11.11111", "10", "5"};
    for (const char* grade : kGrades)
    {
        if (std::fabs(std::fabs(percent) - std::stod(grade)) < 1e-3)
            return (percent < 0 ? "-" : "") + std::string(grade);
    }
    return formatNumber(percent);
}

bool isPlaceholder(const RichText& rationale)
{
    const std::string plain = rationale.toPlain();
    return plain == kGeneratedRationaleCorrect || plain == kGeneratedRationaleIncorrect;
}

bool identifierStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool identifierPart(char c)
{
    return identifierStart(c) || std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// A formula in Moodle's calculated syntax: each variable as a `{name}` wildcard, `ln` as
/// Moodle's `log` and the constant `pi` as Moodle's function `pi()`.
std::string moodleFormula(const std::string& formula, const std::set<std::string>& names)
{
    std::string out;
    std::size_t at = 0;
    while (at < formula.size())
    {
        if (!identifierStart(formula[at]))
        {
            out += formula[at++];
            continue;
        }
        std::size_t end = at;
        while (end < formula.size() && identifierPart(formula[end]))
            ++end;
        const std::string word = formula.substr(at, end - at);
        if (names.count(word) != 0)
            out += "{" + word + "}";
        else if (word == "ln")
            out += "log";
        else if (word == "pi")
            out += "pi()";
        else
            out += word;
        at = end;
    }
    return out;
}

class Writer
{
public:
    Writer(const Pack& pack, const FigureLoader& loadFigure, const std::string& displayPath)
        : m_pack(pack), m_loadFigure(loadFigure), m_diagnostics(displayPath)
    {
    }

    MoodleExport run()
    {
        m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n";
        std::string currentTopic = "\x1f";
        for (const Question& q : m_pack.questions)
        {
            if (q.topicId != currentTopic)
            {
                category(q.topicId);
                currentTopic = q.topicId;
            }
            question(q);
        }
        for (const Case& c : m_pack.cases)
        {
            std::string ids;
            for (const std::string& id : c.questionIds)
                ids += (ids.empty() ? "'" : ", '") + id + "'";
            m_diagnostics.warning(
                c.line, "export-case",
                "case '" + c.id + "' (question" + (c.questionIds.size() == 1 ? " " : "s ") + ids +
                    "): Moodle has no cases; its title, stem" + (c.figure ? ", figure" : "") +
                    " and variables open each of its questions, which an "
                    "import brings back as questions on their own");
        }
        // A topic no question names would vanish, and with it its description: written as a
        // category of its own, it comes back as a topic on import.
        std::set<std::string> used;
        for (const Question& q : m_pack.questions)
            used.insert(q.topicId);
        for (const Topic& topic : m_pack.topics)
        {
            if (used.count(topic.id) == 0 &&
                (!topic.description.empty() || m_pack.getTopicSubtree(topic.id).size() == 1))
                category(topic.id);
        }
        m_out += "</quiz>\n";
        return {std::move(m_out), std::move(m_diagnostics)};
    }

private:
    void line(int depth, const std::string& text)
    {
        m_out.append(static_cast<std::size_t>(depth) * 2, ' ');
        m_out += text + "\n";
    }

    void category(const std::string& topicId)
    {
        std::vector<std::string> titles;
        const Topic* topic = m_pack.findTopic(topicId);
        for (int guard = 0; topic != nullptr && guard < 16; ++guard)
        {
            titles.insert(titles.begin(), topic->title);
            topic = topic->parentId.empty() ? nullptr : m_pack.findTopic(topic->parentId);
        }
        std::string path = "$course$/top";
        for (const std::string& title : titles)
        {
            std::string escaped;
            for (const char c : title)
                escaped += c == '/' ? std::string("//") : std::string(1, c);
            path += "/" + escaped;
        }
        line(1, "<question type=\"category\">");
        line(2, "<category><text>" + escapeXmlText(path) + "</text></category>");
        const Topic* own = m_pack.findTopic(topicId);
        const std::string info =
            own == nullptr ? std::string() : toHtml(RichText::fromPlain(own->description));
        line(2, "<info format=\"html\"><text>" + (info.empty() ? info : cdata(info)) +
                    "</text></info>");
        line(1, "</question>");
    }

    void field(int depth, const std::string& name, const std::string& html,
               const std::string& files = {})
    {
        line(depth, "<" + name + " format=\"html\"><text>" + cdata(html) + "</text>" + files +
                        "</" + name + ">");
    }

    /// Appends the figure to `html` as an image and returns its embedded <file> ("" when it
    /// cannot be read, with a warning). `taken` holds the file names used in this question so
    /// far: a second figure of the same name gets a number.
    std::string figureFile(const Question& q, const Figure& figure, std::string& html,
                           std::set<std::string>& taken)
    {
        const std::optional<std::string> bytes = m_loadFigure(figure.src);
        if (!bytes)
        {
            m_diagnostics.warning(q.line, "export-figure",
                                  "question '" + q.id + "': figure '" + figure.src +
                                      "' could not be read; exported without it");
            return {};
        }
        std::string name = fileName(figure.src);
        for (int n = 2; taken.count(name) != 0; ++n)
            name = std::to_string(n) + "-" + fileName(figure.src);
        taken.insert(name);
        html += "<p><img src=\"@@PLUGINFILE@@/" + escapeXmlAttribute(name) + "\" alt=\"" +
                escapeXmlAttribute(figure.alt) + "\"></p>";
        ++m_images;
        return "<file name=\"" + escapeXmlAttribute(name) + "\" path=\"/\" encoding=\"base64\">" +
               encodeBase64(*bytes) + "</file>";
    }

    void question(const Question& q)
    {
        if (q.type == QuestionType::Numeric && !q.numeric)
        {
            m_diagnostics.warning(q.line, "export-dropped",
                                  "question '" + q.id +
                                      "': a numeric question without an "
                                      "answer; not exported");
            return;
        }
        const bool trueFalse = q.type == QuestionType::TrueFalse;
        const bool calculated = q.type == QuestionType::Numeric && isCalculated(q);
        const Case* inCase = q.caseId.empty() ? nullptr : m_pack.findCase(q.caseId);
        m_names.clear();
        if (calculated)
        {
            for (const Variable& variable : allVariables(q, inCase))
                m_names.insert(variable.name);
        }
        m_roundingDropped = false;
        m_extras = MoodleExtras();
        m_images = 0;
        const char* type = calculated                         ? "calculated"
                           : q.type == QuestionType::Numeric  ? "numerical"
                           : trueFalse                        ? "truefalse"
                           : q.type == QuestionType::Ordering ? "ordering"
                           : q.type == QuestionType::Matching ? "match"
                                                              : "multichoice";
        line(1, std::string("<question type=\"") + type + "\">");
        const std::string name = q.origin && !q.origin->name.empty() ? q.origin->name : q.id;
        line(2, "<name><text>" + escapeXmlText(name) + "</text></name>");
        // A case's title, scenario and figure open each of its questions, as the game shows
        // them; the question's own figure follows its stem, and the comment says which image
        // it is, so an import keeps that one as the figure.
        std::string stem;
        std::string files;
        std::set<std::string> taken;
        if (inCase != nullptr)
        {
            RichText title;
            title.append(inCase->title, true);
            stem = toHtml(title) + "<br>" + toHtml(inCase->stem) + "<br>";
            if (inCase->figure)
                files += figureFile(q, *inCase->figure, stem, taken);
            stem += "<br>";
        }
        stem = text(stem + toHtml(q.stem), "questiontext");
        if (q.figure)
        {
            const int before = m_images;
            files += figureFile(q, *q.figure, stem, taken);
            if (m_images > 1 && m_images > before)
                m_extras.figure = m_images - 1;
        }
        field(2, "questiontext", stem, files);
        field(2, "generalfeedback", text(toHtml(q.explanation), "generalfeedback"));
        line(2, "<defaultgrade>" + formatNumber(q.points) + "</defaultgrade>");
        // The penalty an import kept goes back as it came; else Moodle's defaults.
        const std::string penalty = q.origin && !q.origin->penalty.empty()
                                        ? q.origin->penalty
                                        : std::string(trueFalse ? "1" : "0.3333333");
        line(2, "<penalty>" + escapeXmlText(penalty) + "</penalty>");
        line(2, "<hidden>0</hidden>");
        const std::string idnumber = q.origin ? q.origin->idnumber : q.id;
        line(2, "<idnumber>" + escapeXmlText(idnumber) + "</idnumber>");
        if (calculated)
            calculatedAnswers(q, allVariables(q, inCase));
        else if (q.type == QuestionType::Numeric)
            numericalAnswers(q);
        else if (q.type == QuestionType::Ordering)
            orderingAnswers(q);
        else if (q.type == QuestionType::Matching)
            matchAnswers(q);
        else if (trueFalse)
            trueFalseAnswers(q);
        else
            choiceAnswers(q);
        for (std::size_t i = 0; i < q.hints.size(); ++i)
            field(2, "hint", text(toHtml(q.hints[i]), "hint" + std::to_string(i + 1)));
        if (!q.tags.empty())
        {
            line(2, "<tags>");
            for (const std::string& tag : q.tags)
                line(3, "<tag><text>" + escapeXmlText(tag) + "</text></tag>");
            line(2, "</tags>");
        }
        if (q.numeric)
        {
            m_extras.min = q.numeric->min;
            m_extras.max = q.numeric->max;
        }
        if (inCase != nullptr)
            m_extras.caseId = inCase->id;
        // Moodle ignores comments; our reader takes back from it what Moodle has no field for.
        if (!m_extras.isEmpty())
            line(2, "<!-- " + formatMoodleExtras(m_extras) + " -->");
        line(1, "</question>");
        if (m_roundingDropped)
            m_diagnostics.warning(q.line, "export-rounding",
                                  "question '" + q.id +
                                      "': Moodle has no rounding for {=EXPR|D}; Moodle shows "
                                      "{=EXPR} unrounded (an import of the file restores it)");
        warnLost(q);
    }

    /// Moodle's ordering: the steps in the right order, the fraction their position.
    void orderingAnswers(const Question& q)
    {
        line(2, "<layouttype>VERTICAL</layouttype>");
        line(2, "<selecttype>ALL</selecttype>");
        line(2, "<selectcount>0</selectcount>");
        line(2, std::string("<gradingtype>") +
                    (q.scoring == ScoringRule::AllOrNothing ? "ALL_OR_NOTHING"
                                                            : "RELATIVE_NEXT_EXCLUDE_LAST") +
                    "</gradingtype>");
        line(2, "<showgrading>SHOW</showgrading>");
        line(2, "<numberingstyle>none</numberingstyle>");
        for (std::size_t i = 0; i < q.items.size(); ++i)
        {
            const OrderItem& item = q.items[i];
            line(2, "<answer fraction=\"" + std::to_string(i + 1) + "\" format=\"html\">");
            line(3, "<text>" + cdata(toHtml(item.text)) + "</text>");
            field(3, "feedback",
                  toHtml(isPlaceholder(item.rationale) ? RichText() : item.rationale));
            line(2, "</answer>");
        }
    }

    /// Moodle's match: a subquestion per pair (no text for a distractor); answers are plain
    /// text there, and the pairs' rationales have no place.
    void matchAnswers(const Question& q)
    {
        line(2, std::string("<shuffleanswers>true</shuffleanswers>"));
        if (q.scoring == ScoringRule::AllOrNothing)
            m_diagnostics.warning(q.line, "export-scoring",
                                  "question '" + q.id +
                                      "': Moodle's match has no all-or-nothing scoring; "
                                      "exported with credit per pair");
        bool rationales = false;
        for (const MatchPair& pair : q.pairs)
        {
            line(2, "<subquestion format=\"html\">");
            line(3, "<text>" + cdata(toHtml(pair.prompt)) + "</text>");
            line(3, "<answer><text>" + escapeXmlText(pair.answer.toPlain()) + "</text></answer>");
            line(2, "</subquestion>");
            rationales = rationales || !isPlaceholder(pair.rationale);
        }
        if (rationales)
            m_diagnostics.warning(q.line, "export-dropped",
                                  "question '" + q.id +
                                      "': Moodle's match keeps no rationale per pair; they are "
                                      "not exported");
    }

    void trueFalseAnswers(const Question& q)
    {
        for (const char* id : {"true", "false"})
        {
            const Option* option = q.findOption(id);
            const bool correct = option != nullptr && option->correct;
            line(2, std::string("<answer fraction=\"") + (correct ? "100" : "0") +
                        "\" format=\"moodle_auto_format\">");
            line(3, std::string("<text>") + id + "</text>");
            const RichText rationale = option == nullptr || isPlaceholder(option->rationale)
                                           ? RichText()
                                           : option->rationale;
            field(3, "feedback", toHtml(rationale));
            line(2, "</answer>");
        }
    }

    void choiceAnswers(const Question& q)
    {
        const bool single = q.type == QuestionType::Single;
        line(2, std::string("<single>") + (single ? "true" : "false") + "</single>");
        line(2, std::string("<shuffleanswers>") + (q.shuffle ? "true" : "false") +
                    "</shuffleanswers>");
        const std::string numbering = q.numbering == "ABC" ? "ABCD" : q.numbering;
        line(2, "<answernumbering>" + numbering + "</answernumbering>");
        line(2, "<showstandardinstruction>0</showstandardinstruction>");
        for (const char* on : {"correct", "partial", "incorrect"})
        {
            const std::string element =
                std::string(on == std::string("partial") ? "partiallycorrect" : on) + "feedback";
            RichText text;
            for (const OutcomeFeedback& feedback : q.feedback)
            {
                if (feedback.on == on)
                    text = feedback.text;
            }
            field(2, element, toHtml(text));
        }
        std::size_t correct = 0;
        for (const Option& option : q.options)
            correct += option.correct ? 1U : 0U;
        if (q.type == QuestionType::Multiple && q.scoring == ScoringRule::AllOrNothing)
            m_diagnostics.warning(q.line, "export-scoring",
                                  "question '" + q.id +
                                      "': Moodle has no all-or-nothing scoring; "
                                      "exported with +/- partial credit per option");
        for (const Option& option : q.options)
        {
            double credit = 0.0;
            if (single)
                credit = option.correct ? 100.0 : 0.0;
            else if (q.scoring == ScoringRule::Weighted)
                credit = option.weight;
            else if (correct > 0)
                credit = (option.correct ? 100.0 : -100.0) / static_cast<double>(correct);
            line(2, "<answer fraction=\"" + fraction(credit) + "\" format=\"html\">");
            line(3, "<text>" + cdata(toHtml(option.text)) + "</text>");
            field(3, "feedback",
                  isPlaceholder(option.rationale) ? std::string() : toHtml(option.rationale));
            line(2, "</answer>");
        }
    }

    /// Moodle's `numerical` holds a fixed number with a nominal tolerance; anything else
    /// (variables, a formula, a relative tolerance) is written as `calculated`.
    static bool isCalculated(const Question& q)
    {
        // Moodle's numerical has no outcome feedback; calculated has.
        return !q.variables.empty() || !q.numeric->formula.empty() || !q.numeric->value ||
               q.numeric->relative || !q.caseId.empty() || !q.feedback.empty();
    }

    /// The case's variables (drawn once for the whole case in the game) and then the
    /// question's: Moodle draws each question's datasets on their own.
    static std::vector<Variable> allVariables(const Question& q, const Case* inCase)
    {
        std::vector<Variable> variables;
        if (inCase != nullptr)
            variables = inCase->variables;
        variables.insert(variables.end(), q.variables.begin(), q.variables.end());
        return variables;
    }

    /// HTML with every `{=EXPR|D}` in Moodle's form `{=EXPR}` (its variables as wildcards);
    /// `{name}` is already Moodle's syntax.
    /// The decimals of each `|D` go to the comment under `fieldName`.
    std::string text(const std::string& html, const std::string& fieldName)
    {
        if (m_names.empty())
            return html;
        std::string out;
        std::size_t at = 0;
        std::vector<int> decimals;
        bool rounded = false;
        while (true)
        {
            const std::size_t open = html.find("{=", at);
            const std::size_t close =
                open == std::string::npos ? std::string::npos : html.find('}', open);
            if (close == std::string::npos)
                break;
            std::string expression = html.substr(open + 2, close - open - 2);
            const std::size_t bar = expression.rfind('|');
            decimals.push_back(-1);
            if (bar != std::string::npos)
            {
                const std::string d = expression.substr(bar + 1);
                if (d.size() == 1 && d[0] >= '0' && d[0] <= '9')
                    decimals.back() = d[0] - '0';
                expression.erase(bar);
                m_roundingDropped = true;
                rounded = true;
            }
            out += html.substr(at, open - at) + "{=" + moodleFormula(expression, m_names) + "}";
            at = close + 1;
        }
        if (rounded)
            m_extras.rounding[fieldName] = decimals;
        return out + html.substr(at);
    }

    /// The formula at full credit with its tolerance and rounding, each mistake as a
    /// zero-credit formula with its rationale as feedback, the unit, and a dataset per
    /// variable: its range (minimum, maximum, decimals) and its values as items.
    void calculatedAnswers(const Question& q, const std::vector<Variable>& variables)
    {
        const NumericAnswer& answer = *q.numeric;
        line(2, "<synchronize>0</synchronize>");
        line(2, "<single>0</single>");
        line(2, "<answernumbering>abc</answernumbering>");
        line(2, "<shuffleanswers>0</shuffleanswers>");
        for (const char* element :
             {"correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"})
        {
            const std::string on = element == std::string("correctfeedback")     ? "correct"
                                   : element == std::string("incorrectfeedback") ? "incorrect"
                                                                                 : "partial";
            RichText feedback;
            for (const OutcomeFeedback& outcome : q.feedback)
            {
                if (outcome.on == on)
                    feedback = outcome.text;
            }
            field(2, element, text(toHtml(feedback), element));
        }
        // Tolerance 0 means the answer rounded to `round` places; Moodle compares with the
        // unrounded value, so it gets half a unit of the last place (nominal) instead.
        const double tolerance = answer.tolerance > 0 || answer.relative
                                     ? answer.tolerance
                                     : 0.5 * std::pow(10.0, -answer.round);
        const auto formulaOf = [&](const std::string& formula, std::optional<double> value)
        { return formula.empty() ? formatNumber(value.value_or(0.0)) : formula; };
        int index = 0;
        const auto write =
            [&](const char* credit, const std::string& formula, const RichText& feedback)
        {
            const std::string fieldName = "answer" + std::to_string(index++);
            line(2, std::string("<answer fraction=\"") + credit + "\">");
            line(3, "<text>" + escapeXmlText(moodleFormula(formula, m_names)) + "</text>");
            line(3, "<tolerance>" + formatNumber(tolerance) + "</tolerance>");
            line(3, std::string("<tolerancetype>") + (answer.relative ? "1" : "2") +
                        "</tolerancetype>");
            line(3, "<correctanswerformat>1</correctanswerformat>");
            line(3,
                 "<correctanswerlength>" + std::to_string(answer.round) + "</correctanswerlength>");
            field(3, "feedback", text(toHtml(feedback), fieldName));
            line(2, "</answer>");
        };
        write("100", formulaOf(answer.formula, answer.value), RichText());
        for (const Mistake& mistake : q.mistakes)
        {
            if (mistake.severity == OptionSeverity::Critical)
                m_extras.criticalAnswers.insert(index);
            write("0", formulaOf(mistake.formula, mistake.value), mistake.rationale);
        }
        line(2, "<unitgradingtype>0</unitgradingtype>");
        line(2, "<unitpenalty>0.1000000</unitpenalty>");
        line(2, "<showunits>3</showunits>");
        line(2, "<unitsleft>0</unitsleft>");
        if (!answer.unit.empty())
        {
            line(2, "<units>");
            line(3, "<unit><multiplier>1</multiplier><unit_name>" + escapeXmlText(answer.unit) +
                        "</unit_name></unit>");
            line(2, "</units>");
        }
        line(2, "<dataset_definitions>");
        for (const Variable& variable : variables)
            dataset(q, variable);
        line(2, "</dataset_definitions>");
    }

    /// Moodle's datasets hold at most 100 items; a longer range keeps its ends and an even
    /// spread between them.
    void dataset(const Question& q, const Variable& variable)
    {
        static constexpr std::size_t kMaxItems = 100;
        std::vector<double> values = variable.values;
        int decimals = 0;
        if (values.empty() && variable.step > 0 && variable.to >= variable.from)
        {
            const auto count = static_cast<std::size_t>(std::floor(
                                   (variable.to - variable.from) / variable.step + 1e-9)) +
                               1;
            for (std::size_t i = 0; i < count; ++i)
                values.push_back(variable.from + variable.step * static_cast<double>(i));
        }
        for (const double value : values)
        {
            for (int d = decimals; d < 6 && std::fabs(value * std::pow(10.0, d) -
                                                      std::round(value * std::pow(10.0, d))) > 1e-6;
                 ++d)
                decimals = d + 1;
        }
        if (values.size() > kMaxItems)
        {
            m_diagnostics.warning(variable.line > 0 ? variable.line : q.line, "export-dataset",
                                  "question '" + q.id + "': variable '" + variable.name + "' has " +
                                      std::to_string(values.size()) +
                                      " values; Moodle keeps 100, spread over the range");
            std::vector<double> kept;
            for (std::size_t i = 0; i < kMaxItems; ++i)
                kept.push_back(values[i * (values.size() - 1) / (kMaxItems - 1)]);
            values = kept;
        }
        const double low = values.empty() ? 0.0 : *std::min_element(values.begin(), values.end());
        const double high = values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
        const auto number = [](const double value)
        { return "<text>" + formatNumber(value) + "</text>"; };
        line(3, "<dataset_definition>");
        line(4, "<status><text>private</text></status>");
        line(4, "<name><text>" + escapeXmlText(variable.name) + "</text></name>");
        line(4, "<type>calculated</type>");
        line(4, "<distribution><text>uniform</text></distribution>");
        line(4, "<minimum>" + number(low) + "</minimum>");
        line(4, "<maximum>" + number(high) + "</maximum>");
        line(4, "<decimals><text>" + std::to_string(decimals) + "</text></decimals>");
        line(4, "<itemcount>" + std::to_string(values.size()) + "</itemcount>");
        line(4, "<dataset_items>");
        for (std::size_t i = 0; i < values.size(); ++i)
            line(5, "<dataset_item><number>" + std::to_string(i + 1) + "</number><value>" +
                        formatNumber(values[i]) + "</value></dataset_item>");
        line(4, "</dataset_items>");
        line(4, "<number_of_items>" + std::to_string(values.size()) + "</number_of_items>");
        line(3, "</dataset_definition>");
    }

    /// The answer at full credit with its tolerance, each mistake at zero credit with its
    /// rationale as feedback, and the unit.
    void numericalAnswers(const Question& q)
    {
        const NumericAnswer& answer = *q.numeric;
        line(2, "<answer fraction=\"100\" format=\"moodle_auto_format\">");
        line(3, "<text>" + formatNumber(*answer.value) + "</text>");
        line(3, "<tolerance>" + formatNumber(answer.tolerance) + "</tolerance>");
        field(3, "feedback", toHtml(RichText()));
        line(2, "</answer>");
        // Moodle's numerical has no decimal places; the written value may have fewer.
        m_extras.round = answer.round;
        int index = 1;
        for (const Mistake& mistake : q.mistakes)
        {
            if (!mistake.value)
                continue;
            if (mistake.severity == OptionSeverity::Critical)
                m_extras.criticalAnswers.insert(index);
            ++index;
            line(2, "<answer fraction=\"0\" format=\"moodle_auto_format\">");
            line(3, "<text>" + formatNumber(*mistake.value) + "</text>");
            line(3, "<tolerance>" + formatNumber(answer.tolerance) + "</tolerance>");
            field(3, "feedback", toHtml(mistake.rationale));
            line(2, "</answer>");
        }
        if (!answer.unit.empty())
        {
            line(2, "<units>");
            line(3, "<unit><multiplier>1</multiplier><unit_name>" + escapeXmlText(answer.unit) +
                        "</unit_name></unit>");
            line(2, "</units>");
        }
        line(2, "<unitgradingtype>0</unitgradingtype>");
        line(2, "<showunits>3</showunits>");
    }

    void warnLost(const Question& q)
    {
        std::string lost;
        for (const Option& option : q.options)
        {
            if (option.severity == OptionSeverity::Critical &&
                lost.find("critical") == std::string::npos)
                lost += std::string(lost.empty() ? "" : ", ") + "critical severity";
            if (option.fixed && lost.find("fixed") == std::string::npos)
                lost += std::string(lost.empty() ? "" : ", ") + "fixed option positions";
        }
        if (!lost.empty())
            m_diagnostics.warning(q.line, "export-dropped",
                                  "question '" + q.id + "': Moodle has no place for " + lost);
    }

    const Pack& m_pack;
    const FigureLoader& m_loadFigure;
    DiagnosticList m_diagnostics;
    std::string m_out;
    std::set<std::string> m_names;  ///< the variables of the question being written
    bool m_roundingDropped = false; ///< a `{=EXPR|D}` lost its D in the question being written
    MoodleExtras m_extras;          ///< what the question being written keeps in its comment
    int m_images = 0;               ///< images written into its question text so far
};

} // namespace

MoodleExport writeMoodleXml(const Pack& pack, const FigureLoader& loadFigure,
                            const std::string& displayPath)
{
    return Writer(pack, loadFigure, displayPath).run();
}

} // namespace quiz::core::import
