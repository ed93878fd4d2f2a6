#include "core/import/MoodleReader.hpp"

#include "ImportFixtures.hpp"
#include "core/import/Base64.hpp"
#include "core/import/PackAssembler.hpp"
#include "core/import/TextUtil.hpp"
#include "core/pack/XmlSchema.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace quiz::core::import;
using namespace importtest;

namespace
{

ReadResult readBank()
{
    const std::string path = dataPath("moodle/heparin-bank.xml");
    return readMoodleXml(readBytes(path), path);
}

ReadResult readFixture(const std::string& name)
{
    const std::string path = dataPath("moodle/" + name);
    return readMoodleXml(readBytes(path), path);
}

} // namespace

TEST_CASE("MoodleReader: imports multichoice and truefalse and skips every other type with its "
          "line and reason",
          "[import][moodle]")
{
    const ReadResult r = readBank();
    REQUIRE(r.readable);
    CHECK(r.questions.size() == 7);
    CHECK(r.skipped == 4);
    const Diagnostic* matching = findDiagnostic(r.diagnostics, kCodeUnsupportedType, 270);
    REQUIRE(matching != nullptr);
    CHECK(matching->message.find("'matching'") != std::string::npos);
    CHECK(matching->message.find("Match the drug to its antidote") != std::string::npos);
    CHECK(matching->message.find("; import brings across multiple choice, true/false, numeric, "
                                 "ordering and matching questions") != std::string::npos);
    const Diagnostic* essay = findDiagnostic(r.diagnostics, kCodeUnsupportedType, 294);
    REQUIRE(essay != nullptr);
    CHECK(essay->message.find("type 'essay' is not supported; import brings across " +
                              std::string(kSupportedTypes)) != std::string::npos);
    CHECK(findDiagnostic(r.diagnostics, kCodeUnsupportedType, 315) != nullptr); // cloze
    CHECK(findDiagnostic(r.diagnostics, kCodeUnsupportedType, 344) != nullptr); // description
    // Two answers at 100% on a single-answer question: weighted, each half (issue 14).
    CHECK(findDiagnostic(r.diagnostics, kCodeSkipped, 329) == nullptr);
    const ImportedQuestion* twoRight = findImported(r, "Two fully right answers");
    REQUIRE(twoRight != nullptr);
    CHECK(twoRight->question.scoring == ScoringRule::Weighted);
    CHECK(twoRight->question.options[0].weight == 50.0);
}

TEST_CASE("MoodleReader: maps texts, feedback, hints, tags and categories", "[import][moodle]")
{
    const ReadResult r = readBank();
    const ImportedQuestion* q = findImported(r, "Heparin \xE2\x80\x93 antithrombin");
    REQUIRE(q != nullptr);
    CHECK(q->line == 15);
    CHECK(q->category == std::vector<std::string>{"Heparin", "Mechanism of action"});
    const Question& question = q->question;
    CHECK(question.type == QuestionType::Single);
    CHECK(question.origin->idnumber == "mech-at-01");
    CHECK(question.origin->category == "$course$/top/Heparin/Mechanism of action");
    CHECK(question.stem.toPlain() ==
          "Heparin's anticoagulant effect depends mainly on which plasma protein?");
    CHECK(question.shuffle);
    CHECK(question.numbering == "abc");
    REQUIRE(question.options.size() == 3);
    CHECK(question.options[0].correct);
    CHECK(question.options[2].text.toPlain() == "Vitamin K"); // "Vitamin&nbsp;K" in the export
    CHECK(question.options[0].rationale.toPlain().find("factor Xa") != std::string::npos);
    CHECK(question.explanation.toPlain().find("anticoagulant") != std::string::npos);
    REQUIRE(question.hints.size() == 1);
    CHECK(question.tags ==
          std::vector<std::string>{"mechanism", "NCLEX: Pharmacological therapies"});
    CHECK(question.feedback.size() == 3);

    const ImportedQuestion* labs = findImported(r, "aPTT target");
    REQUIRE(labs != nullptr);
    CHECK(labs->category == std::vector<std::string>{"Heparin", "Monitoring/Labs"});
}

