#pragma once

#include "Pack.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiz::core
{

/// The drawn values of one play of a numeric question (case variables first, then the
/// question's), with the answer and each mistake's value computed from them (unrounded).
/// A mistake whose formula failed for this draw has NaN.
struct Draw
{
    std::vector<std::pair<std::string, double>> values;
    double answer = 0.0;
    std::vector<double> mistakeValues;
};

/// How many values a variable can take (0 for a bad range or an empty list).
[[nodiscard]] std::size_t variableCount(const Variable& variable);
/// The `index`-th value (0-based, < variableCount()).
[[nodiscard]] double variableValueAt(const Variable& variable, std::size_t index);

/// The values one variable can take, in order (a range from..to by step, or the list).
/// Empty for a bad range; at most `limit` values (the rest is cut).
[[nodiscard]] std::vector<double> variableValues(const Variable& variable,
                                                 std::size_t limit = 1000000);

/// Draws `variables` from `seed` (one value each, in order) and appends them to `out`.
/// Returns false with `error` set when a variable has no values.
[[nodiscard]] bool drawVariables(const std::vector<Variable>& variables, std::uint32_t seed,
                                 std::vector<std::pair<std::string, double>>& out,
                                 std::string& error);

/// Completes a draw: computes the answer and the mistakes of `question` over `values`.
/// nullopt with `error` set when the answer cannot be computed (the checker proves it can).
[[nodiscard]] std::optional<Draw> completeDraw(const Question& question,
                                               std::vector<std::pair<std::string, double>> values,
                                               std::string& error);

/// Draws the question's variables from `seed` and computes its answer and mistakes. With a
/// case, the case's variables are drawn from the same seed first (the session instead draws
/// a case once per round with drawVariables() and calls completeDraw()). Same seed, same draw.
/// A question that is not numeric gets nullopt and an error.
[[nodiscard]] std::optional<Draw> drawValues(const Question& question, const Case* c,
                                             std::uint32_t seed, std::string& error);

/// The text with `{name}` and `{=EXPR}` / `{=EXPR|D}` placeholders replaced from `values`.
/// `{=EXPR}` rounds to `defaultDecimals`. `{{` shows as a literal '{' and `}}` as '}' (the
/// escape, read left to right). Any other brace, and a placeholder that cannot be filled,
/// is left as written.
[[nodiscard]] std::string
substitutePlaceholders(std::string_view text,
                       const std::vector<std::pair<std::string, double>>& values,
                       int defaultDecimals);
[[nodiscard]] RichText
substitutePlaceholders(const RichText& text,
                       const std::vector<std::pair<std::string, double>>& values,
                       int defaultDecimals);

/// One placeholder found in a text: `{name}` (isExpression false) or `{=EXPR|D}`.
struct Placeholder
{
    std::string text; ///< the name or the expression
    bool isExpression = false;
    int decimals = -1; ///< the `|D`, or -1 for the default
};
/// The placeholders of a text in order; `{...}` that is neither an identifier nor `=...` is
/// skipped (left as text), and so is everything escaped as `{{` or `}}`.
[[nodiscard]] std::vector<Placeholder> findPlaceholders(std::string_view text);

/// The braces of a text that are neither a placeholder nor escaped, in order: a `{...}` that
/// is not a placeholder whole, else the lone '{' or '}'. They show as written, but an author
/// most likely meant `{{` / `}}` (or mistyped a placeholder).
[[nodiscard]] std::vector<std::string> findStrayBraces(std::string_view text);

/// `text` with each '{' written `{{` and each '}' `}}`: literal text made safe for a numeric
/// question (importers use it for text that holds no placeholders).
[[nodiscard]] std::string escapeBraces(std::string_view text);

/// Calls `visit(RichText&)` on every text of `question` that may hold placeholders: the stem,
/// the explanation, each hint, outcome feedback and mistake rationale, and each option's text
/// and rationale. The one list instantiation and the importers walk.
template <typename Visit> void forEachPlaceholderText(Question& question, Visit&& visit)
{
    visit(question.stem);
    visit(question.explanation);
    for (RichText& hint : question.hints)
        visit(hint);
    for (OutcomeFeedback& feedback : question.feedback)
        visit(feedback.text);
    for (Mistake& mistake : question.mistakes)
        visit(mistake.rationale);
    for (Option& option : question.options)
    {
        visit(option.text);
        visit(option.rationale);
    }
}

/// The copy of `question` with every placeholder substituted from the draw: stem,
/// explanation, hints, feedback, mistake rationales.
[[nodiscard]] Question instantiate(const Question& question, const Draw& draw);
/// The copy of a case's stem with its placeholders substituted.
[[nodiscard]] RichText instantiateCaseStem(const Case& c, const Draw& draw, int decimals);

/// `value` rounded half away from zero to `decimals` places, with no trailing zeros, a point
/// as decimal separator and commas between thousands from 1,000 up: "5,000", "16.2", "-0.5".
[[nodiscard]] std::string formatNumber(double value, int decimals);
/// `value` rounded half away from zero to `decimals` places (0..9).
[[nodiscard]] double roundTo(double value, int decimals);

/// The sentence that tells the student how to round: "Round to the nearest tenth (1 decimal
/// place)", "Round to the nearest whole number".
[[nodiscard]] std::string roundingRule(int round);

/// Reads a number the student typed: spaces trimmed, an optional leading minus, digits with
/// at most one decimal separator ('.' or ','). Anything else is nullopt with a message for
/// the player. Never depends on the C locale.
[[nodiscard]] std::optional<double> parseTypedNumber(std::string_view text, std::string& message);

/// How a typed value compares with a draw's answer.
struct NumericVerdict
{
    bool correct = false;
    int mistakeIndex = -1; ///< the first named mistake it matches, -1 for none
    bool critical = false; ///< >= 2x the answer, or a mistake with severity="critical"
    double answer = 0.0;   ///< the answer rounded to the question's `round`
};

/// Whether `typed` is within tolerance of the answer rounded to `round` places (exact within a
/// 1e-9 relative epsilon when the tolerance is 0); else which mistake it matches, under the same
/// rule. Correct wins over a mistake. A typed value >= 2x the (positive) answer is critical.
[[nodiscard]] NumericVerdict judgeNumeric(const Question& question, const Draw& draw, double typed);

/// Whether `typed` is within the answer's tolerance of `target` (both after rounding target).
[[nodiscard]] bool withinTolerance(const NumericAnswer& answer, double target, double typed);

} // namespace quiz::core
