#include "ui/PlayerProgress.hpp"

#include "core/pack/Numeric.hpp"
#include "core/pack/PackChecker.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace quiz;
namespace fs = std::filesystem;

namespace
{

const std::string kPackId = "org.heparinquiz.test-demo";
constexpr core::TimestampMs kNow = 1'780'000'000'000LL;

std::vector<core::Pack> loadDemoPack()
{
    const std::vector<core::CheckedPack> checked = core::loadAndCheckAll(
        {std::string(QUIZ_SOURCE_DIR) + "/tests/data/ui/packs"}, core::CheckOptions());
    std::vector<core::Pack> packs;
    for (const core::CheckedPack& pack : checked)
        if (pack.pack)
            packs.push_back(*pack.pack);
    REQUIRE(std::any_of(packs.begin(), packs.end(),
                        [](const core::Pack& pack) { return pack.id == kPackId; }));
    return packs;
}

fs::path freshRoot(const std::string& name)
{
    const fs::path root = fs::temp_directory_path() / ("quiz-player-progress-" + name);
    fs::remove_all(root);
    return root;
}

/// A tutor round of safe-02 alone, answered with the critical option "b".
core::Session answeredWrong(const std::vector<core::Pack>& packs)
{
    core::SessionConfig config;
    config.onlyQuestions = {{kPackId, "safe-02"}};
    std::string error;
    std::optional<core::Session> session = core::Session::create(packs, config, error);
    REQUIRE(session);
    REQUIRE(session->pick("b"));
    session->advance(std::chrono::milliseconds(0));
    return std::move(*session);
}

} // namespace

TEST_CASE("PlayerProgress: a new player is chosen, remembered at the next start, and each answer "
          "is recorded with its details",
          "[ui][progress]")
{
    const std::vector<core::Pack> packs = loadDemoPack();
    const fs::path root = freshRoot("remember");
    {
        ui::PlayerProgress progress(root.string());
        CHECK_FALSE(progress.hasPlayer());
        REQUIRE(progress.createPlayer("  Ana ", kNow).empty());
        CHECK(progress.getPlayerName() == "Ana");
        const core::Session session = answeredWrong(packs);
        CHECK(progress.recordAnswer(packs, session, 0, core::Confidence::Sure, kNow, "review")
                  .empty());
    }
    ui::PlayerProgress again(root.string());
    again.openLastPlayer(kNow + 1000);
    REQUIRE(again.hasPlayer());
    CHECK(again.getPlayerName() == "Ana");
    const core::Outcome<std::vector<core::StoredAnswer>> history = again.getStore()->loadHistory();
    REQUIRE(history.isOk());
    REQUIRE(history.getValue().size() == 1);
    const core::StoredAnswer& answer = history.getValue().front();
    CHECK(answer.packId == kPackId);
    CHECK(answer.packVersion == "1.0.0");
    CHECK(answer.questionId == "safe-02");
    CHECK(answer.questionRev == 1);
    CHECK(answer.chosenOptionIds == std::vector<std::string>{"b"});
    CHECK_FALSE(answer.correct);
    CHECK(answer.critical);
    CHECK(answer.confidence == core::Confidence::Sure);
    CHECK(answer.answeredAtMs == kNow);
    CHECK(answer.mode == "review");
    // Confidently wrong with a critical choice: due at once, and only among loaded packs.
    CHECK(again.getDueKeys(packs, kNow + 1000) ==
          std::vector<core::QuestionKey>{{kPackId, "safe-02"}});
    CHECK(again.getDueKeys({}, kNow + 1000).empty());
}

