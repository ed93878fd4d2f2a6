#include "Numeric.hpp"

#include "Formula.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>

namespace quiz::core
{
namespace
{

using Values = std::vector<std::pair<std::string, double>>;

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isIdentifier(std::string_view text)
{
    if (text.empty() || !isNameStart(text[0]))
        return false;
    for (char c : text)
    {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

/// Uniform in [0, bound) from the engine by rejection, the same on every standard library.
std::uint64_t below(std::mt19937& engine, std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    const std::uint64_t range = 0x100000000ULL;
    if (bound >= range)
        return (static_cast<std::uint64_t>(engine()) << 32 | engine()) % bound;
    const std::uint64_t limit = range % bound;
    for (;;)
    {
        const std::uint64_t value = engine();
        if (value >= limit)
            return value % bound;
    }
}

/// Range points are computed as from + i*step and then rounded to 12 significant digits, so
/// "0.1 steps" give 0.3, not 0.30000000000000004.
double tidy(double value)
{
    if (value == 0.0 || !std::isfinite(value))
        return value;
    const double magnitude = std::floor(std::log10(std::fabs(value)));
    const double scale = std::pow(10.0, 11.0 - magnitude);
    return std::round(value * scale) / scale;
}

const double* lookup(const Values& values, std::string_view name)
{
    for (const auto& [key, value] : values)
    {
        if (key == name)
            return &value;
    }
    return nullptr;
}

std::string insertThousands(const std::string& digits)
{
    std::string out;
    const std::size_t count = digits.size();
    for (std::size_t i = 0; i < count; ++i)
    {
        if (i > 0 && (count - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

double evaluateValue(const std::string& formula, const std::optional<double>& value,
                     const Values& values, std::string& error)
{
    if (value)
        return *value;
    const FormulaResult result = evaluateFormula(formula, values);
    if (!result.ok())
    {
        error = result.message;
        return std::numeric_limits<double>::quiet_NaN();
    }
    return result.value;
}

int decimalsOf(const Question& question)
{
    return question.numeric ? question.numeric->round : 0;
}

} // namespace

std::size_t variableCount(const Variable& variable)
{
    if (variable.isList())
        return variable.values.size();
    if (!(variable.step > 0.0) || !std::isfinite(variable.from) || !std::isfinite(variable.to) ||
        variable.to < variable.from)
        return 0;
    const double steps = std::floor((variable.to - variable.from) / variable.step + 1e-9);
    if (steps > 1e12)
        return 0;
    return static_cast<std::size_t>(steps) + 1;
}

double variableValueAt(const Variable& variable, std::size_t index)
{
    if (variable.isList())
        return variable.values[index];
    return tidy(variable.from + static_cast<double>(index) * variable.step);
}

std::vector<double> variableValues(const Variable& variable, std::size_t limit)
{
    std::vector<double> out;
    const std::size_t count = std::min(variableCount(variable), limit);
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(variableValueAt(variable, i));
    return out;
}

bool drawVariables(const std::vector<Variable>& variables, std::uint32_t seed, Values& out,
                   std::string& error)
{
    std::mt19937 engine(seed);
    for (const Variable& variable : variables)
    {
        const std::size_t count = variableCount(variable);
        if (count == 0)
        {
            error = "variable '" + variable.name + "' has no values";
            return false;
        }
        out.emplace_back(variable.name, variableValueAt(variable, below(engine, count)));
    }
    return true;
}

std::optional<Draw> completeDraw(const Question& question, Values values, std::string& error)
{
    if (!question.numeric)
    {
        error = "question '" + question.id + "' is not numeric";
        return std::nullopt;
    }
    Draw draw;
    draw.values = std::move(values);
    std::string message;
    draw.answer =
        evaluateValue(question.numeric->formula, question.numeric->value, draw.values, message);
    if (!std::isfinite(draw.answer))
    {
        error = "question '" + question.id + "': the answer cannot be computed: " + message;
        return std::nullopt;
    }
    for (const Mistake& mistake : question.mistakes)
    {
        std::string ignored;
        draw.mistakeValues.push_back(
            evaluateValue(mistake.formula, mistake.value, draw.values, ignored));
    }
    return draw;
}

std::optional<Draw> drawValues(const Question& question, const Case* c, std::uint32_t seed,
                               std::string& error)
{
    Values values;
    if (c != nullptr && !drawVariables(c->variables, seed, values, error))
        return std::nullopt;
    // The question's own draw uses a seed apart from the case's, so two questions of a case
    // that declare a variable each do not draw in lockstep with it.
    const std::uint32_t own = c != nullptr ? seed ^ 0x9e3779b9U : seed;
    if (!drawVariables(question.variables, own, values, error))
        return std::nullopt;
    return completeDraw(question, std::move(values), error);
}

namespace
{

/// A `{...}` read as a placeholder, or nullopt when it is neither `{name}` nor `{=EXPR|D}`.
std::optional<Placeholder> readPlaceholder(std::string_view inside)
{
    if (isIdentifier(inside))
        return Placeholder{std::string(inside), false, -1};
    if (inside.empty() || inside[0] != '=')
        return std::nullopt;
    Placeholder placeholder{std::string(inside.substr(1)), true, -1};
    const std::size_t bar = placeholder.text.rfind('|');
    if (bar != std::string::npos)
    {
        const std::string digits = placeholder.text.substr(bar + 1);
        if (digits.size() == 1 && digits[0] >= '0' && digits[0] <= '9')
        {
            placeholder.decimals = digits[0] - '0';
            placeholder.text.resize(bar);
        }
    }
    return placeholder;
}

/// The one reading of braces in placeholder text, left to right: `{{` is a literal '{' and
/// `}}` a literal '}'; a '{' up to the next '}' with no '{' between is a braced part (given
/// whole to `braced`, which says what to write); any other brace is literal. `literal` gets
/// the text as it shows.
template <typename Literal, typename Braced>
void scanBraces(std::string_view text, Literal&& literal, Braced&& braced)
{
    std::size_t at = 0;
    while (at < text.size())
    {
        const std::size_t brace = text.find_first_of("{}", at);
        if (brace == std::string_view::npos)
        {
            literal(text.substr(at));
            return;
        }
        literal(text.substr(at, brace - at));
        const bool doubled = brace + 1 < text.size() && text[brace + 1] == text[brace];
        if (doubled || text[brace] == '}')
        {
            literal(text.substr(brace, 1));
            at = brace + (doubled ? 2 : 1);
            continue;
        }
        const std::size_t close = text.find('}', brace + 1);
        const std::size_t nested = text.find('{', brace + 1);
        if (close == std::string_view::npos || nested < close)
        {
            literal(text.substr(brace, 1));
            at = brace + 1;
            continue;
        }
        braced(text.substr(brace, close - brace + 1));
        at = close + 1;
    }
}

} // namespace

std::vector<Placeholder> findPlaceholders(std::string_view text)
{
    std::vector<Placeholder> found;
    scanBraces(
        text, [](std::string_view) {},
        [&](std::string_view whole)
        {
            if (std::optional<Placeholder> placeholder =
                    readPlaceholder(whole.substr(1, whole.size() - 2)))
                found.push_back(std::move(*placeholder));
        });
    return found;
}

std::vector<std::string> findStrayBraces(std::string_view text)
{
    std::vector<std::string> stray;
    std::size_t at = 0;
    while (at < text.size())
    {
        const std::size_t brace = text.find_first_of("{}", at);
        if (brace == std::string_view::npos)
            break;
        if (brace + 1 < text.size() && text[brace + 1] == text[brace])
        {
            at = brace + 2;
            continue;
        }
        const std::size_t close = text[brace] == '{' ? text.find('}', brace + 1) : brace;
        const std::size_t nested = text.find('{', brace + 1);
        if (text[brace] == '{' && close != std::string_view::npos && nested > close &&
            readPlaceholder(text.substr(brace + 1, close - brace - 1)))
        {
            at = close + 1;
            continue;
        }
        const std::size_t end =
            text[brace] == '{' && close != std::string_view::npos && nested > close ? close + 1
                                                                                    : brace + 1;
        stray.emplace_back(text.substr(brace, end - brace));
        at = end;
    }
    return stray;
}

std::string substitutePlaceholders(std::string_view text, const Values& values, int defaultDecimals)
{
    if (text.find_first_of("{}") == std::string_view::npos)
        return std::string(text);
    std::string out;
    scanBraces(
        text, [&](std::string_view piece) { out.append(piece); },
        [&](std::string_view whole)
        {
            const std::optional<Placeholder> placeholder =
                readPlaceholder(whole.substr(1, whole.size() - 2));
            std::string replacement(whole);
            if (placeholder && !placeholder->isExpression)
            {
                if (const double* value = lookup(values, placeholder->text))
                    replacement = formatNumber(*value, 6);
            }
            else if (placeholder)
            {
                const FormulaResult result = evaluateFormula(placeholder->text, values);
                if (result.ok())
                    replacement = formatNumber(result.value, placeholder->decimals >= 0
                                                                 ? placeholder->decimals
                                                                 : defaultDecimals);
            }
            out += replacement;
        });
    return out;
}

std::string escapeBraces(std::string_view text)
{
    std::string out;
    for (const char c : text)
    {
        out += c;
        if (c == '{' || c == '}')
            out += c;
    }
    return out;
}

RichText substitutePlaceholders(const RichText& text, const Values& values, int defaultDecimals)
{
    RichText out = text;
    for (TextRun& run : out.runs)
        run.text = substitutePlaceholders(run.text, values, defaultDecimals);
    return out;
}

Question instantiate(const Question& question, const Draw& draw)
{
    Question out = question;
    const int decimals = decimalsOf(question);
    forEachPlaceholderText(out, [&](RichText& text)
                           { text = substitutePlaceholders(text, draw.values, decimals); });
    return out;
}

RichText instantiateCaseStem(const Case& c, const Draw& draw, int decimals)
{
    return substitutePlaceholders(c.stem, draw.values, decimals);
}

double roundTo(double value, int decimals)
{
    if (!std::isfinite(value))
        return value;
    // Exact powers of ten: the proof rounds tens of thousands of values, and std::pow was a
    // tenth of its time.
    static constexpr double kScales[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    const int places = decimals < 0 ? 0 : (decimals > 9 ? 9 : decimals);
    const double scale = kScales[places];
    const double scaled = std::fabs(value) * scale;
    if (scaled > 1e12)
        return value;
    double whole = std::floor(scaled);
    // Half away from zero, with room for binary noise (2.675 is stored as 2.67499999...): a few
    // units in the last place of `scaled`, never a share of it, so 5,000 at 6 places stays 5,000.
    const double noise = std::max(1e-9, 8.0 * std::numeric_limits<double>::epsilon() * scaled);
    if (scaled - whole >= 0.5 - noise)
        whole += 1.0;
    const double rounded = whole / scale;
    return value < 0 ? -rounded : rounded;
}

std::string formatNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return "?";
    const int places = decimals < 0 ? 0 : (decimals > 9 ? 9 : decimals);
    const double rounded = roundTo(value, places);
    char buffer[400];
    // to_chars ignores the C locale: always a point.
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(rounded),
                                            std::chars_format::fixed, places);
    if (error != std::errc())
        return "?";
    std::string text(buffer, end);
    const std::size_t point = text.find('.');
    std::string whole = text.substr(0, point);
    std::string fraction = point == std::string::npos ? std::string() : text.substr(point + 1);
    while (!fraction.empty() && fraction.back() == '0')
        fraction.pop_back();
    std::string out = insertThousands(whole);
    if (!fraction.empty())
        out += "." + fraction;
    if (rounded < 0 && out != "0")
        out.insert(out.begin(), '-');
    return out;
}

std::string roundingRule(int round)
{
    switch (round)
    {
    case 0:
        return "Round to the nearest whole number";
    case 1:
        return "Round to the nearest tenth (1 decimal place)";
    case 2:
        return "Round to the nearest hundredth (2 decimal places)";
    case 3:
        return "Round to the nearest thousandth (3 decimal places)";
    default:
        return "Round to " + std::to_string(round) + " decimal places";
    }
}

std::optional<double> parseTypedNumber(std::string_view text, std::string& message)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    if (text.empty())
    {
        message = "Type a number first";
        return std::nullopt;
    }
    if (text.size() > 24)
    {
        message = "That number is too long; type at most 24 characters";
        return std::nullopt;
    }
    for (char c : text)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            static_cast<unsigned char>(c) >= 0x80)
        {
            message = "Type digits only; letters are not part of the number (the unit is "
                      "already there)";
            return std::nullopt;
        }
    }
    std::string normal;
    bool negative = false;
    bool separator = false;
    bool digits = false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (c >= '0' && c <= '9')
        {
            normal += c;
            digits = true;
        }
        else if (c == '-' && i == 0)
            negative = true;
        else if (c == '.' || c == ',')
        {
            if (separator)
            {
                message = "Use one decimal separator (a point or a comma), no thousands "
                          "separator";
                return std::nullopt;
            }
            separator = true;
            normal += '.';
        }
        else if (c == ' ')
        {
            message = "Type the number without spaces inside it";
            return std::nullopt;
        }
        else
        {
            message = "Type digits only, with a point or comma for decimals";
            return std::nullopt;
        }
    }
    if (!digits)
    {
        message = "Type a number first";
        return std::nullopt;
    }
    if (normal.front() == '.')
        normal.insert(normal.begin(), '0');
    double value = 0.0;
    const auto [end, error] = std::from_chars(normal.data(), normal.data() + normal.size(), value);
    if (error != std::errc() || end != normal.data() + normal.size() || !std::isfinite(value))
    {
        message = "Type digits only, with a point or comma for decimals";
        return std::nullopt;
    }
    message.clear();
    return negative ? -value : value;
}

bool withinTolerance(const NumericAnswer& answer, double target, double typed)
{
    if (!std::isfinite(target) || !std::isfinite(typed))
        return false;
    const double rounded = roundTo(target, answer.round);
    const double allowed =
        answer.relative ? answer.tolerance * std::fabs(rounded) : answer.tolerance;
    const double epsilon = 1e-9 * std::max({1e-12, std::fabs(rounded), std::fabs(typed)});
    return std::fabs(typed - rounded) <= allowed + epsilon;
}

NumericVerdict judgeNumeric(const Question& question, const Draw& draw, double typed)
{
    NumericVerdict verdict;
    if (!question.numeric)
        return verdict;
    const NumericAnswer& answer = *question.numeric;
    verdict.answer = roundTo(draw.answer, answer.round);
    verdict.correct = withinTolerance(answer, draw.answer, typed);
    if (!verdict.correct)
    {
        for (std::size_t i = 0; i < draw.mistakeValues.size() && i < question.mistakes.size(); ++i)
        {
            if (withinTolerance(answer, draw.mistakeValues[i], typed))
            {
                verdict.mistakeIndex = static_cast<int>(i);
                verdict.critical = question.mistakes[i].severity == OptionSeverity::Critical;
                break;
            }
        }
        // Against the answer as the student is told it (rounded), with the judging epsilon.
        if (verdict.answer > 0 && typed >= 2.0 * verdict.answer * (1.0 - 1e-9))
            verdict.critical = true;
    }
    return verdict;
}

} // namespace quiz::core
