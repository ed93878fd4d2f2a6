#include "PackWriter.hpp"

#include "core/import/TextUtil.hpp"
#include "core/util/Spaces.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace quiz::core
{

namespace
{

/// The shortest plain decimal that reads back as the same double, with a point whatever the
/// locale (no exponent: the format's decimals have none).
std::string decimal(double value)
{
    char buffer[400];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

class Writer
{
public:
    std::string take() { return std::move(m_out); }

    void line(int depth, const std::string& text)
    {
        m_out.append(static_cast<std::size_t>(depth) * 2, ' ');
        m_out += text;
        m_out += '\n';
    }

    /// `<name attrs>rich</name>` on one line; nothing when the text is empty.
    void rich(int depth, const std::string& openTag, const std::string& name, const RichText& text)
    {
        line(depth, "<" + openTag + ">" + writeRichText(text) + "</" + name + ">");
    }

    void pack(const Pack& pack)
    {
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        // A pack that uses 1.1 elements says so, whatever it was read as.
        const bool minor = pack.formatMinor > 0 || !pack.cases.empty() ||
                           std::any_of(pack.questions.begin(), pack.questions.end(),
                                       [](const Question& q)
                                       {
                                           return q.type == QuestionType::Numeric ||
                                                  q.type == QuestionType::Ordering ||
                                                  q.type == QuestionType::Matching;
                                       });
        const std::string version =
            std::to_string(pack.formatVersion) +
            (minor ? "." + std::to_string(std::max(1, pack.formatMinor)) : "");
        std::string root = "pack formatVersion=\"" + version + "\"" + attr("id", pack.id) +
                           attr("version", pack.version);
        if (!pack.lang.empty())
            root += attr("lang", pack.lang);
        line(0, "<" + root + ">");
        line(1, "<title>" + escapeXmlText(pack.title) + "</title>");
        if (!pack.description.empty())
            line(1, "<description>" + escapeXmlText(pack.description) + "</description>");
        for (const Author& author : pack.authors)
        {
            line(1, "<author" + attr("name", author.name) +
                        optional("credentials", author.credentials) +
                        optional("affiliation", author.affiliation) +
                        optional("email", author.email) + optional("role", author.role) + "/>");
        }
        const bool spdx =
            !pack.license.empty() && pack.license.find_first_of(" \t\n") == std::string::npos;
        if (spdx)
            line(1, "<license" + attr("spdx", pack.license) + "/>");
        else
            line(1, "<license>" + escapeXmlText(pack.license) + "</license>");
        line(1, "<dates" + attr("created", pack.created) + optional("updated", pack.updated) +
                    attr("reviewBy", pack.reviewBy) + "/>");
        for (const ReviewRecord& review : pack.reviews)
        {
            line(1, "<review" + attr("by", review.by) + attr("date", review.date) + ">" +
                        escapeXmlText(review.notes) + "</review>");
        }
        line(1, "<sources>");
        for (const Source& source : pack.sources)
        {
            line(2, "<source" + attr("id", source.id) + attr("type", source.type) +
                        optional("url", source.url) + optional("doi", source.doi) +
                        optional("isbn", source.isbn) + optional("accessed", source.accessed) +
                        ">" + escapeXmlText(source.citation) + "</source>");
        }
        line(1, "</sources>");
        line(1, "<topics>");
        topics(pack, "", 2);
        line(1, "</topics>");
        line(1, "<questions>");
        for (const Question& q : pack.questions)
        {
            if (q.caseId.empty() || pack.findCase(q.caseId) == nullptr)
            {
                question(q, 2);
                continue;
            }
            // A case is written where its first question stands, with all its questions.
            const Case& c = *pack.findCase(q.caseId);
            if (!c.questionIds.empty() && c.questionIds.front() == q.id)
                writeCase(pack, c);
        }
        line(1, "</questions>");
        line(0, "</pack>");
    }

private:
    static std::string attr(const std::string& name, const std::string& value)
    {
        return " " + name + "=\"" + escapeXmlAttribute(value) + "\"";
    }

    static std::string optional(const std::string& name, const std::string& value)
    {
        return value.empty() ? std::string() : attr(name, value);
    }

    void topics(const Pack& pack, const std::string& parentId, int depth)
    {
        for (const Topic& topic : pack.topics)
        {
            if (topic.parentId != parentId)
                continue;
            const std::string open = "<topic" + attr("id", topic.id) + attr("title", topic.title);
            const bool hasChildren =
                std::any_of(pack.topics.begin(), pack.topics.end(),
                            [&](const Topic& t) { return t.parentId == topic.id; });
            if ((!hasChildren || depth > 40) && topic.description.empty())
            {
                line(depth, open + "/>");
                continue;
            }
            line(depth, open + ">");
            if (!topic.description.empty())
                line(depth + 1,
                     "<description>" + escapeXmlText(topic.description) + "</description>");
            if (depth <= 40)
                topics(pack, topic.id, depth + 1);
            line(depth, "</topic>");
        }
    }

    static std::string questionAttributes(const Question& q)
    {
        std::string out =
            attr("id", q.id) + attr("type", toString(q.type)) + attr("topic", q.topicId);
        if (q.difficulty != 0)
            out += attr("difficulty", std::to_string(q.difficulty));
        out += optional("level", q.level);
        if (q.points != 1.0)
            out += attr("points", import::formatNumber(q.points));
        if (q.rev != 1)
            out += attr("rev", std::to_string(q.rev));
        if (q.status == QuestionStatus::Review)
            out += attr("status", "review");
        else if (q.status == QuestionStatus::Draft)
            out += attr("status", "draft");
        if (q.type == QuestionType::Multiple)
            out += attr("scoring", toString(q.scoring));
        if ((q.type == QuestionType::Ordering || q.type == QuestionType::Matching) &&
            q.scoring == ScoringRule::AllOrNothing)
            out += attr("scoring", toString(q.scoring));
        if (q.type == QuestionType::TrueFalse)
        {
            const Option* truth = q.findOption("true");
            out += attr("answer", truth != nullptr && truth->correct ? "true" : "false");
        }
        out += optional("lang", q.lang);
        return out;
    }

    void refs(int depth, const std::vector<Reference>& references)
    {
        for (const Reference& ref : references)
            line(depth,
                 "<ref" + attr("source", ref.sourceId) + optional("locator", ref.locator) + "/>");
    }

    void variables(int depth, const std::vector<Variable>& list)
    {
        for (const Variable& v : list)
        {
            std::string head = "<vary" + attr("name", v.name);
            if (v.isList())
            {
                std::string values;
                for (double value : v.values)
                    values += (values.empty() ? "" : " ") + decimal(value);
                head += attr("values", values);
            }
            else
            {
                head += attr("from", decimal(v.from)) + attr("to", decimal(v.to)) +
                        attr("step", decimal(v.step));
            }
            line(depth, head + optional("unit", v.unit) + "/>");
        }
    }

    static std::string formulaOrValue(const std::string& formula,
                                      const std::optional<double>& value)
    {
        return value ? attr("value", decimal(*value)) : attr("formula", formula);
    }

    void numeric(int depth, const Question& q)
    {
        if (q.numeric)
        {
            const NumericAnswer& a = *q.numeric;
            std::string head = "<answer" + formulaOrValue(a.formula, a.value) +
                               attr("unit", a.unit) + attr("round", std::to_string(a.round));
            if (a.tolerance != 0.0)
                head += attr("tolerance", a.relative ? decimal(a.tolerance * 100.0) + "%"
                                                     : decimal(a.tolerance));
            if (a.min)
                head += attr("min", decimal(*a.min));
            if (a.max)
                head += attr("max", decimal(*a.max));
            line(depth, head + "/>");
        }
        for (const Mistake& m : q.mistakes)
        {
            std::string open = "mistake" + formulaOrValue(m.formula, m.value);
            if (m.severity == OptionSeverity::Critical)
                open += " severity=\"critical\"";
            rich(depth, open, "mistake", m.rationale);
        }
    }

    void writeCase(const Pack& pack, const Case& c)
    {
        line(2, "<case" + attr("id", c.id) + attr("topic", c.topicId) + ">");
        line(3, "<title>" + escapeXmlText(c.title) + "</title>");
        variables(3, c.variables);
        rich(3, "stem", "stem", c.stem);
        if (c.figure)
            line(3, "<figure" + attr("src", c.figure->src) + attr("alt", c.figure->alt) + "/>");
        for (const std::string& id : c.questionIds)
        {
            if (const Question* q = pack.findQuestion(id))
                question(*q, 3);
        }
        line(2, "</case>");
    }

    void question(const Question& q, int depth)
    {
        // Question bodies are written at depth 3 and shifted for a question inside a case.
        const std::size_t start = m_out.size();
        questionBody(q);
        if (depth == 2)
            return;
        std::string body = m_out.substr(start);
        m_out.resize(start);
        std::size_t at = 0;
        while (at < body.size())
        {
            const std::size_t end = body.find('\n', at);
            m_out.append(static_cast<std::size_t>(depth - 2) * 2, ' ');
            m_out.append(body, at, end - at + 1);
            at = end + 1;
        }
    }

    void questionBody(const Question& q)
    {
        line(2, "<question" + questionAttributes(q) + ">");
        if (q.type == QuestionType::Numeric)
            variables(3, q.variables);
        rich(3, "stem", "stem", q.stem);
        if (q.type == QuestionType::Numeric)
            numeric(3, q);
        else if (q.type == QuestionType::Ordering)
            items(q);
        else if (q.type == QuestionType::Matching)
            pairs(q);
        else if (q.type == QuestionType::TrueFalse)
        {
            for (const char* id : {"true", "false"})
            {
                const Option* option = q.findOption(id);
                if (option == nullptr)
                    continue;
                std::string open = std::string("rationale for=\"") + id + "\"";
                if (option->severity == OptionSeverity::Critical)
                    open += " severity=\"critical\"";
                rich(3, open, "rationale", option->rationale);
            }
        }
        else
        {
            options(q);
        }
        if (!q.explanation.isEmpty())
            rich(3, "explanation", "explanation", q.explanation);
        for (const RichText& hint : q.hints)
            rich(3, "hint", "hint", hint);
        for (const OutcomeFeedback& feedback : q.feedback)
            rich(3, "feedback on=\"" + escapeXmlAttribute(feedback.on) + "\"", "feedback",
                 feedback.text);
        if (q.figure)
            line(3, "<figure" + attr("src", q.figure->src) + attr("alt", q.figure->alt) + "/>");
        refs(3, q.refs);
        for (const std::string& tag : q.tags)
            line(3, "<tag>" + escapeXmlText(tag) + "</tag>");
        if (q.origin)
        {
            const Origin& o = *q.origin;
            line(3, "<origin" + attr("format", o.format) + optional("file", o.file) +
                        optional("idnumber", o.idnumber) + optional("name", o.name) +
                        optional("category", o.category) + optional("penalty", o.penalty) + "/>");
        }
        line(2, "</question>");
    }

    void items(const Question& q)
    {
        line(3, "<items>");
        for (const OrderItem& item : q.items)
        {
            line(4, "<item" + attr("id", item.id) + ">");
            rich(5, "text", "text", item.text);
            rich(5, "rationale", "rationale", item.rationale);
            line(4, "</item>");
        }
        line(3, "</items>");
    }

    void pairs(const Question& q)
    {
        line(3, "<pairs>");
        for (const MatchPair& pair : q.pairs)
        {
            line(4, "<pair" + attr("id", pair.id) + ">");
            if (!pair.prompt.isEmpty())
                rich(5, "prompt", "prompt", pair.prompt);
            rich(5, "answer", "answer", pair.answer);
            rich(5, "rationale", "rationale", pair.rationale);
            line(4, "</pair>");
        }
        line(3, "</pairs>");
    }

    void options(const Question& q)
    {
        std::string open =
            std::string("<options shuffle=\"") + (q.shuffle ? "true" : "false") + "\"";
        if (q.numbering != "ABC")
            open += attr("numbering", q.numbering);
        line(3, open + ">");
        for (const Option& option : q.options)
        {
            std::string head = "<option" + attr("id", option.id);
            if (option.correct)
                head += " correct=\"true\"";
            if (q.scoring == ScoringRule::Weighted && q.type == QuestionType::Multiple)
                head += attr("weight", import::formatNumber(option.weight));
            if (option.fixed)
                head += " fixed=\"true\"";
            if (option.severity == OptionSeverity::Critical)
                head += " severity=\"critical\"";
            line(4, head + ">");
            rich(5, "text", "text", option.text);
            rich(5, "rationale", "rationale", option.rationale);
            refs(5, option.refs);
            line(4, "</option>");
        }
        line(3, "</options>");
    }

    std::string m_out;
};

} // namespace

std::string escapeXmlText(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
    {
        if (isForbiddenControl(static_cast<unsigned char>(c)))
            continue;
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

std::string escapeXmlAttribute(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
    {
        if (c == '"')
            out += "&quot;";
        else if (c == '\n')
            out += "&#10;";
        else if (c == '\t')
            out += "&#9;";
        else if (c == '\r')
            out += "&#13;";
        else
            out += escapeXmlText(std::string(1, c));
    }
    return out;
}

std::string writeRichText(const RichText& text)
{
    return writeMarkup(text, "<br/>", escapeXmlText);
}

std::string writePack(const Pack& pack)
{
    Writer writer;
    writer.pack(pack);
    return writer.take();
}

} // namespace quiz::core
