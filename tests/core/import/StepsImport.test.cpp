// Moodle `ordering` and `match` questions in and out (ordering and matching questions of pack
// format 1.1).
#include "core/import/MoodleReader.hpp"
#include "core/import/MoodleWriter.hpp"
#include "core/import/QtiReader.hpp"
#include "core/import/QuestionRules.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace quiz::core;
using namespace quiz::core::import;

namespace
{

std::string fixture()
{
    std::ifstream in(std::string(QUIZ_TEST_DATA_DIR) + "/import/moodle/ordering-match.xml",
                     std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    REQUIRE_FALSE(out.str().empty());
    return out.str();
}

} // namespace

TEST_CASE("MoodleReader: ordering and match questions become ordering and matching ones",
          "[import][moodle][steps]")
{
    const ReadResult r = readMoodleXml(fixture(), "ordering-match.xml");
    REQUIRE(r.readable);
    REQUIRE(r.questions.size() == 2);
    CHECK(r.skipped == 0);
    // An ordering answer's fraction is its position, not a grade.
    for (const Diagnostic& d : r.diagnostics.getAll())
        CHECK(d.message.find("Moodle's grades") == std::string::npos);

    Question ordering = r.questions[0].question;
    CHECK(ordering.type == QuestionType::Ordering);
    CHECK(ordering.scoring == ScoringRule::Partial);
    REQUIRE(ordering.items.size() == 4);
    // The answers' fractions give the right order, whatever order the file lists them in.
    CHECK(ordering.items[0].text.toPlain() == "Check the order, the patient and the dose");
    CHECK(ordering.items[1].text.toPlain() == "Choose a site on the abdomen, 5 cm from the navel");
    CHECK(ordering.items[2].text.toPlain() == "Pinch a fold of skin and insert at 90 degrees");
    CHECK(ordering.origin->idnumber == "adm-sc-order");
    CHECK(checkFits(ordering).empty());
    CHECK(fillRationales(ordering) == "'s1', 's2', 's3', 's4'");
    CHECK(isGenerated(ordering.items[0].rationale));

    Question matching = r.questions[1].question;
    CHECK(matching.type == QuestionType::Matching);
    CHECK(matching.points == Approx(3.0));
    REQUIRE(matching.pairs.size() == 4);
    CHECK(matching.pairs[0].prompt.toPlain() == "Unfractionated heparin");
    CHECK(matching.pairs[0].answer.toPlain() == "Protamine sulfate");
    CHECK(matching.pairs[3].isDistractor());
    CHECK(matching.pairs[3].answer.toPlain() == "Naloxone");
    CHECK(checkFits(matching).empty());

    // One prompt is not a matching question.
    matching.pairs.resize(1);
    CHECK_FALSE(checkFits(matching).empty());
}

TEST_CASE("MoodleReader: ordering grading types other than adjacent pairs are said to change",
          "[import][moodle][steps]")
{
    std::string xml = fixture();
    const std::string relative = "RELATIVE_NEXT_EXCLUDE_LAST";
    xml.replace(xml.find(relative), relative.size(), "LONGEST_ORDERED_SUBSET");
    const ReadResult r = readMoodleXml(xml, "ordering-match.xml");
    REQUIRE(r.questions.size() == 2);
    bool warned = false;
    for (const Diagnostic& d : r.diagnostics.getAll())
        warned = warned || d.message.find("LONGEST_ORDERED_SUBSET") != std::string::npos;
    CHECK(warned);
    xml.replace(xml.find("LONGEST_ORDERED_SUBSET"), 22, "ALL_OR_NOTHING");
    CHECK(readMoodleXml(xml, "x.xml").questions[0].question.scoring == ScoringRule::AllOrNothing);
}

TEST_CASE("MoodleWriter: ordering and matching questions are written as ordering and match and "
          "read back",
          "[import][moodle][steps]")
{
    const ReadResult first = readMoodleXml(fixture(), "ordering-match.xml");
    REQUIRE(first.questions.size() == 2);
    Pack pack;
    pack.id = "org.example.steps";
    for (std::size_t i = 0; i < first.questions.size(); ++i)
    {
        Question q = first.questions[i].question;
        q.id = "q" + std::to_string(i + 1);
        q.topicId = "t";
        (void)fillRationales(q);
        pack.questions.push_back(q);
    }
    pack.questions[0].scoring = ScoringRule::AllOrNothing;
    const MoodleExport exported =
        writeMoodleXml(pack, [](const std::string&) { return std::optional<std::string>(); });
    CHECK(exported.xml.find("<question type=\"ordering\">") != std::string::npos);
    CHECK(exported.xml.find("<gradingtype>ALL_OR_NOTHING</gradingtype>") != std::string::npos);
    CHECK(exported.xml.find("<question type=\"match\">") != std::string::npos);
    const ReadResult again = readMoodleXml(exported.xml, "again.xml");
    REQUIRE(again.questions.size() == 2);
    const Question& ordering = again.questions[0].question;
    CHECK(ordering.type == QuestionType::Ordering);
    CHECK(ordering.scoring == ScoringRule::AllOrNothing);
    REQUIRE(ordering.items.size() == 4);
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(ordering.items[i].text == pack.questions[0].items[i].text);
    // Placeholder rationales are not exported as feedback.
    CHECK(ordering.items[0].rationale.isEmpty());
    const Question& matching = again.questions[1].question;
    CHECK(matching.type == QuestionType::Matching);
    REQUIRE(matching.pairs.size() == 4);
    CHECK(matching.pairs[1].answer.toPlain() == "Vitamin K");
    CHECK(matching.pairs[3].isDistractor());
    CHECK(sameMeaning(matching, pack.questions[1]));
}

TEST_CASE("QtiReader: orderInteraction and matchInteraction become ordering and matching",
          "[import][qti][steps]")
{
    const ReadResult order =
        readQtiPath(std::string(QUIZ_TEST_DATA_DIR) + "/import/qti/v21/order-steps.xml");
    REQUIRE(order.questions.size() == 1);
    const Question& ordering = order.questions[0].question;
    CHECK(ordering.type == QuestionType::Ordering);
    CHECK(ordering.scoring == ScoringRule::AllOrNothing); // match_correct
    REQUIRE(ordering.items.size() == 4);
    CHECK(ordering.items[0].id == "Score");
    CHECK(ordering.items[0].text.toPlain() == "Work out the 4Ts score");
    CHECK(ordering.items[3].id == "Assay");
    // The stem holds the body and the prompt, not the choices.
    CHECK(ordering.stem.toPlain().find("PF4") == std::string::npos);
    CHECK(ordering.stem.toPlain().find("First step at the top.") != std::string::npos);
    CHECK(ordering.origin->idnumber == "hit-workup");
    CHECK(checkFits(ordering).empty());

    const ReadResult match =
        readQtiPath(std::string(QUIZ_TEST_DATA_DIR) + "/import/qti/v21/match-antidotes.xml");
    REQUIRE(match.questions.size() == 1);
    const Question& matching = match.questions[0].question;
    CHECK(matching.type == QuestionType::Matching);
    CHECK(matching.scoring == ScoringRule::Partial); // map_response
    REQUIRE(matching.pairs.size() == 3);
    CHECK(matching.pairs[0].id == "UFH");
    CHECK(matching.pairs[0].answer.toPlain() == "Protamine sulfate");
    CHECK(matching.pairs[1].answer.toPlain() == "Vitamin K");
    CHECK(matching.pairs[2].isDistractor());
    CHECK(matching.pairs[2].answer.toPlain() == "Naloxone");
    CHECK(checkFits(matching).empty());
}
