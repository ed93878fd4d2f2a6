#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace quiz::ui
{

enum class Cue
{
    Correct,
    Wrong,
    Finish
};

/// Short tones made in code (no sound files), played with sf::SoundBuffer and sf::Sound.
/// Nothing of SFML's audio is created until the first cue plays with sound on: SFML opens the
/// audio device with its first buffer, so a muted game never opens one. On a machine without
/// a device the sound back ends say why on stderr at the first cue, the game adds one line,
/// and every later cue is silent.
class AudioPlayer
{
public:
    AudioPlayer();
    ~AudioPlayer();
    AudioPlayer(const AudioPlayer&) = delete;
    AudioPlayer& operator=(const AudioPlayer&) = delete;

    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    /// 0..100
    void setVolume(int volume);
    void play(Cue cue);

    /// The 16-bit mono samples of `cue` at getSampleRate(), as they are played.
    [[nodiscard]] static std::vector<std::int16_t> samplesOf(Cue cue);
    [[nodiscard]] static unsigned getSampleRate();

private:
    struct Voices;
    /// Creates the buffers (opening the device); false when no device opens.
    bool prepare();

    bool m_enabled = true;
    bool m_unavailable = false; ///< no device opened at the first cue: stay silent
    float m_volume = 70.0F;
    std::unique_ptr<Voices> m_voices; ///< null until a cue first plays with sound on
};

/// 16-bit mono samples at `sampleRate` for a sequence of notes (frequency Hz, duration ms),
/// each with a soft attack and decay so it does not click.
[[nodiscard]] std::vector<std::int16_t> synthesize(const std::vector<std::pair<float, int>>& notes,
                                                   unsigned sampleRate);

} // namespace quiz::ui
