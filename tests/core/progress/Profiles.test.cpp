#include "core/progress/Profiles.hpp"

#include "TempDir.hpp"
#include "core/progress/ProfileFiles.hpp"
#include "core/util/AtomicFile.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace quiz::core;
using quiz::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("Profiles: the default root follows XDG_DATA_HOME, then HOME", "[progress][profiles]")
{
    CHECK(resolveDefaultProfileRoot("/data", "/home/ann") == "/data/heparin-quiz");
    CHECK(resolveDefaultProfileRoot(nullptr, "/home/ann") == "/home/ann/.local/share/heparin-quiz");
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    CHECK(resolveDefaultProfileRoot("data", "/home/ann") == "/home/ann/.local/share/heparin-quiz");
    CHECK(resolveDefaultProfileRoot("", "/home/ann") == "/home/ann/.local/share/heparin-quiz");
    CHECK(resolveDefaultProfileRoot(nullptr, nullptr).empty());
}

TEST_CASE("Profiles: names are validated", "[progress][profiles]")
{
    CHECK(validateProfileName("Ann").empty());
    CHECK(validateProfileName("Zoë Müller").empty());
    CHECK(validateProfileName("../../etc").empty()); // allowed as a name, never used as a path
    CHECK_FALSE(validateProfileName("").empty());
    CHECK_FALSE(validateProfileName(" Ann").empty());
    CHECK_FALSE(validateProfileName("A\nB").empty());
    CHECK_FALSE(validateProfileName("A\tB").empty());
    CHECK_FALSE(validateProfileName("bad \xC3").empty());
    CHECK_FALSE(validateProfileName("overlong \xC0\xAF").empty());
    CHECK(validateProfileName(std::string(40, 'a')).empty());
    CHECK_FALSE(validateProfileName(std::string(41, 'a')).empty());
    // 40 two-byte characters are 80 bytes but still 40 characters.
    std::string umlauts;
    for (int i = 0; i < 40; ++i)
        umlauts += "\xC3\xA4";
    CHECK(validateProfileName(umlauts).empty());
    CHECK(trimProfileName("  Ann B \t") == "Ann B");
}

TEST_CASE("Profiles: the first player is named after the account, or Student when it cannot be",
          "[progress][profiles]")
{
    CHECK(firstPlayerName("ana") == "ana");
    CHECK(firstPlayerName(" ana\n") == "ana");
    CHECK(firstPlayerName("") == "Student");
    CHECK(firstPlayerName("bad\x01name") == "Student");
    CHECK(firstPlayerName(std::string(kMaxProfileNameLength + 1, 'a')) == "Student");
    CHECK(firstPlayerName("\xff\xfe") == "Student");
}

TEST_CASE("Profiles: create, list, find, rename and delete", "[progress][profiles]")
{
    TempDir temp;
    ProfileDirectory profiles(temp.file("root"));
    REQUIRE(profiles.listProfiles().isOk());
    CHECK(profiles.listProfiles().getValue().empty());

    Outcome<Profile> ann = profiles.createProfile("  Ann  ");
    REQUIRE(ann.isOk());
    CHECK(ann.getValue().name == "Ann");
    CHECK(ann.getValue().folderName == "ann");
    CHECK(fs::is_directory(ann.getValue().folderPath));
    CHECK(ann.getValue().databasePath == (fs::path(ann.getValue().folderPath) / "progress.sqlite"));
    REQUIRE(profiles.createProfile("bob").isOk());

    Outcome<std::vector<Profile>> list = profiles.listProfiles();
    REQUIRE(list.isOk());
    REQUIRE(list.getValue().size() == 2);
    CHECK(list.getValue()[0].name == "Ann");
    CHECK(list.getValue()[1].name == "bob");

    CHECK(profiles.findProfile("ANN").isOk());
    Outcome<Profile> missing = profiles.findProfile("Carl");
    CHECK_FALSE(missing.isOk());
    CHECK(missing.getMessage().find("no player named 'Carl'") != std::string::npos);
    CHECK(missing.getMessage().find("'Ann'") != std::string::npos);

    REQUIRE(profiles.renameProfile("ann", "Annie").ok);
    CHECK_FALSE(profiles.findProfile("Ann").isOk());
    REQUIRE(profiles.findProfile("Annie").isOk());
    CHECK(profiles.findProfile("Annie").getValue().folderPath == ann.getValue().folderPath);
    // Renaming to a different case of the same name is fine; to another player's name is not.
    CHECK(profiles.renameProfile("Annie", "ANNIE").ok);
    CHECK_FALSE(profiles.renameProfile("ANNIE", "Bob").ok);
    CHECK_FALSE(profiles.renameProfile("ANNIE", "").ok);

    REQUIRE(profiles.deleteProfile("annie").ok);
    CHECK_FALSE(fs::exists(ann.getValue().folderPath));
    REQUIRE(profiles.listProfiles().getValue().size() == 1);
    CHECK_FALSE(profiles.deleteProfile("annie").ok);
}

