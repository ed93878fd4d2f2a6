// End to end, a student's first start: the real executable under a display (xvfb-run), a fresh
// profile folder, and the history read back through `heparin-quiz export` as JSON.
#include "Screenshot.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace
{

const std::string kExe = QUIZ_GAME_EXE;
const std::string kSource = QUIZ_SOURCE_DIR;
const std::string kPacks = kSource + "/tests/data/ui/packs";

fs::path freshDir(const std::string& name)
{
    const fs::path dir = fs::path(QUIZ_BINARY_DIR) / "e2e-output" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

/// Runs the executable as the account `user` (USER and LOGNAME set), so a first start names
/// its player predictably.
int runAs(const std::string& user, const std::string& arguments)
{
    const std::string command =
        "USER='" + user + "' LOGNAME='" + user + "' '" + kExe + "' " + arguments;
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run(const std::string& arguments)
{
    return runAs("nobody-in-particular", arguments);
}

/// The JSON file at `path`; a file that is missing or not JSON fails the test.
Json readJson(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    INFO(path.string() << ":\n" << text);
    REQUIRE(Json::accept(text));
    return Json::parse(text);
}

/// The player folders under `profile`.
std::size_t countPlayers(const fs::path& profile)
{
    std::size_t count = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(profile / "profiles", ec))
        count += entry.is_directory() ? 1U : 0U;
    return count;
}

} // namespace

TEST_CASE("Game: a first start makes a player for the account, renamed on the title screen, "
          "and the first answer is in the history export",
          "[e2e][display][progress]")
{
    const fs::path dir = freshDir("first-start");
    const fs::path profile = dir / "profile";
    REQUIRE(runAs("dana", "--data-dir '" + kPacks + "' --window 1280x720 --profile-dir '" +
                              profile.string() + "' --screenshot-dir '" + dir.string() +
                              "' --script '" + kSource + "/tests/e2e/first-start.script'") == 0);
    for (const char* shot : {"first-start", "first-start-renamed", "first-answer"})
        CHECK(screenshotProblem(dir / (std::string(shot) + ".png"), 1280, 720).empty());
    CHECK(countPlayers(profile) == 1); // renamed, not a second player

    const fs::path exported = dir / "history.json";
    REQUIRE(run("export --player 'Dana Lee' --format json --profile-dir '" + profile.string() +
                "' --output '" + exported.string() + "'") == 0);
    const Json history = readJson(exported);
    INFO(history.dump());
    CHECK(history["player"] == "Dana Lee");
    REQUIRE(history["answers"].size() == 1);
    const Json& answer = history["answers"][0];
    CHECK(answer["pack_id"] == "org.heparinquiz.test-demo");
    CHECK(answer["mode"] == "tutor");
    CHECK(answer["confidence"] == "sure");
    CHECK_FALSE(answer["chosen"].empty());
    // The account name is gone with the rename.
    CHECK(run("export --player dana --profile-dir '" + profile.string() + "' 2>/dev/null") == 1);
}

TEST_CASE("Game: play --player creates the player when missing and keeps its rounds for export",
          "[e2e][display][progress]")
{
    const fs::path dir = freshDir("play-player");
    const fs::path profile = dir / "profile";
    std::ofstream(dir / "two.script") << "key 1\nkey Enter\nkey 1\nkey Enter\nquit\n";
    std::ofstream(dir / "one.script") << "key 1\nkey Enter\nquit\n";
    const std::string play = "--data-dir '" + kPacks +
                             "' play --pack org.heparinquiz.test-demo --mode exam --seed 7 "
                             "--mute --window 1280x720 --profile-dir '" +
                             profile.string() + "' ";
    // A fresh profile folder: the named player, not one for the account.
    REQUIRE(runAs("zed", play + "--player Eve --count 2 --script '" +
                             (dir / "two.script").string() + "'") == 0);
    CHECK(countPlayers(profile) == 1);
    // Names ignore case: the same player again.
    REQUIRE(runAs("zed", play + "--player eve --count 1 --script '" +
                             (dir / "one.script").string() + "'") == 0);
    CHECK(countPlayers(profile) == 1);

    const fs::path exported = dir / "history.json";
    REQUIRE(run("export --player Eve --format json --profile-dir '" + profile.string() +
                "' --output '" + exported.string() + "'") == 0);
    const Json history = readJson(exported);
    INFO(history.dump());
    CHECK(history["player"] == "Eve");
    REQUIRE(history["answers"].size() == 3);
    for (const Json& answer : history["answers"])
    {
        CHECK(answer["mode"] == "exam");
        CHECK(answer["pack_id"] == "org.heparinquiz.test-demo");
        CHECK(answer["chosen"].size() == 1);
    }
    // A name that is no player name is refused before any window opens.
    CHECK(runAs("zed", play + "--player '' 2>/dev/null") == 2);
}
