#include "support/RunProcess.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using quiz::test::runProcess;

namespace
{

const std::string kExe = QUIZ_EXE;
const std::string kData = QUIZ_TEST_DATA_DIR;
const std::string kValid = kData + "/packs/valid/basics.xml";
const std::string kInvalid = kData + "/packs/invalid/";

} // namespace

TEST_CASE("CLI check: a clean pack exits 0 and says so", "[cli][check]")
{
    const auto result = runProcess(kExe, {"check", kValid});
    CHECK(result.exitCode == 0);
    CHECK(result.err == "checked 1 pack: 0 errors, 0 warnings\n");
}

TEST_CASE("CLI check: errors print GCC-style on stderr and exit 1", "[cli][check]")
{
    const std::string file = kInvalid + "missing-rationale.xml";
    const auto result = runProcess(kExe, {"check", file});
    CHECK(result.exitCode == 1);
    CHECK(result.err == file +
                            ":21: error: option 'b' of question 'q1' has no <rationale>: say why "
                            "it is right or wrong [missing-rationale]\n"
                            "checked 1 pack: 1 error, 0 warnings\n");
    CHECK(result.out.empty());
}

TEST_CASE("CLI check: warnings pass unless --strict", "[cli][check]")
{
    const std::string file = kInvalid + "all-of-the-above.xml";
    CHECK(runProcess(kExe, {"check", file}).exitCode == 0);
    const auto strict = runProcess(kExe, {"check", "--strict", file});
    CHECK(strict.exitCode == 1);
    CHECK(strict.err.find(": warning: ") != std::string::npos);
    CHECK(strict.err.find("[all-of-the-above]") != std::string::npos);
}

TEST_CASE("CLI check: a folder is searched and every file reported", "[cli][check]")
{
    const auto result = runProcess(kExe, {"check", kData + "/packs"});
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("basics.xml") == std::string::npos); // clean files print nothing
    CHECK(result.err.find("xml-syntax.xml:22: error:") != std::string::npos);
    CHECK(result.err.find("checked 84 packs") != std::string::npos);
}

TEST_CASE("CLI check: --json writes a machine-readable report", "[cli][check]")
{
    const std::string file = kInvalid + "unknown-topic.xml";
    const auto result = runProcess(kExe, {"check", "--json", file, kValid});
    CHECK(result.exitCode == 1);
    const nlohmann::json report = nlohmann::json::parse(result.out);
    CHECK(report["errors"] == 1);
    CHECK(report["warnings"] == 0);
    REQUIRE(report["packs"].size() == 2);
    const nlohmann::json& bad = report["packs"][0];
    CHECK(bad["path"] == file);
    CHECK(bad["errors"] == 1);
    REQUIRE(bad["diagnostics"].size() == 1);
    const nlohmann::json& diagnostic = bad["diagnostics"][0];
    CHECK(diagnostic["file"] == file);
    CHECK(diagnostic["line"].get<int>() > 0);
    CHECK(diagnostic["severity"] == "error");
    CHECK(diagnostic["code"] == "unknown-topic");
    CHECK_FALSE(diagnostic["message"].get<std::string>().empty());
    const nlohmann::json& good = report["packs"][1];
    CHECK(good["id"] == "org.example.heparin-basics");
    CHECK(good["diagnostics"].empty());
}

TEST_CASE("CLI check: --json escapes what it quotes and reports a pack that did not load",
          "[cli][check]")
{
    // A path with a quote, a backslash and a tab, and a file that is not a pack.
    const std::string file = kData + "/no such \"dir\"\\\t/pack.xml";
    const auto result = runProcess(kExe, {"check", "--json", file});
    CHECK(result.exitCode == 1);
    const nlohmann::json report = nlohmann::json::parse(result.out);
    REQUIRE(report["packs"].size() == 1);
    CHECK(report["packs"][0]["path"] == file);
    CHECK(report["packs"][0]["id"].is_null());
    CHECK(report["packs"][0]["diagnostics"][0]["file"] == file);
    CHECK(report["packs"][0]["diagnostics"][0]["line"].is_null()); // about the whole file

    // Bytes that are not UTF-8 (a file name may hold any) come out as U+FFFD.
    const auto latin1 = runProcess(kExe, {"check", "--json", kData + "/caf\xe9.xml"});
    CHECK(latin1.exitCode == 1);
    CHECK(nlohmann::json::parse(latin1.out)["packs"][0]["path"] == kData + "/caf\xef\xbf\xbd.xml");
}

