#include "MoodleReader.hpp"

#include "Base64.hpp"
#include "ChoiceMapping.hpp"
#include "HtmlReader.hpp"
#include "MoodleExtras.hpp"
#include "TextUtil.hpp"
#include "core/pack/Numeric.hpp"
#include "core/pack/XmlDocument.hpp"
#include "core/pack/XmlSchema.hpp"
#include "core/util/Numbers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

namespace quiz::core::import
{

namespace
{

using tinyxml2::XMLElement;

TextFormat parseFormat(const std::string& value, TextFormat fallback)
{
    if (value == "html")
        return TextFormat::Html;
    if (value == "moodle_auto_format")
        return TextFormat::MoodleAuto;
    if (value == "plain_text" || value == "wiki_like")
        return TextFormat::Plain;
    if (value == "markdown")
        return TextFormat::Markdown;
    return fallback;
}

std::string childText(const XMLElement& parent, const std::string& name)
{
    const XMLElement* child = parent.FirstChildElement(name.c_str());
    return child == nullptr ? std::string() : trim(xmlAllText(*child));
}

/// `<name><text>…</text></name>` read as trimmed text.
std::string nestedText(const XMLElement& parent, const std::string& name)
{
    const XMLElement* child = parent.FirstChildElement(name.c_str());
    return child == nullptr ? std::string() : childText(*child, "text");
}

bool parseDouble(const std::string& text, double& value)
{
    return parseDecimal(trim(text), value);
}

std::string optionId(std::size_t index)
{
    if (index < 26)
        return std::string(1, static_cast<char>('a' + index));
    return "o" + std::to_string(index + 1);
}

struct FieldResult
{
    RichText text;
    std::optional<ImportedImage> figure;
};

class MoodleReader
{
public:
    MoodleReader(const std::string& displayPath, const ReadLimits& limits)
        : m_limits(limits), m_file(fileName(displayPath))
    {
        m_result.file = displayPath;
        m_result.formatName = "Moodle XML";
        m_result.diagnostics = DiagnosticList(displayPath);
    }

    ReadResult run(const std::string& bytes)
    {
        XmlReadOptions options;
        options.maxBytes = m_limits.maxFileBytes;
        options.strictEntities = false; // Moodle HTML carries &nbsp; and friends
        // A Moodle question takes about 35 elements and a file may be 64 MB (base64 images).
        options.maxElements = 2000000;
        XmlDocument document;
        const XMLElement* parsed = document.read(bytes, options, m_result.diagnostics);
        if (parsed == nullptr)
            return std::move(m_result);
        const XMLElement& root = *parsed;
        if (std::string_view(root.Name()) != "quiz")
        {
            diag().error(root.GetLineNum(), kCodeFile,
                         "the root element is <" + std::string(root.Name()) +
                             ">, not <quiz>: not a Moodle XML export");
            return std::move(m_result);
        }
        m_result.readable = true;
        std::size_t seen = 0;
        for (const XMLElement* question : xmlChildren(root, "question"))
        {
            if (xmlAttribute(*question, "type") != "category" && ++seen > m_limits.maxQuestions)
            {
                diag().error(question->GetLineNum(), kCodeSkipped,
                             "more than " + std::to_string(m_limits.maxQuestions) +
                                 " questions; the rest of the file is skipped");
                ++m_result.skipped;
                break;
            }
            readQuestion(*question);
        }
        return std::move(m_result);
    }

private:
    DiagnosticList& diag() { return m_result.diagnostics; }

    /// An image that could not come across, said with the question it belongs to.
    void imageWarning(int line, const std::string& message)
    {
        diag().warning(line, kCodeImage,
                       m_questionName.empty() ? message
                                              : "question '" + m_questionName + "': " + message);
    }

    void skip(const XMLElement& question, const std::string& name, const std::string& reason,
              const char* code = kCodeSkipped)
    {
        const std::string label = name.empty() ? std::string() : " '" + name + "'";
        diag().warning(question.GetLineNum(), code, "skipped question" + label + ": " + reason);
        ++m_result.skipped;
    }