TEST_CASE("MoodleReader: decodes the @@PLUGINFILE@@ image of the question text into the figure",
          "[import][moodle]")
{
    const ReadResult r = readBank();
    const ImportedQuestion* q = findImported(r, "Heparin \xE2\x80\x93 antithrombin");
    REQUIRE(q != nullptr);
    REQUIRE(q->figure);
    CHECK(q->figure->type == ImageType::Png);
    CHECK(q->figure->alt == "Heparin sodium vial, 5,000 units/mL");
    CHECK(q->figure->bytes.size() == 285);

    const ImportedQuestion* site = findImported(r, "Injection site (with extras)");
    REQUIRE(site != nullptr);
    REQUIRE(site->figure);
    CHECK(site->figure->type == ImageType::Jpeg);
    CHECK(site->question.stem.toPlain().find("alert") == std::string::npos);
    CHECK(findDiagnostic(r.diagnostics, kCodeDropped, 249) != nullptr); // the mp3
}

TEST_CASE("MoodleReader: partial and negative credit", "[import][moodle]")
{
    const ReadResult r = readBank();
    const ImportedQuestion* single = findImported(r, "Partial credit: best first action");
    REQUIRE(single != nullptr);
    // Partial credit on a single-answer question is kept as weighted scoring (issue 14).
    CHECK(single->question.type == QuestionType::Multiple);
    CHECK(single->question.scoring == ScoringRule::Weighted);
    CHECK(single->question.options.size() == 3); // the empty answer is dropped, as Moodle does
    CHECK(single->question.points == 2.0);
    CHECK_FALSE(single->question.shuffle);
    const Diagnostic* said = findDiagnostic(r.diagnostics, kCodeDropped, 78);
    REQUIRE(said != nullptr);
    CHECK(said->message.find("(a 66.6666667%, b 33.3333333%)") != std::string::npos);

    const ImportedQuestion* multi = findImported(r, "Select all: signs of bleeding");
    REQUIRE(multi != nullptr);
    const Question& q = multi->question;
    CHECK(q.type == QuestionType::Multiple);
    CHECK(q.scoring == ScoringRule::Weighted);
    REQUIRE(q.options.size() == 4);
    CHECK(q.options[0].weight == 50.0);
    CHECK(q.options[0].correct);
    CHECK(q.options[2].weight == -100.0);
    CHECK_FALSE(q.options[2].correct);
    CHECK(q.numbering == "123");
}

TEST_CASE("MoodleReader: truefalse answers are matched by their text", "[import][moodle]")
{
    const ReadResult r = readBank();
    const ImportedQuestion* q = findImported(r, "aPTT target");
    REQUIRE(q != nullptr);
    CHECK(q->question.type == QuestionType::TrueFalse);
    REQUIRE(q->question.options.size() == 2);
    CHECK(q->question.options[0].id == "true");
    CHECK(q->question.options[0].correct);
    CHECK(q->question.options[1].rationale.toPlain().find("PT/INR") != std::string::npos);

    const std::string swapped = R"(<quiz><question type="truefalse"><name><text>X</text></name>
<questiontext><text>Protamine reverses heparin.</text></questiontext>
<answer fraction="0"><text>false</text></answer>
<answer fraction="100"><text>true</text></answer></question></quiz>)";
    const ReadResult s = readMoodleXml(swapped, "swapped.xml");
    REQUIRE(s.questions.size() == 1);
    CHECK(s.questions[0].question.options[0].correct);

    const std::string localised = R"(<quiz><question type="truefalse"><name><text>Y</text></name>
