#include "core/pack/PackLoader.hpp"

#include "core/pack/PackChecker.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace quiz::core;

namespace
{

/// A minimal valid pack around the given questions.
std::string packWith(const std::string& questions,
                     const std::string& topics = "<topic id=\"t\" title=\"T\"/>")
{
    return "<pack formatVersion=\"1\" id=\"test.pack\" version=\"1.0.0\">\n"
           "<title>T</title><author name=\"A\"/><license spdx=\"CC0-1.0\"/>\n"
           "<dates created=\"2026-01-01\" reviewBy=\"2030-01-01\"/>\n"
           "<sources><source id=\"s\" type=\"web\">Src.</source></sources>\n"
           "<topics>" +
           topics + "</topics>\n<questions>\n" + questions + "</questions>\n</pack>\n";
}

const std::string kSingle = R"(<question id="q" type="single" topic="t">
<stem>Pick one?</stem>
<options shuffle="false" numbering="123">
<option id="a" correct="true"><text>Yes</text><rationale>Because.</rationale></option>
<option id="b" fixed="true"><text>No</text><rationale>Because not.</rationale></option>
</options>
<ref source="s" locator="p. 1"/>
</question>
)";

LoadResult load(const std::string& xml)
{
    return PackLoader().loadString(xml, "mem.xml");
}

std::vector<std::string> codesOf(const DiagnosticList& list)
{
    std::vector<std::string> codes;
    for (const Diagnostic& d : list.getAll())
        codes.push_back(d.code);
    return codes;
}

} // namespace

TEST_CASE("PackLoader: reads metadata, topics and a single question", "[core][loader]")
{
    const LoadResult result = load(packWith(kSingle, R"(<topic id="t" title="Top">
      <topic id="t.sub" title="Sub"/></topic>)"));
    REQUIRE(result.pack);
    CHECK_FALSE(result.diagnostics.hasErrors());
    const Pack& pack = *result.pack;
    CHECK(pack.id == "test.pack");
    CHECK(pack.version == "1.0.0");
    CHECK(pack.license == "CC0-1.0");
    CHECK(pack.reviewBy == "2030-01-01");
    REQUIRE(pack.topics.size() == 2);
    CHECK(pack.topics[1].parentId == "t");
    CHECK(pack.topics[1].depth == 1);
    CHECK(pack.getTopicSubtree("t") == std::vector<std::string>{"t", "t.sub"});
    REQUIRE(pack.questions.size() == 1);
    const Question& q = pack.questions[0];
    CHECK(q.type == QuestionType::Single);
    CHECK(q.stem.toPlain() == "Pick one?");
    CHECK_FALSE(q.shuffle);
    CHECK(q.numbering == "123");
    REQUIRE(q.options.size() == 2);
    CHECK(q.options[0].correct);
    CHECK(q.options[1].fixed);
    CHECK(q.options[1].rationale.toPlain() == "Because not.");
    CHECK(q.refs.at(0).locator == "p. 1");
    CHECK(q.line == 8); // the topics above span two lines
}

TEST_CASE("PackLoader: folds white space and keeps rich-text styles", "[core][loader][richtext]")
{
    const std::string question = R"(<question id="q" type="single" topic="t">
<stem>  Give   <b>10,000  <i>units</i></b>
   by H<sub>2</sub>O<sup>+</sup> <br/>  now:  </stem>
<options>
<option id="a" correct="true"><text>A</text><rationale>R.</rationale></option>
<option id="b"><text>B &amp; C &#8805; &lt;2</text><rationale>R.</rationale></option>
</options><ref source="s" locator="x"/></question>
)";
    const LoadResult result = load(packWith(question));
    REQUIRE(result.pack);
    const RichText& stem = result.pack->questions[0].stem;
    CHECK(stem.toPlain() == "Give 10,000 units by H2O+\nnow:");
    REQUIRE(stem.runs.size() >= 6);
    CHECK(stem.runs[0].text == "Give ");
    CHECK_FALSE(stem.runs[0].bold);
    CHECK(stem.runs[1].text == "10,000 ");
    CHECK(stem.runs[1].bold);
    CHECK(stem.runs[2].text == "units");
    CHECK(stem.runs[2].italic);
    CHECK(stem.runs[2].bold);
    bool sawSub = false;
    for (const TextRun& run : stem.runs)
        sawSub = sawSub || (run.script == Script::Sub && run.text == "2");
    CHECK(sawSub);
    CHECK(result.pack->questions[0].options[1].text.toPlain() == "B & C \xE2\x89\xA5 <2");
}

