// The packs folder is found from the executable: the install layout first, then the source tree
// the build was configured from; never the current directory.
#include "app/commands/Paths.hpp"

#include "app/commands/GameLauncher.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace quiz::app;

namespace
{

fs::path freshDir(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / ("heparin-quiz-paths-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("Paths: the install layout beside the executable comes before the source tree",
          "[install][paths]")
{
    const std::vector<std::string> candidates =
        shippedFolderCandidates("/opt/hq/bin", "/home/me/src/heparin-quiz", "questions");
    REQUIRE(candidates.size() == 2);
    CHECK(candidates[0] == "/opt/hq/share/heparin-quiz/questions");
    CHECK(candidates[1] == "/home/me/src/heparin-quiz/questions");
}

TEST_CASE("Paths: the game program in PREFIX/libexec/heparin-quiz shares PREFIX/share",
          "[install][paths]")
{
    CHECK(shippedFolderCandidates("/usr/libexec/heparin-quiz", "", "questions") ==
          std::vector<std::string>{"/usr/share/heparin-quiz/questions"});
    CHECK(shippedFolderCandidates("/opt/hq/libexec/heparin-quiz/", "", "assets") ==
          std::vector<std::string>{"/opt/hq/share/heparin-quiz/assets"});
    // Only that folder: another one named heparin-quiz keeps the usual EXE/.. rule.
    CHECK(shippedFolderCandidates("/home/me/heparin-quiz", "", "questions") ==
          std::vector<std::string>{"/home/me/share/heparin-quiz/questions"});
}

TEST_CASE("Paths: the game program is looked for beside the executable, then in libexec",
          "[install][paths]")
{
    CHECK(gameProgramCandidates("/work/build/game/app") ==
          std::vector<std::string>{"/work/build/game/app/heparin-quiz-game",
                                   "/work/build/game/libexec/heparin-quiz/heparin-quiz-game"});
    CHECK(gameProgramCandidates("/usr/bin") ==
          std::vector<std::string>{"/usr/bin/heparin-quiz-game",
                                   "/usr/libexec/heparin-quiz/heparin-quiz-game"});
    CHECK(gameProgramCandidates("").empty());
}

TEST_CASE("Paths: an unknown executable folder or source tree gives no candidate",
          "[install][paths]")
{
    CHECK(shippedFolderCandidates("", "/src", "questions") ==
          std::vector<std::string>{"/src/questions"});
    CHECK(shippedFolderCandidates("/usr/bin", "", "assets") ==
          std::vector<std::string>{"/usr/share/heparin-quiz/assets"});
    CHECK(shippedFolderCandidates("", "", "questions").empty());
}

TEST_CASE("Paths: the first qualifying candidate wins and the later ones are not looked at",
          "[install][paths]")
{
    std::vector<std::string> asked;
    const FolderSearch search = findFirstFolder({"a", "b", "c"},
                                                [&](const std::string& dir)
                                                {
                                                    asked.push_back(dir);
                                                    return dir != "a";
                                                });
    CHECK(search.found == "b");
    CHECK(asked == std::vector<std::string>{"a", "b"});
    CHECK(search.looked == std::vector<std::string>{"a", "b"});
}

TEST_CASE("Paths: when nothing qualifies, the message names every place looked in, in order",
          "[install][paths]")
{
    const FolderSearch search =
        findFirstFolder({"/usr/share/heparin-quiz/questions", "/src/questions"},
                        [](const std::string&) { return false; });
    CHECK(search.found.empty());
    CHECK(describeSearch(search) ==
          "looked in /usr/share/heparin-quiz/questions, then /src/questions");
    CHECK(describeSearch(FolderSearch{}) == "nowhere to look");
}

TEST_CASE("Paths: a packs folder is one holding pack.xsd", "[install][paths]")
{
    const fs::path dir = freshDir("marker");
    CHECK_FALSE(isPacksFolder(dir.string()));
    CHECK_FALSE(isPacksFolder((dir / "missing").string()));
    fs::create_directory(dir / "pack.xsd"); // a folder of that name is not the schema
    CHECK_FALSE(isPacksFolder(dir.string()));
    fs::remove(dir / "pack.xsd");
    std::ofstream(dir / "pack.xsd") << "<xs:schema/>";
    CHECK(isPacksFolder(dir.string()));
}

TEST_CASE("Paths: an installed tree is found from its bin folder", "[install][paths]")
{
    const fs::path prefix = freshDir("prefix");
    fs::create_directories(prefix / "bin");
    fs::create_directories(prefix / "share/heparin-quiz/questions");
    std::ofstream(prefix / "share/heparin-quiz/questions/pack.xsd") << "<xs:schema/>";
    CHECK(findDataDir((prefix / "bin").string()) ==
          (prefix / "share/heparin-quiz/questions").string());
}

TEST_CASE("Paths: a build folder anywhere finds the source tree it was configured from",
          "[install][paths]")
{
    const std::string shipped = (fs::path(QUIZ_SOURCE_DIR) / "questions").lexically_normal();
    // The real build folder, and one outside the checkout with nothing installed beside it.
    CHECK(findDataDir(QUIZ_EXE_DIR) == shipped);
    CHECK(findDataDir(freshDir("elsewhere").string()) == shipped);
    CHECK(findDataDir("") == shipped);
}

TEST_CASE("Paths: the message for a missing packs folder names where it looked", "[install][paths]")
{
    const std::string message = describeMissingDataDir("/opt/hq/bin");
    CHECK(message.rfind("no packs folder found (looked in /opt/hq/share/heparin-quiz/questions, "
                        "then ",
                        0) == 0);
    CHECK(message.find(fs::path(QUIZ_SOURCE_DIR).lexically_normal().string()) != std::string::npos);
    CHECK(message.find("--data-dir") != std::string::npos);
}

TEST_CASE("Paths: the shipped assets folder is found the same way", "[install][paths]")
{
    CHECK(findAssetDir(QUIZ_EXE_DIR) ==
          (fs::path(QUIZ_SOURCE_DIR) / "assets").lexically_normal().string());
}