<questiontext><text>Heparin is a vitamin.</text></questiontext>
<answer fraction="0"><text>Vrai</text></answer>
<answer fraction="100"><text>Faux</text></answer></question></quiz>)";
    const ReadResult l = readMoodleXml(localised, "localised.xml");
    REQUIRE(l.questions.size() == 1);
    CHECK_FALSE(l.questions[0].question.options[0].correct);
    CHECK(findDiagnostic(l.diagnostics, kCodeDropped, 1) != nullptr);
}

TEST_CASE("MoodleReader: plain_text stays literal", "[import][moodle]")
{
    const ReadResult r = readBank();
    const ImportedQuestion* q = findImported(r, "Platelet count");
    REQUIRE(q != nullptr);
    CHECK(q->question.stem.toPlain().find("fall by > 50%") != std::string::npos);
    CHECK(q->question.options[0].rationale.isEmpty());
}

TEST_CASE("MoodleReader: refuses files that are not Moodle XML or are unsafe",
          "[import][moodle][security]")
{
    const ReadResult wrongRoot = readMoodleXml("<pack/>", "p.xml");
    CHECK_FALSE(wrongRoot.readable);
    CHECK(findDiagnostic(wrongRoot.diagnostics, kCodeFile, 1) != nullptr);

    const ReadResult doctype = readMoodleXml(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY a \"aaaa\">]>\n<quiz>&a;</quiz>",
        "d.xml");
    CHECK_FALSE(doctype.readable);
    CHECK(doctype.diagnostics.hasErrors());

    ReadLimits limits;
    limits.maxFileBytes = 100;
    const ReadResult big =
        readMoodleXml("<quiz>" + std::string(200, ' ') + "</quiz>", "b.xml", limits);
    CHECK_FALSE(big.readable);
}

TEST_CASE("MoodleReader: bad base64, fake images and bombs are dropped with a warning",
          "[import][moodle][security]")
{
    const std::string xml = R"(<quiz><question type="multichoice"><name><text>Q</text></name>
<questiontext format="html"><text><![CDATA[<p>Pick one.<img src="@@PLUGINFILE@@/../../etc/passwd" alt="x"></p>]]></text>
<file name="../../etc/passwd" path="/" encoding="base64">cm9vdDp4OjA6MDo=</file></questiontext>
<answer fraction="100"><text>A</text></answer><answer fraction="0"><text>B</text></answer>
</question></quiz>)";
    const ReadResult r = readMoodleXml(xml, "evil.xml");
    REQUIRE(r.questions.size() == 1);
    CHECK_FALSE(r.questions[0].figure);
    const Diagnostic* d = findDiagnostic(r.diagnostics, kCodeImage, 2);
    REQUIRE(d != nullptr);
    CHECK(d->message.find("not a PNG") != std::string::npos);

    const std::string badBase64 = R"(<quiz><question type="multichoice"><name><text>Q</text></name>
<questiontext format="html"><text><![CDATA[Pick.<img src="@@PLUGINFILE@@/a.png">]]></text>
<file name="a.png" path="/" encoding="base64">iVBOR$$$</file></questiontext>
<answer fraction="100"><text>A</text></answer><answer fraction="0"><text>B</text></answer>
</question></quiz>)";
    const ReadResult b = readMoodleXml(badBase64, "b.xml");
    REQUIRE(b.questions.size() == 1);
    CHECK_FALSE(b.questions[0].figure);
    CHECK(findDiagnostic(b.diagnostics, kCodeImage, 0)->message.find("base64") !=
          std::string::npos);
}

TEST_CASE("MoodleReader: category paths, flags and grades follow Moodle's rules",
          "[import][moodle]")
{
    CHECK(splitCategoryPath("$course$/top/Pharmacology/Cardiac//Renal drugs") ==
          std::vector<std::string>{"Pharmacology", "Cardiac/Renal drugs"});
    CHECK(splitCategoryPath("$cat1$/top/top/ A /") == std::vector<std::string>{"A"});
    CHECK(splitCategoryPath("Default for Course").size() == 1);
    CHECK(moodleFlag("1"));
    CHECK(moodleFlag("true"));
    CHECK(moodleFlag("False")); // case-sensitive, as in Moodle
    CHECK_FALSE(moodleFlag("false"));
    CHECK_FALSE(moodleFlag(" 0 "));
    CHECK_FALSE(moodleFlag(""));
    CHECK(isMoodleGrade(33.33333));
    CHECK(isMoodleGrade(-50));
    CHECK_FALSE(isMoodleGrade(33));
}

