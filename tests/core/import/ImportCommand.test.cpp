#include "ImportFixtures.hpp"
#include "app/commands/CommandLine.hpp"
#include "core/pack/PackChecker.hpp"

#include <catch2/catch.hpp>

#include <sstream>

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
    CHECK(r.out.find("imported 6 question(s)") != std::string::npos);
    CHECK(r.out.find("5 skipped") != std::string::npos);
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
    CHECK(first.out.find("6 new, 0 updated") != std::string::npos);
    fs::rename(week1, week2);
    const Run second = run("import", {week2.string(), "-o", out});
    INFO(second.out << second.err);
    CHECK(second.out.find("0 new, 6 updated") != std::string::npos);
    CHECK(questionCount(out) == 6);
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
    CHECK(back.out.find("0 new, 6 updated") != std::string::npos);
    CHECK(questionCount(pack) == 6);

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
    CHECK(r.out.find("exported 6 question(s)") != std::string::npos);
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
