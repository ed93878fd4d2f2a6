// Moodle `numerical` questions in and out (numeric questions of pack format 1.1).
#include "ImportFixtures.hpp"
#include "core/import/MoodleExtras.hpp"
#include "core/import/MoodleReader.hpp"
#include "core/import/MoodleWriter.hpp"
#include "core/import/QuestionRules.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace quiz::core;
using namespace quiz::core::import;
using namespace importtest;

namespace
{

const char* const kNumerical = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="numerical">
    <name><text>Bolus volume</text></name>
    <questiontext format="html"><text><![CDATA[<p>How many mL hold 4,000 units at 1,000 units/mL?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>4,000 / 1,000 = 4 mL.</text></generalfeedback>
    <defaultgrade>1</defaultgrade>
    <answer fraction="100" format="moodle_auto_format">
      <text>4.0</text>
      <feedback format="html"><text>Right.</text></feedback>
      <tolerance>0.05</tolerance>
    </answer>
    <answer fraction="0" format="moodle_auto_format">
      <text>0.25</text>
      <feedback format="html"><text>You divided the concentration by the dose.</text></feedback>
      <tolerance>0</tolerance>
    </answer>
    <units>
      <unit><multiplier>1</multiplier><unit_name>mL</unit_name></unit>
    </units>
  </question>
</quiz>
)";

} // namespace

TEST_CASE("MoodleReader: a numerical question becomes a numeric one with its mistakes",
          "[import][moodle][numeric]")
{
    const ReadResult r = readMoodleXml(kNumerical, "numerical.xml");
    REQUIRE(r.readable);
    REQUIRE(r.questions.size() == 1);
    const Question& q = r.questions[0].question;
    CHECK(q.type == QuestionType::Numeric);
    REQUIRE(q.numeric);
    CHECK(q.numeric->value == Approx(4.0));
    CHECK(q.numeric->tolerance == Approx(0.05));
    CHECK(q.numeric->round == 1);
    CHECK(q.numeric->unit == "mL");
    REQUIRE(q.mistakes.size() == 1);
    CHECK(q.mistakes[0].value == Approx(0.25));
    CHECK(q.mistakes[0].rationale.toPlain() == "You divided the concentration by the dose.");
    CHECK(checkFits(q).empty());
}

TEST_CASE("MoodleWriter: a numeric question is written as numerical and reads back",
          "[import][moodle][numeric]")
{
    const ReadResult first = readMoodleXml(kNumerical, "numerical.xml");
    REQUIRE(first.questions.size() == 1);
    Pack pack;
    pack.id = "org.example.n";
    Question q = first.questions[0].question;
    q.id = "n1";
    q.topicId = "t";
    pack.questions.push_back(q);
    Question withVariables = q;
    withVariables.id = "n2";
    withVariables.variables.push_back({"w", "kg", 50, 60, 1, {}, 0});
    pack.questions.push_back(withVariables);
    const MoodleExport exported =
        writeMoodleXml(pack, [](const std::string&) { return std::optional<std::string>(); });
    CHECK(exported.xml.find("<question type=\"numerical\">") != std::string::npos);
    CHECK(exported.xml.find("<unit_name>mL</unit_name>") != std::string::npos);
    // The one with a variable is no longer left out: it goes as `calculated`.
    CHECK(exported.xml.find("<question type=\"calculated\">") != std::string::npos);
    CHECK(exported.diagnostics.getAll().empty());
    const ReadResult again = readMoodleXml(exported.xml, "again.xml");
    REQUIRE(again.questions.size() == 2);
    CHECK(again.questions[1].question.numeric->value == Approx(4.0));
    REQUIRE(again.questions[1].question.variables.size() == 1);
    const Question& back = again.questions[0].question;
    CHECK(back.type == QuestionType::Numeric);
    CHECK(back.numeric->value == Approx(4.0));
    CHECK(back.numeric->tolerance == Approx(0.05));
    CHECK(back.numeric->unit == "mL");
    REQUIRE(back.mistakes.size() == 1);
    CHECK(back.mistakes[0].rationale == q.mistakes[0].rationale);
}

TEST_CASE("MoodleReader: a calculated question becomes a numeric one with its datasets",
          "[import][moodle][numeric]")
{
    const char* const xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="calculatedsimple">
    <name><text>Bolus</text></name>
    <questiontext format="html"><text><![CDATA[<p>A {w} kg patient gets 80 units/kg from {c} units/mL. How many mL?</p>]]></text></questiontext>
    <answer fraction="100">
      <text>{w}*80/{c}</text>
      <tolerance>0.01</tolerance>
      <tolerancetype>1</tolerancetype>
      <correctanswerformat>1</correctanswerformat>
      <correctanswerlength>1</correctanswerlength>
    </answer>
    <dataset_definitions>
      <dataset_definition>
        <status><text>private</text></status>
        <name><text>w</text></name>
        <type>calculatedsimple</type>
        <distribution><text>uniform</text></distribution>
        <minimum><text>50</text></minimum>
        <maximum><text>120</text></maximum>
        <decimals><text>0</text></decimals>
        <itemcount>2</itemcount>
        <dataset_items>
          <dataset_item><number>1</number><value>57</value></dataset_item>
          <dataset_item><number>2</number><value>88</value></dataset_item>
        </dataset_items>
      </dataset_definition>
      <dataset_definition>
        <status><text>private</text></status>
        <name><text>c</text></name>
        <minimum><text>100</text></minimum>
        <maximum><text>1000</text></maximum>
        <decimals><text>0</text></decimals>
      </dataset_definition>
    </dataset_definitions>
  </question>
</quiz>
)";
    const ReadResult r = readMoodleXml(xml, "calculated.xml");
    REQUIRE(r.questions.size() == 1);
    const Question& q = r.questions[0].question;
    CHECK(q.type == QuestionType::Numeric);
    REQUIRE(q.numeric);
    CHECK(q.numeric->formula == "w*80/c");
    CHECK(q.numeric->relative);
    CHECK(q.numeric->tolerance == Approx(0.01));
    CHECK(q.numeric->round == 1);
    REQUIRE(q.variables.size() == 2);
    CHECK(q.variables[0].name == "w");
    CHECK(q.variables[0].values == std::vector<double>{57, 88});
    CHECK(q.variables[1].name == "c");
    CHECK(q.variables[1].from == 100);
    CHECK(q.variables[1].to == 1000);
    CHECK(q.variables[1].step == 1);
    CHECK(q.stem.toPlain().find("{w} kg") != std::string::npos);
    CHECK(checkFits(q).empty());
}