TEST_CASE("MoodleReader: a defaultgrade above a pack's largest points is kept at the largest, "
          "with a warning at its line",
          "[import][moodle]")
{
    const std::string xml = R"(<quiz><question type="truefalse"><name><text>Q</text></name>
<questiontext format="html"><text>Heparin is an anticoagulant.</text></questiontext>
<defaultgrade>100000</defaultgrade>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
</question><question type="truefalse"><name><text>R</text></name>
<questiontext format="html"><text>Heparin dissolves clots.</text></questiontext>
<defaultgrade>2.5</defaultgrade>
<answer fraction="0"><text>true</text></answer><answer fraction="100"><text>false</text></answer>
</question></quiz>)";
    const ReadResult r = readMoodleXml(xml, "grades.xml");
    REQUIRE(r.questions.size() == 2);
    CHECK(r.questions[0].question.points == kMaxPositiveNumber);
    CHECK(r.questions[1].question.points == 2.5);
    const Diagnostic* d = findDiagnostic(r.diagnostics, kCodeDropped, 3);
    REQUIRE(d != nullptr);
    CHECK(d->message.find("defaultgrade 100000") != std::string::npos);
    CHECK(findDiagnostic(r.diagnostics, kCodeDropped, 7) == nullptr);
}

TEST_CASE("MoodleReader: legacy <image_base64>, file subfolders and warning lines inside texts",
          "[import][moodle]")
{
    const std::string png = readBytes(dataPath("qti/v21/vial.png"));
    std::string encoded;
    {
        static const char* kAlphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (std::size_t i = 0; i < png.size(); i += 3)
        {
            unsigned chunk = static_cast<unsigned char>(png[i]) << 16U;
            if (i + 1 < png.size())
                chunk |= static_cast<unsigned>(static_cast<unsigned char>(png[i + 1])) << 8U;
            if (i + 2 < png.size())
                chunk |= static_cast<unsigned char>(png[i + 2]);
            encoded += kAlphabet[(chunk >> 18U) & 63U];
            encoded += kAlphabet[(chunk >> 12U) & 63U];
            encoded += i + 1 < png.size() ? kAlphabet[(chunk >> 6U) & 63U] : '=';
            encoded += i + 2 < png.size() ? kAlphabet[chunk & 63U] : '=';
            if (i % 57 == 54)
                encoded += '\n';
        }
    }
    const std::string legacy =
        "<quiz>\n<question type=\"multichoice\"><name><text>Old</text></name>\n"
        "<questiontext format=\"html\"><text>Which vial?</text></questiontext>\n"
        "<image>vial.png</image>\n<image_base64>" +
        encoded +
        "</image_base64>\n"
        "<answer fraction=\"100\"><text>A</text></answer>"
        "<answer fraction=\"0\"><text>B</text></answer></question>\n"
        "<question type=\"multichoice\"><name><text>Sub</text></name>\n"
        "<questiontext format=\"html\"><text><![CDATA[<p>Which?</p>\n\n"
        "<script>x()</script><img src=\"@@PLUGINFILE@@/my%20folder/v.png\" "
        "alt=\"V\">]]></text>\n"
        "<file name=\"v.png\" path=\"/my folder/\" encoding=\"base64\">" +
        encoded +
        "</file></questiontext>\n"
        "<answer fraction=\"100\"><text>A</text></answer>"
        "<answer fraction=\"0\"><text>B</text></answer></question></quiz>";
    const ReadResult r = readMoodleXml(legacy, "legacy.xml");
    REQUIRE(r.questions.size() == 2);
    REQUIRE(r.questions[0].figure);
    CHECK(r.questions[0].figure->bytes == png);
    REQUIRE(r.questions[1].figure);
    CHECK(r.questions[1].figure->alt == "V");
    // The warning names the line of the <script> itself, two lines below its <text>.
    const Diagnostic* script =
        findDiagnostic(r.diagnostics, kCodeDropped, lineOfOffset(legacy, legacy.find("<script>")));
    REQUIRE(script != nullptr);
    CHECK(script->message.find("<script>") != std::string::npos);
}