TEST_CASE("CLI check: usage errors exit 2 with a clear message", "[cli][usage]")
{
    const auto none = runProcess(kExe, {"check"});
    CHECK(none.exitCode == 2);
    CHECK(none.err.find("PATH is required") != std::string::npos);
    const auto typo = runProcess(kExe, {"check", "--stict", kValid});
    CHECK(typo.exitCode == 2);
    CHECK(typo.err.find("unknown option '--stict' (did you mean '--strict'?)") !=
          std::string::npos);
    const auto missing = runProcess(kExe, {"check", "/no/such/pack.xml"});
    CHECK(missing.exitCode == 1);
    // A finding about the whole file names no line: editors jump to "PATH:0:" nowhere.
    CHECK(missing.err.find("/no/such/pack.xml: error:") != std::string::npos);
    CHECK(missing.err.find(":0:") == std::string::npos);
}

TEST_CASE("CLI: --version, --help and unknown commands", "[cli][usage]")
{
    const auto version = runProcess(kExe, {"--version"});
    CHECK(version.exitCode == 0);
    CHECK(version.out.rfind("heparin-quiz ", 0) == 0);
    const auto help = runProcess(kExe, {"--help"});
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("check") != std::string::npos);
    for (const char* command : {"check", "list"})
    {
        const auto sub = runProcess(kExe, {command, "--help"});
        CHECK(sub.exitCode == 0);
        CHECK(sub.out.find(std::string("usage: heparin-quiz ") + command) != std::string::npos);
    }
    const auto unknown = runProcess(kExe, {"frobnicate"});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(runProcess(kExe, {"--bogus"}).exitCode == 2);
    CHECK(runProcess(kExe, {"--data-dir"}).exitCode == 2);
}

TEST_CASE("CLI list: shows id, version, counts and topics", "[cli][list]")
{
    const auto text = runProcess(kExe, {"list", kValid});
    CHECK(text.exitCode == 0);
    CHECK(text.out.find("org.example.heparin-basics  1.0.0  2 questions  Heparin basics") !=
          std::string::npos);
    CHECK(text.out.find("mech.at  Antithrombin (1)") != std::string::npos);
    const auto json = runProcess(kExe, {"list", "--json", kValid});
    CHECK(json.exitCode == 0);
    const nlohmann::json packs = nlohmann::json::parse(json.out);
    REQUIRE(packs.size() == 1);
    CHECK(packs[0]["id"] == "org.example.heparin-basics");
    CHECK(packs[0]["title"] == "Heparin basics");
    CHECK(packs[0]["version"] == "1.0.0");
    CHECK(packs[0]["path"] == kValid);
    CHECK(packs[0]["questions"] == 2);
    bool sawAntithrombin = false;
    for (const nlohmann::json& topic : packs[0]["topics"])
    {
        if (topic["id"] == "mech.at")
        {
            sawAntithrombin = true;
            CHECK(topic["title"] == "Antithrombin");
            CHECK(topic["questions"] == 1);
            CHECK(topic["parent"].is_string());
        }
    }
    CHECK(sawAntithrombin);
    const auto broken = runProcess(kExe, {"list", kInvalid + "doctype.xml"});
    CHECK(broken.exitCode == 1);
    CHECK(broken.err.find("skipped") != std::string::npos);
}

TEST_CASE("CLI list: with no PATH it finds the shipped packs beside the executable, not the "
          "current directory",
          "[cli][list]")
{
    const auto result = runProcess(kExe, {"list", "--json"});
    CHECK(result.err.find("no packs folder found") == std::string::npos);
    CHECK(nlohmann::json::parse(result.out).size() >= 5); // the shipped packs
    const auto viaDataDir = runProcess(kExe, {"--data-dir", kData + "/packs/valid", "list"});
    CHECK(viaDataDir.exitCode == 0);
    CHECK(viaDataDir.out.find("org.example.heparin-basics") != std::string::npos);
}
