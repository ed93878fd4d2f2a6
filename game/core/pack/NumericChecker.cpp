#include "NumericChecker.hpp"

#include "Formula.hpp"
#include "Numeric.hpp"
#include "XmlSchema.hpp"
#include "core/util/Parallel.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace quiz::core
{
namespace
{

struct Named
{
    const Variable* variable;
    std::vector<double> values;
};

/// One formula under proof, where it is written and what it is.
struct Proved
{
    std::size_t formula = 0; ///< index into ProofSet::formulas
    int line = 0;
    std::string what; ///< "the answer", "mistake 2", "the placeholder {=a*b}"
    int mistake = -1; ///< index for mistakes, -1 otherwise
    bool answer = false;
    bool failed = false; ///< reported once
};

/// A question's formulas: each distinct expression compiled and evaluated once per draw,
/// however often its answer, mistakes and placeholders repeat it.
struct ProofSet
{
    std::vector<std::string> expressions;
    std::vector<Formula> formulas;
    std::vector<Proved> items;
};

const char* codeOf(FormulaError error)
{
    switch (error)
    {
    case FormulaError::Syntax:
        return "formula-syntax";
    case FormulaError::UnknownVariable:
        return "unknown-variable";
    case FormulaError::DivisionByZero:
        return "division-by-zero";
    case FormulaError::NonFinite:
        return "non-finite";
    case FormulaError::None:
        break;
    }
    return "formula-syntax";
}

std::string describeDraw(const std::vector<std::string>& names, const std::vector<double>& values)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : ", ") + names[i] + "=" + formatNumber(values[i], 6);
    return out.empty() ? "no variables" : out;
}

class NumericProof
{
public:
    NumericProof(const Pack& pack, DiagnosticList& out, std::size_t limit)
        : m_pack(pack), m_out(out), m_limit(limit)
    {
    }

    void checkCase(const Case& c);
    /// True when `question` has something to prove: it is numeric, or its case varies.
    static bool hasProof(const Pack& pack, const Question& question);
    void checkQuestion(const Question& question);

private:
    bool checkVariables(const std::vector<Variable>& variables, const std::string& where,
                        std::vector<Named>& named);
    /// `{name}` naming no variable, and the `{=...}` expressions into `proved`.
    void checkPlaceholders(const RichText& text, int line, const std::string& where,
                           const std::vector<std::string>& names, ProofSet& proved);
    /// A formula's identifiers that name no variable; true when all are declared.
    bool checkNames(const std::string& expression, int line, const std::string& what,
                    const std::vector<std::string>& names);
    void addFormula(const std::string& expression, int line, std::string what,
                    const std::vector<std::string>& names, ProofSet& proved, int mistake,
                    bool answer);
    void prove(const Question& question, const std::vector<Named>& named, ProofSet& proved);

    const Pack& m_pack;
    DiagnosticList& m_out;
    std::size_t m_limit;
};

bool NumericProof::checkVariables(const std::vector<Variable>& variables, const std::string& where,
                                  std::vector<Named>& named)
{
    bool good = true;
    for (const Variable& variable : variables)
    {
        const std::string name = where + ": variable '" + variable.name + "'";
        for (const Named& earlier : named)
        {
            if (earlier.variable->name == variable.name)
            {
                m_out.error(variable.line, "duplicate-id",
                            name + " is declared twice (first at line " +
                                std::to_string(earlier.variable->line) + ")");
                good = false;
            }
        }
        if (!variable.isList() && !(variable.step > 0.0))
        {
            m_out.error(variable.line, "vary-step",
                        name + ": step=\"" + formatNumber(variable.step, 6) + "\" must be above 0");
            good = false;
            continue;
        }
        if (!variable.isList() && variableCount(variable) == 0)
        {
            m_out.error(variable.line, "vary-empty",
                        name + ": from=\"" + formatNumber(variable.from, 6) + "\" to=\"" +
                            formatNumber(variable.to, 6) + "\" holds no value (to is below from)");
            good = false;
            continue;
        }
        if (!variable.isList())
        {
            const double steps = (variable.to - variable.from) / variable.step;
            if (std::fabs(steps - std::round(steps)) > 1e-6 * std::max(1.0, steps))
                m_out.error(
                    variable.line, "vary-step",
                    name + ": step=\"" + formatNumber(variable.step, 6) +
                        "\" does not reach to=\"" + formatNumber(variable.to, 6) +
                        "\" from from=\"" + formatNumber(variable.from, 6) +
                        "\"; the last value would be " +
                        formatNumber(variableValueAt(variable, variableCount(variable) - 1), 6));
        }
        if (variable.isList() && variableCount(variable) == 0)
        {
            m_out.error(variable.line, "vary-empty", name + ": values=\"\" lists no value");
            good = false;
            continue;
        }
        named.push_back({&variable, variableValues(variable, 1000000)});
    }
    return good;
}