TEST_CASE("MoodleReader: every category is kept, empty ones too, with its description",
          "[import][moodle][topics]")
{
    const ReadResult r = readFixture("categories.xml");
    REQUIRE(r.readable);
    REQUIRE(r.categories.size() == 4);
    CHECK(r.categories[0].path == std::vector<std::string>{"Heparin"});
    CHECK(r.categories[0].description == "Unfractionated heparin and LMWH for adult inpatients.");
    CHECK(r.categories[2].path == std::vector<std::string>{"Heparin", "Reversal"});
    CHECK(r.categories[2].description ==
          "Protamine dosing. Questions to follow after the pharmacy review.");
    CHECK(r.categories[3].line == 66);
    CHECK(r.categories[3].description.empty());
    // What a topic cannot hold is said: the bold of the first, the idnumber "hep".
    const Diagnostic* bold = findDiagnostic(r.diagnostics, kCodeDropped, 8);
    REQUIRE(bold != nullptr);
    CHECK(bold->message.find("category '$course$/top/Heparin': a topic description is plain "
                             "text") == 0);
    const Diagnostic* idnumber = findDiagnostic(r.diagnostics, kCodeDropped, 4);
    REQUIRE(idnumber != nullptr);
    CHECK(idnumber->message.find("idnumber 'hep' was dropped") != std::string::npos);
}

TEST_CASE("MoodleReader: partial credit and several full-credit answers on a single-answer "
          "question become weighted scoring, and the penalty is kept",
          "[import][moodle][credit]")
{
    const ReadResult r = readFixture("credit-and-links.xml");
    const ImportedQuestion* partial = findImported(r, "First action: aPTT above range");
    REQUIRE(partial != nullptr);
    const Question& p = partial->question;
    CHECK(p.type == QuestionType::Multiple);
    CHECK(p.scoring == ScoringRule::Weighted);
    REQUIRE(p.options.size() == 3);
    CHECK(p.options[0].weight == Approx(66.666667));
    CHECK(p.options[1].weight == Approx(33.333333));
    CHECK(p.options[0].correct);
    CHECK(p.options[1].correct);
    CHECK_FALSE(p.options[2].correct);
    CHECK(p.origin->penalty == "0.1000000");
    const Diagnostic* said = findDiagnostic(r.diagnostics, kCodeDropped, 15);
    REQUIRE(said != nullptr);
    CHECK(said->message.find("scoring=\"weighted\" (a 66.6666667%, b 33.3333333%)") !=
          std::string::npos);

    const ImportedQuestion* sites = findImported(r, "Sites for subcutaneous heparin");
    REQUIRE(sites != nullptr);
    CHECK(sites->question.type == QuestionType::Multiple);
    CHECK(sites->question.scoring == ScoringRule::Weighted);
    CHECK(sites->question.options[0].weight == 50.0);
    CHECK(sites->question.options[1].weight == 50.0);
    CHECK(sites->question.options[2].weight == 0.0);
    CHECK(sites->question.origin->penalty == "0.3333333");
}

