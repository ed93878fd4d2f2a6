#include "ui/Settings.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace quiz::ui;

TEST_CASE("Settings: what is saved is read back the same", "[ui][settings]")
{
    Settings settings;
    settings.fullscreen = true;
    settings.textSize = 3;
    settings.highContrast = true;
    settings.sound = false;
    settings.volume = 40;
    settings.defaultTimer = 45;
    settings.askConfidence = false;
    const Settings read = Settings::parse(settings.serialize());
    CHECK(read.fullscreen);
    CHECK(read.textSize == 3);
    CHECK(read.highContrast);
    CHECK_FALSE(read.sound);
    CHECK(read.volume == 40);
    CHECK(read.defaultTimer == 45);
    CHECK_FALSE(read.askConfidence);
    CHECK(Settings().askConfidence); // asked by default
}

TEST_CASE("Settings: bad values and unknown keys keep the defaults", "[ui][settings]")
{
    const Settings read = Settings::parse("text-size=9\nvolume=-5\nsound=maybe\ncolour=red\n"
                                          "garbage line\n=\nvolume=abc\nfullscreen=true\n");
    const Settings defaults;
    CHECK(read.textSize == defaults.textSize);
    CHECK(read.volume == defaults.volume);
    CHECK(read.sound == defaults.sound);
    CHECK(read.fullscreen);
}

TEST_CASE("Settings: saving creates the profile folder and replaces the file whole",
          "[ui][settings][io]")
{
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "heparin-quiz-settings-test" / "nested";
    std::filesystem::remove_all(dir.parent_path());
    Settings settings;
    settings.volume = 10;
    std::string error;
    REQUIRE(saveSettings(dir.string(), settings, error));
    settings.volume = 90;
    REQUIRE(saveSettings(dir.string(), settings, error));
    CHECK(loadSettings(dir.string()).volume == 90);
    CHECK_FALSE(std::filesystem::exists(dir / "settings.ini.tmp"));
    std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("Settings: a missing file gives the defaults", "[ui][settings][io]")
{
    CHECK(loadSettings("/nonexistent-heparin-quiz-profile").volume == Settings().volume);
}
