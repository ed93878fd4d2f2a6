#include "MoodleWriter.hpp"

#include "Base64.hpp"
#include "HtmlReader.hpp"
#include "MoodleReader.hpp"
#include "PackAssembler.hpp"
#include "TextUtil.hpp"
#include "core/pack/PackWriter.hpp"

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

    std::string figureFile(const Question& q, std::string& html)
    {
        if (!q.figure)
            return {};
        const std::optional<std::string> bytes = m_loadFigure(q.figure->src);
        if (!bytes)
        {
            m_diagnostics.warning(q.line, "export-figure",
                                  "question '" + q.id + "': figure '" + q.figure->src +
                                      "' could not be read; exported without it");
            return {};
        }
        const std::string name = fileName(q.figure->src);
        html += "<p><img src=\"@@PLUGINFILE@@/" + escapeXmlAttribute(name) + "\" alt=\"" +
                escapeXmlAttribute(q.figure->alt) + "\"></p>";
        return "<file name=\"" + escapeXmlAttribute(name) + "\" path=\"/\" encoding=\"base64\">" +
               encodeBase64(*bytes) + "</file>";
    }

    void question(const Question& q)
    {
        if (q.type == QuestionType::Numeric && !exportableNumeric(q))
            return;
        const bool trueFalse = q.type == QuestionType::TrueFalse;
        const char* type = q.type == QuestionType::Numeric    ? "numerical"
                           : trueFalse                        ? "truefalse"
                           : q.type == QuestionType::Ordering ? "ordering"
                           : q.type == QuestionType::Matching ? "match"
                                                              : "multichoice";
        line(1, std::string("<question type=\"") + type + "\">");
        const std::string name = q.origin && !q.origin->name.empty() ? q.origin->name : q.id;
        line(2, "<name><text>" + escapeXmlText(name) + "</text></name>");
        std::string stem = toHtml(q.stem);
        const std::string files = figureFile(q, stem);
        field(2, "questiontext", stem, files);
        field(2, "generalfeedback", toHtml(q.explanation));
        line(2, "<defaultgrade>" + formatNumber(q.points) + "</defaultgrade>");
        // The penalty an import kept goes back as it came; else Moodle's defaults.
        const std::string penalty = q.origin && !q.origin->penalty.empty()
                                        ? q.origin->penalty
                                        : std::string(trueFalse ? "1" : "0.3333333");
        line(2, "<penalty>" + escapeXmlText(penalty) + "</penalty>");
        line(2, "<hidden>0</hidden>");
        const std::string idnumber = q.origin ? q.origin->idnumber : q.id;
        line(2, "<idnumber>" + escapeXmlText(idnumber) + "</idnumber>");
        if (q.type == QuestionType::Numeric)
            numericalAnswers(q);
        else if (q.type == QuestionType::Ordering)
            orderingAnswers(q);
        else if (q.type == QuestionType::Matching)
            matchAnswers(q);
        else if (trueFalse)
            trueFalseAnswers(q);
        else
            choiceAnswers(q);
        for (const RichText& hint : q.hints)
            field(2, "hint", toHtml(hint));
        if (!q.tags.empty())
        {
            line(2, "<tags>");
            for (const std::string& tag : q.tags)
                line(3, "<tag><text>" + escapeXmlText(tag) + "</text></tag>");
            line(2, "</tags>");
        }
        line(1, "</question>");
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

    /// Moodle's `numerical` holds a fixed number; a question with variables would need a
    /// `calculated` dataset, which is not written yet, so it is left out with a warning.
    bool exportableNumeric(const Question& q)
    {
        if (q.numeric && q.numeric->value && q.variables.empty() && !q.numeric->relative)
            return true;
        m_diagnostics.warning(q.line, "export-dropped",
                              "question '" + q.id +
                                  "': a numeric question with variables, a formula or a relative "
                                  "tolerance has no Moodle numerical form yet; not exported");
        return false;
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
        for (const Mistake& mistake : q.mistakes)
        {
            if (!mistake.value)
                continue;
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
};

} // namespace

MoodleExport writeMoodleXml(const Pack& pack, const FigureLoader& loadFigure,
                            const std::string& displayPath)
{
    return Writer(pack, loadFigure, displayPath).run();
}

} // namespace quiz::core::import