namespace
{

Question calculatedQuestion()
{
    Question q;
    q.id = "c1";
    q.topicId = "t";
    q.type = QuestionType::Numeric;
    q.stem = RichText::fromPlain("A {weight} kg ({=weight*2.2|0} lb) patient, bag of {conc} "
                                 "units/mL. How many mL for 80 units/kg?");
    q.explanation = RichText::fromPlain("{weight} x 80 = {=weight*80} units.");
    q.variables.push_back({"weight", "kg", 50, 120, 5, {}, 0});
    q.variables.push_back({"conc", "units/mL", 0, 0, 0, {100, 50}, 0});
    NumericAnswer answer;
    answer.formula = "weight*80/conc";
    answer.unit = "mL";
    answer.round = 1;
    answer.tolerance = 0.02;
    answer.relative = true;
    q.numeric = answer;
    Mistake pounds;
    pounds.formula = "weight*2.2*80/conc";
    pounds.rationale = RichText::fromPlain("You used the weight in pounds as kilograms.");
    q.mistakes.push_back(pounds);
    Mistake fixed;
    fixed.value = 14080;
    fixed.rationale = RichText::fromPlain("That is the dose in units, not mL.");
    q.mistakes.push_back(fixed);
    return q;
}

} // namespace

TEST_CASE("MoodleWriter: a numeric question with variables is written as calculated and reads "
          "back the same",
          "[import][moodle][numeric]")
{
    Pack pack;
    pack.id = "org.example.c";
    pack.questions.push_back(calculatedQuestion());
    const MoodleExport exported =
        writeMoodleXml(pack, [](const std::string&) { return std::optional<std::string>(); });
    CHECK(exported.xml.find("<question type=\"calculated\">") != std::string::npos);
    CHECK(exported.xml.find("<text>{weight}*80/{conc}</text>") != std::string::npos);
    CHECK(exported.xml.find("<tolerancetype>1</tolerancetype>") != std::string::npos);
    CHECK(exported.xml.find("<correctanswerlength>1</correctanswerlength>") != std::string::npos);
    CHECK(exported.xml.find("({={weight}*2.2} lb)") != std::string::npos);
    // The |0 of the stem has no Moodle form: one warning names the question.
    std::size_t rounding = 0;
    for (const Diagnostic& d : exported.diagnostics.getAll())
        rounding += d.code == "export-rounding" && d.message.find("'c1'") != std::string::npos;
    CHECK(rounding == 1);

    const ReadResult back = readMoodleXml(exported.xml, "calculated.xml");
    REQUIRE(back.questions.size() == 1);
    const Question& q = back.questions[0].question;
    const Question& original = pack.questions[0];
    CHECK(q.type == QuestionType::Numeric);
    REQUIRE(q.numeric);
    CHECK(q.numeric->formula == original.numeric->formula);
    CHECK(q.numeric->unit == "mL");
    CHECK(q.numeric->round == 1);
    CHECK(q.numeric->relative);
    CHECK(q.numeric->tolerance == Approx(0.02));
    REQUIRE(q.variables.size() == 2);
    CHECK(q.variables[0].name == "weight");
    CHECK(q.variables[0].values.empty());
    CHECK(q.variables[0].from == 50);
    CHECK(q.variables[0].to == 120);
    CHECK(q.variables[0].step == 5);
    CHECK(q.variables[1].name == "conc");
    CHECK(q.variables[1].values == std::vector<double>{100, 50});
    REQUIRE(q.mistakes.size() == 2);
    CHECK(q.mistakes[0].formula == "weight*2.2*80/conc");
    CHECK(q.mistakes[0].rationale == original.mistakes[0].rationale);
    CHECK(q.mistakes[1].formula.empty());
    CHECK(q.mistakes[1].value == Approx(14080));
    CHECK(q.mistakes[1].rationale == original.mistakes[1].rationale);
    // The |0 comes back from the comment export-moodle writes.
    CHECK(q.stem.toPlain().find("({=weight*2.2|0} lb)") != std::string::npos);
    CHECK(q.explanation.toPlain() == "{weight} x 80 = {=weight*80} units.");
    CHECK(checkFits(q).empty());
}

