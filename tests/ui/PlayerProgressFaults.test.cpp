// What the player is told when the disk refuses their history: a real full disk (a small
// tmpfs, see tests/core/progress/FaultMount.hpp) and a damaged file. Needs root to mount; a
// case that cannot set its fault up exits 77 and is reported skipped.
#include "core/pack/PackChecker.hpp"
#include "core/progress/FaultMount.hpp"
#include "ui/PlayerProgress.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace quiz;
namespace fs = std::filesystem;

namespace
{

constexpr core::TimestampMs kNow = 1'780'000'000'000LL;

std::vector<core::Pack> demoPacks()
{
    std::vector<core::Pack> packs;
    for (const core::CheckedPack& checked : core::loadAndCheckAll(
             {std::string(QUIZ_SOURCE_DIR) + "/tests/data/ui/packs"}, core::CheckOptions()))
        if (checked.pack)
            packs.push_back(*checked.pack);
    REQUIRE_FALSE(packs.empty());
    return packs;
}

/// A round of every question of the first pack, each answered with its first option.
core::Session answeredRound(const std::vector<core::Pack>& packs)
{
    core::SessionConfig config;
    config.selections = {{packs.front().id, ""}};
    config.count = 0;
    config.mode = core::Mode::Exam;
    std::string error;
    std::optional<core::Session> session = core::Session::create(packs, config, error);
    REQUIRE(session);
    while (!session->isFinished())
    {
        const core::Question& question = session->getCurrent().question;
        REQUIRE(session->pick(question.options.front().id));
        if (question.type == core::QuestionType::Multiple)
            REQUIRE(session->submit());
        session->advance(std::chrono::milliseconds(0));
        if (session->getPhase() == core::Phase::Feedback)
            session->next();
    }
    return std::move(*session);
}

std::size_t countLines(const std::string& text, const std::string& part)
{
    std::size_t count = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        count += line.find(part) != std::string::npos ? 1U : 0U;
    return count;
}

} // namespace

TEST_CASE("PlayerProgress faults: a disk that fills up mid-round makes one notice that counts "
          "the lost answers, logged once, until dismissed",
          "[ui][progress][faults]")
{
    const std::vector<core::Pack> packs = demoPacks();
    const core::Session session = answeredRound(packs);
    REQUIRE(session.getQuestionCount() >= 4);
    test::ScratchMount disk(512 * 1024);
    std::ostringstream log;
    ui::PlayerProgress progress(disk.getPath().string());
    progress.setLog(&log);
    REQUIRE(progress.createPlayer("Ana", kNow).empty());
    REQUIRE(progress.recordAnswer(packs, session, 0, core::Confidence::None, kNow, "").empty());
    disk.fill("filler");
    std::size_t lost = 0;
    for (std::size_t i = 1; i < session.getQuestionCount(); ++i)
        lost += progress.recordAnswer(packs, session, i, core::Confidence::None, kNow, "").empty()
                    ? 0U
                    : 1U;
    REQUIRE(lost >= 2);
    const std::vector<std::string> notices = progress.getNotices();
    INFO(log.str());
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].rfind("Answers are not being saved: answer not recorded in ", 0) == 0);
    CHECK(notices[0].find("the disk is full") != std::string::npos);
    CHECK(notices[0].find("(" + std::to_string(lost) + " times)") != std::string::npos);
    CHECK(countLines(log.str(), "Answers are not being saved") == 1);
    progress.clearNotices();
    CHECK_FALSE(progress.hasNotices());
    // With room again, the next answer is saved without a restart, next to the first.
    fs::remove(disk.file("filler"));
    CHECK(progress.recordAnswer(packs, session, 1, core::Confidence::None, kNow, "").empty());
    CHECK_FALSE(progress.hasNotices());
    CHECK(progress.getStore()->countAnswers().getValue() ==
          static_cast<std::int64_t>(session.getQuestionCount() - lost + 1));
}

TEST_CASE("PlayerProgress faults: a new player on a nearly full disk is told why and leaves no "
          "database behind",
          "[ui][progress][faults]")
{
    test::ScratchMount disk(256 * 1024);
    std::ostringstream log;
    ui::PlayerProgress progress(disk.getPath().string());
    progress.setLog(&log);
    disk.fill("filler", 12 * 1024);
    const std::string error = progress.createPlayer("Ana", kNow);
    INFO(error);
    CHECK(error.rfind("Answers cannot be saved: ", 0) == 0);
    CHECK(error.find("the disk is full") != std::string::npos);
    CHECK_FALSE(progress.hasPlayer());
    CHECK(countLines(log.str(), error) == 1);
    for (const auto& entry : fs::recursive_directory_iterator(disk.getPath()))
        CHECK(entry.path().filename().string().find("progress.sqlite") == std::string::npos);
}
