#include "core/pack/NumericChecker.hpp"

#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"
#include "core/pack/PackWriter.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace quiz::core;

namespace
{

const std::string kDosePack = std::string(QUIZ_TEST_DATA_DIR) + "/packs/numeric/dose.xml";

/// The numeric proof's findings for a format 1.1 pack holding `question` (its first line is the
/// pack's line 7).
DiagnosticList proveQuestion(const std::string& question)
{
    const std::string xml = R"(<pack formatVersion="1.1" id="org.example.x" version="1.0.0">
  <title>T</title><author name="A"/><license spdx="CC0-1.0"/>
  <dates created="2026-01-01" reviewBy="2099-01-01"/>
  <sources><source id="s" type="label">Label.</source></sources>
  <topics><topic id="t" title="T"/></topics>
  <questions>
)" + question + R"(  </questions>
</pack>)";
    const LoadResult loaded = PackLoader().loadString(xml, "x.xml");
    REQUIRE(loaded.pack);
    DiagnosticList out("x.xml");
    checkNumeric(*loaded.pack, out);
    return out;
}

std::vector<std::string> codes(const DiagnosticList& list)
{
    std::vector<std::string> out;
    for (const Diagnostic& d : list.getAll())
        out.push_back(d.code);
    return out;
}

} // namespace

TEST_CASE("NumericChecker: the dose test pack is clean", "[core][checker][numeric]")
{
    CheckOptions options;
    const CheckedPack checked = loadAndCheck(kDosePack, options);
    std::string all;
    for (const Diagnostic& d : checked.diagnostics.getAll())
        all += d.format() + "\n";
    INFO(all);
    CHECK(checked.pack.has_value());
    CHECK(checked.diagnostics.getAll().empty());
}

TEST_CASE("NumericChecker: the proof names the failing draw", "[core][checker][numeric]")
{
    const DiagnosticList out = proveQuestion(R"(    <question id="q" type="numeric" topic="t">
      <vary name="weight" from="50" to="60" step="5"/>
      <vary name="conc" values="100 0"/>
      <stem>How many mL for {weight} kg?</stem>
      <answer formula="weight*80/conc" unit="mL" round="1"/>
      <ref source="s" locator="1"/>
    </question>
)");
    REQUIRE(out.getAll().size() == 1);
    CHECK(out.getAll()[0].code == "division-by-zero");
    CHECK(out.getAll()[0].line == 11);
    CHECK(out.getAll()[0].message.find("weight=50, conc=0") != std::string::npos);
}

TEST_CASE("NumericChecker: escaped braces are text, stray ones a warning",
          "[core][checker][numeric]")
{
    const DiagnosticList out = proveQuestion(R"(    <question id="q" type="numeric" topic="t">
      <vary name="weight" from="50" to="60" step="5"/>
      <stem>The order set {{dose, route}} reads {{=weight*80}}: how many units for {weight} kg?</stem>
      <answer formula="weight*80" unit="units" round="0"/>
      <mistake formula="weight*8">The set {{a}} slipped a zero.</mistake>
      <explanation>{=weight*80|0} units {x y}.</explanation>
      <ref source="s" locator="1"/>
    </question>
)");
    std::string all;
    for (const Diagnostic& d : out.getAll())
        all += d.format() + "\n";
    INFO(all);
    // {{=weight*80}} is not a formula to prove and {{a}} names no variable: no error.
    REQUIRE(out.getAll().size() == 1);
    CHECK(out.getAll()[0].code == "stray-brace");
    CHECK(out.getAll()[0].severity == Severity::Warning);
    CHECK(out.getAll()[0].message.find("'{x y}'") != std::string::npos);
}