TEST_CASE("MoodleWriter: a case's stem opens each of its questions, with a warning per case, and "
          "the calculated output is well-formed XML",
          "[import][moodle][numeric]")
{
    Pack pack;
    pack.id = "org.example.c";
    Case c;
    c.id = "case-a";
    c.topicId = "t";
    c.title = "Post-op";
    c.stem = RichText::fromPlain("Day 2 after surgery, dose {=dose/1000|1} thousand units.");
    c.variables.push_back({"dose", "units", 0, 0, 0, {5000, 7500}, 0});
    c.questionIds = {"c1", "c2"};
    pack.cases.push_back(c);
    for (const char* id : {"c1", "c2"})
    {
        Question q = calculatedQuestion();
        q.id = id;
        q.caseId = "case-a";
        q.numeric->formula = "dose/conc";
        q.numeric->tolerance = 0;
        q.numeric->relative = false;
        pack.questions.push_back(q);
    }
    const MoodleExport exported =
        writeMoodleXml(pack, [](const std::string&) { return std::optional<std::string>(); });
    std::size_t cases = 0;
    for (const Diagnostic& d : exported.diagnostics.getAll())
        cases += d.code == "export-case";
    CHECK(cases == 1);
    // Tolerance 0 (the rounded answer) goes as half a unit of the last place, nominal.
    CHECK(
        exported.xml.find("<tolerance>0.05</tolerance>\n      <tolerancetype>2</tolerancetype>") !=
        std::string::npos);
    const ReadResult back = readMoodleXml(exported.xml, "case.xml");
    REQUIRE(back.questions.size() == 2);
    for (const ImportedQuestion& imported : back.questions)
    {
        const Question& q = imported.question;
        CHECK(q.stem.toPlain().rfind("Post-op", 0) == 0);
        CHECK(q.stem.toPlain().find("dose {=dose/1000|1} thousand") != std::string::npos);
        REQUIRE(q.variables.size() == 3);
        CHECK(q.variables[0].name == "dose");
        CHECK(q.numeric->formula == "dose/conc");
        CHECK_FALSE(q.numeric->relative);
        CHECK(q.numeric->tolerance == 0);
        CHECK(checkFits(q).empty());
    }

    if (std::system("command -v xmllint >/dev/null 2>&1") != 0)
        FAIL("xmllint is missing (Debian package libxml2-utils)");
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / "quiz-calculated-export.xml";
    std::ofstream(file, std::ios::binary) << exported.xml;
    const int status = std::system(("xmllint --noout '" + file.string() + "'").c_str());
    std::filesystem::remove(file);
    CHECK(status == 0);
    const std::string broken = exported.xml.substr(0, exported.xml.size() / 2);
    const std::filesystem::path half =
        std::filesystem::temp_directory_path() / "quiz-calculated-half.xml";
    std::ofstream(half, std::ios::binary) << broken;
    const int brokenStatus =
        std::system(("xmllint --noout '" + half.string() + "' 2>/dev/null").c_str());
    std::filesystem::remove(half);
    CHECK(brokenStatus != 0);
}

