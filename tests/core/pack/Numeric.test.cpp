#include "core/pack/Numeric.hpp"

#include "core/pack/PackLoader.hpp"
#include "support/CommaLocale.hpp"

#include <catch2/catch.hpp>

#include <clocale>
#include <cmath>
#include <cstdio>
#include <locale>
#include <set>

using namespace quiz::core;

namespace
{

Question weightQuestion()
{
    Question q;
    q.id = "dc-101";
    q.type = QuestionType::Numeric;
    q.variables = {{"weight", "kg", 50, 120, 1, {}, 0},
                   {"conc", "units/mL", 0, 0, 0, {100, 50}, 0}};
    q.stem = RichText::fromPlain("The patient weighs {weight} kg ({=weight*2.2|0} lb); {conc} "
                                 "units/mL. Dose {=weight*80/conc} mL, {unknown} {x y}.");
    NumericAnswer answer;
    answer.formula = "weight*80/conc";
    answer.unit = "mL";
    answer.round = 1;
    answer.tolerance = 0.05;
    q.numeric = answer;
    Mistake pounds;
    pounds.formula = "weight*2.2*80/conc";
    pounds.rationale = RichText::fromPlain("You used pounds ({=weight*2.2|0} lb) as kg.");
    Mistake units;
    units.value = 14080;
    units.rationale = RichText::fromPlain("You gave units.");
    q.mistakes = {pounds, units};
    return q;
}

} // namespace

TEST_CASE("Numeric: formats numbers with a point, no trailing zeros and thousands commas",
          "[core][numeric]")
{
    CHECK(formatNumber(16.2, 1) == "16.2");
    CHECK(formatNumber(16.25, 1) == "16.3");
    CHECK(formatNumber(2.675, 2) == "2.68"); // half away from zero despite binary 2.67499...
    CHECK(formatNumber(-2.5, 0) == "-3");
    CHECK(formatNumber(5000, 0) == "5,000");
    CHECK(formatNumber(1234567.891, 2) == "1,234,567.89");
    CHECK(formatNumber(999.96, 1) == "1,000");
    CHECK(formatNumber(3.10, 2) == "3.1");
    CHECK(formatNumber(0.0001, 2) == "0");
    CHECK(formatNumber(-0.0001, 2) == "0");
    // Drawn values print at 6 places: large whole numbers must not gain a last digit.
    CHECK(formatNumber(5000, 6) == "5,000");
    CHECK(formatNumber(8100, 6) == "8,100");
    CHECK(formatNumber(25000, 6) == "25,000");
    CHECK(formatNumber(0.1 + 0.2, 6) == "0.3");
    CHECK(formatNumber(1234.5678905, 6) == "1,234.567891");
    CHECK(roundTo(0.05, 1) == Approx(0.1));
    CHECK(roundTo(12.345, 2) == Approx(12.35));
}

TEST_CASE("Numeric: states the rounding rule", "[core][numeric]")
{
    CHECK(roundingRule(0) == "Round to the nearest whole number");
    CHECK(roundingRule(1) == "Round to the nearest tenth (1 decimal place)");
    CHECK(roundingRule(2) == "Round to the nearest hundredth (2 decimal places)");
    CHECK(roundingRule(4) == "Round to 4 decimal places");
}

TEST_CASE("Numeric: reads typed numbers with a point or a comma and refuses the rest",
          "[core][numeric]")
{
    std::string message;
    CHECK(parseTypedNumber("12.5", message) == Approx(12.5));
    CHECK(parseTypedNumber(" 12,5 ", message) == Approx(12.5));
    CHECK(parseTypedNumber("-3", message) == Approx(-3.0));
    CHECK(parseTypedNumber(",5", message) == Approx(0.5));
    CHECK(parseTypedNumber("7.", message) == Approx(7.0));
    CHECK(message.empty());
    CHECK_FALSE(parseTypedNumber("12.5 mL", message));
    CHECK(message.find("letters") != std::string::npos);
    CHECK_FALSE(parseTypedNumber("abc", message));
    CHECK(message == "Type digits only; letters are not part of the number (the unit is "
                     "already there)");
    CHECK_FALSE(parseTypedNumber("1.234,5", message));
    CHECK(message.find("one decimal separator") != std::string::npos);
    CHECK_FALSE(parseTypedNumber("", message));
    CHECK_FALSE(parseTypedNumber("   ", message));
    CHECK_FALSE(parseTypedNumber("-", message));
    CHECK_FALSE(parseTypedNumber("1e3", message));
    CHECK_FALSE(parseTypedNumber("--1", message));
    CHECK_FALSE(parseTypedNumber("1 2", message));
    CHECK_FALSE(parseTypedNumber("12\xc2\xbd", message));
    CHECK_FALSE(parseTypedNumber(std::string(40, '9'), message));
}