TEST_CASE("PackLoader: builds truefalse options from answer= and two rationales", "[core][loader]")
{
    const std::string question = R"(<question id="tf" type="truefalse" answer="false" topic="t">
<stem>Vitamin K reverses heparin.</stem>
<rationale for="true" severity="critical">No: that is warfarin's antidote.</rationale>
<rationale for="false">Right: protamine reverses heparin.</rationale>
<ref source="s" locator="x"/></question>
)";
    const LoadResult result = load(packWith(question));
    REQUIRE(result.pack);
    const Question& q = result.pack->questions[0];
    REQUIRE(q.options.size() == 2);
    CHECK(q.options[0].id == "true");
    CHECK_FALSE(q.options[0].correct);
    CHECK(q.options[0].severity == OptionSeverity::Critical);
    CHECK(q.options[1].id == "false");
    CHECK(q.options[1].correct);
    CHECK(q.getCorrectOptionIds() == std::vector<std::string>{"false"});
}

TEST_CASE("PackLoader: reports every problem of a file, not just the first", "[core][loader]")
{
    std::string xml = packWith(kSingle);
    xml.replace(xml.find("<stem>"), 6, "<stem colour=\"red\">");
    xml.replace(xml.find("locator=\"p. 1\""), 14, "locatr=\"p. 1\"");
    const LoadResult result = load(xml);
    const auto codes = codesOf(result.diagnostics);
    CHECK(std::count(codes.begin(), codes.end(), "unknown-attribute") == 2);
    CHECK(std::count(codes.begin(), codes.end(), "missing-attribute") == 1);
}

TEST_CASE("PackLoader: hostile input gives diagnostics, never a crash", "[core][loader]")
{
    CHECK(codesOf(load("").diagnostics) == std::vector<std::string>{"xml-syntax"});
    CHECK(codesOf(load("<pack").diagnostics) == std::vector<std::string>{"xml-syntax"});
    std::string deep;
    for (int i = 0; i < 5000; ++i)
        deep += "<b>";
    CHECK(load(deep).diagnostics.hasErrors());
    const std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><pack>&lol2;</pack>)";
    const LoadResult bomb = load(laughs);
    CHECK_FALSE(bomb.pack);
    CHECK(codesOf(bomb.diagnostics).front() == "doctype");
    CHECK(codesOf(load(std::string("<pack>\0</pack>", 15)).diagnostics).front() ==
          "control-character");
    CHECK(codesOf(load("<pack>&#0;</pack>").diagnostics).front() == "bad-entity");
    CHECK(codesOf(load("<pack>&#xD800;</pack>").diagnostics).front() == "bad-entity");
}

TEST_CASE("PackLoader: a file over the size cap is refused before it is read", "[core][loader]")
{
    PackLimits limits;
    limits.maxFileBytes = 100;
    const LoadResult result = PackLoader(limits).loadString(std::string(200, ' '), "big.xml");
    CHECK_FALSE(result.pack);
    CHECK(codesOf(result.diagnostics) == std::vector<std::string>{"file-too-large"});
    const LoadResult missing = PackLoader().loadFile("/nonexistent/pack.xml");
    CHECK(codesOf(missing.diagnostics) == std::vector<std::string>{"unreadable"});
    // A finding about the whole file is printed without a line an editor would look for.
    CHECK(missing.diagnostics.getAll().at(0).format() ==
          "/nonexistent/pack.xml: error: cannot open '/nonexistent/pack.xml': no such file "
          "[unreadable]");
}

TEST_CASE("PackLoader: the example in the format guide checks clean", "[core][loader][guide]")
{
    std::ifstream in(std::string(QUIZ_SOURCE_DIR) + "/questions/README.md");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string guide = buffer.str();
    const std::size_t start = guide.find("```xml\n<?xml");
    REQUIRE(start != std::string::npos);
    const std::size_t end = guide.find("```", start + 7);
    const std::string xml = guide.substr(start + 7, end - start - 7);
    LoadResult result = PackLoader().loadString(xml, "guide.xml");
    REQUIRE(result.pack);
    CheckOptions options;
    options.today = "2026-11-25";
    PackChecker(options).check(*result.pack, result.diagnostics);
    for (const Diagnostic& d : result.diagnostics.getAll())
        FAIL_CHECK(d.format());
    CHECK(result.pack->questions.size() == 2);
}

TEST_CASE("PackChecker: weighted scoring needs positive weights adding to 100", "[core][checker]")
{
    const std::string question = R"(<question id="m" type="multiple" scoring="weighted" topic="t">
<stem>Which apply?</stem><options>
<option id="a" correct="true" weight="50"><text>A</text><rationale>R.</rationale></option>
<option id="b" correct="true" weight="50"><text>B</text><rationale>R.</rationale></option>
<option id="c" weight="-100"><text>C</text><rationale>R.</rationale></option>
</options><ref source="s" locator="x"/></question>
)";
    LoadResult result = load(packWith(question));
    REQUIRE(result.pack);
    PackChecker().check(*result.pack, result.diagnostics);
    CHECK_FALSE(result.diagnostics.hasErrors());
    CHECK(result.pack->questions[0].scoring == ScoringRule::Weighted);
}

