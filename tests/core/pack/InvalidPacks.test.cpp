// Walks tests/data/packs/invalid/: every file states the diagnostic it must produce, in a
// first-line comment `<!-- expect: SEVERITY LINE CODE[; limits: NAME=VALUE] -->` or, for files
// that cannot hold an ASCII comment, in a sidecar NAME.expect.
#include "core/pack/PackChecker.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace quiz::core;

namespace
{

struct Expectation
{
    std::string severity;
    int line = -1;
    std::string code;
    std::string limitName;
    long long limitValue = 0;
};

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Expectation parseExpectation(const fs::path& file)
{
    fs::path sidecar = file;
    sidecar.replace_extension(".expect");
    const std::string text = fs::exists(sidecar) ? readAll(sidecar) : readAll(file);
    static const std::regex pattern(
        R"((error|warning) (\d+) ([a-z0-9-]+)(?:; limits: ([A-Za-z]+)=(\d+))?)");
    std::smatch match;
    Expectation expectation;
    if (std::regex_search(text, match, pattern))
    {
        expectation.severity = match[1];
        expectation.line = std::stoi(match[2]);
        expectation.code = match[3];
        if (match[4].matched)
        {
            expectation.limitName = match[4];
            expectation.limitValue = std::stoll(match[5]);
        }
    }
    return expectation;
}

} // namespace

TEST_CASE("Invalid packs: every file produces the diagnostic it states", "[core][checker][corpus]")
{
    const fs::path folder = fs::path(QUIZ_TEST_DATA_DIR) / "packs" / "invalid";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
    {
        if (entry.path().extension() == ".xml")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 50);

    std::set<std::string> codesSeen;
    for (const fs::path& file : files)
    {
        const Expectation expected = parseExpectation(file);
        INFO("file: " << file.filename().string());
        REQUIRE(expected.line >= 0);

        CheckOptions options;
        options.today = "2026-11-25";
        if (expected.limitName == "maxFileBytes")
            options.limits.maxFileBytes = static_cast<std::size_t>(expected.limitValue);
        else if (expected.limitName == "maxQuestions")
            options.limits.maxQuestions = static_cast<std::size_t>(expected.limitValue);
        else
            REQUIRE(expected.limitName.empty());

        const CheckedPack checked = loadAndCheck(file.string(), options);
        std::string all;
        bool found = false;
        for (const Diagnostic& d : checked.diagnostics.getAll())
        {
            all += d.format() + "\n";
            const std::string severity = d.severity == Severity::Error ? "error" : "warning";
            found = found || (d.code == expected.code && d.line == expected.line &&
                              severity == expected.severity);
        }
        INFO("expected: " << expected.severity << " " << expected.line << " " << expected.code);
        INFO("got:\n" << all);
        CHECK(found);
        // An error file must not load; a warning file must load (warnings never block).
        CHECK(checked.pack.has_value() == (expected.severity == "warning"));
        // Every diagnostic names the file, so editors can jump to it.
        for (const Diagnostic& d : checked.diagnostics.getAll())
            CHECK(d.file == file.string());
        codesSeen.insert(expected.code);
    }
    // The corpus covers every rule the guide promises.
    for (const char* code : {"xml-syntax",          "doctype",
                             "invalid-utf8",        "control-character",
                             "bare-ampersand",      "bad-entity",
                             "multiple-roots",      "wrong-root",
                             "missing-element",     "missing-attribute",
                             "unknown-element",     "unknown-attribute",
                             "duplicate-id",        "unknown-topic",
                             "unknown-source",      "too-few-options",
                             "no-correct-option",   "several-correct",
                             "missing-rationale",   "bad-difficulty",
                             "figure-missing",      "figure-outside-pack",
                             "figure-not-image",    "figure-too-large",
                             "file-too-large",      "too-many-questions",
                             "text-too-long",       "format-version-unsupported",
                             "unsupported-markup",  "review-overdue",
                             "all-of-the-above",    "duplicate-option-text",
                             "stem-punctuation",    "unequal-options",
                             "bad-encoding",        "missing-ref",
                             "bad-weights",         "formula-syntax",
                             "unknown-variable",    "division-by-zero",
                             "non-finite",          "negative-dose",
                             "answer-out-of-range", "mistake-equals-answer",
                             "mistakes-coincide",   "vary-empty",
                             "vary-step",           "case-size",
                             "numeric-no-answer"})
    {
        INFO("no corpus file for code " << code);
        CHECK(codesSeen.count(code) == 1);
    }
    // Ordering and matching questions (format 1.1).
    for (const char* code : {"order-size", "match-size", "duplicate-item-text",
                             "duplicate-prompt-text", "duplicate-answer-text"})
    {
        INFO("no corpus file for code " << code);
        CHECK(codesSeen.count(code) == 1);
    }
}
