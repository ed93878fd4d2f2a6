#include "core/import/GiftReader.hpp"

#include "ImportFixtures.hpp"
#include "core/pack/Numeric.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace quiz::core::import;
using namespace importtest;

namespace
{

ReadResult readFixture(const std::string& name)
{
    const std::string path = dataPath("gift/" + name);
    return readGift(readBytes(path), path);
}

} // namespace

TEST_CASE("GiftReader: reads multiple choice with feedback, titles, ids, tags and categories",
          "[import][gift]")
{
    const ReadResult r = readFixture("heparin.gift");
    REQUIRE(r.readable);
    CHECK(r.questions.size() == 8);
    const ImportedQuestion* route = findImported(r, "Route of heparin");
    REQUIRE(route != nullptr);
    CHECK(route->line == 5);
    CHECK(route->category == std::vector<std::string>{"Heparin", "Administration"});
    const Question& q = route->question;
    CHECK(q.type == QuestionType::Single);
    CHECK(q.origin->format == "gift");
    CHECK(q.origin->idnumber == "gift-route-01");
    CHECK(q.tags == std::vector<std::string>{"administration", "safety"});
    CHECK(q.stem.toPlain() == "Which route is never used for heparin?");
    CHECK(q.stem.runs[1].bold);
    REQUIRE(q.options.size() == 3);
    CHECK(q.options[0].correct);
    CHECK(q.options[0].text.toPlain() == "Intramuscular");
    CHECK(q.options[0].rationale.toPlain() == "Intramuscular injection causes hematomas.");
    CHECK(q.explanation.toPlain() == "Heparin is given IV or subcut, never IM.");
}

TEST_CASE("GiftReader: weighted answers become weighted multiple-answer questions",
          "[import][gift]")
{
    const ReadResult r = readFixture("heparin.gift");
    const ImportedQuestion* sata = findImported(r, "Weighted SATA");
    REQUIRE(sata != nullptr);
    CHECK(sata->question.type == QuestionType::Multiple);
    CHECK(sata->question.scoring == ScoringRule::Weighted);
    REQUIRE(sata->question.options.size() == 3);
    CHECK(sata->question.options[0].weight == 50.0);
    CHECK(sata->question.options[2].weight == -100.0);
    CHECK_FALSE(sata->question.options[2].correct);
}

TEST_CASE("GiftReader: true/false feedback follows GIFT's wrong-then-right order", "[import][gift]")
{
    const ReadResult r = readFixture("heparin.gift");
    const ImportedQuestion* protamine = findImported(r, "Protamine");
    REQUIRE(protamine != nullptr);
    const Question& p = protamine->question;
    CHECK(p.type == QuestionType::TrueFalse);
    CHECK(p.options[0].correct);
    CHECK(p.options[0].rationale.toPlain() == "Right: it neutralises heparin.");
    CHECK(p.options[1].rationale.toPlain() == "Wrong: protamine binds heparin.");

    const ImportedQuestion* vitaminK = findImported(r, "Vitamin K");
    REQUIRE(vitaminK != nullptr);
    const Question& v = vitaminK->question;
    CHECK(v.options[1].correct);
    CHECK(v.options[0].rationale.toPlain() == "It reverses warfarin, not heparin.");
    CHECK(v.options[1].rationale.toPlain() == "Correct.");
    CHECK(v.explanation.toPlain() == "Protamine is the antidote.");
}

TEST_CASE("GiftReader: escapes are unescaped only after splitting", "[import][gift]")
{
    const ReadResult r = readFixture("heparin.gift");
    const ImportedQuestion* q = findImported(r, "Escapes");
    REQUIRE(q != nullptr);
    CHECK(q->question.stem.toPlain() == "Which ratio is 1:1 with escaped = and {braces}?");
    REQUIRE(q->question.options.size() == 2);
    CHECK(q->question.options[0].text.toPlain() == "One to one # exactly");
}

