#include "ImportFixtures.hpp"
#include "app/commands/CommandLine.hpp"
#include "core/pack/PackChecker.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <sys/stat.h>

using namespace importtest;
namespace fs = std::filesystem;

namespace
{

struct Run
{
    int exit = -1;
    std::string out;
    std::string err;
};

/// Runs `heparin-quiz COMMAND ARGS...` in process, through the real command line.
Run run(const std::string& command, std::vector<std::string> args)
{
    args.insert(args.begin(), command);
    std::ostringstream out;
    std::ostringstream err;
    quiz::app::CommandContext context;
    context.today = "2026-11-25";
    context.out = &out;
    context.err = &err;
    Run result;
    result.exit = quiz::app::runCommandLine(args, context, nullptr);
    result.out = out.str();
    result.err = err.str();
    return result;
}

} // namespace

TEST_CASE("import command: exit 1 when some questions were skipped, each one explained",
          "[import][cli]")
{
    const fs::path dir = freshDir("cli-moodle");
    const std::string out = (dir / "bank.xml").string();
    const Run r = run("import", {dataPath("moodle/heparin-bank.xml"), "-o", out, "--pack-id",
                                 "edu.example.heparin", "--title", "Heparin bank"});
    CHECK(r.exit == 1);
    CHECK(r.out.find("imported 7 question(s)") != std::string::npos);
    CHECK(r.out.find("4 skipped") != std::string::npos);
    CHECK(r.err.find("heparin-bank.xml:270: warning: skipped question 'Match the drug to its "
                     "antidote': type 'matching' is not supported") != std::string::npos);
    CHECK(r.err.find("error:") == std::string::npos);
    quiz::core::CheckOptions options;
    options.today = "2026-11-25";
    const quiz::core::CheckedPack checked = quiz::core::loadAndCheck(out, options);
    REQUIRE(checked.pack);
    CHECK(checked.pack->id == "edu.example.heparin");
    CHECK(checked.pack->title == "Heparin bank");
    CHECK(fs::is_directory(dir / "images"));
}

TEST_CASE("import command: exit 0 when everything came across, and re-import updates in place",
          "[import][cli]")
{
    const fs::path dir = freshDir("cli-qti");
    const std::string out = (dir / "antidote.xml").string();
    const std::string input = dataPath("qti/v21/protamine.xml");
    const Run first = run("import", {"--from", "qti", input, "--output", out});
    CHECK(first.exit == 0);
    CHECK(first.out.find("1 new, 0 updated") != std::string::npos);
    const Run second = run("import", {input, "-o", out});
    CHECK(second.exit == 0);
    CHECK(second.out.find("0 new, 1 updated") != std::string::npos);
}

TEST_CASE("import command: exit 2 when nothing could be read or the command line is wrong",
          "[import][cli]")
{
    const fs::path dir = freshDir("cli-bad");
    const std::string out = (dir / "x.xml").string();
    const Run missing = run("import", {(dir / "nope.xml").string(), "-o", out});
    CHECK(missing.exit == 2);
    CHECK(missing.err.find("nothing could be read") != std::string::npos);
    CHECK_FALSE(fs::exists(out));

    CHECK(run("import", {dataPath("gift/heparin.gift")}).exit == 2); // no -o
    CHECK(run("import", {"--from", "aiken", dataPath("gift/heparin.gift"), "-o", out}).exit == 2);
    CHECK(run("import", {"--pack-id", "Bad Id", dataPath("gift/heparin.gift"), "-o", out}).exit ==
          2);

    // An existing OUT that is not a pack is never overwritten.
    {
        std::ofstream junk(out);
        junk << "not a pack";
    }
    const Run guarded = run("import", {dataPath("gift/heparin.gift"), "-o", out});
    CHECK(guarded.exit == 2);
    CHECK(readBytes(out) == "not a pack");
}