TEST_CASE("Numeric: typed numbers and formatting ignore a decimal-comma C locale",
          "[core][numeric][locale]")
{
    const quiz::test::CommaLocale locale;
    REQUIRE(locale.isSet());
    char printed[16];
    std::snprintf(printed, sizeof printed, "%.1f", 2.5);
    REQUIRE(std::string(printed) == "2,5"); // the C library now writes a comma
    std::string message;
    CHECK(parseTypedNumber("12.5", message) == Approx(12.5));
    CHECK(parseTypedNumber("12,5", message) == Approx(12.5));
    CHECK(formatNumber(1234.5, 1) == "1,234.5");
    CHECK(formatNumber(0.25, 2) == "0.25");
    // The pack reader and the formulas read "0.05" the same under it.
    const LoadResult loaded =
        PackLoader().loadFile(std::string(QUIZ_TEST_DATA_DIR) + "/packs/numeric/dose.xml");
    REQUIRE(loaded.pack);
    CHECK_FALSE(loaded.diagnostics.hasErrors());
    CHECK(loaded.pack->findQuestion("dc-101")->numeric->tolerance == Approx(0.05));
    const Question q = weightQuestion();
    std::string error;
    const std::optional<Draw> draw = drawValues(q, nullptr, 7, error);
    REQUIRE(draw);
    const double weight = draw->values[0].second;
    const double conc = draw->values[1].second;
    CHECK(draw->answer == Approx(weight * 80 / conc));
}

TEST_CASE("Numeric: a seed fixes the draw, so a seeded round replays exactly",
          "[core][numeric][seed]")
{
    const Question q = weightQuestion();
    std::string error;
    const std::optional<Draw> first = drawValues(q, nullptr, 42, error);
    const std::optional<Draw> again = drawValues(q, nullptr, 42, error);
    REQUIRE(first);
    REQUIRE(again);
    CHECK(first->values == again->values);
    CHECK(first->answer == again->answer);
    REQUIRE(first->mistakeValues.size() == 2);
    CHECK(first->mistakeValues[1] == 14080);
    // Values stay inside the declared ranges, and different seeds give different draws.
    std::set<double> weights;
    for (std::uint32_t seed = 1; seed <= 200; ++seed)
    {
        const std::optional<Draw> draw = drawValues(q, nullptr, seed, error);
        REQUIRE(draw);
        const double weight = draw->values[0].second;
        CHECK(weight >= 50);
        CHECK(weight <= 120);
        CHECK(weight == std::floor(weight));
        const double conc = draw->values[1].second;
        CHECK((conc == 100 || conc == 50));
        weights.insert(weight);
    }
    CHECK(weights.size() > 40);
    CHECK(weights.count(50) + weights.count(120) >= 1);
}

TEST_CASE("Numeric: ranges step without binary noise", "[core][numeric]")
{
    const Variable tenths{"x", "", 0.1, 0.5, 0.1, {}, 0};
    CHECK(variableValues(tenths) == std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5});
    CHECK(variableCount(Variable{"x", "", 5, 1, 1, {}, 0}) == 0);
    CHECK(variableCount(Variable{"x", "", 1, 5, 0, {}, 0}) == 0);
    CHECK(variableCount(Variable{"x", "", 1, 5, 2, {}, 0}) == 3);
}

TEST_CASE("Numeric: instantiate fills every placeholder and leaves other braces", "[core][numeric]")
{
    const Question q = weightQuestion();
    Draw draw;
    draw.values = {{"weight", 70}, {"conc", 100}};
    draw.answer = 56;
    const Question shown = instantiate(q, draw);
    CHECK(shown.stem.toPlain() ==
          "The patient weighs 70 kg (154 lb); 100 units/mL. Dose 56 mL, {unknown} {x y}.");
    CHECK(shown.mistakes[0].rationale.toPlain() == "You used pounds (154 lb) as kg.");
    CHECK(substitutePlaceholders("{=weight/3}", draw.values, 1) == "23.3");
    CHECK(substitutePlaceholders("{=weight/3|2}", draw.values, 1) == "23.33");
    CHECK(substitutePlaceholders("{=weight/0}", draw.values, 1) == "{=weight/0}");
    CHECK(substitutePlaceholders("{=weight*1000|0} units", draw.values, 1) == "70,000 units");
}

