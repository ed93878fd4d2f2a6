#include "core/pack/PackWriter.hpp"

#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;

namespace
{

Pack makePack()
{
    Pack pack;
    pack.id = "org.example.writer";
    pack.version = "1.0.0";
    pack.title = "Writer & <friends>";
    pack.authors.push_back({"Imported", "", "", "", ""});
    pack.license = "LicenseRef-unknown";
    pack.created = "2026-11-25";
    pack.updated = "2026-11-25";
    pack.reviewBy = "2027-11-25";
    Source source;
    source.id = "import-bank";
    source.type = "other";
    source.citation = "Questions imported from bank.xml";
    pack.sources.push_back(source);
    pack.topics.push_back({"pharm", "Pharmacology", "", 0, 0});
    pack.topics.push_back({"pharm.anticoag", "Anticoagulants \"A\"", "pharm", 1, 0});
    pack.topics.push_back({"other", "Other", "", 0, 0});

    Question q;
    q.id = "q1";
    q.type = QuestionType::Multiple;
    q.scoring = ScoringRule::Weighted;
    q.topicId = "pharm.anticoag";
    q.stem.append("Which are ");
    q.stem.append("true", true);
    q.stem.append("?");
    q.shuffle = false;
    q.numbering = "abc";
    for (const char* id : {"a", "b"})
    {
        Option option;
        option.id = id;
        option.text = RichText::fromPlain(std::string("Option ") + id);
        option.rationale = RichText::fromPlain("Because & why");
        option.correct = id[0] == 'a';
        option.weight = id[0] == 'a' ? 100.0 : -33.333333;
        q.options.push_back(option);
    }
    q.refs.push_back({"import-bank", "question \"Q1\"", 0});
    q.tags.push_back("NCLEX");
    Origin origin;
    origin.format = "moodle-xml";
    origin.file = "bank.xml";
    origin.name = "Q1";
    q.origin = origin;
    pack.questions.push_back(q);

    Question tf;
    tf.id = "q2";
    tf.type = QuestionType::TrueFalse;
    tf.topicId = "other";
    tf.stem = RichText::fromPlain("Vitamin K reverses heparin.");
    Option t;
    t.id = "true";
    t.rationale = RichText::fromPlain("No.");
    t.severity = OptionSeverity::Critical;
    Option f;
    f.id = "false";
    f.correct = true;
    f.rationale = RichText::fromPlain("Yes: protamine.");
    tf.options = {t, f};
    tf.refs.push_back({"import-bank", "", 0});
    pack.questions.push_back(tf);
    return pack;
}

} // namespace

TEST_CASE("PackWriter: writes the documented structure with escaping", "[core][writer]")
{
    const std::string xml = writePack(makePack());
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pack formatVersion=\"1\" "
                    "id=\"org.example.writer\" version=\"1.0.0\">",
                    0) == 0);
    CHECK(xml.find("<title>Writer &amp; &lt;friends&gt;</title>") != std::string::npos);
    CHECK(xml.find("<license spdx=\"LicenseRef-unknown\"/>") != std::string::npos);
    CHECK(
        xml.find("<topic id=\"pharm\" title=\"Pharmacology\">\n      <topic id=\"pharm.anticoag\" "
                 "title=\"Anticoagulants &quot;A&quot;\"/>\n    </topic>") != std::string::npos);
    CHECK(xml.find("<question id=\"q1\" type=\"multiple\" topic=\"pharm.anticoag\" "
                   "scoring=\"weighted\">") != std::string::npos);
    CHECK(xml.find("<stem>Which are <b>true</b>?</stem>") != std::string::npos);
    CHECK(xml.find("<options shuffle=\"false\" numbering=\"abc\">") != std::string::npos);
    CHECK(xml.find("<option id=\"b\" weight=\"-33.333333\">") != std::string::npos);
    CHECK(xml.find("<ref source=\"import-bank\" locator=\"question &quot;Q1&quot;\"/>") !=
          std::string::npos);
    CHECK(xml.find("<origin format=\"moodle-xml\" file=\"bank.xml\" name=\"Q1\"/>") !=
          std::string::npos);
    CHECK(xml.find("type=\"truefalse\" topic=\"other\" answer=\"false\">") != std::string::npos);
    CHECK(xml.find("<rationale for=\"true\" severity=\"critical\">No.</rationale>") !=
          std::string::npos);
}

TEST_CASE("PackWriter: output is deterministic and drops control characters", "[core][writer]")
{
    Pack pack = makePack();
    CHECK(writePack(pack) == writePack(pack));
    pack.title = std::string("Bell\x07here");
    CHECK(writePack(pack).find("<title>Bellhere</title>") != std::string::npos);
    CHECK(escapeXmlAttribute("a\tb\nc") == "a&#9;b&#10;c");
}

TEST_CASE("PackWriter: rich text nests styles and writes breaks", "[core][writer]")
{
    RichText text;
    text.append("H");
    text.append("2", false, false, Script::Sub);
    text.append("O ");
    text.append("bold italic", true, true);
    text.appendBreak();
    text.append("x < y");
    CHECK(writeRichText(text) == "H<sub>2</sub>O <b><i>bold italic</i></b><br/>x &lt; y");
}

TEST_CASE("PackWriter: links, topic descriptions and the Moodle penalty are written and read "
          "back",
          "[core][writer][links]")
{
    Pack pack = makePack();
    pack.topics[0].description = "Drugs & doses.";
    Question& q = pack.questions[0];
    q.stem = RichText();
    q.stem.append("See the ");
    q.stem.append("ISMP \"high-alert\" list", false, false, Script::Normal,
                  "https://www.ismp.org/list?a=1&b=\"2\"");
    q.stem.append(" and the ");
    q.stem.append("guide", true, false, Script::Normal, "https://example.org/guide");
    q.stem.append(".");
    q.origin->penalty = "0.3333333";
    pack.questions[1].refs[0].locator = "p. 1"; // makePack() leaves it out; the loader needs it
    const std::string xml = writePack(pack);
    CHECK(xml.find("See the <link href=\"https://www.ismp.org/list?a=1&amp;b=&quot;2&quot;\">ISMP "
                   "\"high-alert\" list</link> and the <link "
                   "href=\"https://example.org/guide\"><b>guide</b></link>.") != std::string::npos);
    CHECK(xml.find("<topic id=\"pharm\" title=\"Pharmacology\">\n      <description>Drugs &amp; "
                   "doses.</description>") != std::string::npos);
    CHECK(xml.find("penalty=\"0.3333333\"") != std::string::npos);

    const LoadResult loaded = PackLoader().loadString(xml, "links.xml");
    std::string errors;
    for (const Diagnostic& d : loaded.diagnostics.getAll())
        errors += d.format() + "\n";
    INFO(errors);
    REQUIRE(loaded.pack);
    CHECK_FALSE(loaded.diagnostics.hasErrors());
    CHECK(loaded.pack->questions[0].stem == q.stem);
    CHECK(loaded.pack->topics[0].description == "Drugs & doses.");
    CHECK(loaded.pack->questions[0].origin->penalty == "0.3333333");
    CHECK(writePack(*loaded.pack) == xml);
    CHECK(withLinkAddresses(q.stem).toPlain() ==
          "See the ISMP \"high-alert\" list (https://www.ismp.org/list?a=1&b=\"2\") and the guide "
          "(https://example.org/guide).");
}
