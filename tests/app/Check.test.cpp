#include "support/RunProcess.hpp"

#include <catch2/catch.hpp>

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
    CHECK(result.err.find("checked 58 packs") != std::string::npos);
}

TEST_CASE("CLI check: --json writes a machine-readable report", "[cli][check]")
{
    const auto result = runProcess(kExe, {"check", "--json", kInvalid + "unknown-topic.xml"});
    CHECK(result.exitCode == 1);
    CHECK(result.out.find("\"code\":\"unknown-topic\"") != std::string::npos);
    CHECK(result.out.find("\"severity\":\"error\"") != std::string::npos);
    CHECK(result.out.find("\"errors\":1") != std::string::npos);
}

TEST_CASE("CLI check: usage errors exit 2 with a clear message", "[cli][usage]")
{
    const auto none = runProcess(kExe, {"check"});
    CHECK(none.exitCode == 2);
    CHECK(none.err.find("missing PATH") != std::string::npos);
    const auto typo = runProcess(kExe, {"check", "--stict", kValid});
    CHECK(typo.exitCode == 2);
    CHECK(typo.err.find("unknown option '--stict' (did you mean '--strict'?)") !=
          std::string::npos);
    const auto missing = runProcess(kExe, {"check", "/no/such/pack.xml"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("/no/such/pack.xml:0: error:") != std::string::npos);
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
    CHECK(json.out.find("\"id\":\"org.example.heparin-basics\"") != std::string::npos);
    CHECK(json.out.find("\"questions\":2") != std::string::npos);
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
    const auto viaDataDir = runProcess(kExe, {"--data-dir", kData + "/packs/valid", "list"});
    CHECK(viaDataDir.exitCode == 0);
    CHECK(viaDataDir.out.find("org.example.heparin-basics") != std::string::npos);
}
