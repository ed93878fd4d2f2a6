// Moodle `numerical` questions in and out (numeric questions of pack format 1.1).
#include "ImportFixtures.hpp"
#include "core/import/MoodleReader.hpp"
#include "core/import/MoodleWriter.hpp"
#include "core/import/QuestionRules.hpp"

#include <catch2/catch.hpp>

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
    bool warned = false;
    for (const Diagnostic& d : exported.diagnostics.getAll())
        warned = warned || d.message.find("'n2'") != std::string::npos;
    CHECK(warned);
    const ReadResult again = readMoodleXml(exported.xml, "again.xml");
    REQUIRE(again.questions.size() == 1);
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