TEST_CASE("PackChecker: questions default to plusMinus scoring and published status",
          "[core][checker]")
{
    const LoadResult result = load(packWith(kSingle));
    REQUIRE(result.pack);
    CHECK(result.pack->questions[0].scoring == ScoringRule::PlusMinus);
    CHECK(result.pack->questions[0].status == QuestionStatus::Published);
    CHECK(result.pack->countPlayableQuestions() == 1);
    CHECK(result.pack->countPlayableQuestions("t") == 1);
}

TEST_CASE("loadAndCheckAll: a second pack with an id already loaded is an error and does not "
          "load",
          "[core][checker]")
{
    // Progress is kept by pack id: an old copy beside the new one must not share its history.
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "hq-pack-same-id";
    fs::remove_all(dir);
    fs::create_directories(dir / "old");
    for (const fs::path& file : {dir / "heparin.xml", dir / "old" / "heparin-2025.xml"})
    {
        std::ofstream out(file);
        out << packWith(kSingle);
    }
    {
        std::ofstream out(dir / "other.xml");
        std::string other = packWith(kSingle);
        other.replace(other.find("test.pack"), 9, "test.other");
        out << other;
    }
    const std::vector<CheckedPack> checked = loadAndCheckAll({dir.string()}, CheckOptions{});
    REQUIRE(checked.size() == 3);
    CHECK(checked[0].path == (dir / "heparin.xml").string());
    CHECK(checked[0].pack);
    CHECK_FALSE(checked[0].diagnostics.hasErrors());
    CHECK(checked[1].path == (dir / "old" / "heparin-2025.xml").string());
    CHECK_FALSE(checked[1].pack);
    REQUIRE(checked[1].diagnostics.hasErrors());
    const std::vector<Diagnostic>& all = checked[1].diagnostics.getAll();
    const auto found = std::find_if(
        all.begin(), all.end(), [](const Diagnostic& d) { return d.code == "duplicate-pack-id"; });
    REQUIRE(found != all.end());
    const Diagnostic& d = *found;
    CHECK(d.line == 1);
    CHECK(d.message.find("pack id 'test.pack' is also the id of '" +
                         (dir / "heparin.xml").string() + "'") == 0);
    CHECK(checked[2].pack); // its own id
    fs::remove_all(dir);
}

TEST_CASE("loadAndCheckAll: files read side by side give what reading them one by one gives, "
          "in sorted order",
          "[core][checker]")
{
    // The invalid corpus and the valid packs: many files, fast and slow, with and without errors.
    namespace fs = std::filesystem;
    const std::string packs = std::string(QUIZ_SOURCE_DIR) + "/tests/data/packs";
    const std::vector<CheckedPack> all = loadAndCheckAll({packs}, CheckOptions{});
    std::vector<std::string> files;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(packs))
    {
        if (entry.is_regular_file() && entry.path().extension() == ".xml")
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 60);
    REQUIRE(all.size() == files.size());
    std::size_t withErrors = 0;
    for (std::size_t i = 0; i < files.size(); ++i)
    {
        INFO(files[i]);
        CHECK(all[i].path == files[i]);
        const CheckedPack alone = loadAndCheck(files[i], CheckOptions{});
        // Many of these files share the test id; only the first of those loads together.
        std::vector<Diagnostic> together = all[i].diagnostics.getAll();
        const auto shared =
            std::remove_if(together.begin(), together.end(),
                           [](const Diagnostic& d) { return d.code == "duplicate-pack-id"; });
        const bool sharesId = shared != together.end();
        together.erase(shared, together.end());
        CHECK(all[i].pack.has_value() == (alone.pack.has_value() && !sharesId));
        const std::vector<Diagnostic>& single = alone.diagnostics.getAll();
        REQUIRE(together.size() == single.size());
        for (std::size_t d = 0; d < single.size(); ++d)
        {
            CHECK(together[d].line == single[d].line);
            CHECK(together[d].code == single[d].code);
            CHECK(together[d].message == single[d].message);
        }
        withErrors += alone.diagnostics.hasErrors() ? 1 : 0;
    }
    CHECK(withErrors >= 58);
    CHECK(withErrors < files.size());
}

TEST_CASE("DiagnosticList::append: findings the other list dropped still count, by severity",
          "[core][checker]")
{
    DiagnosticList other("a.xml");
    for (std::size_t i = 0; i < DiagnosticList::kMaxKept; ++i)
        other.warning(1, "w", "kept");
    other.error(2, "e", "dropped error");
    other.warning(3, "w", "dropped warning");
    REQUIRE(other.getDropped() == 2);

    DiagnosticList out("a.xml");
    out.error(1, "first", "already here");
    out.append(other);
    CHECK(out.getAll().size() == DiagnosticList::kMaxKept);
    CHECK(out.getErrorCount() == 2);
    CHECK(out.getWarningCount() == DiagnosticList::kMaxKept + 1);
    CHECK(out.getDropped() == 3); // one kept warning of `other` had no room, and its two drops
    CHECK(out.getAll().front().code == "first");
}
