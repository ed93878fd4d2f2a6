#include "Formula.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <muParser.h>

namespace quiz::core
{
namespace
{

// muparser's operator callbacks take no user data, so a division by zero is flagged here and
// read after the evaluation on the same thread.
thread_local bool t_dividedByZero = false;

double add(double a, double b)
{
    return a + b;
}
double subtract(double a, double b)
{
    return a - b;
}
double multiply(double a, double b)
{
    return a * b;
}
double power(double a, double b)
{
    return std::pow(a, b);
}
double divide(double a, double b)
{
    if (b == 0.0)
        t_dividedByZero = true;
    return a / b;
}
double negate(double a)
{
    return -a;
}
double keep(double a)
{
    return a;
}
double minimum(double a, double b)
{
    return a < b ? a : b;
}
double maximum(double a, double b)
{
    return a > b ? a : b;
}
double absolute(double a)
{
    return std::fabs(a);
}
double squareRoot(double a)
{
    return std::sqrt(a);
}
double exponential(double a)
{
    return std::exp(a);
}
double naturalLog(double a)
{
    return std::log(a);
}
double log10Of(double a)
{
    return std::log10(a);
}

bool isNameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// A number in a formula: digits with an optional point and exponent, read the same way
/// whatever the C locale. Names ("inf", "nan") are left to the name reader.
int readNumber(const mu::char_type* text, int* position, mu::value_type* value)
{
    // muparser passes the text from the current position and the position to advance.
    const char* start = text;
    if (std::isdigit(static_cast<unsigned char>(*start)) == 0 && *start != '.')
        return 0;
    const char* end = start + std::strlen(start);
    double number = 0.0;
    const std::from_chars_result read = std::from_chars(start, end, number);
    if (read.ec != std::errc() || read.ptr == start)
        return 0;
    *position += static_cast<int>(read.ptr - start);
    *value = number;
    return 1;
}

/// A parser with only the arithmetic a dose needs: no random function, no string functions,
/// no comparisons, and a division we can watch. Built on muparser's base class rather than its
/// ready-made mu::Parser, which defines some thirty functions this one would only remove again;
/// a pack compiles hundreds of formulas, and that setup was most of the checker's time.
class DoseParser final : public mu::ParserBase
{
public:
    DoseParser()
    {
        AddValIdent(readNumber);
        InitCharSets();
        InitFun();
        InitConst();
        InitOprt();
    }

