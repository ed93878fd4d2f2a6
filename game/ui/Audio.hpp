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

class OpenAlDevice;

/// Short tones made in code (no sound files), played through OpenAL. The OpenAL library is
/// loaded only when the first cue plays with sound on, so a muted game never loads an audio
/// library nor opens the device; a machine without one stays silent and its complaints are
/// swallowed.
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

private:
    bool prepare();

    bool m_enabled = true;
    bool m_prepared = false;
    float m_volume = 70.0F;
    std::unique_ptr<OpenAlDevice> m_device; ///< null until a cue first plays, or if none opens
};

/// 16-bit mono samples at `sampleRate` for a sequence of notes (frequency Hz, duration ms),
/// each with a soft attack and decay so it does not click.
[[nodiscard]] std::vector<std::int16_t> synthesize(const std::vector<std::pair<float, int>>& notes,
                                                   unsigned sampleRate);

} // namespace quiz::ui