std::size_t questionCount(const std::string& pack)
{
    const std::string xml = readBytes(pack);
    std::size_t count = 0;
    for (std::size_t at = xml.find("<question "); at != std::string::npos;
         at = xml.find("<question ", at + 1))
        ++count;
    return count;
}

TEST_CASE("import command: next week's Moodle export, named after its date, updates the bank in "
          "place",
          "[import][cli][reimport]")
{
    const fs::path dir = freshDir("cli-renamed");
    const std::string out = (dir / "bank.xml").string();
    const fs::path week1 = dir / "questions-NURS101-Heparin-20261118-0900.xml";
    const fs::path week2 = dir / "questions-NURS101-Heparin-20261125-0915.xml";
    fs::copy_file(dataPath("moodle/heparin-bank.xml"), week1);
    const Run first = run("import", {week1.string(), "-o", out});
    CHECK(first.out.find("7 new, 0 updated") != std::string::npos);
    fs::rename(week1, week2);
    const Run second = run("import", {week2.string(), "-o", out});
    INFO(second.out << second.err);
    CHECK(second.out.find("0 new, 7 updated") != std::string::npos);
    CHECK(questionCount(out) == 7);
    // The questions now cite this week's file; last week's generated source is gone.
    const std::string xml = readBytes(out);
    CHECK(xml.find("20261125-0915.xml (Moodle XML)") != std::string::npos);
    CHECK(xml.find("20261118-0900.xml (Moodle XML)") == std::string::npos);
}

TEST_CASE("import command: export-moodle then import into the same pack updates in place",
          "[import][cli][reimport]")
{
    const fs::path dir = freshDir("cli-roundtrip");
    const std::string pack = (dir / "bank.xml").string();
    REQUIRE(run("import", {dataPath("moodle/heparin-bank.xml"), "-o", pack}).exit == 1);
    const std::string moodle = (dir / "moodle.xml").string();
    REQUIRE(run("export-moodle", {pack, "-o", moodle}).exit == 0);
    const Run back = run("import", {moodle, "-o", pack});
    INFO(back.out << back.err);
    CHECK(back.out.find("0 new, 7 updated") != std::string::npos);
    CHECK(questionCount(pack) == 7);

    // A pack written by hand has no origins: its ids, written as idnumbers, bring it home.
    const std::string shipped = (dir / "essentials.xml").string();
    fs::copy_file(std::string(QUIZ_SOURCE_DIR) + "/questions/heparin-essentials.xml", shipped);
    const std::size_t count = questionCount(shipped);
    REQUIRE(count > 0);
    const std::string exported = (dir / "essentials-moodle.xml").string();
    REQUIRE(run("export-moodle", {shipped, "-o", exported}).exit == 0);
    const Run home = run("import", {exported, "-o", shipped});
    INFO(home.out << home.err);
    CHECK(home.out.find("0 new, " + std::to_string(count) + " updated") != std::string::npos);
    CHECK(questionCount(shipped) == count);
}

TEST_CASE("export-moodle command: writes Moodle XML with categories and embedded images",
          "[import][cli]")
{
    const fs::path dir = freshDir("cli-export");
    const std::string pack = (dir / "bank.xml").string();
    REQUIRE(run("import", {dataPath("moodle/heparin-bank.xml"), "-o", pack}).exit == 1);
    const std::string moodle = (dir / "moodle.xml").string();
    const Run r = run("export-moodle", {pack, "-o", moodle});
    CHECK(r.exit == 0);
    CHECK(r.out.find("exported 7 question(s)") != std::string::npos);
    const std::string xml = readBytes(moodle);
    CHECK(xml.find("<category><text>$course$/top/Heparin/Monitoring//Labs</text></category>") !=
          std::string::npos);
    CHECK(xml.find("encoding=\"base64\">iVBORw0KGgo") != std::string::npos);
    CHECK(xml.find("<answer fraction=\"-100\" format=\"html\">") != std::string::npos);

    const std::string broken = (dir / "broken.xml").string();
    {
        std::ofstream out(broken);
        out << "<pack/>";
    }
    CHECK(run("export-moodle", {broken, "-o", (dir / "m2.xml").string()}).exit == 1);
    CHECK(run("export-moodle", {pack}).exit == 2);
}

