#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiz::core
{

/// Why a formula gave no number.
enum class FormulaError
{
    None,
    Syntax,          ///< not a valid expression (formula-syntax)
    UnknownVariable, ///< names a variable that is not bound (unknown-variable)
    DivisionByZero,  ///< a division by zero on the way (division-by-zero)
    NonFinite        ///< the result is infinite or not a number (non-finite)
};

/// The result of one evaluation: a finite value, or an error with a message for the author.
struct FormulaResult
{
    double value = 0.0;
    FormulaError error = FormulaError::None;
    std::string message;

    [[nodiscard]] bool ok() const { return error == FormulaError::None; }
};

/// One arithmetic expression of a pack (an answer, a mistake or a `{=...}` placeholder),
/// compiled once and evaluated for many draws. Wraps muparser; its headers stay in Formula.cpp.
/// The syntax is muparser's: + - * / ^, parentheses, min(), max(), abs(), sqrt(), round is not
/// offered (the game rounds). Numbers use a point as decimal separator whatever the C locale.
class Formula
{
public:
    /// Compiles `expression` over the variables named in `variables` (in that order).
    /// Never throws: a bad expression is reported by every evaluate() and by getError().
    Formula(std::string_view expression, const std::vector<std::string>& variables);
    ~Formula();
    Formula(Formula&& other) noexcept;
    Formula& operator=(Formula&& other) noexcept;
    Formula(const Formula&) = delete;
    Formula& operator=(const Formula&) = delete;

    /// A syntax or unknown-variable error found when compiling, else FormulaError::None.
    [[nodiscard]] const FormulaResult& getError() const;

    /// Evaluates with `values[i]` bound to the i-th variable given to the constructor.
    [[nodiscard]] FormulaResult evaluate(const std::vector<double>& values) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// One-off evaluation over named values (compiles, evaluates, discards).
[[nodiscard]] FormulaResult
evaluateFormula(std::string_view expression,
                const std::vector<std::pair<std::string, double>>& values);

/// The name each identifier-like word of `expression` would bind to (for unknown-variable
/// reports without evaluating); function names followed by '(' are left out.
[[nodiscard]] std::vector<std::string> formulaIdentifiers(std::string_view expression);

} // namespace quiz::core