TEST_CASE("GiftReader: other question kinds are skipped with their line", "[import][gift]")
{
    const ReadResult r = readFixture("heparin.gift");
    CHECK(r.skipped == 3);
    for (const int line : {30, 36, 38})
        CHECK(findDiagnostic(r.diagnostics, kCodeUnsupportedType, line) != nullptr);
    for (const int line : {32, 34}) // numeric and matching are read
        CHECK(findDiagnostic(r.diagnostics, kCodeUnsupportedType, line) == nullptr);
    // Each message names the type left out and lists what import brings across.
    const Diagnostic* essay = findDiagnostic(r.diagnostics, kCodeUnsupportedType, 30);
    REQUIRE(essay != nullptr);
    CHECK(essay->message == "skipped question 'Essay': type 'essay' is not supported; import "
                            "brings across multiple choice, true/false, numeric, ordering and "
                            "matching questions");
    const Diagnostic* shortAnswer = findDiagnostic(r.diagnostics, kCodeUnsupportedType, 36);
    REQUIRE(shortAnswer != nullptr);
    CHECK(shortAnswer->message.find("type 'short answer' is not supported; import brings across " +
                                    std::string(kSupportedTypes)) != std::string::npos);
    for (const Diagnostic& d : r.diagnostics.getAll())
        CHECK(d.message.find("only multiple choice") == std::string::npos);
}

TEST_CASE("GiftReader: =prompt -> answer pairs become a matching question", "[import][gift]")
{
    const ReadResult fixture = readFixture("heparin.gift");
    const ImportedQuestion* drugs = findImported(fixture, "Match");
    REQUIRE(drugs != nullptr);
    const Question& pairs = drugs->question;
    CHECK(pairs.type == QuestionType::Matching);
    CHECK(pairs.scoring == ScoringRule::Partial); // Moodle scores each prompt apart
    CHECK(pairs.stem.toPlain() == "Match the drugs.");
    REQUIRE(pairs.pairs.size() == 2);
    CHECK(pairs.pairs[0].id == "p1");
    CHECK(pairs.pairs[0].prompt.toPlain() == "Heparin");
    CHECK(pairs.pairs[0].answer.toPlain() == "Protamine");
    CHECK(pairs.pairs[1].prompt.toPlain() == "Warfarin");
    CHECK(pairs.pairs[1].answer.toPlain() == "Vitamin K");
    CHECK(pairs.options.empty());

    // Formatted prompts, an answer with an escaped =, a distractor (no prompt), and feedback.
    const ReadResult r = readGift("::Rev::[html]Match each <b>drug</b> with its antidote. {\n"
                                  "  =<i>Heparin</i> -> Protamine\n"
                                  "  =Dabigatran -> Idarucizumab\n"
                                  "  =Rivaroxaban -> Andexanet alfa \\= factor Xa decoy\n"
                                  "  = -> Vitamin K\n"
                                  "  ####Antidotes differ by drug.\n}\n",
                                  "r.gift");
    REQUIRE(r.questions.size() == 1);
    const Question& q = r.questions[0].question;
    REQUIRE(q.pairs.size() == 4);
    CHECK(q.pairs[0].prompt.toPlain() == "Heparin");
    CHECK(q.pairs[0].prompt.runs[0].italic);
    CHECK(q.pairs[2].answer.toPlain() == "Andexanet alfa = factor Xa decoy");
    CHECK(q.pairs[3].isDistractor());
    CHECK(q.pairs[3].answer.toPlain() == "Vitamin K");
    CHECK(q.explanation.toPlain() == "Antidotes differ by drug.");

    // Text before the first pair is not part of any pair: left out, and said so.
    const ReadResult stray =
        readGift("::S::Match. {pairs: =Heparin -> Protamine =Warfarin -> Vitamin K}\n", "s.gift");
    REQUIRE(stray.questions.size() == 1);
    CHECK(stray.questions[0].question.pairs.size() == 2);
    const Diagnostic* left = findDiagnostic(stray.diagnostics, kCodeDropped, 1);
    REQUIRE(left != nullptr);
    CHECK(left->message == "question 'S': 'pairs:' before the first =prompt -> answer is left out");

    // A pair without -> is no matching question: skipped with what was written.
    const ReadResult broken = readGift("::B::Match. {=Heparin -> Protamine =Warfarin}\n", "b.gift");
    CHECK(broken.questions.empty());
    CHECK(broken.skipped == 1);
    const Diagnostic* why = findDiagnostic(broken.diagnostics, kCodeSkipped, 1);
    REQUIRE(why != nullptr);
    CHECK(why->message == "skipped question 'B': a matching pair is written =prompt -> answer, "
                          "and '=Warfarin' has no ->");
}