    /// The category as a topic: its <info> is the topic's description (plain text, so
    /// formatting goes with a warning, images with theirs); its idnumber has nowhere to go.
    void readCategory(const XMLElement& question)
    {
        ImportedCategory category;
        category.path = m_category;
        category.line = question.GetLineNum();
        const std::string label = "category '" + m_categoryRaw + "'";
        if (const XMLElement* info = question.FirstChildElement("info"))
        {
            const RichText text = readField(*info, TextFormat::Html, false).text;
            category.description = trim(foldWhiteSpace(text.toPlain()));
            const bool styled =
                std::any_of(text.runs.begin(), text.runs.end(),
                            [](const TextRun& run)
                            { return run.bold || run.italic || run.script != Script::Normal; });
            if (styled)
                diag().warning(info->GetLineNum(), kCodeDropped,
                               label + ": a topic description is plain text; its bold, italic, "
                                       "sub- and superscript were dropped");
        }
        const std::string idnumber = trim(childText(question, "idnumber"));
        if (!idnumber.empty())
            diag().warning(question.GetLineNum(), kCodeDropped,
                           label + ": its idnumber '" + idnumber +
                               "' was dropped; a topic is matched by its path");
        m_result.categories.push_back(std::move(category));
    }

    void readQuestion(const XMLElement& question)
    {
        const std::string type = xmlAttribute(question, "type");
        if (type == "category")
        {
            const std::string path = nestedText(question, "category");
            m_categoryRaw = path;
            m_category = splitCategoryPath(path);
            m_questionName.clear(); // an image in its description belongs to no question
            readCategory(question);
            return;
        }
        const std::string name = nestedText(question, "name");
        m_questionName = name;
        m_extras = readExtras(question);
        m_mistakeAnswers.clear();
        m_hintFields.clear();
        const bool calculated = type == "calculated" || type == "calculatedsimple";
        if (type != "multichoice" && type != "truefalse" && type != "numerical" && !calculated &&
            type != "ordering" && type != "match")
        {
            const std::string why = type.empty() ? std::string("it has no type")
                                    : type == "description"
                                        ? std::string("a description has no answers to choose from")
                                        : unsupportedTypeMessage(type);
            skip(question, name, why, kCodeUnsupportedType);
            return;
        }
        ImportedQuestion imported;
        imported.line = question.GetLineNum();
        imported.category = m_category;
        Question& q = imported.question;
        Origin origin;
        origin.format = "moodle-xml";
        origin.file = m_file;
        origin.idnumber = childText(question, "idnumber");
        origin.name = name;
        origin.category = m_categoryRaw;
        // The game scores one try; the penalty per wrong try is kept for export-moodle.
        double penalty = 0.0;
        const std::string penaltyText = trim(childText(question, "penalty"));
        if (parseDouble(penaltyText, penalty) && penalty >= 0.0 && penalty <= 1.0)
            origin.penalty = penaltyText;
        else if (!penaltyText.empty())
            diag().warning(question.GetLineNum(), kCodeDropped,
                           "question '" + name + "': penalty '" + penaltyText +
                               "' is not a fraction from 0 to 1; dropped");
        q.origin = origin;
        if (name.empty())
            diag().warning(question.GetLineNum(), kCodeDropped,
                           "question has no <name>; Moodle would refuse it");

        const XMLElement* stemNode = question.FirstChildElement("questiontext");
        const TextFormat questionFormat =
            stemNode == nullptr ? TextFormat::Html
                                : parseFormat(xmlAttribute(*stemNode, "format"), TextFormat::Html);
        if (stemNode != nullptr)
        {
            FieldResult stem = readField(*stemNode, questionFormat, true);
            q.stem = std::move(stem.text);
            imported.figure = std::move(stem.figure);
        }
        if (!imported.figure)
            imported.figure = readLegacyImage(question);
        q.stemLine = stemNode != nullptr ? stemNode->GetLineNum() : question.GetLineNum();
        if (const XMLElement* general = question.FirstChildElement("generalfeedback"))
            q.explanation = readField(*general, questionFormat, false).text;
        double grade = 1.0;
        if (const XMLElement* gradeNode = question.FirstChildElement("defaultgrade");
            gradeNode != nullptr && parseDouble(childText(question, "defaultgrade"), grade) &&
            grade > 0)
        {
            q.points = std::min(grade, kMaxPositiveNumber);
            if (grade > kMaxPositiveNumber)
                diag().warning(gradeNode->GetLineNum(), kCodeDropped,
                               "defaultgrade " + childText(question, "defaultgrade") +
                                   " is above a pack's largest points value; kept as " +
                                   formatNumber(kMaxPositiveNumber));
        }
        int hintNumber = 0;
        for (const XMLElement* hint : xmlChildren(question, "hint"))
        {
            RichText text = readField(*hint, questionFormat, false).text;
            ++hintNumber;
            if (text.isEmpty())
                continue;
            q.hints.push_back(std::move(text));
            m_hintFields.push_back("hint" + std::to_string(hintNumber));
        }
        if (const XMLElement* tags = question.FirstChildElement("tags"))
        {
            for (const XMLElement* tag : xmlChildren(*tags, "tag"))
            {
                const std::string text = childText(*tag, "text");
                if (!text.empty())
                    q.tags.push_back(text);
            }
        }
        const bool ok = type == "truefalse"   ? readTrueFalse(question, questionFormat, q)
                        : type == "numerical" ? readNumerical(question, questionFormat, q)
                        : calculated          ? readCalculated(question, questionFormat, q)
                        : type == "ordering"  ? readOrdering(question, questionFormat, q)
                        : type == "match"     ? readMatch(question, questionFormat, q)
                                              : readMultichoice(question, questionFormat, q);
        if (!ok)
            return;
        if (q.type == QuestionType::Numeric && m_extras)
            applyExtras(question, type == "numerical", q);
        if (m_extras)
            imported.exportedCase = m_extras->caseId;
        m_result.questions.push_back(std::move(imported));
    }