bool NumericProof::checkNames(const std::string& expression, int line, const std::string& what,
                              const std::vector<std::string>& names)
{
    for (const std::string& identifier : formulaIdentifiers(expression))
    {
        if (std::find(names.begin(), names.end(), identifier) != names.end() || identifier == "pi")
            continue;
        const std::string guess = closestMatch(identifier, names);
        m_out.error(line, "unknown-variable",
                    what + " uses '" + identifier + "', which is no declared <vary>" +
                        (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
        return false;
    }
    return true;
}

void NumericProof::addFormula(const std::string& expression, int line, std::string what,
                              const std::vector<std::string>& names, ProofSet& proved, int mistake,
                              bool answer)
{
    if (!checkNames(expression, line, what, names))
        return;
    const auto known = std::find(proved.expressions.begin(), proved.expressions.end(), expression);
    const auto index = static_cast<std::size_t>(known - proved.expressions.begin());
    if (known == proved.expressions.end())
    {
        proved.expressions.push_back(expression);
        proved.formulas.emplace_back(expression, names);
    }
    const FormulaResult& error = proved.formulas[index].getError();
    if (!error.ok())
    {
        m_out.error(line, codeOf(error.error),
                    what + ": the formula \"" + expression + "\" cannot be read: " + error.message);
        return;
    }
    proved.items.push_back({index, line, std::move(what), mistake, answer, false});
}

void NumericProof::checkPlaceholders(const RichText& text, int line, const std::string& where,
                                     const std::vector<std::string>& names, ProofSet& proved)
{
    for (const TextRun& run : text.runs)
    {
        if (run.text.find_first_of("{}") == std::string::npos)
            continue;
        for (const std::string& stray : findStrayBraces(run.text))
            m_out.warning(line, "stray-brace",
                          where + ": '" + stray +
                              "' is no placeholder and shows as written; write {{ and }} for "
                              "a literal brace");
        for (const Placeholder& placeholder : findPlaceholders(run.text))
        {
            if (!placeholder.isExpression)
            {
                if (std::find(names.begin(), names.end(), placeholder.text) == names.end())
                {
                    const std::string guess = closestMatch(placeholder.text, names);
                    m_out.error(line, "unknown-variable",
                                where + ": {" + placeholder.text + "} names no declared <vary>" +
                                    (guess.empty() ? "" : " (did you mean {" + guess + "}?)"));
                }
                continue;
            }
            addFormula(placeholder.text, line,
                       where + ": the placeholder {=" + placeholder.text + "}", names, proved, -1,
                       false);
        }
    }
}

void NumericProof::checkCase(const Case& c)
{
    const std::string where = "case '" + c.id + "'";
    const std::size_t size = c.questionIds.size();
    if (size < 2 || size > 4)
        m_out.error(c.line, "case-size",
                    where + " has " + std::to_string(size) + " question(s); a case holds 2 to 4");
    std::vector<Named> named;
    checkVariables(c.variables, where, named);
}

bool NumericProof::hasProof(const Pack& pack, const Question& question)
{
    const Case* c = question.caseId.empty() ? nullptr : pack.findCase(question.caseId);
    return question.type == QuestionType::Numeric || (c != nullptr && !c->variables.empty());
}

void NumericProof::checkQuestion(const Question& question)
{
    if (!hasProof(m_pack, question))
        return;
    const Case* c = question.caseId.empty() ? nullptr : m_pack.findCase(question.caseId);
    const std::string where = "question '" + question.id + "'";
    std::vector<Named> named;
    bool good = true;
    if (c != nullptr)
    {
        // The case's own variables were reported once by checkCase().
        for (const Variable& variable : c->variables)
        {
            if (variableCount(variable) > 0)
                named.push_back({&variable, variableValues(variable, 1000000)});
        }
    }
    good = checkVariables(question.variables, where, named) && good;
    std::vector<std::string> names;
    for (const Named& item : named)
        names.push_back(item.variable->name);

    ProofSet proved;
    if (question.type == QuestionType::Numeric)
    {
        if (!question.numeric)
        {
            m_out.error(question.line, "numeric-no-answer",
                        where + " is numeric and needs <answer formula=\"...\" unit=\"...\" "
                                "round=\"...\"/>");
        }
        else if (question.numeric->formula.empty() && !question.numeric->value)
        {
            m_out.error(question.numeric->line, "numeric-no-answer",
                        where + ": <answer> needs formula= or value=");
        }
        else if (!question.numeric->value)
        {
            addFormula(question.numeric->formula, question.numeric->line, where + "'s answer",
                       names, proved, -1, true);
        }
        for (std::size_t i = 0; i < question.mistakes.size(); ++i)
        {
            const Mistake& mistake = question.mistakes[i];
            if (!mistake.value && !mistake.formula.empty())
                addFormula(mistake.formula, mistake.line,
                           where + "'s mistake " + std::to_string(i + 1), names, proved,
                           static_cast<int>(i), false);
            checkPlaceholders(mistake.rationale, mistake.line,
                              where + "'s mistake " + std::to_string(i + 1), names, proved);
        }
    }
    const int stemLine = question.stemLine > 0 ? question.stemLine : question.line;
    checkPlaceholders(question.stem, stemLine, where + "'s stem", names, proved);
    checkPlaceholders(question.explanation, question.line, where + "'s explanation", names, proved);
    for (const RichText& hint : question.hints)
        checkPlaceholders(hint, question.line, where + "'s hint", names, proved);
    for (const OutcomeFeedback& feedback : question.feedback)
        checkPlaceholders(feedback.text, question.line, where + "'s feedback", names, proved);
    for (const Option& option : question.options)
    {
        checkPlaceholders(option.text, option.line, where + "'s option", names, proved);
        checkPlaceholders(option.rationale, option.line, where + "'s option", names, proved);
    }
    if (c != nullptr)
        checkPlaceholders(c->stem, c->line, "case '" + c->id + "'s stem", names, proved);
    if (good)
        prove(question, named, proved);
}

void NumericProof::prove(const Question& question, const std::vector<Named>& named,
                         ProofSet& proved)
{
    if (proved.items.empty() && !(question.numeric && question.numeric->value))
        return;
    std::vector<std::size_t> counts;
    std::vector<std::string> names;
    for (const Named& item : named)
    {
        counts.push_back(item.values.size());
        names.push_back(item.variable->name);
    }
    const NumericAnswer* answer = question.numeric ? &*question.numeric : nullptr;
    const std::string where = "question '" + question.id + "'";
    std::vector<double> draw(named.size());
    std::vector<double> mistakeValues(question.mistakes.size());
    std::vector<FormulaResult> results(proved.formulas.size());
    bool negativeReported = false;
    bool rangeReported = false;
    std::set<std::size_t> equalReported;
    std::set<std::pair<std::size_t, std::size_t>> coincideReported;
    for (const std::vector<std::size_t>& combination : proofCombinations(counts, m_limit))
    {
        for (std::size_t i = 0; i < combination.size(); ++i)
            draw[i] = named[i].values[combination[i]];
        double answerValue = answer != nullptr && answer->value ? *answer->value : NAN;
        for (std::size_t i = 0; i < question.mistakes.size(); ++i)
            mistakeValues[i] = question.mistakes[i].value ? *question.mistakes[i].value : NAN;
        for (std::size_t i = 0; i < proved.formulas.size(); ++i)
            results[i] = proved.formulas[i].evaluate(draw);
        for (Proved& item : proved.items)
        {
            const FormulaResult& result = results[item.formula];
            if (!result.ok())
            {
                if (!item.failed)
                    m_out.error(item.line, codeOf(result.error),
                                item.what + ": " + result.message + " for " +
                                    describeDraw(names, draw));
                item.failed = true;
                continue;
            }
            if (item.answer)
                answerValue = result.value;
            else if (item.mistake >= 0)
                mistakeValues[static_cast<std::size_t>(item.mistake)] = result.value;
        }
        if (answer == nullptr || !std::isfinite(answerValue))
            continue;
        if (answerValue < 0 && !negativeReported)
        {
            m_out.error(answer->line, "negative-dose",
                        where + "'s answer is " + formatNumber(answerValue, answer->round + 2) +
                            ", below 0, for " + describeDraw(names, draw));
            negativeReported = true;
        }
        if (!rangeReported && ((answer->min && answerValue < *answer->min) ||
                               (answer->max && answerValue > *answer->max)))
        {
            m_out.error(answer->line, "answer-out-of-range",
                        where + "'s answer is " + formatNumber(answerValue, answer->round + 2) +
                            ", outside min=\"" +
                            (answer->min ? formatNumber(*answer->min, 6) : std::string("-")) +
                            "\" max=\"" +
                            (answer->max ? formatNumber(*answer->max, 6) : std::string("-")) +
                            "\", for " + describeDraw(names, draw));
            rangeReported = true;
        }
        const double shown = roundTo(answerValue, answer->round);
        for (std::size_t i = 0; i < mistakeValues.size(); ++i)
        {
            const double value = mistakeValues[i];
            if (!std::isfinite(value))
                continue;
            if (equalReported.count(i) == 0 && withinTolerance(*answer, value, shown))
            {
                m_out.error(question.mistakes[i].line, "mistake-equals-answer",
                            where + "'s mistake " + std::to_string(i + 1) + " gives " +
                                formatNumber(value, answer->round) + ", the correct answer, for " +
                                describeDraw(names, draw) +
                                "; a student who slips this way would be marked right");
                equalReported.insert(i);
            }
            for (std::size_t j = i + 1; j < mistakeValues.size(); ++j)
            {
                if (!std::isfinite(mistakeValues[j]) || coincideReported.count({i, j}) == 1)
                    continue;
                if (withinTolerance(*answer, value, roundTo(mistakeValues[j], answer->round)))
                {
                    m_out.warning(question.mistakes[j].line, "mistakes-coincide",
                                  where + "'s mistakes " + std::to_string(i + 1) + " and " +
                                      std::to_string(j + 1) + " both give " +
                                      formatNumber(value, answer->round) + " for " +
                                      describeDraw(names, draw) +
                                      "; the student sees the first one's rationale");
                    coincideReported.insert({i, j});
                }
            }
        }
    }
}

} // namespace

std::vector<std::vector<std::size_t>> proofCombinations(const std::vector<std::size_t>& counts,
                                                        std::size_t limit)
{
    std::vector<std::vector<std::size_t>> out;
    double product = 1.0;
    for (std::size_t count : counts)
    {
        if (count == 0)
            return out;
        product *= static_cast<double>(count);
    }
    const std::size_t n = counts.size();
    if (product <= static_cast<double>(limit))
    {
        std::vector<std::size_t> index(n, 0);
        const auto total = static_cast<std::size_t>(product);
        out.reserve(total);
        for (std::size_t k = 0; k < total; ++k)
        {
            out.push_back(index);
            for (std::size_t i = n; i-- > 0;)
            {
                if (++index[i] < counts[i])
                    break;
                index[i] = 0;
            }
        }
        return out;
    }
    // Too many: both extremes, then a Kronecker (additive recurrence) sequence, which fills
    // the grid evenly in every dimension, snapped to each variable's values.
    out.reserve(limit);
    std::vector<std::size_t> low(n, 0);
    std::vector<std::size_t> high(n);
    for (std::size_t i = 0; i < n; ++i)
        high[i] = counts[i] - 1;
    out.push_back(low);
    out.push_back(high);
    std::vector<double> alpha(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        // Fractional parts of square roots of primes are independent irrationals.
        static const double kPrimes[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43};
        const double root = std::sqrt(kPrimes[i % 14] + static_cast<double>(i / 14) * 47.0);
        alpha[i] = root - std::floor(root);
    }
    for (std::size_t k = 1; out.size() < limit; ++k)
    {
        std::vector<std::size_t> index(n);
        for (std::size_t i = 0; i < n; ++i)
        {
            const double position = static_cast<double>(k) * alpha[i];
            const double fraction = position - std::floor(position);
            index[i] = std::min(
                counts[i] - 1, static_cast<std::size_t>(fraction * static_cast<double>(counts[i])));
        }
        out.push_back(std::move(index));
    }
    return out;
}

void checkNumeric(const Pack& pack, DiagnosticList& out, std::size_t maxCombinations)
{
    NumericProof proof(pack, out, maxCombinations);
    std::set<std::string> caseIds;
    for (const Case& c : pack.cases)
    {
        if (!caseIds.insert(c.id).second)
            out.error(c.line, "duplicate-id", "case id '" + c.id + "' is used twice");
        if (pack.findTopic(c.topicId) == nullptr)
            out.error(c.line, "unknown-topic",
                      "case '" + c.id + "' has topic '" + c.topicId +
                          "', which is not in <topics>");
        proof.checkCase(c);
    }
    // Each question's proof is its own work, and the proof is most of a dose pack's check, so
    // questions are proved side by side, each into a list of its own; the lists are added in
    // question order, so the findings are those of one question after another.
    std::vector<const Question*> proved;
    for (const Question& question : pack.questions)
    {
        if (NumericProof::hasProof(pack, question))
            proved.push_back(&question);
    }
    std::vector<DiagnosticList> found(proved.size(), DiagnosticList(out.getFile()));
    runInParallel(proved.size(), [&](std::size_t i)
                  { NumericProof(pack, found[i], maxCombinations).checkQuestion(*proved[i]); });
    for (const DiagnosticList& list : found)
        out.append(list);
}

} // namespace quiz::core