TEST_CASE("PlayerProgress: a first start makes a player named after the account, and only then",
          "[ui][progress][first-start]")
{
    const std::vector<core::Pack> packs = loadDemoPack();
    const fs::path root = freshRoot("first-start");
    {
        ui::PlayerProgress progress(root.string());
        progress.openAtStart("", "dana", kNow);
        REQUIRE(progress.hasPlayer());
        CHECK(progress.getPlayerName() == "dana");
        CHECK(progress.isNewOnFirstStart());
        // The first answer is already kept.
        CHECK(
            progress.recordAnswer(packs, answeredWrong(packs), 0, core::Confidence::None, kNow, "")
                .empty());
        CHECK(progress.getStore()->loadHistory().getValue().size() == 1);
        REQUIRE(progress.renamePlayer("dana", "Dana Lee").empty());
        CHECK_FALSE(progress.isNewOnFirstStart());
    }
    {
        // The next start picks the same player again; nothing new is made.
        ui::PlayerProgress again(root.string());
        again.openAtStart("", "someone-else", kNow);
        CHECK(again.getPlayerName() == "Dana Lee");
        CHECK_FALSE(again.isNewOnFirstStart());
    }
    // Players exist but none is remembered (a shared computer): nobody is chosen or made.
    fs::remove(root / "last-profile.txt");
    ui::PlayerProgress shared(root.string());
    shared.openAtStart("", "someone-else", kNow);
    CHECK_FALSE(shared.hasPlayer());
    std::string error;
    CHECK(shared.listProfiles(error).size() == 1);
}

TEST_CASE("PlayerProgress: an account name that is no player name makes Student, and --player wins",
          "[ui][progress][first-start]")
{
    const fs::path root = freshRoot("first-start-named");
    {
        ui::PlayerProgress progress(root.string());
        progress.openAtStart("", "", kNow);
        CHECK(progress.getPlayerName() == "Student");
    }
    {
        // --player: created when missing, even though a player exists and is remembered.
        ui::PlayerProgress progress(root.string());
        progress.openAtStart("Eve", "ana", kNow);
        CHECK(progress.getPlayerName() == "Eve");
        CHECK_FALSE(progress.isNewOnFirstStart());
    }
    ui::PlayerProgress progress(root.string());
    progress.openAtStart("EVE", "ana", kNow); // names ignore case: the same player
    CHECK(progress.getPlayerName() == "Eve");
    std::string error;
    CHECK(progress.listProfiles(error).size() == 2);
    CHECK(progress.getNotices().empty());
    // A name the folder refuses becomes a notice, never a crash.
    ui::PlayerProgress bad(root.string());
    bad.openAtStart("bad\x01name", "ana", kNow);
    CHECK_FALSE(bad.hasPlayer());
    REQUIRE(bad.getNotices().size() == 1);
    CHECK(bad.getNotices().front().find("control characters") != std::string::npos);
}

TEST_CASE("PlayerProgress: the session's mode is recorded when no round mode is given",
          "[ui][progress]")
{
    const std::vector<core::Pack> packs = loadDemoPack();
    ui::PlayerProgress progress(freshRoot("mode").string());
    REQUIRE(progress.createPlayer("Ben", kNow).empty());
    const core::Session session = answeredWrong(packs);
    REQUIRE(progress.recordAnswer(packs, session, 0, core::Confidence::None, kNow, "").empty());
    // An index without an answer records nothing.
    REQUIRE(progress.recordAnswer(packs, session, 5, core::Confidence::None, kNow, "").empty());
    const auto history = progress.getStore()->loadHistory();
    REQUIRE(history.isOk());
    REQUIRE(history.getValue().size() == 1);
    CHECK(history.getValue().front().mode == "tutor");
    CHECK(history.getValue().front().confidence == core::Confidence::None);
}

TEST_CASE("PlayerProgress: rename keeps the history and the choice; deleting the current player "
          "leaves none chosen",
          "[ui][progress]")
{
    const std::vector<core::Pack> packs = loadDemoPack();
    const fs::path root = freshRoot("rename");
    ui::PlayerProgress progress(root.string());
    REQUIRE(progress.createPlayer("Cleo", kNow).empty());
    REQUIRE(progress.recordAnswer(packs, answeredWrong(packs), 0, core::Confidence::Guess, kNow, "")
                .empty());
    CHECK_FALSE(progress.createPlayer("cleo", kNow).empty()); // names ignore case
    REQUIRE(progress.renamePlayer("Cleo", "Cleo B").empty());
    CHECK(progress.getPlayerName() == "Cleo B");
    {
        ui::PlayerProgress again(root.string());
        again.openLastPlayer(kNow);
        REQUIRE(again.hasPlayer());
        CHECK(again.getPlayerName() == "Cleo B");
        CHECK(again.getStore()->countAnswers().getValue() == 1);
    }
    REQUIRE(progress.createPlayer("Dan", kNow).empty());
    REQUIRE(progress.deletePlayer("Dan").empty());
    CHECK_FALSE(progress.hasPlayer());
    std::string error;
    const std::vector<core::Profile> left = progress.listProfiles(error);
    CHECK(error.empty());
    REQUIRE(left.size() == 1);
    CHECK(left.front().name == "Cleo B");
    ui::PlayerProgress after(root.string());
    after.openLastPlayer(kNow); // Dan was remembered last and is gone: nobody is chosen
    CHECK_FALSE(after.hasPlayer());
    CHECK(after.getNotices().empty());
}