    /// The comment export-moodle writes for what Moodle has no field for (MoodleExtras).
    std::optional<MoodleExtras> readExtras(const XMLElement& question)
    {
        for (const tinyxml2::XMLNode* node = question.FirstChild(); node != nullptr;
             node = node->NextSibling())
        {
            const tinyxml2::XMLComment* comment = node->ToComment();
            if (comment == nullptr || comment->Value() == nullptr)
                continue;
            std::optional<MoodleExtras> extras = parseMoodleExtras(comment->Value());
            if (extras)
                return extras;
            if (trim(comment->Value()).rfind(kMoodleExtrasPrefix, 0) == 0)
                diag().warning(comment->GetLineNum(), kCodeDropped,
                               "question '" + m_questionName +
                                   "': its heparin-quiz comment is malformed; ignored");
        }
        return std::nullopt;
    }

    /// The rounding of each `{=EXPR}` the comment keeps for this field, when it still fits.
    void restoreRounding(RichText& text, const std::string& fieldName, int line)
    {
        if (!m_extras)
            return;
        const auto found = m_extras->rounding.find(fieldName);
        if (found == m_extras->rounding.end())
            return;
        if (!applyExpressionDecimals(text, found->second))
            diag().warning(line, kCodeDropped,
                           "question '" + m_questionName + "': the rounding kept for " + fieldName +
                               " does not fit its {=...} any more; dropped");
    }

    /// Puts back what export-moodle kept in the comment: the rounding of texts, critical
    /// mistakes, the plausible range and a `numerical`'s decimal places.
    void applyExtras(const XMLElement& question, bool numerical, Question& q)
    {
        const MoodleExtras& extras = *m_extras;
        const int line = question.GetLineNum();
        restoreRounding(q.stem, "questiontext", q.stemLine);
        restoreRounding(q.explanation, "generalfeedback", line);
        for (std::size_t i = 0; i < q.hints.size() && i < m_hintFields.size(); ++i)
            restoreRounding(q.hints[i], m_hintFields[i], line);
        for (OutcomeFeedback& feedback : q.feedback)
            restoreRounding(feedback.text,
                            feedback.on == "partial" ? "partiallycorrectfeedback"
                                                     : feedback.on + "feedback",
                            line);
        for (std::size_t i = 0; i < q.mistakes.size() && i < m_mistakeAnswers.size(); ++i)
        {
            const int answer = static_cast<int>(m_mistakeAnswers[i]);
            restoreRounding(q.mistakes[i].rationale, "answer" + std::to_string(answer),
                            q.mistakes[i].line);
            if (extras.criticalAnswers.count(answer) != 0)
                q.mistakes[i].severity = OptionSeverity::Critical;
        }
        q.numeric->min = extras.min;
        q.numeric->max = extras.max;
        if (numerical && extras.round)
            q.numeric->round = *extras.round;
    }

    struct Answer
    {
        double fraction = 0.0;
        RichText text;
        RichText feedback;
        std::string rawText;
        int line = 0;
    };

