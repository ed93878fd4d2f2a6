#include "core/import/QtiReader.hpp"

#include "ImportFixtures.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace quiz::core::import;
using namespace importtest;

TEST_CASE("QtiReader: reads a 2.1 choice item with inline and modal feedback and its image",
          "[import][qti]")
{
    const ReadResult r = readQtiPath(dataPath("qti/v21/protamine.xml"));
    REQUIRE(r.readable);
    REQUIRE(r.questions.size() == 1);
    const ImportedQuestion& item = r.questions[0];
    const Question& q = item.question;
    CHECK(q.type == QuestionType::Single);
    CHECK(q.origin->format == "qti");
    CHECK(q.origin->idnumber == "rev-protamine");
    CHECK(q.origin->name == "Heparin antidote");
    CHECK(q.stem.toPlain() ==
          "A patient on an unfractionated heparin infusion is bleeding heavily.\nWhich drug "
          "reverses heparin?");
    CHECK(q.shuffle);
    REQUIRE(q.options.size() == 4);
    CHECK(q.options[0].id == "ChoiceA");
    CHECK(q.options[0].correct);
    CHECK(q.options[0].text.toPlain() == "Protamine sulfate");
    CHECK(q.options[1].rationale.toPlain() == "Vitamin K reverses warfarin.");
    CHECK(q.options[3].fixed);
    // The modal feedback is keyed to the one correct choice: shown after a right answer.
    CHECK(q.explanation.isEmpty());
    REQUIRE(q.feedback.size() == 1);
    CHECK(q.feedback[0].on == "correct");
    CHECK(q.feedback[0].text.toPlain().find("100 units") != std::string::npos);
    REQUIRE(item.figure);
    CHECK(item.figure->type == ImageType::Png);
    CHECK(item.figure->alt == "Protamine sulfate vial");
}

TEST_CASE("QtiReader: the 3.0 version of an item reads the same as the 2.1 version",
          "[import][qti]")
{
    const ReadResult a = readQtiPath(dataPath("qti/v21/protamine.xml"));
    const ReadResult b = readQtiPath(dataPath("qti/v30/protamine.xml"));
    REQUIRE(a.questions.size() == 1);
    REQUIRE(b.questions.size() == 1);
    const Question& x = a.questions[0].question;
    const Question& y = b.questions[0].question;
    CHECK(x.stem == y.stem);
    CHECK(x.explanation == y.explanation);
    REQUIRE(x.feedback.size() == y.feedback.size());
    for (std::size_t i = 0; i < x.feedback.size(); ++i)
    {
        CHECK(x.feedback[i].on == y.feedback[i].on);
        CHECK(x.feedback[i].text == y.feedback[i].text);
    }
    CHECK(x.shuffle == y.shuffle);
    CHECK(x.origin->idnumber == y.origin->idnumber);
    REQUIRE(x.options.size() == y.options.size());
    for (std::size_t i = 0; i < x.options.size(); ++i)
    {
        CHECK(x.options[i].id == y.options[i].id);
        CHECK(x.options[i].text == y.options[i].text);
        CHECK(x.options[i].rationale == y.options[i].rationale);
        CHECK(x.options[i].correct == y.options[i].correct);
        CHECK(x.options[i].fixed == y.options[i].fixed);
    }
    CHECK(a.questions[0].figure->bytes == b.questions[0].figure->bytes);
}

TEST_CASE("QtiReader: modal feedback goes to the correct or incorrect answer as the FEEDBACK "
          "outcome says, and unmappable feedback is warned about",
          "[import][qti]")
{
    const ReadResult r = readQtiPath(dataPath("qti/v21/aptt-feedback.xml"));
    REQUIRE(r.readable);
    REQUIRE(r.questions.size() == 1);
    const Question& q = r.questions[0].question;
    CHECK(q.explanation.isEmpty());
    REQUIRE(q.feedback.size() == 2);
    CHECK(q.feedback[0].on == "correct");
    CHECK(q.feedback[0].text.toPlain().rfind("Correct. An aPTT above 3 x control", 0) == 0);
    CHECK(q.feedback[1].on == "incorrect");
    CHECK(q.feedback[1].text.toPlain().rfind("Not quite.", 0) == 0);
    CHECK(q.feedback[1].text.toPlain().find("Correct.") == std::string::npos);

    // The "no answer" feedback has no place in a pack: a warning at its line, in its file.
    const Diagnostic* dropped = findDiagnostic(r.diagnostics, kCodeDropped, 59);
    REQUIRE(dropped != nullptr);
    CHECK(dropped->severity == Severity::Warning);
    CHECK(dropped->file.find("aptt-feedback.xml") != std::string::npos);
    CHECK(dropped->message.find("feedbackModal_none") != std::string::npos);
}

TEST_CASE("QtiReader: a manifest package reads its items, maps weights and refuses escapes",
          "[import][qti][security]")
{
    const ReadResult r = readQtiPath(dataPath("qti/package/imsmanifest.xml"));
    REQUIRE(r.readable);
    REQUIRE(r.questions.size() == 2);
    CHECK(r.skipped == 2); // the order interaction and the href leaving the package

    const Question& bleeding = r.questions[0].question;
    CHECK(bleeding.type == QuestionType::Multiple);
    CHECK(bleeding.scoring == ScoringRule::Weighted);
    CHECK(bleeding.options[0].weight == Approx(50.0));
    CHECK(bleeding.options[2].weight == Approx(-100.0));

    const ImportedQuestion& hit = r.questions[1];
    CHECK(hit.question.scoring == ScoringRule::AllOrNothing);
    CHECK(hit.question.getCorrectOptionIds() == std::vector<std::string>{"A", "C"});
    CHECK(hit.figure); // ../images/vial.png stays inside the package folder
    CHECK(hit.file.find("hit.xml") != std::string::npos);

    bool escapeReported = false;
    for (const Diagnostic& d : r.diagnostics.getAll())
        escapeReported = escapeReported || d.message.find("outside.xml") != std::string::npos;
    CHECK(escapeReported);

    const ReadResult folder = readQtiPath(dataPath("qti/package"));
    CHECK(folder.questions.size() == 2);
}