TEST_CASE("GiftReader: a numerical answer becomes a numeric question", "[import][gift][numeric]")
{
    const ReadResult r = readFixture("heparin.gift");
    const ImportedQuestion* dose = findImported(r, "Dose");
    REQUIRE(dose != nullptr);
    CHECK(dose->question.type == QuestionType::Numeric);
    REQUIRE(dose->question.numeric);
    CHECK(dose->question.numeric->value == Approx(5000));
    CHECK(dose->question.numeric->round == 0);
    CHECK(dose->question.options.empty());

    const ReadResult forms = readGift("::Tol::How many mL? {#1.5:0.05}\n\n"
                                      "::Range::How many mL? {#1..2}\n\n"
                                      "::Many::How many mL? {#=1.6:0.05#Right. =%0%16#You moved "
                                      "the point. ~3.2#Twice the dose.}\n\n"
                                      "::Bad::How many? {#abc}\n",
                                      "forms.gift");
    const ImportedQuestion* tolerance = findImported(forms, "Tol");
    REQUIRE(tolerance != nullptr);
    CHECK(tolerance->question.numeric->value == Approx(1.5));
    CHECK(tolerance->question.numeric->tolerance == Approx(0.05));
    CHECK(tolerance->question.numeric->round == 2);
    const ImportedQuestion* range = findImported(forms, "Range");
    REQUIRE(range != nullptr);
    CHECK(range->question.numeric->value == Approx(1.5));
    CHECK(range->question.numeric->tolerance == Approx(0.5));
    const ImportedQuestion* many = findImported(forms, "Many");
    REQUIRE(many != nullptr);
    CHECK(many->question.numeric->value == Approx(1.6));
    REQUIRE(many->question.mistakes.size() == 2);
    CHECK(many->question.mistakes[0].value == Approx(16));
    CHECK(many->question.mistakes[0].rationale.toPlain() == "You moved the point.");
    CHECK(many->question.mistakes[1].value == Approx(3.2));
    CHECK(findImported(forms, "Bad") == nullptr);
    CHECK(forms.skipped == 1);
}

TEST_CASE("GiftReader: a Windows-1252 file is transcoded with a warning", "[import][gift]")
{
    const ReadResult r = readFixture("windows-1252.gift");
    REQUIRE(r.readable);
    REQUIRE(r.questions.size() == 2);
    const Diagnostic* encoding = findDiagnostic(r.diagnostics, kCodeEncoding, 1);
    REQUIRE(encoding != nullptr);
    CHECK(encoding->severity == Severity::Warning);
    CHECK(r.questions[0].question.stem.toPlain() == "Store heparin at 20\xC2\xB0"
                                                    "C to 25\xC2\xB0"
                                                    "C \xE2\x80\x93 true?");
    CHECK(r.questions[1].question.origin->name == "Caf\xC3\xA9");
}

TEST_CASE("GiftReader: UTF-16 and broken answer blocks are reported", "[import][gift]")
{
    const ReadResult utf16 = readGift(std::string("\xFF\xFE:\0:\0", 6), "u.gift");
    CHECK_FALSE(utf16.readable);
    CHECK(findDiagnostic(utf16.diagnostics, kCodeEncoding, 1) != nullptr);

    const ReadResult open = readGift("::A:: Unclosed {=yes ~no\n", "o.gift");
    CHECK(open.questions.empty());
    CHECK(open.skipped == 1);

    const ReadResult one = readGift("Only one answer? {=yes}\n\nTwo wrongs? {~a ~b}", "x.gift");
    CHECK(one.questions.empty());
    CHECK(one.skipped == 2);
}

