#include "StepsChecker.hpp"

#include "PackFormat.hpp"

#include <map>
#include <string>

namespace quiz::core
{
namespace
{

/// Lower-case (ASCII), white-space-folded plain text, for "the same text" comparisons.
std::string folded(const RichText& text)
{
    std::string out;
    bool space = false;
    for (const char c : text.toPlain())
    {
        if (c == ' ' || c == '\n' || c == '\t')
        {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

class StepsChecker
{
public:
    explicit StepsChecker(DiagnosticList& out) : m_out(out) {}

    void ordering(const Question& question)
    {
        const std::string where = "question '" + question.id + "'";
        const std::size_t count = question.items.size();
        if (count < 2 || count > kMaxSteps)
            m_out.error(question.line, "order-size",
                        where + " has " + std::to_string(count) + " item(s); an ordering " +
                            "question needs 2 to " + std::to_string(kMaxSteps));
        std::map<std::string, int> ids;
        std::map<std::string, std::string> texts;
        for (const OrderItem& item : question.items)
        {
            const std::string itemWhere = "item '" + item.id + "' of " + where;
            uniqueId(ids, item.id, item.line, itemWhere);
            if (item.text.isEmpty())
                m_out.error(item.line, "empty-text", itemWhere + " has an empty <text>");
            if (item.rationale.isEmpty())
                m_out.error(item.rationaleLine > 0 ? item.rationaleLine : item.line,
                            "missing-rationale",
                            itemWhere + " has no <rationale>: say why the step comes there");
            sameText(texts, item.text, item.id, item.line, "duplicate-item-text",
                     itemWhere + " has the same text as item '");
        }
    }

    void matching(const Question& question)
    {
        const std::string where = "question '" + question.id + "'";
        std::size_t prompts = 0;
        for (const MatchPair& pair : question.pairs)
            prompts += pair.isDistractor() ? 0 : 1;
        if (prompts < 2 || prompts > kMaxSteps)
            m_out.error(question.line, "match-size",
                        where + " has " + std::to_string(prompts) + " pair(s) with a prompt; " +
                            "a matching question needs 2 to " + std::to_string(kMaxSteps));
        else if (question.pairs.size() > kMaxSteps + kMaxDistractors)
            m_out.error(question.line, "match-size",
                        where + " has " + std::to_string(question.pairs.size() - prompts) +
                            " distractor answers; at most " + std::to_string(kMaxDistractors));
        std::map<std::string, int> ids;
        std::map<std::string, std::string> prompted;
        std::map<std::string, std::string> answers;
        for (const MatchPair& pair : question.pairs)
        {
            const std::string pairWhere = "pair '" + pair.id + "' of " + where;
            uniqueId(ids, pair.id, pair.line, pairWhere);
            if (pair.answer.isEmpty())
                m_out.error(pair.line, "empty-text", pairWhere + " has an empty <answer>");
            if (pair.rationale.isEmpty())
                m_out.error(pair.rationaleLine > 0 ? pair.rationaleLine : pair.line,
                            "missing-rationale",
                            pairWhere + (pair.isDistractor()
                                             ? " has no <rationale>: say why it matches none"
                                             : " has no <rationale>: say why they belong "
                                               "together"));
            if (!pair.isDistractor())
                sameText(prompted, pair.prompt, pair.id, pair.line, "duplicate-prompt-text",
                         pairWhere + " has the same prompt as pair '");
            sameText(answers, pair.answer, pair.id, pair.line, "duplicate-answer-text",
                     pairWhere + " has the same answer as pair '");
        }
    }

private:
    void uniqueId(std::map<std::string, int>& ids, const std::string& id, int line,
                  const std::string& where)
    {
        const auto [it, fresh] = ids.emplace(id, line);
        if (!fresh)
            m_out.error(line, "duplicate-id",
                        where + ": the id is already used at line " + std::to_string(it->second));
    }

    void sameText(std::map<std::string, std::string>& seen, const RichText& text,
                  const std::string& id, int line, const char* code, const std::string& message)
    {
        std::string key = folded(text);
        if (key.empty())
            return;
        const auto [it, fresh] = seen.emplace(std::move(key), id);
        if (!fresh)
            m_out.warning(line, code, message + it->second + "'; a player cannot tell them apart");
    }

    DiagnosticList& m_out;
};

} // namespace

void checkSteps(const Pack& pack, DiagnosticList& out)
{
    StepsChecker checker(out);
    for (const Question& question : pack.questions)
    {
        if (question.type == QuestionType::Ordering)
            checker.ordering(question);
        else if (question.type == QuestionType::Matching)
            checker.matching(question);
    }
}

} // namespace quiz::core