TEST_CASE("import command: -o into a new folder works without images, and names lose their "
          "HTML tags",
          "[import][cli]")
{
    const fs::path dir = freshDir("cli-new-folder");
    const std::string out = (dir / "packs" / "heparin" / "reversal.xml").string();
    const Run r = run("import", {dataPath("gift/moodle-export.gift"), "-o", out});
    INFO(r.out << r.err);
    CHECK(r.out.find("imported 5 question(s)") != std::string::npos);
    CHECK(r.out.find("0 image(s)") != std::string::npos);
    REQUIRE(fs::exists(out));
    quiz::core::CheckOptions options;
    options.today = "2026-11-25";
    const quiz::core::CheckedPack checked = quiz::core::loadAndCheck(out, options);
    REQUIRE(checked.pack);
    const quiz::core::Question* target = checked.pack->findQuestion("aptt-target");
    REQUIRE(target != nullptr);
    CHECK(target->origin->name == "aPTT target");
    CHECK(readBytes(out).find("&lt;b&gt;") == std::string::npos);
}

TEST_CASE("import command: the pack it writes has the mode the umask gives, not 0600",
          "[import][cli]")
{
    const fs::path dir = freshDir("cli-umask");
    const std::string out = (dir / "bank.xml").string();
    const mode_t saved = ::umask(022);
    const Run r = run("import", {dataPath("qti/v21/protamine.xml"), "-o", out});
    ::umask(027);
    const std::string other = (dir / "other.xml").string();
    const Run r2 = run("import", {dataPath("qti/v21/protamine.xml"), "-o", other});
    ::umask(saved);
    REQUIRE(r.exit == 0);
    REQUIRE(r2.exit == 0);
    using fs::perms;
    const perms mask = perms::owner_all | perms::group_all | perms::others_all;
    CHECK((fs::status(out).permissions() & mask) ==
          (perms::owner_read | perms::owner_write | perms::group_read | perms::others_read));
    CHECK((fs::status(other).permissions() & mask) ==
          (perms::owner_read | perms::owner_write | perms::group_read));
    for (const fs::directory_entry& image : fs::directory_iterator(dir / "images"))
        CHECK((image.status().permissions() & perms::group_read) == perms::group_read);
}

TEST_CASE("import command: QTI 1.2 (Canvas, Blackboard) is refused as QTI 1.2, a BOM "
          "notwithstanding",
          "[import][cli][qti]")
{
    const fs::path dir = freshDir("cli-qti12");
    const std::string out = (dir / "x.xml").string();
    const std::string expected = "QTI 1.2 (questestinterop) is not supported; export the "
                                 "questions as QTI 2.1, Moodle XML or GIFT instead";
    for (const std::string& input :
         {dataPath("qti/v12/pool-with-bom.xml"), dataPath("qti/v12/canvas-export"),
          dataPath("qti/v12/canvas-export/imsmanifest.xml")})
    {
        const Run r = run("import", {input, "-o", out});
        INFO(input << "\n" << r.err);
        CHECK(r.exit == 2);
        CHECK(r.err.find(expected) != std::string::npos);
        CHECK(r.err.find("answer block") == std::string::npos); // not read as GIFT
        CHECK_FALSE(fs::exists(out));
    }
}