TEST_CASE("Numeric: doubled braces are literal braces, read left to right", "[core][numeric]")
{
    const std::vector<std::pair<std::string, double>> values = {{"weight", 70}};
    CHECK(substitutePlaceholders("{{weight}}", values, 1) == "{weight}");
    CHECK(substitutePlaceholders("{{{weight}}}", values, 1) == "{70}");
    CHECK(substitutePlaceholders("{{=weight*2|0}}", values, 1) == "{=weight*2|0}");
    CHECK(substitutePlaceholders("set {{a, b}} of {weight}", values, 1) == "set {a, b} of 70");
    CHECK(substitutePlaceholders("{weight}}}", values, 1) == "70}");
    // Lone braces and braces around no placeholder stay as written.
    CHECK(substitutePlaceholders("a { b", values, 1) == "a { b");
    CHECK(substitutePlaceholders("a } b", values, 1) == "a } b");
    CHECK(substitutePlaceholders("{x y} {weight}", values, 1) == "{x y} 70");
    CHECK(substitutePlaceholders("{{weight}", values, 1) == "{weight}");
    CHECK(substitutePlaceholders("{ {weight}", values, 1) == "{ 70");

    CHECK(findPlaceholders("{{weight}} {{=a}} {{{b}}}").size() == 1);
    CHECK(findPlaceholders("{{{b}}}")[0].text == "b");
    CHECK(findStrayBraces("{{weight}} {=a|1} }} {{").empty());
    CHECK(findStrayBraces("a { b } c {x y} }") == std::vector<std::string>{"{ b }", "{x y}", "}"});
    CHECK(findStrayBraces("{ {weight}") == std::vector<std::string>{"{"});
    CHECK(escapeBraces("{=a} and }") == "{{=a}} and }}");
    CHECK(substitutePlaceholders(escapeBraces("{=a} {weight} {{"), values, 1) ==
          "{=a} {weight} {{");
}

TEST_CASE("Numeric: judges tolerance, rounding, mistakes and critical doses",
          "[core][numeric][judge]")
{
    Question q = weightQuestion();
    Draw draw;
    draw.values = {{"weight", 70}, {"conc", 100}};
    draw.answer = 56.04; // rounds to 56.0
    draw.mistakeValues = {123.2, 14080};

    CHECK(judgeNumeric(q, draw, 56.0).correct);
    CHECK(judgeNumeric(q, draw, 56.05).correct); // within 0.05
    CHECK_FALSE(judgeNumeric(q, draw, 56.1).correct);
    CHECK(judgeNumeric(q, draw, 56.0).answer == Approx(56.0));

    const NumericVerdict pounds = judgeNumeric(q, draw, 123.2);
    CHECK_FALSE(pounds.correct);
    CHECK(pounds.mistakeIndex == 0);
    CHECK(pounds.critical); // more than twice the dose
    const NumericVerdict units = judgeNumeric(q, draw, 14080);
    CHECK(units.mistakeIndex == 1);

    const NumericVerdict near = judgeNumeric(q, draw, 60);
    CHECK(near.mistakeIndex == -1);
    CHECK_FALSE(near.critical);
    CHECK(judgeNumeric(q, draw, 112.0).critical); // exactly 2x
    CHECK_FALSE(judgeNumeric(q, draw, 111.9).critical);

    // Tolerance 0: the value rounded to `round` places, with a tiny epsilon only.
    q.numeric->tolerance = 0;
    CHECK(judgeNumeric(q, draw, 56.0).correct);
    CHECK_FALSE(judgeNumeric(q, draw, 56.04).correct);
    // Relative tolerance: 2% of 56 = 1.12.
    q.numeric->tolerance = 0.02;
    q.numeric->relative = true;
    CHECK(judgeNumeric(q, draw, 57.1).correct);
    CHECK_FALSE(judgeNumeric(q, draw, 57.2).correct);

    // Correct wins over a mistake that gives the same number.
    draw.mistakeValues = {56.0, 14080};
    const NumericVerdict both = judgeNumeric(q, draw, 56.0);
    CHECK(both.correct);
    CHECK(both.mistakeIndex == -1);

    // A critical mistake is critical even below 2x.
    q.mistakes[0].severity = OptionSeverity::Critical;
    draw.mistakeValues = {60.0, 14080};
    CHECK(judgeNumeric(q, draw, 60.0).critical);
}