TEST_CASE("QtiReader: items without one choice interaction are skipped with their line",
          "[import][qti]")
{
    const ReadResult r = readQtiPath(dataPath("qti/package/items/order.xml"));
    CHECK(r.questions.empty());
    CHECK(r.skipped == 1);
    REQUIRE(findDiagnostic(r.diagnostics, kCodeSkipped, 2) != nullptr);

    const std::string escape = R"(<assessmentItem identifier="x" title="x">
<responseDeclaration identifier="RESPONSE" cardinality="single"><correctResponse><value>A</value></correctResponse></responseDeclaration>
<itemBody><p>Q?<img src="/etc/passwd" alt="p"/></p><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
<simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction></itemBody></assessmentItem>)";
    const ReadResult e = readQtiItem(escape, "e.xml", ".");
    REQUIRE(e.questions.size() == 1);
    CHECK_FALSE(e.questions[0].figure);
    CHECK(findDiagnostic(e.diagnostics, kCodeImage, 0) != nullptr);

    const std::string typed = R"(<assessmentItem identifier="t" title="t">
<responseDeclaration identifier="RESPONSE" cardinality="single"><correctResponse><value>5</value></correctResponse></responseDeclaration>
<itemBody><p>Units?</p><div><textEntryInteraction responseIdentifier="RESPONSE"/></div></itemBody></assessmentItem>)";
    const ReadResult t = readQtiItem(typed, "t.xml", ".");
    CHECK(t.skipped == 1);
    const Diagnostic* entry = findDiagnostic(t.diagnostics, kCodeUnsupportedType, 1);
    REQUIRE(entry != nullptr);
    CHECK(entry->message == "skipped item 't': type 'textEntryInteraction' is not supported; "
                            "import brings across multiple choice, true/false, numeric, "
                            "ordering and matching questions");

    const ReadResult notQti = readQtiItem("<quiz/>", "n.xml", ".");
    CHECK_FALSE(notQti.readable);
}

TEST_CASE("QtiReader: penalties beyond the full credit are clamped and duplicate ids renamed",
          "[import][qti]")
{
    // Found by fuzz_qti: -2 against a positive total of 1 scaled to -200%.
    const std::string item = R"(<assessmentItem identifier="x" title="x">
<responseDeclaration identifier="RESPONSE" cardinality="multiple"><correctResponse><value>A</value></correctResponse>
<mapping defaultValue="0"><mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="-2"/></mapping></responseDeclaration>
<itemBody><choiceInteraction responseIdentifier="RESPONSE" maxChoices="0"><prompt>Pick?</prompt>
<simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice>
<simpleChoice identifier="B">c</simpleChoice></choiceInteraction></itemBody></assessmentItem>)";
    const ReadResult r = readQtiItem(item, "p.xml", ".");
    REQUIRE(r.questions.size() == 1);
    const Question& q = r.questions[0].question;
    REQUIRE(q.options.size() == 3);
    CHECK(q.options[0].weight == Approx(100.0));
    CHECK(q.options[1].weight == Approx(-100.0));
    CHECK(q.options[2].id == "choice-3");
}

TEST_CASE("QtiReader: links are kept as links; a missing image is named with its item",
          "[import][qti][links]")
{
    const ReadResult r = readQtiPath(dataPath("qti/v21/hit-links.xml"));
    REQUIRE(r.questions.size() == 1);
    const RichText& stem = r.questions[0].question.stem;
    CHECK(withLinkAddresses(stem).toPlain().find(
              "The ASH guideline (https://www.hematology.org/education/clinicians/"
              "guidelines-and-quality-care/clinical-practice-guidelines/"
              "venous-thromboembolism-guidelines) uses the 4Ts score") == 0);
    bool named = false;
    for (const Diagnostic& d : r.diagnostics.getAll())
        named = named ||
                (d.code == kCodeImage &&
                 d.message.find("question '4Ts score': image 'figures/platelet-trend.png'") == 0);
    CHECK(named);
}

TEST_CASE("QtiReader: an image over the total cap is reported with its item",
          "[import][qti][image]")
{
    const std::string item = R"(<assessmentItem identifier="vial-item" title="Vial">
<responseDeclaration identifier="RESPONSE" cardinality="single"><correctResponse><value>A</value></correctResponse></responseDeclaration>
<itemBody><p>Which vial?<img src="vial.png" alt="a vial"/></p><choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
<simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice></choiceInteraction></itemBody></assessmentItem>)";
    ReadLimits limits;
    limits.maxImageBytesTotal = 10;
    const ReadResult r = readQtiItem(item, "vial.xml", dataPath("qti/v21"), limits);
    REQUIRE(r.questions.size() == 1);
    CHECK_FALSE(r.questions[0].figure);
    const Diagnostic* image = findDiagnostic(r.diagnostics, kCodeImage, 0);
    REQUIRE(image != nullptr);
    CHECK(image->message.rfind("question 'Vial': image 'vial.png' dropped: the images of", 0) == 0);
}
