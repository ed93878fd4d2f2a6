#include "core/pack/Formula.hpp"

#include "support/CommaLocale.hpp"

#include <catch2/catch.hpp>

#include <clocale>
#include <cmath>

using namespace quiz::core;

TEST_CASE("Formula: evaluates arithmetic over named variables", "[core][formula]")
{
    const Formula formula("weight*80/conc", {"weight", "conc"});
    REQUIRE(formula.getError().ok());
    CHECK(formula.evaluate({70, 100}).value == Approx(56.0));
    CHECK(formula.evaluate({50, 50}).value == Approx(80.0));
    CHECK(evaluateFormula("2^3^2", {}).value == Approx(512.0)); // right-associative power
    CHECK(evaluateFormula("-2^2", {}).value == Approx(-4.0));
    CHECK(evaluateFormula("min(3, 4) + max(1, 2) + abs(-1)", {}).value == Approx(6.0));
    CHECK(evaluateFormula("1 + 2 * 3 - 4 / 2", {}).value == Approx(5.0));
    CHECK(evaluateFormula("2.5e1", {}).value == Approx(25.0));
}

TEST_CASE("Formula: a half-written number and an unknown function are refused with their name",
          "[core][formula]")
{
    // "1e" once read as 0; a dose formula must never turn a typo into a number.
    CHECK_FALSE(evaluateFormula("1e", {}).ok());
    CHECK_FALSE(evaluateFormula("weight*1e", {{"weight", 70}}).ok());
    CHECK(evaluateFormula("1e-2+.5+3.", {}).value == Approx(3.51));
    const FormulaResult sine = evaluateFormula("sin(weight)", {{"weight", 1}});
    CHECK(sine.error == FormulaError::Syntax);
    CHECK(sine.message.find("'sin' is not a function formulas offer") != std::string::npos);
    // Words that a number reader might take for values stay names.
    CHECK(evaluateFormula("inf", {}).error == FormulaError::UnknownVariable);
    CHECK(evaluateFormula("nan", {}).error == FormulaError::UnknownVariable);
    // A compiled formula evaluates the same on every call.
    const Formula rate("weight*18/conc", {"weight", "conc"});
    CHECK(rate.evaluate({80, 100}).value == Approx(14.4));
    CHECK(rate.evaluate({80, 100}).value == Approx(14.4));
    CHECK(rate.evaluate({50, 50}).value == Approx(18.0));
}

TEST_CASE("Formula: reports syntax errors, unknown names, division by zero and non-finite",
          "[core][formula]")
{
    CHECK(evaluateFormula("weight*", {{"weight", 1}}).error == FormulaError::Syntax);
    CHECK(evaluateFormula("(1+2", {}).error == FormulaError::Syntax);
    CHECK(evaluateFormula("", {}).error == FormulaError::Syntax);
    CHECK(evaluateFormula("1 + \x01", {}).error == FormulaError::Syntax);
    const FormulaResult unknown = evaluateFormula("wieght*2", {{"weight", 1}});
    CHECK(unknown.error == FormulaError::UnknownVariable);
    CHECK(unknown.message.find("wieght") != std::string::npos);
    CHECK(evaluateFormula("a/b", {{"a", 1}, {"b", 0}}).error == FormulaError::DivisionByZero);
    CHECK(evaluateFormula("0/0", {}).error == FormulaError::DivisionByZero);
    CHECK(evaluateFormula("sqrt(-1)", {}).error == FormulaError::NonFinite);
    CHECK(evaluateFormula("10^400", {}).error == FormulaError::NonFinite);
    // No random or other functions beyond arithmetic.
    CHECK_FALSE(evaluateFormula("rnd()", {}).ok());
    CHECK_FALSE(evaluateFormula("sin(1)", {}).ok());
    // Comparisons and the ternary of muparser are not part of the format.
    CHECK_FALSE(evaluateFormula("1 < 2", {}).ok());
}

TEST_CASE("Formula: lists a formula's identifiers without functions or exponents",
          "[core][formula]")
{
    const std::vector<std::string> names = formulaIdentifiers("max(weight, 1e-3) * conc_2 / pi");
    CHECK(names == std::vector<std::string>{"weight", "conc_2"});
}

TEST_CASE("Formula: a decimal comma locale does not change how numbers read",
          "[core][formula][locale]")
{
    const quiz::test::CommaLocale locale;
    REQUIRE(locale.isSet());
    CHECK(evaluateFormula("2.5*2", {}).value == Approx(5.0));
    CHECK(evaluateFormula("weight*0.05", {{"weight", 70}}).value == Approx(3.5));
    // A comma is muparser's argument separator, never a decimal separator here.
    const FormulaResult comma = evaluateFormula("2,5*2", {});
    CHECK_FALSE((comma.ok() && comma.value == Approx(5.0)));
}
