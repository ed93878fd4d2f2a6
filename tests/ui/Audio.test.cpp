#include "ui/Audio.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace quiz::ui;

namespace
{

/// True when a shared library whose path contains `name` is mapped into this process.
bool isLoaded(const std::string& name)
{
    std::ifstream maps("/proc/self/maps");
    for (std::string line; std::getline(maps, line);)
    {
        if (line.find(name) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("Audio: synthesised cues have the requested length and fade without clipping",
          "[ui][audio]")
{
    const std::vector<std::int16_t> samples = synthesize({{440.0F, 100}, {880.0F, 50}}, 10000);
    REQUIRE(samples.size() == 1500);
    const auto loudest =
        std::max_element(samples.begin(), samples.end(),
                         [](std::int16_t a, std::int16_t b) { return std::abs(a) < std::abs(b); });
    CHECK(std::abs(*loudest) > 3000);       // audible
    CHECK(std::abs(*loudest) < 32767);      // no clipping
    CHECK(std::abs(samples.front()) < 200); // soft attack: no click
}

TEST_CASE("Audio: a disabled player never opens the audio device", "[ui][audio]")
{
    AudioPlayer player;
    player.setEnabled(false);
    player.play(Cue::Correct); // must return without touching OpenAL
    CHECK_FALSE(player.isEnabled());
}

TEST_CASE("Audio: no audio library is loaded until a cue plays with sound on", "[ui][audio]")
{
    // The game links no audio library: a muted game never pays for OpenAL or ALSA.
    AudioPlayer player;
    player.setEnabled(false);
    player.setVolume(80);
    player.play(Cue::Finish);
    CHECK_FALSE(isLoaded("libopenal"));
    CHECK_FALSE(isLoaded("libasound"));
    CHECK_FALSE(isLoaded("libsfml-audio"));
}