    /// `grades`: the fraction is a grade (an ordering question's is the step's position).
    std::vector<Answer> readAnswers(const XMLElement& question, TextFormat questionFormat,
                                    bool grades = true)
    {
        std::vector<Answer> answers;
        for (const XMLElement* node : xmlChildren(question, "answer"))
        {
            Answer answer;
            answer.line = node->GetLineNum();
            const std::string fraction = xmlAttribute(*node, "fraction", "0");
            if (!parseDouble(fraction, answer.fraction) || answer.fraction < -100.0 ||
                answer.fraction > 100.0)
            {
                diag().warning(node->GetLineNum(), kCodeDropped,
                               "answer fraction '" + fraction +
                                   "' is not a number from -100 to 100; read as 0");
                answer.fraction = 0.0;
            }
            else if (grades && !isMoodleGrade(answer.fraction))
            {
                diag().warning(node->GetLineNum(), kCodeDropped,
                               "fraction " + fraction +
                                   " is not one of Moodle's grades; kept as written");
            }
            const TextFormat format = parseFormat(xmlAttribute(*node, "format"), questionFormat);
            answer.rawText = childText(*node, "text");
            answer.text = readField(*node, format, false).text;
            if (const XMLElement* feedback = node->FirstChildElement("feedback"))
                answer.feedback =
                    readField(*feedback,
                              parseFormat(xmlAttribute(*feedback, "format"), questionFormat), false)
                        .text;
            answers.push_back(std::move(answer));
        }
        return answers;
    }

    /// `numerical`: the full-credit answer with its <tolerance> becomes the numeric answer
    /// (decimals as written set the rounding), zero-credit answers with feedback become named
    /// mistakes, and the first <unit> (multiplier 1) the unit.
    bool readNumerical(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        const std::vector<Answer> answers = readAnswers(question, questionFormat);
        std::vector<const XMLElement*> nodes;
        for (const XMLElement* node : xmlChildren(question, "answer"))
            nodes.push_back(node);
        q.type = QuestionType::Numeric;
        q.shuffle = false;
        for (std::size_t i = 0; i < answers.size() && i < nodes.size(); ++i)
        {
            const std::string written = trim(answers[i].rawText);
            double value = 0;
            if (!parseDouble(written, value))
                continue;
            if (answers[i].fraction >= 100.0 && !q.numeric)
            {
                NumericAnswer answer;
                answer.value = value;
                const std::size_t point = written.find('.');
                answer.round = point == std::string::npos
                                   ? 0
                                   : std::min(9, static_cast<int>(written.size() - point - 1));
                double tolerance = 0;
                if (parseDouble(childText(*nodes[i], "tolerance"), tolerance) && tolerance > 0)
                    answer.tolerance = tolerance;
                answer.line = answers[i].line;
                q.numeric = answer;
            }
            else if (answers[i].fraction <= 0.0 && !answers[i].feedback.isEmpty())
            {
                Mistake mistake;
                mistake.value = value;
                mistake.rationale = answers[i].feedback;
                mistake.line = answers[i].line;
                q.mistakes.push_back(std::move(mistake));
                m_mistakeAnswers.push_back(i);
            }
        }
        if (!q.numeric)
        {
            skip(question, q.origin->name, "a numerical question needs a full-credit number");
            return false;
        }
        if (const XMLElement* units = question.FirstChildElement("units"))
        {
            for (const XMLElement* unit : xmlChildren(*units, "unit"))
            {
                double multiplier = 1;
                if (!parseDouble(childText(*unit, "multiplier"), multiplier) || multiplier == 1.0)
                {
                    q.numeric->unit = childText(*unit, "unit_name");
                    break;
                }
            }
        }
        return true;
    }

    /// `ordering` (Moodle 4.4 core, qtype_ordering before): the answers in the right order
    /// (their fraction is the position); ALL_OR_NOTHING grading stays all-or-nothing, every
    /// other grading type is read as partial credit by correct adjacent pairs.
    bool readOrdering(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        std::vector<Answer> answers = readAnswers(question, questionFormat, false);
        std::stable_sort(answers.begin(), answers.end(),
                         [](const Answer& a, const Answer& b) { return a.fraction < b.fraction; });
        q.type = QuestionType::Ordering;
        const std::string grading = childText(question, "gradingtype");
        q.scoring = grading == "ALL_OR_NOTHING" || grading == "-1" ? ScoringRule::AllOrNothing
                                                                   : ScoringRule::Partial;
        if (!grading.empty() && q.scoring == ScoringRule::Partial &&
            grading != "RELATIVE_NEXT_EXCLUDE_LAST" && grading != "1")
            diag().warning(question.GetLineNum(), kCodeDropped,
                           "ordering grading type " + grading +
                               " is read as partial credit by correct adjacent pairs");
        for (std::size_t i = 0; i < answers.size(); ++i)
        {
            OrderItem item;
            item.id = "s" + std::to_string(i + 1);
            item.text = answers[i].text;
            item.rationale = answers[i].feedback;
            item.line = answers[i].line;
            q.items.push_back(std::move(item));
        }
        return true;
    }