namespace
{

/// A GIFT bank of `count` questions, each with its own name and no feedback (a generated-
/// rationale warning each), whose texts may all carry the same <script> (the same warning at
/// every question's line), and an essay whose name runs over two lines.
std::string floodGift(int count, bool script)
{
    std::string gift = "$CATEGORY: $course$/top/Flood\n\n";
    for (int i = 0; i < count; ++i)
        gift += "::Dose " + std::to_string(i) + "::[html]<p>Which dose for patient " +
                std::to_string(i) + "?</p>" + (script ? "<script>track()</script>" : "") +
                "{=5000 units ~6000 units}\n\n";
    return gift + "::Essay\nacross lines::Describe HIT. {}\n";
}

/// Runs an import of `gift` and checks that every line of standard error is one finding,
/// "PATH[:LINE]: warning|error: ...", or a line of the command's own.
Run importFlood(const fs::path& dir, const std::string& gift)
{
    const fs::path input = dir / "flood.gift";
    {
        std::ofstream file(input);
        file << gift;
    }
    const Run r = run("import", {input.string(), "-o", (dir / "flood.xml").string()});
    std::istringstream lines(r.err);
    std::string line;
    while (std::getline(lines, line))
    {
        INFO(line);
        // A finding about the input or about the pack written beside it.
        const bool finding =
            line.rfind(dir.string(), 0) == 0 && (line.find(": warning: ") != std::string::npos ||
                                                 line.find(": error: ") != std::string::npos ||
                                                 line.find(": ... and ") != std::string::npos);
        CHECK((finding || line.rfind("heparin-quiz import", 0) == 0));
    }
    return r;
}

std::size_t countOf(const std::string& text, const std::string& part)
{
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

} // namespace

TEST_CASE("import command: diagnostics are one line each and repeats are counted", "[import][cli]")
{
    const Run r = importFlood(freshDir("cli-flood"), floodGift(150, true));
    INFO(r.err.substr(0, 2000));
    CHECK(r.exit == 1);
    CHECK(countOf(r.err, "<script> dropped") == 1);
    CHECK(r.err.find(":3: warning: <script> dropped with its content [import-dropped] (150 "
                     "times; also at line 5, 7, 9, 11, 13 and 144 more)") != std::string::npos);
    CHECK(r.err.find("skipped question 'Essay across lines'") != std::string::npos);
}

TEST_CASE("import command: findings past the cap are counted under the command's name, never "
          "an empty path",
          "[import][cli]")
{
    const Run r = importFlood(freshDir("cli-flood-cap"), floodGift(260, false));
    CHECK(r.err.find("heparin-quiz import: ... and ") != std::string::npos);
    CHECK(r.err.find("\n: ... and") == std::string::npos);
    CHECK(r.err.rfind(": ... and", 0) != 0);
}

namespace
{

/// A pack whose numeric questions use what Moodle has no field for: `{=EXPR|D}` rounding in
/// every kind of text, critical mistakes, a plausible range, a case with a figure and a
/// question with a figure of its own inside it, and a fixed-value answer with more decimal
/// places than its value shows.
const char* const kMoodleLossPack = R"(<?xml version="1.0" encoding="UTF-8"?>
<pack formatVersion="1.1" id="org.example.moodle-loss" version="1.0.0" lang="en">
  <title>Numeric questions for the Moodle round trip</title>
  <author name="A. Author"/>
  <license spdx="CC-BY-4.0"/>
  <dates created="2026-11-01" reviewBy="2099-11-01"/>
  <sources>
    <source id="label" type="label">Heparin Sodium Injection, US prescribing information.</source>
  </sources>
  <topics>
    <topic id="dc" title="Dose calculation"/>
  </topics>
  <questions>
    <case id="case-drip" topic="dc">
      <title>Infusion by the nomogram</title>
      <vary name="kg" from="60" to="90" step="10" unit="kg"/>
      <stem>A {kg} kg patient starts on 18 units/kg/h ({=kg*18|0} units/h) from a 100 units/mL bag.</stem>
      <figure src="nomogram.png" alt="The weight-based nomogram"/>
      <question id="dc-301" type="numeric" topic="dc">
        <stem>What rate do you set? The pump shows {=kg*18/100|1} as a guide.</stem>
        <answer formula="kg*18/100" unit="mL/h" round="1" min="10.8" max="16.2"/>
        <mistake formula="kg*18/10" severity="critical">{=kg*18/10|1} mL/h runs {=kg*18|0} units/h ten times over.</mistake>
        <mistake formula="kg*18">You set the dose in units/h as the rate.</mistake>
        <explanation>{=kg*18|0} units/h / 100 units/mL = {=kg*18/100|2} mL/h, set as {=kg*18/100|1} mL/h.</explanation>
        <hint>Start from {=kg*18|0} units/h and divide.</hint>
        <feedback on="incorrect">Check the hourly dose first: {=kg*18|0} units/h.</feedback>
        <figure src="vial.png" alt="The bag's label"/>
        <ref source="label" locator="2.3"/>
      </question>
      <question id="dc-302" type="numeric" topic="dc">
        <stem>How many units run in 2 hours?</stem>
        <answer formula="kg*36" unit="units" round="0" min="2160" max="3240"/>
        <mistake formula="kg*18" severity="critical">That is one hour: {=kg*18|0} units.</mistake>
        <ref source="label" locator="2.3"/>
      </question>
    </case>
    <question id="dc-303" type="numeric" topic="dc">
      <stem>A vial holds 5,000 units in 1 mL. How many mL hold 20,000 units?</stem>
      <answer value="4" unit="mL" round="2" min="1" max="10"/>
      <mistake value="40" severity="critical">Ten times the dose: you read 500 units/mL.</mistake>
      <feedback on="correct">Right: 20,000 / 5,000 = 4.</feedback>
      <ref source="label" locator="2.3"/>
    </question>
  </questions>
</pack>
)";

std::string errorText(const quiz::core::CheckedPack& checked)
{
    std::string text;
    for (const quiz::core::Diagnostic& d : checked.diagnostics.getAll())
        text += d.format() + "\n";
    return text;
}

} // namespace

