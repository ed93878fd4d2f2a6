#pragma once

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>

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

/// Short tones made in code (no sound files). Nothing is touched until the first cue plays,
/// so a muted game never opens the audio device; a machine without one stays silent and
/// SFML's complaints are swallowed.
class AudioPlayer
{
public:
    AudioPlayer() = default;
    ~AudioPlayer();

    void setEnabled(bool enabled) { m_enabled = enabled; }
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    /// 0..100
    void setVolume(int volume);
    void play(Cue cue);

private:
    bool prepare();

    bool m_enabled = true;
    bool m_prepared = false;
    float m_volume = 70.0F;
    std::vector<sf::SoundBuffer> m_buffers;
    std::unique_ptr<sf::Sound> m_sound;
};

/// 16-bit mono samples at `sampleRate` for a sequence of notes (frequency Hz, duration ms),
/// each with a soft attack and decay so it does not click.
[[nodiscard]] std::vector<std::int16_t> synthesize(const std::vector<std::pair<float, int>>& notes,
                                                   unsigned sampleRate);

} // namespace quiz::ui