    /// `match`: each <subquestion> a prompt and its <answer>; a subquestion without text is a
    /// distractor answer. Moodle scores each prompt apart: partial credit.
    bool readMatch(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        q.type = QuestionType::Matching;
        q.scoring = ScoringRule::Partial;
        std::size_t number = 0;
        for (const XMLElement* node : xmlChildren(question, "subquestion"))
        {
            MatchPair pair;
            pair.id = "p" + std::to_string(++number);
            pair.line = node->GetLineNum();
            pair.prompt =
                readField(*node, parseFormat(xmlAttribute(*node, "format"), questionFormat), false)
                    .text;
            if (const XMLElement* answer = node->FirstChildElement("answer"))
                pair.answer = RichText::fromPlain(trim(childText(*answer, "text")));
            q.pairs.push_back(std::move(pair));
        }
        return true;
    }

    /// `calculated` and `calculatedsimple`: the answer formula with `{name}` wildcards as
    /// variables (Moodle's `{=...}` in texts is already our placeholder), each dataset's items
    /// as the variable's values (or its minimum..maximum at its decimals when it lists none),
    /// tolerance type 1 relative and 2 nominal, the decimals of the correct answer as `round`.
    bool readCalculated(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        q.type = QuestionType::Numeric;
        q.shuffle = false;
        const XMLElement* best = nullptr;
        for (const XMLElement* node : xmlChildren(question, "answer"))
        {
            double fraction = 0;
            if (best == nullptr && parseDouble(xmlAttribute(*node, "fraction", "0"), fraction) &&
                fraction >= 100.0)
                best = node;
        }
        if (best == nullptr)
        {
            skip(question, q.origin->name, "a calculated question needs a full-credit formula");
            return false;
        }
        NumericAnswer answer;
        answer.formula = ourFormula(childText(*best, "text"));
        double fixed = 0;
        if (parseDouble(answer.formula, fixed))
        {
            answer.value = fixed;
            answer.formula.clear();
        }
        answer.line = best->GetLineNum();
        double tolerance = 0;
        if (parseDouble(childText(*best, "tolerance"), tolerance) && tolerance > 0)
            answer.tolerance = tolerance;
        answer.relative = childText(*best, "tolerancetype") != "2";
        double length = 2;
        if (parseDouble(childText(*best, "correctanswerlength"), length))
            answer.round = std::clamp(static_cast<int>(length), 0, 9);
        // Half a unit of the last place, nominal, is how export-moodle writes "the answer
        // rounded to `round` places" (tolerance 0).
        if (!answer.relative &&
            std::fabs(answer.tolerance - 0.5 * std::pow(10.0, -answer.round)) < 1e-12)
            answer.tolerance = 0;
        q.numeric = answer;
        if (const XMLElement* units = question.FirstChildElement("units"))
        {
            if (const XMLElement* unit = units->FirstChildElement("unit"))
                q.numeric->unit = childText(*unit, "unit_name");
        }
        const XMLElement* definitions = question.FirstChildElement("dataset_definitions");
        for (const XMLElement* definition : definitions != nullptr
                                                ? xmlChildren(*definitions, "dataset_definition")
                                                : xmlChildren(question, "dataset_definition"))
        {
            Variable variable;
            variable.name = nestedText(*definition, "name");
            variable.line = definition->GetLineNum();
            if (const XMLElement* items = definition->FirstChildElement("dataset_items"))
            {
                for (const XMLElement* item : xmlChildren(*items, "dataset_item"))
                {
                    double value = 0;
                    if (parseDouble(childText(*item, "value"), value))
                        variable.values.push_back(value);
                }
            }
            double low = 0;
            double high = 0;
            double decimals = 0;
            if (variable.values.empty() && parseDouble(nestedText(*definition, "minimum"), low) &&
                parseDouble(nestedText(*definition, "maximum"), high))
            {
                if (!parseDouble(nestedText(*definition, "decimals"), decimals))
                    decimals = 0;
                variable.from = low;
                variable.to = high;
                variable.step = std::pow(10.0, -std::clamp(decimals, 0.0, 6.0));
            }
            asRange(variable);
            if (!variable.name.empty())
                q.variables.push_back(std::move(variable));
        }
        // Zero-credit answers with feedback are the named mistakes.
        const std::vector<Answer> answers = readAnswers(question, questionFormat);
        std::vector<const XMLElement*> nodes;
        for (const XMLElement* node : xmlChildren(question, "answer"))
            nodes.push_back(node);
        for (std::size_t i = 0; i < answers.size() && i < nodes.size(); ++i)
        {
            if (nodes[i] == best || answers[i].fraction > 0.0 || answers[i].feedback.isEmpty())
                continue;
            Mistake mistake;
            mistake.formula = ourFormula(answers[i].rawText);
            double value = 0;
            if (parseDouble(mistake.formula, value))
            {
                mistake.value = value;
                mistake.formula.clear();
            }
            mistake.rationale = answers[i].feedback;
            mistake.line = answers[i].line;
            q.mistakes.push_back(std::move(mistake));
            m_mistakeAnswers.push_back(i);
        }
        readOutcomeFeedback(question, questionFormat, q);
        forEachPlaceholderText(q, [](RichText& text) { unwrapExpressions(text); });
        return true;
    }