TEST_CASE("NumericChecker: samples large grids densely with both ends", "[core][checker]")
{
    const auto all = proofCombinations({3, 4}, 2000);
    CHECK(all.size() == 12);
    CHECK(std::set<std::vector<std::size_t>>(all.begin(), all.end()).size() == 12);

    const auto sampled = proofCombinations({71, 50, 40}, 2000);
    CHECK(sampled.size() == 2000);
    CHECK(sampled[0] == std::vector<std::size_t>{0, 0, 0});
    CHECK(sampled[1] == std::vector<std::size_t>{70, 49, 39});
    // Every value of every variable turns up.
    for (std::size_t axis = 0; axis < 3; ++axis)
    {
        std::set<std::size_t> seen;
        for (const auto& combination : sampled)
            seen.insert(combination[axis]);
        CHECK(seen.size() == std::vector<std::size_t>{71, 50, 40}[axis]);
    }
    CHECK(proofCombinations({5, 0}, 2000).empty());
    CHECK(proofCombinations({}, 2000).size() == 1);
}

TEST_CASE("NumericChecker: PackWriter round-trips numeric questions and cases",
          "[core][numeric][writer]")
{
    const LoadResult first = PackLoader().loadFile(kDosePack);
    REQUIRE(first.pack);
    const std::string written = writePack(*first.pack);
    CHECK(written.find("formatVersion=\"1.1\"") != std::string::npos);
    const LoadResult second = PackLoader().loadString(written, "again.xml");
    INFO(written);
    REQUIRE(second.pack);
    CHECK_FALSE(second.diagnostics.hasErrors());
    const Pack& a = *first.pack;
    const Pack& b = *second.pack;
    REQUIRE(a.questions.size() == b.questions.size());
    for (std::size_t i = 0; i < a.questions.size(); ++i)
    {
        const Question& x = a.questions[i];
        const Question& y = b.questions[i];
        CHECK(x.id == y.id);
        CHECK(x.type == y.type);
        CHECK(x.caseId == y.caseId);
        CHECK(x.stem == y.stem);
        REQUIRE(x.variables.size() == y.variables.size());
        for (std::size_t v = 0; v < x.variables.size(); ++v)
        {
            CHECK(x.variables[v].name == y.variables[v].name);
            CHECK(x.variables[v].from == y.variables[v].from);
            CHECK(x.variables[v].to == y.variables[v].to);
            CHECK(x.variables[v].step == y.variables[v].step);
            CHECK(x.variables[v].values == y.variables[v].values);
            CHECK(x.variables[v].unit == y.variables[v].unit);
        }
        REQUIRE(x.numeric.has_value() == y.numeric.has_value());
        if (x.numeric)
        {
            CHECK(x.numeric->formula == y.numeric->formula);
            CHECK(x.numeric->value == y.numeric->value);
            CHECK(x.numeric->unit == y.numeric->unit);
            CHECK(x.numeric->round == y.numeric->round);
            CHECK(x.numeric->tolerance == Approx(y.numeric->tolerance));
            CHECK(x.numeric->relative == y.numeric->relative);
            CHECK(x.numeric->min == y.numeric->min);
            CHECK(x.numeric->max == y.numeric->max);
        }
        REQUIRE(x.mistakes.size() == y.mistakes.size());
        for (std::size_t m = 0; m < x.mistakes.size(); ++m)
        {
            CHECK(x.mistakes[m].formula == y.mistakes[m].formula);
            CHECK(x.mistakes[m].value == y.mistakes[m].value);
            CHECK(x.mistakes[m].rationale == y.mistakes[m].rationale);
            CHECK(x.mistakes[m].severity == y.mistakes[m].severity);
        }
    }
    REQUIRE(b.cases.size() == 1);
    CHECK(b.cases[0].id == a.cases[0].id);
    CHECK(b.cases[0].title == a.cases[0].title);
    CHECK(b.cases[0].stem == a.cases[0].stem);
    CHECK(b.cases[0].questionIds == a.cases[0].questionIds);
    CHECK(b.cases[0].variables.size() == a.cases[0].variables.size());
    CHECK(codes(second.diagnostics).empty());
}