TEST_CASE("GiftReader: a missing-word blank sits where the answers were, as Moodle writes it",
          "[import][gift]")
{
    const ReadResult r = readFixture("moodle-export.gift");
    const ImportedQuestion* blank = findImported(r, "Antidote blank");
    REQUIRE(blank != nullptr);
    CHECK(blank->question.stem.toPlain() ==
          "The antidote to an unfractionated heparin overdose is _____; give it slowly IV.");
    REQUIRE(blank->question.options.size() == 3);
    CHECK(blank->question.options[0].correct);
}

TEST_CASE("GiftReader: images that cannot come across are named with their question; links "
          "stay links",
          "[import][gift][links]")
{
    const ReadResult r = readFixture("moodle-export.gift");
    std::vector<std::string> images;
    for (const Diagnostic& d : r.diagnostics.getAll())
    {
        if (d.code == kCodeImage)
            images.push_back(d.message);
    }
    REQUIRE(images.size() == 2);
    CHECK(images[0] == "question 'Vial label': image '@@PLUGINFILE@@/vial label.png' cannot come "
                       "across: a GIFT export carries no image files (export Moodle XML to keep "
                       "them); '[image: Heparin 5,000 units/mL vial]' is shown in its place");
    CHECK(images[1].find("question 'Pump screen': image 'images/pump-screen.png' cannot come "
                         "across") == 0);
    const ImportedQuestion* vial = findImported(r, "Vial label");
    REQUIRE(vial != nullptr);
    CHECK(vial->question.stem.toPlain().find("[image: Heparin 5,000 units/mL vial]") !=
          std::string::npos);

    const ImportedQuestion* ismp = findImported(r, "ISMP high-alert list");
    REQUIRE(ismp != nullptr);
    CHECK(withLinkAddresses(ismp->question.stem).toPlain() ==
          "Heparin is on the ISMP list of high-alert medications "
          "(https://www.ismp.org/recommendations/high-alert-medications-acute-list). What does "
          "that mean for you?");
}

TEST_CASE("GiftReader: braces in a numeric question's text come across escaped, shown as written",
          "[import][gift][numeric]")
{
    const ReadResult r =
        readGift("::Dose::How many units of \\{=x\\} \\{weight\\}? {#5000} Match {=Heparin -> "
                 "Protamine}\n\n"
                 "::Plain::How many mL in 5,000 units of 5,000 units/mL? {#1}\n",
                 "braces.gift");
    REQUIRE(r.questions.size() == 2);
    CHECK(r.skipped == 0);
    const Question& q = r.questions[0].question;
    CHECK(q.type == QuestionType::Numeric);
    // No placeholder is read from it, and drawn it shows exactly what the GIFT file said.
    CHECK(findPlaceholders(q.stem.toPlain()).empty());
    CHECK(findStrayBraces(q.stem.toPlain()).empty());
    Draw draw;
    draw.answer = 5000;
    CHECK(instantiate(q, draw).stem.toPlain() ==
          "How many units of {=x} {weight}? _____ Match {=Heparin -> Protamine}");
}

TEST_CASE("GiftReader: an answer made only of control bytes is no answer", "[import][gift]")
{
    // Found by the GIFT fuzzer: "~\x7F" became an option whose text the writer dropped, and
    // the written pack failed check with an empty <text>.
    const ReadResult r = readGift("::DEL::Pick one. {=right ~\x7F ~other}\n", "del.gift");
    REQUIRE(r.questions.size() == 1);
    const Question& q = r.questions[0].question;
    REQUIRE(q.options.size() == 2);
    for (const Option& option : q.options)
        CHECK_FALSE(option.text.toPlain().empty());
}
