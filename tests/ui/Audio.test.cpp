#include "ui/Audio.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace quiz::ui;

namespace
{

/// The files mapped into this process (shared libraries and the like), from /proc/self/maps.
std::set<std::string> mappedFiles()
{
    std::set<std::string> files;
    std::ifstream maps("/proc/self/maps");
    for (std::string line; std::getline(maps, line);)
    {
        const std::size_t slash = line.find('/');
        if (slash != std::string::npos)
            files.insert(line.substr(slash));
    }
    return files;
}

bool isMapped(const std::string& part)
{
    const std::set<std::string> files = mappedFiles();
    return std::any_of(files.begin(), files.end(),
                       [&part](const std::string& file)
                       { return file.find(part) != std::string::npos; });
}

/// How many times the samples change sign: about twice the frequency times the duration.
std::size_t signChanges(const std::vector<std::int16_t>& samples, std::size_t from, std::size_t to)
{
    std::size_t changes = 0;
    for (std::size_t i = from + 1; i < to; ++i)
        changes += (samples[i - 1] < 0) != (samples[i] < 0) ? 1U : 0U;
    return changes;
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

TEST_CASE("Audio: each cue plays its own notes: a rising fifth, a falling step, an arpeggio",
          "[ui][audio]")
{
    const unsigned rate = AudioPlayer::getSampleRate();
    const std::vector<std::int16_t> correct = AudioPlayer::samplesOf(Cue::Correct);
    const std::vector<std::int16_t> wrong = AudioPlayer::samplesOf(Cue::Wrong);
    const std::vector<std::int16_t> finish = AudioPlayer::samplesOf(Cue::Finish);
    CHECK(correct.size() == rate * 250 / 1000);
    CHECK(wrong.size() == rate * 320 / 1000);
    CHECK(finish.size() == rate * 110 / 1000 * 3 + rate * 260 / 1000);
    // Correct rises (E5 then B5), wrong falls (D#4 then B3): count sign changes per note.
    const std::size_t firstNote = rate * 90 / 1000;
    const double correctLow = static_cast<double>(signChanges(correct, 0, firstNote)) / 0.09 / 2;
    const double correctHigh =
        static_cast<double>(signChanges(correct, firstNote, correct.size())) / 0.16 / 2;
    CHECK(correctLow == Approx(659.3).epsilon(0.05));
    CHECK(correctHigh == Approx(987.8).epsilon(0.05));
    const std::size_t wrongFirst = rate * 120 / 1000;
    const double wrongHigh = static_cast<double>(signChanges(wrong, 0, wrongFirst)) / 0.12 / 2;
    const double wrongLow =
        static_cast<double>(signChanges(wrong, wrongFirst, wrong.size())) / 0.2 / 2;
    CHECK(wrongHigh == Approx(311.1).epsilon(0.05));
    CHECK(wrongLow == Approx(246.9).epsilon(0.05));
}

TEST_CASE("Audio: a muted player opens no audio device and maps no sound back end", "[ui][audio]")
{
    const std::set<std::string> before = mappedFiles();
    AudioPlayer muted;
    muted.setEnabled(false);
    muted.setVolume(80);
    for (const Cue cue : {Cue::Correct, Cue::Wrong, Cue::Finish})
        muted.play(cue);
    AudioPlayer silent; // sound on, volume 0: nothing to hear, so nothing opened either
    silent.setVolume(0);
    silent.play(Cue::Finish);
    // Opening a device makes OpenAL load its back ends (PulseAudio, ALSA plug-ins): any file
    // mapped now that was not before means the device was opened.
    const std::set<std::string> after = mappedFiles();
    std::vector<std::string> added;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(added));
    INFO("newly mapped: " << (added.empty() ? std::string("nothing") : added.front()));
    CHECK(added.empty());
}

TEST_CASE("Audio: the first cue with sound on opens the device (OpenAL loads its back end)",
          "[ui][audio]")
{
    // The control for the test above: the sign it looks for does appear when a device opens.
    if (!std::filesystem::exists("/usr/lib/x86_64-linux-gnu/libpulse.so.0"))
    {
        WARN("no PulseAudio client library on this machine for OpenAL to load: not checked");
        return;
    }
    REQUIRE_FALSE(isMapped("libpulse"));
    AudioPlayer player;
    player.setVolume(10);
    player.play(Cue::Correct);
    CHECK(isMapped("libpulse"));
}