    void InitCharSets() override
    {
        DefineNameChars("0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        DefineOprtChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+-*^/?<>=#!$%&|~'_{}");
        DefineInfixOprtChars("/+-*^?<>=#!$%&|~'_");
    }
    void InitFun() override
    {
        DefineFun("min", minimum);
        DefineFun("max", maximum);
        DefineFun("abs", absolute);
        DefineFun("sqrt", squareRoot);
        DefineFun("exp", exponential);
        DefineFun("ln", naturalLog);
        DefineFun("log10", log10Of);
    }
    void InitConst() override { DefineConst("pi", 3.14159265358979323846); }
    void InitOprt() override
    {
        EnableBuiltInOprt(false);
        DefineOprt("+", add, mu::prADD_SUB, mu::oaLEFT, true);
        DefineOprt("-", subtract, mu::prADD_SUB, mu::oaLEFT, true);
        DefineOprt("*", multiply, mu::prMUL_DIV, mu::oaLEFT, true);
        DefineOprt("/", divide, mu::prMUL_DIV, mu::oaLEFT, false);
        DefineOprt("^", power, mu::prPOW, mu::oaRIGHT, true);
        DefineInfixOprt("-", negate);
        DefineInfixOprt("+", keep);
    }
};

FormulaResult failure(FormulaError error, std::string message)
{
    FormulaResult result;
    result.error = error;
    result.message = std::move(message);
    return result;
}

/// Set up once; each formula starts from a copy, which is cheaper than defining every
/// function and operator again.
const DoseParser& configuredParser()
{
    static const DoseParser parser;
    return parser;
}

} // namespace

struct Formula::Impl
{
    DoseParser parser{configuredParser()};
    std::vector<double> slots;
    FormulaResult compileError;
};

Formula::Formula(std::string_view expression, const std::vector<std::string>& variables)
    : m_impl(std::make_unique<Impl>())
{
    Impl& impl = *m_impl;
    impl.slots.assign(variables.size(), 0.0);
    const std::string text(expression);
    for (char c : text)
    {
        // muparser reads some control and non-ASCII bytes as part of names; refuse them here
        // so every input has one clear meaning.
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
        {
            impl.compileError =
                failure(FormulaError::Syntax, "the formula holds a character that is not "
                                              "part of arithmetic");
            return;
        }
    }
    if (text.find_first_not_of(" \t") == std::string::npos)
    {
        impl.compileError = failure(FormulaError::Syntax, "the formula is empty");
        return;
    }
    // Names are checked here rather than from muparser's error codes, which do not tell an
    // unknown name from other unreadable tokens.
    for (const std::string& name : formulaIdentifiers(text))
    {
        if (name != "pi" && std::find(variables.begin(), variables.end(), name) == variables.end())
        {
            impl.compileError =
                failure(FormulaError::UnknownVariable, "'" + name + "' is not a declared variable");
            return;
        }
    }
    try
    {
        for (std::size_t i = 0; i < variables.size(); ++i)
            impl.parser.DefineVar(variables[i], &impl.slots[i]);
        impl.parser.SetExpr(text);
        // The first evaluation compiles the expression, so syntax errors surface here, not
        // mid-proof; later ones run the compiled form.
        int results = 0;
        impl.parser.Eval(results);
    }
    catch (const mu::Parser::exception_type& error)
    {
        const mu::EErrorCodes code = error.GetCode();
        bool unknown = code == mu::ecUNASSIGNABLE_TOKEN || code == mu::ecUNEXPECTED_VAR;
        std::string message = error.GetMsg();
        const std::string& token = error.GetToken();
        if (unknown && !token.empty())
        {
            // A name followed by '(' is a function the language does not offer ("sin(x)").
            const std::size_t after = text.find_first_not_of(' ', text.find(token) + token.size());
            if (after != std::string::npos && text[after] == '(')
            {
                unknown = false;
                message =
                    "'" + token +
                    "' is not a function formulas offer (min, max, abs, sqrt, exp, ln, log10)";
            }
            else
                message = "'" + token + "' is not a declared variable";
        }
        impl.compileError =
            failure(unknown ? FormulaError::UnknownVariable : FormulaError::Syntax, message);
    }
    catch (...)
    {
        impl.compileError = failure(FormulaError::Syntax, "the formula cannot be read");
    }
}

Formula::~Formula() = default;
Formula::Formula(Formula&& other) noexcept = default;
Formula& Formula::operator=(Formula&& other) noexcept = default;

const FormulaResult& Formula::getError() const
{
    return m_impl->compileError;
}

FormulaResult Formula::evaluate(const std::vector<double>& values) const
{
    Impl& impl = *m_impl;
    if (!impl.compileError.ok())
        return impl.compileError;
    for (std::size_t i = 0; i < impl.slots.size() && i < values.size(); ++i)
        impl.slots[i] = values[i];
    t_dividedByZero = false;
    FormulaResult result;
    try
    {
        int results = 0;
        const double* all = impl.parser.Eval(results);
        if (results != 1)
            return failure(FormulaError::Syntax, "the formula gives " + std::to_string(results) +
                                                     " values; write one expression");
        result.value = all[0];
    }
    catch (const mu::Parser::exception_type& error)
    {
        return failure(FormulaError::Syntax, error.GetMsg());
    }
    catch (...)
    {
        return failure(FormulaError::Syntax, "the formula cannot be evaluated");
    }
    if (t_dividedByZero)
        return failure(FormulaError::DivisionByZero, "division by zero");
    if (!std::isfinite(result.value))
        return failure(FormulaError::NonFinite, "the result is not a finite number");
    return result;
}

FormulaResult evaluateFormula(std::string_view expression,
                              const std::vector<std::pair<std::string, double>>& values)
{
    std::vector<std::string> names;
    std::vector<double> numbers;
    for (const auto& [name, value] : values)
    {
        names.push_back(name);
        numbers.push_back(value);
    }
    const Formula formula(expression, names);
    return formula.evaluate(numbers);
}

std::vector<std::string> formulaIdentifiers(std::string_view expression)
{
    std::vector<std::string> names;
    std::size_t i = 0;
    while (i < expression.size())
    {
        const char c = expression[i];
        if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.')
        {
            // A number, with its exponent ("1e-3" is not the name e).
            while (i < expression.size() &&
                   (isNameChar(expression[i]) || expression[i] == '.' ||
                    ((expression[i] == '-' || expression[i] == '+') &&
                     (expression[i - 1] == 'e' || expression[i - 1] == 'E'))))
                ++i;
            continue;
        }
        if (!isNameStart(c))
        {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < expression.size() && isNameChar(expression[i]))
            ++i;
        std::size_t after = i;
        while (after < expression.size() && expression[after] == ' ')
            ++after;
        const std::string name(expression.substr(start, i - start));
        if ((after < expression.size() && expression[after] == '(') || name == "pi")
            continue;
        names.push_back(name);
    }
    return names;
}

} // namespace quiz::core