TEST_CASE("Profiles: duplicate names are refused ignoring case", "[progress][profiles]")
{
    TempDir temp;
    ProfileDirectory profiles(temp.getPath().string());
    REQUIRE(profiles.createProfile("Ann").isOk());
    Outcome<Profile> again = profiles.createProfile("aNN");
    REQUIRE_FALSE(again.isOk());
    CHECK(again.getMessage() == "a player named 'aNN' already exists");
    CHECK_FALSE(profiles.createProfile("   ").isOk());
}

TEST_CASE("Profiles: folder names are generated, never taken from the name", "[progress][profiles]")
{
    TempDir temp;
    ProfileDirectory profiles(temp.getPath().string());
    Outcome<Profile> sneaky = profiles.createProfile("../../etc/passwd");
    REQUIRE(sneaky.isOk());
    CHECK(sneaky.getValue().folderName == "etc-passwd");
    CHECK(fs::path(sneaky.getValue().folderPath).parent_path() == temp.getPath() / "profiles");

    Outcome<Profile> greek = profiles.createProfile("Αλφα");
    REQUIRE(greek.isOk());
    CHECK(greek.getValue().folderName == "player");
    Outcome<Profile> greek2 = profiles.createProfile("Βήτα");
    REQUIRE(greek2.isOk());
    CHECK(greek2.getValue().folderName == "player-2");

    // Two names with the same slug get different folders.
    Outcome<Profile> a1 = profiles.createProfile("Ann Lee");
    Outcome<Profile> a2 = profiles.createProfile("Ann-Lee");
    REQUIRE(a1.isOk());
    REQUIRE(a2.isOk());
    CHECK(a1.getValue().folderName == "ann-lee");
    CHECK(a2.getValue().folderName == "ann-lee-2");
    CHECK(profiles.listProfiles().getValue().size() == 5);
}

TEST_CASE("Profiles: stray folders and files in the root are ignored", "[progress][profiles]")
{
    TempDir temp;
    ProfileDirectory profiles(temp.getPath().string());
    fs::create_directories(temp.getPath() / "profiles" / "no-name-file");
    fs::create_directories(temp.getPath() / "profiles" / "Not Generated");
    REQUIRE(writeFileAtomically(
                (temp.getPath() / "profiles" / "Not Generated" / "name.txt").string(), "Ghost")
                .empty());
    REQUIRE(writeFileAtomically((temp.getPath() / "profiles" / "stray.txt").string(), "x").empty());
    REQUIRE(profiles.listProfiles().isOk());
    CHECK(profiles.listProfiles().getValue().empty());
    // A half-created folder does not block a new profile of that name.
    fs::create_directories(temp.getPath() / "profiles" / "ann");
    Outcome<Profile> ann = profiles.createProfile("Ann");
    REQUIRE(ann.isOk());
    CHECK(ann.getValue().folderName == "ann-2");
}

TEST_CASE("Profiles: small files are read whole or refused when too large", "[progress][files]")
{
    TempDir temp;
    REQUIRE(writeFileAtomically(temp.file("a.txt"), "second").empty());
    CHECK_FALSE(readSmallFile(temp.file("a.txt"), 3).isOk());
    CHECK(readSmallFile(temp.file("a.txt"), 6).getValue() == "second");
    CHECK_FALSE(readSmallFile(temp.file("missing.txt"), 6).isOk());
}

TEST_CASE("Profiles: the profile picked last is remembered across renames", "[progress][profiles]")
{
    TempDir temp;
    ProfileDirectory profiles(temp.getPath().string());
    CHECK_FALSE(profiles.getLastProfile().isOk());
    REQUIRE(profiles.createProfile("Ann").isOk());
    REQUIRE(profiles.createProfile("Bob").isOk());
    REQUIRE(profiles.setLastProfile("bob").ok);
    REQUIRE(profiles.getLastProfile().isOk());
    CHECK(profiles.getLastProfile().getValue().name == "Bob");
    REQUIRE(profiles.renameProfile("Bob", "Robert").ok);
    CHECK(profiles.getLastProfile().getValue().name == "Robert");
    CHECK_FALSE(profiles.setLastProfile("Carl").ok);
    REQUIRE(profiles.deleteProfile("Robert").ok);
    Outcome<Profile> gone = profiles.getLastProfile();
    REQUIRE_FALSE(gone.isOk());
    CHECK(gone.getMessage() == "the profile picked last no longer exists");
}
