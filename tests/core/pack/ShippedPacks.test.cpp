// The shipped packs are what students learn from: they must check clean under --strict and meet
// the coverage the content plan promises.
#include "core/pack/PackChecker.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

using namespace quiz::core;

namespace
{

std::vector<CheckedPack> loadShipped()
{
    CheckOptions options;
    options.today = "2026-11-25";
    return loadAndCheckAll({std::string(QUIZ_SOURCE_DIR) + "/questions"}, options);
}

std::string lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool isAtLeastApply(const std::string& level)
{
    return level == "apply" || level == "analyze" || level == "evaluate" || level == "create";
}

} // namespace

TEST_CASE("Shipped packs: every pack checks clean, warnings included", "[content]")
{
    const auto packs = loadShipped();
    REQUIRE(packs.size() >= 5);
    for (const CheckedPack& checked : packs)
    {
        INFO(checked.path);
        for (const Diagnostic& d : checked.diagnostics.getAll())
            FAIL_CHECK(d.format());
        REQUIRE(checked.pack);
        const Pack& pack = *checked.pack;
        CHECK_FALSE(pack.authors.empty());
        CHECK_FALSE(pack.license.empty());
        CHECK_FALSE(pack.version.empty());
        // Reviewed, and due for review about a year after the last update.
        CHECK_FALSE(pack.reviews.empty());
        CHECK(pack.reviewBy >= "2027-11-01");
        CHECK(pack.description.find("protocol") != std::string::npos);
    }
}

TEST_CASE("Shipped packs: coverage by type, difficulty and cognitive level", "[content]")
{
    std::size_t total = 0;
    std::size_t multiple = 0;
    std::size_t calculations = 0;
    std::size_t applyOrAbove = 0;
    std::size_t trueKeyed = 0;
    std::size_t trueFalse = 0;
    std::map<int, std::size_t> difficulty;
    const std::set<std::string> calculationPacks = {"org.heparinquiz.dose-calculations",
                                                    "org.heparinquiz.calc-advanced"};
    for (const CheckedPack& checked : loadShipped())
    {
        REQUIRE(checked.pack);
        for (const Question& q : checked.pack->questions)
        {
            ++total;
            multiple += q.type == QuestionType::Multiple ? 1 : 0;
            applyOrAbove += isAtLeastApply(q.level) ? 1 : 0;
            ++difficulty[q.getEffectiveDifficulty()];
            if (q.type == QuestionType::TrueFalse)
            {
                ++trueFalse;
                trueKeyed += q.findOption("true")->correct ? 1 : 0;
            }
            // A calculation: in a calculation pack, and every option holds a number.
            bool numeric = calculationPacks.count(checked.pack->id) != 0;
            for (const Option& option : q.options)
            {
                const std::string text = option.text.toPlain();
                numeric =
                    numeric &&
                    std::any_of(text.begin(), text.end(),
                                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            }
            calculations += numeric ? 1 : 0;
        }
    }
    CHECK(total >= 240);
    CHECK(multiple >= 40);
    CHECK(calculations >= 35);
    CHECK(applyOrAbove >= 20);
    // The scale runs 1-5 and every step is used; the hardest items are multi-step ones.
    CHECK(difficulty.size() == 5);
    CHECK(difficulty[4] + difficulty[5] >= 30);
    // True/false keys split about evenly, so "false" is no safe guess.
    REQUIRE(trueFalse > 0);
    const double trueShare = static_cast<double>(trueKeyed) / static_cast<double>(trueFalse);
    CHECK(trueShare >= 0.4);
    CHECK(trueShare <= 0.6);
}

TEST_CASE("Shipped packs: no select-all item keys more options than it leaves unkeyed", "[content]")
{
    for (const CheckedPack& checked : loadShipped())
    {
        REQUIRE(checked.pack);
        for (const Question& q : checked.pack->questions)
        {
            if (q.type != QuestionType::Multiple)
                continue;
            INFO(checked.path << " " << q.id);
            CHECK(2 * q.getCorrectOptionIds().size() <= q.options.size());
        }
    }
}

TEST_CASE("Shipped packs: the right answer is not parked on one letter", "[content]")
{
    for (const CheckedPack& checked : loadShipped())
    {
        REQUIRE(checked.pack);
        std::map<std::size_t, std::size_t> byPosition;
        std::size_t singles = 0;
        for (const Question& q : checked.pack->questions)
        {
            if (q.type != QuestionType::Single)
                continue;
            ++singles;
            for (std::size_t i = 0; i < q.options.size(); ++i)
            {
                if (q.options[i].correct)
                    ++byPosition[i];
            }
        }
        INFO(checked.path);
        for (const auto& [position, count] : byPosition)
        {
            INFO("position " << position << ": " << count << " of " << singles);
            CHECK(static_cast<double>(count) <= 0.35 * static_cast<double>(singles));
        }
    }
}

TEST_CASE("Shipped packs: ids and stems are unique across all packs", "[content]")
{
    std::set<std::string> ids;
    std::map<std::string, std::string> stems;
    for (const CheckedPack& checked : loadShipped())
    {
        REQUIRE(checked.pack);
        for (const Question& q : checked.pack->questions)
        {
            INFO(q.id);
            CHECK(ids.insert(q.id).second);
            const std::string stem = lower(q.stem.toPlain());
            const auto [it, fresh] = stems.emplace(stem, q.id);
            INFO("same stem as " << it->second);
            CHECK(fresh);
        }
    }
}

TEST_CASE("Shipped packs: the lay misconceptions are taught and tested", "[content]")
{
    bool thinsTheBlood = false;
    bool embolusFromLegs = false;
    bool doesNotDissolve = false;
    std::size_t criticalOptions = 0;
    for (const CheckedPack& checked : loadShipped())
    {
        REQUIRE(checked.pack);
        for (const Question& q : checked.pack->questions)
        {
            std::string all = q.stem.toPlain() + " " + q.explanation.toPlain();
            for (const Option& option : q.options)
            {
                all += " " + option.text.toPlain() + " " + option.rationale.toPlain();
                criticalOptions += option.severity == OptionSeverity::Critical ? 1 : 0;
            }
            all = lower(all);
            thinsTheBlood = thinsTheBlood || (all.find("thin") != std::string::npos &&
                                              all.find("anticoagula") != std::string::npos);
            embolusFromLegs = embolusFromLegs || (all.find("embol") != std::string::npos &&
                                                  all.find("heart") != std::string::npos &&
                                                  all.find("leg") != std::string::npos);
            doesNotDissolve = doesNotDissolve || (all.find("dissolve") != std::string::npos &&
                                                  all.find("thromboly") != std::string::npos);
        }
    }
    CHECK(thinsTheBlood);
    CHECK(embolusFromLegs);
    CHECK(doesNotDissolve);
    CHECK(criticalOptions >= 20);
}