    /// A Moodle formula in our syntax: wildcards lose their braces, Moodle's `log` (natural)
    /// is `ln` and its `pi()` the constant `pi`.
    static std::string ourFormula(const std::string& moodle)
    {
        std::string formula;
        for (const char c : moodle)
        {
            if (c != '{' && c != '}')
                formula += c;
        }
        std::string out;
        std::size_t at = 0;
        while (at < formula.size())
        {
            const auto c = static_cast<unsigned char>(formula[at]);
            if (std::isalpha(c) == 0 && c != '_')
            {
                out += formula[at++];
                continue;
            }
            std::size_t end = at;
            while (end < formula.size() &&
                   (std::isalnum(static_cast<unsigned char>(formula[end])) != 0 ||
                    formula[end] == '_'))
                ++end;
            const std::string word = formula.substr(at, end - at);
            if (word == "log")
                out += "ln";
            else if (word == "pi" && formula.compare(end, 2, "()") == 0)
            {
                out += "pi";
                end += 2;
            }
            else
                out += word;
            at = end;
        }
        return trim(out);
    }

    /// Moodle writes a wildcard inside an expression as `{={a}*2}`; ours is `{=a*2}`.
    static void unwrapExpressions(RichText& text)
    {
        for (TextRun& run : text.runs)
        {
            std::string out;
            std::size_t at = 0;
            while (true)
            {
                const std::size_t open = run.text.find("{=", at);
                if (open == std::string::npos)
                    break;
                int depth = 0;
                std::size_t close = open;
                for (; close < run.text.size(); ++close)
                {
                    if (run.text[close] == '{')
                        ++depth;
                    else if (run.text[close] == '}' && --depth == 0)
                        break;
                }
                if (close >= run.text.size())
                    break;
                std::string inner;
                for (std::size_t i = open + 2; i < close; ++i)
                {
                    if (run.text[i] != '{' && run.text[i] != '}')
                        inner += run.text[i];
                }
                out += run.text.substr(at, open - at) + "{=" + ourFormula(inner) + "}";
                at = close + 1;
            }
            run.text = out + run.text.substr(at);
        }
    }

    /// Three or more items rising by one step are the range they enumerate (the same values),
    /// as export-moodle writes a range variable.
    static void asRange(Variable& variable)
    {
        const std::vector<double>& values = variable.values;
        if (values.size() < 3)
            return;
        const double step = values[1] - values[0];
        if (!(step > 0))
            return;
        for (std::size_t i = 1; i < values.size(); ++i)
        {
            const double expected = values[0] + step * static_cast<double>(i);
            if (std::fabs(values[i] - expected) > 1e-9 * std::max(1.0, std::fabs(expected)))
                return;
        }
        variable.from = values.front();
        variable.to = values.back();
        variable.step = std::round(step * 1e6) / 1e6;
        variable.values.clear();
    }

    bool readMultichoice(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        const std::string name = q.origin->name;
        const XMLElement* singleNode = question.FirstChildElement("single");
        const bool single = singleNode == nullptr || moodleFlag(trim(xmlAllText(*singleNode)));
        q.shuffle = moodleFlag(childText(question, "shuffleanswers"));
        const std::string numbering = childText(question, "answernumbering");
        if (numbering == "123" || numbering == "none" || numbering == "abc")
            q.numbering = numbering;
        else if (numbering == "ABCD" || numbering == "ABC")
            q.numbering = "ABC";
        else if (numbering == "iii")
            q.numbering = "abc";
        else if (numbering == "IIII")
            q.numbering = "ABC";
        else
            q.numbering = "abc";
        readOutcomeFeedback(question, questionFormat, q);

        std::vector<Answer> answers = readAnswers(question, questionFormat);
        std::vector<Answer> kept;
        for (Answer& answer : answers)
        {
            if (!answer.text.isEmpty())
                kept.push_back(std::move(answer));
        }
        if (kept.size() < 2)
        {
            skip(question, name,
                 "it has " + std::to_string(kept.size()) + " non-empty answer(s); 2 are needed");
            return false;
        }
        for (std::size_t i = 0; i < kept.size(); ++i)
        {
            Option option;
            option.id = optionId(i);
            option.text = kept[i].text;
            option.rationale = kept[i].feedback;
            option.line = kept[i].line;
            option.weight = kept[i].fraction;
            q.options.push_back(std::move(option));
        }
        return mapCredit(question, q, single);
    }