TEST_CASE("MoodleReader: more than 10 answers is skipped saying why", "[import][moodle][credit]")
{
    const ReadResult r = readFixture("credit-and-links.xml");
    CHECK(findImported(r, "Starting rate by weight") != nullptr); // the reader keeps it ...
    AssembleOptions options;
    options.today = "2026-11-25";
    const AssembleResult assembled = assemblePack({r}, std::nullopt, options);
    const Diagnostic* skipped = findDiagnostic(assembled.diagnostics, kCodeSkipped, 84);
    REQUIRE(skipped != nullptr); // ... the pack cannot hold it
    CHECK(skipped->message.find("it has 12 answers; a pack question holds 10 at most") !=
          std::string::npos);
}

TEST_CASE("MoodleReader: links are kept as links, images that cannot come are named with "
          "their question",
          "[import][moodle][links]")
{
    const ReadResult r = readFixture("credit-and-links.xml");
    const ImportedQuestion* sites = findImported(r, "Sites for subcutaneous heparin");
    REQUIRE(sites != nullptr);
    const RichText& stem = sites->question.stem;
    std::string linked;
    for (const TextRun& run : stem.runs)
    {
        if (!run.link.empty())
            linked += run.text + "=" + run.link + ";";
    }
    CHECK(linked ==
          "ISMP high-alert list=https://www.ismp.org/recommendations/high-alert-medications-"
          "acute-list;");
    CHECK(withLinkAddresses(stem).toPlain().find(
              "See the ISMP high-alert list "
              "(https://www.ismp.org/recommendations/high-alert-medications-acute-list) and "
              "the ward protocol.") != std::string::npos);
    bool pluginLink = false;
    bool image = false;
    for (const Diagnostic& d : r.diagnostics.getAll())
    {
        pluginLink = pluginLink || d.message.find("link to '@@PLUGINFILE@@/ward%20protocol.pdf' "
                                                  "dropped") != std::string::npos;
        image = image || (d.code == kCodeImage &&
                          d.message.find("question 'Sites for subcutaneous heparin': image "
                                         "'images/injection-sites.png'") == 0);
    }
    CHECK(pluginLink);
    CHECK(image);
}

TEST_CASE("MoodleReader: images refused by the caps are reported with their question",
          "[import][moodle][image]")
{
    const std::string png = encodeBase64(readBytes(dataPath("qti/v21/vial.png")));
    const auto question =
        [&](const std::string& name, const std::string& file, const std::string& payload)
    {
        return "<question type=\"truefalse\"><name><text>" + name +
               "</text></name><questiontext format=\"html\"><text><![CDATA[<p>Is it?<img "
               "src=\"@@PLUGINFILE@@/" +
               file + "\" alt=\"a vial\"></p>]]></text><file name=\"" + file +
               "\" path=\"/\" encoding=\"base64\">" + payload +
               "</file></questiontext><answer fraction=\"100\"><text>true</text></answer>"
               "<answer fraction=\"0\"><text>false</text></answer></question>\n";
    };
    const std::string xml =
        "<quiz>\n" + question("First vial", "a.png", png) + question("Second vial", "b.png", png) +
        question("Not a picture", "c.png", encodeBase64("plain text")) + "</quiz>\n";
    ReadLimits limits;
    limits.maxImageBytesTotal = readBytes(dataPath("qti/v21/vial.png")).size() + 10;
    const ReadResult r = readMoodleXml(xml, "caps.xml", limits);
    REQUIRE(r.questions.size() == 3);
    CHECK(r.questions[0].figure);
    CHECK_FALSE(r.questions[1].figure);
    CHECK_FALSE(r.questions[2].figure);
    std::vector<std::string> images;
    for (const Diagnostic& d : r.diagnostics.getAll())
    {
        if (d.code == kCodeImage)
            images.push_back(d.message);
    }
    REQUIRE(images.size() == 2);
    // The total cap and the image check both say whose image it was.
    CHECK(images[0].rfind("question 'Second vial': image '@@PLUGINFILE@@/b.png' dropped: the "
                          "images of 'caps.xml' exceed",
                          0) == 0);
    CHECK(images[1].rfind("question 'Not a picture': image '@@PLUGINFILE@@/c.png' dropped: ", 0) ==
          0);
}