TEST_CASE("export-moodle then import keeps a numeric question's rounding, critical mistakes, "
          "range and figures",
          "[import][cli][moodle][numeric]")
{
    using namespace quiz::core;
    const fs::path dir = freshDir("cli-numeric-loss");
    const fs::path packDir = dir / "pack";
    fs::create_directories(packDir);
    const std::string pack = (packDir / "dose.xml").string();
    std::ofstream(pack, std::ios::binary) << kMoodleLossPack;
    const std::string nomogram =
        std::string(QUIZ_TEST_DATA_DIR) + "/ui/packs/figures/aptt-trend.png";
    const std::string vial = dataPath("qti/v21/vial.png");
    fs::copy_file(nomogram, packDir / "nomogram.png");
    fs::copy_file(vial, packDir / "vial.png");
    CheckOptions options;
    options.today = "2026-11-25";
    const CheckedPack original = loadAndCheck(pack, options);
    INFO(errorText(original));
    REQUIRE(original.pack);

    const std::string moodle = (dir / "moodle.xml").string();
    const Run exported = run("export-moodle", {pack, "-o", moodle});
    INFO(exported.err);
    REQUIRE(exported.exit == 0);
    // What cannot come across (the case as a unit) is said, naming its questions.
    CHECK(exported.err.find("case 'case-drip' (questions 'dc-301', 'dc-302')") !=
          std::string::npos);
    CHECK(exported.err.find("critical severity") == std::string::npos);
    const std::string xml = readBytes(moodle);
    // Moodle holds both figures in the question text, the case's first.
    CHECK(xml.find("@@PLUGINFILE@@/nomogram.png") < xml.find("@@PLUGINFILE@@/vial.png"));

    const std::string imported = (dir / "back" / "dose.xml").string();
    const Run back = run("import", {moodle, "-o", imported});
    INFO(back.out << back.err);
    REQUIRE(back.exit <= 1);
    const CheckedPack again = loadAndCheck(imported, options);
    INFO(errorText(again));
    REQUIRE(again.pack);
    REQUIRE(again.pack->questions.size() == 3);

    for (const char* id : {"dc-301", "dc-302", "dc-303"})
    {
        INFO(id);
        const Question* x = original.pack->findQuestion(id);
        const Question* y = again.pack->findQuestion(id);
        REQUIRE(x != nullptr);
        REQUIRE(y != nullptr);
        REQUIRE(y->numeric);
        // The question's own stem, its rounding included, closes the text; a case's stem
        // (with its rounding) opens it.
        const std::string stem = x->stem.toPlain();
        const std::string backStem = y->stem.toPlain();
        REQUIRE(backStem.size() >= stem.size());
        CHECK(backStem.substr(backStem.size() - stem.size()) == stem);
        if (!x->caseId.empty())
            CHECK(backStem.find("({=kg*18|0} units/h)") != std::string::npos);
        CHECK(y->explanation == x->explanation);
        CHECK(y->hints == x->hints);
        REQUIRE(y->feedback.size() == x->feedback.size());
        for (std::size_t i = 0; i < x->feedback.size(); ++i)
        {
            CHECK(y->feedback[i].on == x->feedback[i].on);
            CHECK(y->feedback[i].text == x->feedback[i].text);
        }
        CHECK(y->numeric->formula == x->numeric->formula);
        CHECK(y->numeric->round == x->numeric->round);
        CHECK(y->numeric->min == x->numeric->min);
        CHECK(y->numeric->max == x->numeric->max);
        REQUIRE(y->mistakes.size() == x->mistakes.size());
        for (std::size_t i = 0; i < x->mistakes.size(); ++i)
        {
            CHECK(y->mistakes[i].rationale == x->mistakes[i].rationale);
            CHECK(y->mistakes[i].severity == x->mistakes[i].severity);
        }
    }
    // A question with a figure of its own keeps it; one without shows its case's.
    const std::string backDir = (dir / "back").string();
    const Question* own = again.pack->findQuestion("dc-301");
    const Question* fromCase = again.pack->findQuestion("dc-302");
    REQUIRE(own->figure);
    REQUIRE(fromCase->figure);
    CHECK(readBytes(backDir + "/" + own->figure->src) == readBytes(vial));
    CHECK(own->figure->alt == "The bag's label");
    CHECK(readBytes(backDir + "/" + fromCase->figure->src) == readBytes(nomogram));
    CHECK(fromCase->figure->alt == "The weight-based nomogram");
    CHECK_FALSE(again.pack->findQuestion("dc-303")->figure);

    // Imported into the pack it came from, the case's questions go back into the case: the
    // text that opened them is taken off, and nothing else changes.
    const Run home = run("import", {moodle, "-o", pack});
    INFO(home.out << home.err);
    CHECK(home.out.find("0 new, 3 updated") != std::string::npos);
    const CheckedPack updated = loadAndCheck(pack, options);
    INFO(errorText(updated));
    REQUIRE(updated.pack);
    CHECK(updated.diagnostics.getAll().empty());
    REQUIRE(updated.pack->cases.size() == 1);
    const Case& c = updated.pack->cases[0];
    CHECK(c.id == "case-drip");
    CHECK(c.questionIds == std::vector<std::string>{"dc-301", "dc-302"});
    REQUIRE(c.figure);
    CHECK(c.figure->src == "nomogram.png");
    for (const char* id : {"dc-301", "dc-302", "dc-303"})
    {
        INFO(id);
        const Question* x = original.pack->findQuestion(id);
        const Question* y = updated.pack->findQuestion(id);
        REQUIRE(y != nullptr);
        CHECK(y->caseId == x->caseId);
        CHECK(y->stem == x->stem);
        CHECK(y->explanation == x->explanation);
        CHECK(y->variables.size() == x->variables.size());
        CHECK(y->figure.has_value() == x->figure.has_value());
        REQUIRE(y->mistakes.size() == x->mistakes.size());
        for (std::size_t i = 0; i < x->mistakes.size(); ++i)
            CHECK(y->mistakes[i].severity == x->mistakes[i].severity);
    }
}