TEST_CASE("MoodleExtras: the export comment reads back, and a malformed one is refused whole",
          "[import][moodle][numeric]")
{
    MoodleExtras extras;
    extras.round = 2;
    extras.min = -0.5;
    extras.max = 1200;
    extras.figure = 1;
    extras.caseId = "case-a";
    extras.criticalAnswers = {1, 3};
    extras.rounding["questiontext"] = {0, -1, 2};
    extras.rounding["answer1"] = {1};
    const std::string text = formatMoodleExtras(extras);
    MoodleExtras unsafe;
    unsafe.caseId = "a--b"; // would end the XML comment: not written
    CHECK(formatMoodleExtras(unsafe) == "heparin-quiz:");
    CHECK(text == "heparin-quiz: round=2 min=-0.5 max=1200 figure=1 case=case-a critical=1,3 "
                  "rounding=answer1:1;questiontext:0,-,2");
    CHECK(text.find("--") == std::string::npos);
    const std::optional<MoodleExtras> back = parseMoodleExtras(" " + text + " ");
    REQUIRE(back);
    CHECK(back->round == 2);
    CHECK(back->min == Approx(-0.5));
    CHECK(back->max == Approx(1200));
    CHECK(back->figure == 1);
    CHECK(back->caseId == "case-a");
    CHECK(back->criticalAnswers == extras.criticalAnswers);
    CHECK(back->rounding == extras.rounding);

    CHECK_FALSE(parseMoodleExtras("a comment of someone else"));
    for (const char* bad :
         {"heparin-quiz: round=12", "heparin-quiz: round=", "heparin-quiz: min=1e9",
          "heparin-quiz: critical=1,,2", "heparin-quiz: rounding=:1", "heparin-quiz: rounding=x:a",
          "heparin-quiz: colour=red", "heparin-quiz: round", "heparin-quiz: case=a--b",
          "heparin-quiz: case=a<b"})
    {
        INFO(bad);
        CHECK_FALSE(parseMoodleExtras(bad));
    }

    RichText rounded = RichText::fromPlain("{=a*2} and {=b} and {=c|3}");
    CHECK(applyExpressionDecimals(rounded, {1, -1, 0}));
    CHECK(rounded.toPlain() == "{=a*2|1} and {=b} and {=c|3}");
    CHECK(expressionDecimals(rounded) == std::vector<int>{1, -1, 3});
    CHECK_FALSE(applyExpressionDecimals(rounded, {1}));
    CHECK(rounded.toPlain() == "{=a*2|1} and {=b} and {=c|3}");
}