TEST_CASE("PlayerProgress: without a profile folder nothing is kept and nothing fails",
          "[ui][progress]")
{
    const std::vector<core::Pack> packs = loadDemoPack();
    ui::PlayerProgress progress("");
    CHECK_FALSE(progress.isAvailable());
    progress.openLastPlayer(kNow);
    CHECK_FALSE(progress.hasPlayer());
    CHECK_FALSE(progress.createPlayer("Eve", kNow).empty());
    CHECK(progress.recordAnswer(packs, answeredWrong(packs), 0, core::Confidence::Sure, kNow, "")
              .empty());
    CHECK(progress.getDueKeys(packs, kNow).empty());
}

TEST_CASE("PlayerProgress: a damaged history file is moved aside, a fresh one is started and the "
          "player is told",
          "[ui][progress]")
{
    const fs::path root = freshRoot("damaged");
    std::string database;
    {
        ui::PlayerProgress progress(root.string());
        REQUIRE(progress.createPlayer("Fay", kNow).empty());
        database = progress.getStore()->getPath();
    }
    fs::remove(database + "-wal");
    fs::remove(database + "-shm");
    {
        std::ofstream out(database, std::ios::binary | std::ios::trunc);
        out << "this is not a database, just bytes that replaced it";
    }
    ui::PlayerProgress again(root.string());
    std::ostringstream log;
    again.setLog(&log);
    again.openLastPlayer(kNow);
    REQUIRE(again.hasPlayer());
    REQUIRE(again.getNotices().size() == 1);
    CHECK_THAT(again.getNotices().front(), Catch::Contains("could not be read"));
    CHECK(log.str() == "heparin-quiz: " + again.getNotices().front() + "\n"); // stderr, once
    CHECK(again.getStore()->countAnswers().getValue() == 0);
    std::size_t movedAside = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(database).parent_path()))
        movedAside += entry.path().filename().string().find(".corrupt-") != std::string::npos;
    CHECK(movedAside == 1);
    again.clearNotices();
    CHECK(again.getNotices().empty());
}

TEST_CASE("PlayerProgress: a typed dose is kept with the named mistake it matched",
          "[ui][progress][dose]")
{
    const std::vector<core::CheckedPack> checked = core::loadAndCheckAll(
        {std::string(QUIZ_SOURCE_DIR) + "/tests/data/ui/dose"}, core::CheckOptions());
    std::vector<core::Pack> packs;
    for (const core::CheckedPack& pack : checked)
        if (pack.pack)
            packs.push_back(*pack.pack);
    REQUIRE(packs.size() == 1);
    core::SessionConfig config;
    config.onlyQuestions = {{packs.front().id, "dose-bolus"}};
    std::string error;
    std::optional<core::Session> session = core::Session::create(packs, config, error);
    REQUIRE(session);
    const core::PlannedQuestion& planned = session->getCurrent();
    REQUIRE(planned.draw);
    // The pounds-for-kilograms slip, computed from this round's drawn weight.
    const double slip = planned.draw->mistakeValues.at(0);
    REQUIRE(session->answerNumber(core::roundTo(slip, 1)));

    const fs::path root = freshRoot("dose");
    ui::PlayerProgress progress(root.string());
    REQUIRE(progress.createPlayer("Ana", kNow).empty());
    CHECK(progress.recordAnswer(packs, *session, 0, core::Confidence::Sure, kNow, "").empty());
    const core::Outcome<std::vector<core::StoredAnswer>> history =
        progress.getStore()->loadHistory();
    REQUIRE(history.isOk());
    REQUIRE(history.getValue().size() == 1);
    const core::StoredAnswer& answer = history.getValue().front();
    CHECK(answer.questionId == "dose-bolus");
    CHECK_FALSE(answer.correct);
    REQUIRE(answer.typedValue);
    CHECK(*answer.typedValue == Approx(core::roundTo(slip, 1)));
    CHECK(answer.mistakeIndex == 0);
}
