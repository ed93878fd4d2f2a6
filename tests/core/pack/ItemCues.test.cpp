#include "core/pack/ItemCues.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace quiz::core;

namespace
{

Option makeOption(const std::string& id, const std::string& text, bool correct, int line)
{
    Option option;
    option.id = id;
    option.text = RichText::fromPlain(text);
    option.correct = correct;
    option.line = line;
    return option;
}

Question makeQuestion(const std::string& id, QuestionType type, std::vector<Option> options)
{
    Question question;
    question.id = id;
    question.type = type;
    question.options = std::move(options);
    return question;
}

std::vector<const Diagnostic*> findCode(const DiagnosticList& list, const std::string& code)
{
    std::vector<const Diagnostic*> found;
    for (const Diagnostic& d : list.getAll())
        if (d.code == code)
            found.push_back(&d);
    return found;
}

} // namespace

TEST_CASE("ItemCues: an absolute word only in a distractor is reported at that option's line",
          "[core][pack]")
{
    Pack pack;
    pack.questions.push_back(
        makeQuestion("q1", QuestionType::Single,
                     {makeOption("a", "Check the platelet count", true, 10),
                      makeOption("b", "Heparin ALWAYS dissolves the clot", false, 11),
                      makeOption("c", "Give it with food", false, 12)}));
    DiagnosticList out("p.xml");
    checkItemCues(pack, out);
    const auto cues = findCode(out, "absolute-cue");
    REQUIRE(cues.size() == 1);
    CHECK(cues[0]->line == 11);
    CHECK(cues[0]->severity == Severity::Warning);
    CHECK(cues[0]->message.find("'always'") != std::string::npos);
}

TEST_CASE("ItemCues: an absolute word the key shares, a word inside another, and true/false "
          "statements are not cues",
          "[core][pack]")
{
    Pack pack;
    pack.questions.push_back(
        makeQuestion("q1", QuestionType::Single,
                     {makeOption("a", "Only a prescriber may change the rate", true, 10),
                      makeOption("b", "Only the pharmacist may change the rate", false, 11),
                      makeOption("c", "Call the nurse in charge; tallying allows it", false, 12)}));
    pack.questions.push_back(makeQuestion(
        "q2", QuestionType::TrueFalse,
        {makeOption("true", "True", true, 20), makeOption("false", "False", false, 21)}));
    pack.questions.back().stem = RichText::fromPlain("Heparin never dissolves a clot.");
    DiagnosticList out("p.xml");
    checkItemCues(pack, out);
    CHECK(findCode(out, "absolute-cue").empty());
}

TEST_CASE("ItemCues: a source on a publisher host passes, a copy elsewhere is reported",
          "[core][pack]")
{
    Pack pack;
    Source label;
    label.id = "label";
    label.url = "https://DailyMed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=x";
    label.line = 5;
    Source copy;
    copy.id = "copy";
    copy.url = "https://www.example-docs.com/heparin-insert.pdf";
    copy.line = 6;
    Source book;
    book.id = "book";
    book.line = 7;
    pack.sources = {label, copy, book};
    DiagnosticList out("p.xml");
    checkItemCues(pack, out);
    const auto hosts = findCode(out, "source-host");
    REQUIRE(hosts.size() == 1);
    CHECK(hosts[0]->line == 6);
    CHECK(hosts[0]->message.find("www.example-docs.com") != std::string::npos);
}

TEST_CASE("ItemCues: URL hosts are read without scheme, user, port, path or case", "[core][pack]")
{
    CHECK(getUrlHost("https://user@WWW.FDA.gov:443/drugs?x#y") == "www.fda.gov");
    CHECK(getUrlHost("http://medlineplus.gov") == "medlineplus.gov");
    CHECK(getUrlHost("medlineplus.gov/druginfo") == "");
}

TEST_CASE("ItemCues: a pack whose select-all items mostly key more than half is reported once",
          "[core][pack]")
{
    auto heavy = [](const std::string& id)
    {
        return makeQuestion(id, QuestionType::Multiple,
                            {makeOption("a", "One", true, 1), makeOption("b", "Two", true, 2),
                             makeOption("c", "Three", true, 3), makeOption("d", "Four", false, 4)});
    };
    auto balanced = [](const std::string& id)
    {
        return makeQuestion(id, QuestionType::Multiple,
                            {makeOption("a", "One", true, 1), makeOption("b", "Two", false, 2),
                             makeOption("c", "Three", true, 3), makeOption("d", "Four", false, 4)});
    };
    Pack pack;
    pack.line = 2;
    pack.questions = {heavy("m1"), heavy("m2"), balanced("m3")};
    DiagnosticList out("p.xml");
    checkItemCues(pack, out);
    const auto share = findCode(out, "select-all-keyed-share");
    REQUIRE(share.size() == 1);
    CHECK(share[0]->line == 2);

    pack.questions = {heavy("m1"), balanced("m2"), balanced("m3")};
    DiagnosticList fine("p.xml");
    checkItemCues(pack, fine);
    CHECK(findCode(fine, "select-all-keyed-share").empty());
}

TEST_CASE("ItemCues: the checker's publisher hosts are exactly the pack guide's list",
          "[core][pack]")
{
    std::ifstream file(std::string(QUIZ_SOURCE_DIR) + "/questions/README.md");
    REQUIRE(file);
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string guide = buffer.str();
    const std::size_t start = guide.find("## Where sources may come from");
    REQUIRE(start != std::string::npos);
    const std::string section = guide.substr(start, guide.find("\n## ", start + 5) - start);
    std::set<std::string> documented;
    const std::regex host("`([a-z0-9-]+(\\.[a-z0-9-]+)+)`");
    for (auto it = std::sregex_iterator(section.begin(), section.end(), host);
         it != std::sregex_iterator(); ++it)
        documented.insert((*it)[1].str());
    std::set<std::string> coded;
    for (const std::string_view h : getSourceHostAllowList())
        coded.insert(std::string(h));
    CHECK(documented == coded);
}