TEST_CASE("Numeric: reads a 1.1 pack with variables, answers, mistakes and a case",
          "[core][numeric][xml]")
{
    const LoadResult loaded =
        PackLoader().loadFile(std::string(QUIZ_TEST_DATA_DIR) + "/packs/numeric/dose.xml");
    INFO((loaded.diagnostics.getAll().empty() ? "" : loaded.diagnostics.getAll()[0].format()));
    REQUIRE(loaded.pack);
    const Pack& pack = *loaded.pack;
    CHECK(pack.formatVersion == 1);
    CHECK(pack.formatMinor == 1);
    const Question* q = pack.findQuestion("dc-101");
    REQUIRE(q);
    CHECK(q->type == QuestionType::Numeric);
    REQUIRE(q->variables.size() == 2);
    CHECK(q->variables[0].name == "weight");
    CHECK(q->variables[0].from == 50);
    CHECK(q->variables[0].to == 120);
    CHECK(q->variables[0].step == 1);
    CHECK(q->variables[0].unit == "kg");
    CHECK(q->variables[1].values == std::vector<double>{100, 50});
    REQUIRE(q->numeric);
    CHECK(q->numeric->formula == "weight*80/conc");
    CHECK(q->numeric->unit == "mL");
    CHECK(q->numeric->round == 1);
    CHECK(q->numeric->tolerance == Approx(0.05));
    CHECK_FALSE(q->numeric->relative);
    CHECK(q->numeric->min == Approx(1.0));
    CHECK(q->numeric->max == Approx(200.0));
    REQUIRE(q->mistakes.size() == 2);
    CHECK(q->mistakes[1].severity == OptionSeverity::Critical);
    CHECK(q->mistakes[0].rationale.toPlain().find("{=weight*2.2|0}") != std::string::npos);
    const Question* fixed = pack.findQuestion("dc-102");
    REQUIRE(fixed);
    CHECK(fixed->numeric->value == Approx(0.5));
    REQUIRE(pack.cases.size() == 1);
    const Case* c = pack.findCase("case-postop");
    REQUIRE(c);
    CHECK(c->title == "Post-operative patient");
    CHECK(c->questionIds == std::vector<std::string>{"dc-201", "dc-202"});
    CHECK(c->variables.size() == 1);
    CHECK(pack.findQuestion("dc-201")->caseId == "case-postop");
    CHECK(pack.findQuestion("dc-201")->numeric->relative);
    CHECK(pack.findQuestion("dc-201")->numeric->tolerance == Approx(0.02));
}

TEST_CASE("Numeric: a format 1 pack still reads, and numeric questions need 1.1",
          "[core][numeric][xml]")
{
    const std::string head = R"(<pack formatVersion="VERSION" id="org.example.x" version="1.0.0">
  <title>T</title><author name="A"/><license spdx="CC0-1.0"/>
  <dates created="2026-01-01" reviewBy="2099-01-01"/>
  <sources><source id="s" type="label">Label.</source></sources>
  <topics><topic id="t" title="T"/></topics>
  <questions>
    <question id="q" type="numeric" topic="t">
      <stem>How many?</stem>
      <answer value="2" unit="" round="0"/>
      <ref source="s" locator="1"/>
    </question>
  </questions>
</pack>)";
    const auto load = [&](const std::string& version)
    {
        std::string xml = head;
        xml.replace(xml.find("VERSION"), 7, version);
        return PackLoader().loadString(xml, "x.xml");
    };
    const LoadResult current = load("1.1");
    REQUIRE(current.pack);
    CHECK_FALSE(current.diagnostics.hasErrors());
    CHECK(current.pack->questions[0].numeric->unit.empty());
    const LoadResult old = load("1");
    REQUIRE(old.diagnostics.hasErrors());
    CHECK(old.diagnostics.getAll()[0].message.find("1.1") != std::string::npos);
    const LoadResult future = load("1.2");
    REQUIRE_FALSE(future.diagnostics.getAll().empty());
    CHECK(future.diagnostics.getAll()[0].code == "format-version-unsupported");
}