    bool mapCredit(const XMLElement& question, Question& q, bool single)
    {
        std::string dropped;
        const std::string why = mapChoiceCredit(q, single, dropped);
        if (!why.empty())
        {
            skip(question, q.origin->name, why);
            return false;
        }
        if (single && q.type == QuestionType::Multiple)
            diag().warning(question.GetLineNum(), kCodeDropped,
                           "question '" + q.origin->name + "': " + describeWeightedFromSingle(q));
        if (!dropped.empty())
            diag().warning(question.GetLineNum(), kCodeDropped,
                           "question '" + q.origin->name + "': partial credit of answer(s) " +
                               dropped +
                               " dropped; single-answer questions score only the correct option");
        return true;
    }

    bool readTrueFalse(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        q.type = QuestionType::TrueFalse;
        q.shuffle = false;
        std::vector<Answer> answers = readAnswers(question, questionFormat);
        if (answers.size() < 2)
        {
            skip(question, q.origin->name, "a true/false question needs its two answers");
            return false;
        }
        bool answer = false;
        bool matched = false;
        RichText rationaleTrue;
        RichText rationaleFalse;
        for (const Answer& a : answers)
        {
            const std::string text = trim(a.text.toPlain());
            const bool full = std::fabs(a.fraction - 100.0) < 1e-5;
            if (text == "true")
            {
                answer = full;
                rationaleTrue = a.feedback;
                matched = true;
            }
            else if (text == "false")
            {
                answer = !full;
                rationaleFalse = a.feedback;
                matched = true;
            }
        }
        if (!matched)
        {
            diag().warning(question.GetLineNum(), kCodeDropped,
                           "true/false answers are not labelled 'true' and 'false'; the first is "
                           "taken as true and the second as false, as Moodle does");
            answer = std::fabs(answers[0].fraction - 100.0) < 1e-5;
            rationaleTrue = answers[0].feedback;
            rationaleFalse = answers[1].feedback;
        }
        Option t;
        t.id = "true";
        t.text = RichText::fromPlain("True");
        t.correct = answer;
        t.rationale = rationaleTrue;
        Option f;
        f.id = "false";
        f.text = RichText::fromPlain("False");
        f.correct = !answer;
        f.rationale = rationaleFalse;
        q.options = {t, f};
        return true;
    }

    void readOutcomeFeedback(const XMLElement& question, TextFormat questionFormat, Question& q)
    {
        const std::pair<const char*, const char*> kinds[] = {
            {"correctfeedback", "correct"},
            {"partiallycorrectfeedback", "partial"},
            {"incorrectfeedback", "incorrect"}};
        for (const auto& kind : kinds)
        {
            const XMLElement* node = question.FirstChildElement(kind.first);
            if (node == nullptr)
                continue;
            RichText text =
                readField(*node, parseFormat(xmlAttribute(*node, "format"), questionFormat), false)
                    .text;
            if (!text.isEmpty())
                q.feedback.push_back({kind.second, std::move(text)});
        }
    }

    /// Reads `<x format><text/><file/>…</x>`. For the question text, the first local image
    /// becomes the figure; elsewhere images become "[image: alt]" with a warning.
    FieldResult readField(const XMLElement& field, TextFormat fallback, bool isStem)
    {
        FieldResult out;
        const TextFormat format = parseFormat(xmlAttribute(field, "format"), fallback);
        const XMLElement* textNode = field.FirstChildElement("text");
        const std::string raw = textNode == nullptr ? std::string() : trim(xmlAllText(*textNode));
        const int baseLine = textNode == nullptr ? field.GetLineNum() : textNode->GetLineNum();
        HtmlOptions options;
        options.imagePlaceholders = !isStem;
        HtmlResult html = readHtml(raw, format, options);
        for (const HtmlNote& note : html.warnings)
            diag().warning(baseLine + lineOfOffset(raw, note.offset) - 1, kCodeDropped,
                           note.message);
        out.text = std::move(html.text);
        // export-moodle names the question's own figure when a case's comes first.
        const int own = isStem && m_extras && m_extras->figure ? *m_extras->figure : -1;
        int index = -1;
        for (const HtmlImage& image : html.images)
        {
            const int line = baseLine + lineOfOffset(raw, image.offset) - 1;
            ++index;
            if (!isStem)
            {
                imageWarning(line, "image '" + image.src +
                                       "' in an answer or feedback cannot be shown; "
                                       "'[image]' text was written in its place");
                continue;
            }
            if (out.figure || (own >= 0 && index != own))
            {
                imageWarning(line,
                             "a question shows one figure; image '" + image.src + "' was dropped");
                continue;
            }
            std::optional<ImportedImage> resolved = resolveImage(field, image, line);
            if (resolved)
            {
                out.figure = std::move(resolved);
            }
        }
        for (const XMLElement* file : xmlChildren(field, "file"))
        {
            const std::string name = xmlAttribute(*file, "name");
            if (!isReferenced(html, name))
                diag().warning(file->GetLineNum(), kCodeDropped,
                               "attached file '" + name +
                                   "' is not an image shown in the text; dropped");
        }
        return out;
    }

    static bool isReferenced(const HtmlResult& html, const std::string& name)
    {
        for (const HtmlImage& image : html.images)
        {
            if (fileName(percentDecode(image.src)) == name)
                return true;
        }
        return false;
    }

    std::optional<ImportedImage> resolveImage(const XMLElement& field, const HtmlImage& image,
                                              int line)
    {
        const std::string prefix = "@@PLUGINFILE@@/";
        std::string payload;
        bool found = false;
        if (image.src.rfind(prefix, 0) == 0)
        {
            const std::string wanted = "/" + percentDecode(image.src.substr(prefix.size()));
            for (const XMLElement* file : xmlChildren(field, "file"))
            {
                std::string path = xmlAttribute(*file, "path", "/");
                if (path.empty() || path.back() != '/')
                    path += '/';
                if (path + xmlAttribute(*file, "name") == wanted)
                {
                    payload = xmlAllText(*file);
                    found = true;
                    break;
                }
            }
        }
        else if (image.src.rfind("data:", 0) == 0)
        {
            const std::size_t comma = image.src.find(',');
            if (comma != std::string::npos &&
                image.src.substr(0, comma).find(";base64") != std::string::npos)
            {
                payload = image.src.substr(comma + 1);
                found = true;
            }
        }
        if (!found)
        {
            imageWarning(line, "image '" + image.src +
                                   "' is not embedded in the file; the question keeps no figure");
            return std::nullopt;
        }
        return decodeImage(payload, image.alt, image.src, line);
    }

    std::optional<ImportedImage> decodeImage(const std::string& payload, const std::string& alt,
                                             const std::string& label, int line)
    {
        std::string bytes;
        std::string error;
        if (!decodeBase64(payload, m_limits.image.maxBytes, bytes, error))
        {
            imageWarning(line, "image '" + label + "' dropped: base64 " + error);
            return std::nullopt;
        }
        return acceptImage(std::move(bytes), alt, label, line, m_limits, m_result, diag(),
                           m_questionName);
    }

    /// Moodle 1.9's `<image>` + `<image_base64>` picture.
    std::optional<ImportedImage> readLegacyImage(const XMLElement& question)
    {
        const XMLElement* data = question.FirstChildElement("image_base64");
        if (data == nullptr)
            return std::nullopt;
        return decodeImage(xmlAllText(*data), "", childText(question, "image"), data->GetLineNum());
    }

    ReadLimits m_limits;
    std::string m_file;
    ReadResult m_result;
    std::vector<std::string> m_category;
    std::string m_questionName;                ///< of the question being read, for messages
    std::optional<MoodleExtras> m_extras;      ///< its heparin-quiz comment, if any
    std::vector<std::size_t> m_mistakeAnswers; ///< the <answer> index of each of its mistakes
    std::vector<std::string> m_hintFields;     ///< "hintN" (its <hint> number) of each hint
    std::string m_categoryRaw;
};

} // namespace

ReadResult readMoodleXml(const std::string& bytes, const std::string& displayPath,
                         const ReadLimits& limits)
{
    return MoodleReader(displayPath, limits).run(bytes);
}

} // namespace quiz::core::import
