#include "Audio.hpp"

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>
#include <SFML/System/Err.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <iostream>
#include <sstream>

namespace quiz::ui
{
namespace
{

constexpr unsigned kSampleRate = 44100;

std::vector<std::pair<float, int>> notesOf(Cue cue)
{
    switch (cue)
    {
    case Cue::Correct:
        return {{659.3F, 90}, {987.8F, 160}}; // a rising fifth
    case Cue::Wrong:
        return {{311.1F, 120}, {246.9F, 200}}; // a falling step, low
    case Cue::Finish:
        break;
    }
    return {{523.3F, 110}, {659.3F, 110}, {784.0F, 110}, {1046.5F, 260}}; // an arpeggio
}

} // namespace

/// One buffer per cue and the sound that plays them (one cue at a time).
struct AudioPlayer::Voices
{
    std::array<sf::SoundBuffer, 3> buffers;
    sf::Sound sound;
};

std::vector<std::int16_t> synthesize(const std::vector<std::pair<float, int>>& notes,
                                     unsigned sampleRate)
{
    std::vector<std::int16_t> samples;
    const double pi = std::acos(-1.0);
    for (const auto& [frequency, ms] : notes)
    {
        const auto count =
            static_cast<std::size_t>(sampleRate) * static_cast<std::size_t>(ms) / 1000U;
        for (std::size_t i = 0; i < count; ++i)
        {
            const double t = static_cast<double>(i) / sampleRate;
            const double attack = std::min(1.0, static_cast<double>(i) / (0.008 * sampleRate));
            const double decay =
                std::exp(-3.5 * static_cast<double>(i) / static_cast<double>(count));
            // A sine with a little third harmonic: soft, but audible on laptop speakers.
            const double wave =
                std::sin(2.0 * pi * frequency * t) + 0.18 * std::sin(6.0 * pi * frequency * t);
            const double value = 0.32 * attack * decay * wave;
            samples.push_back(static_cast<std::int16_t>(std::lround(value * 32767.0)));
        }
    }
    return samples;
}

AudioPlayer::AudioPlayer() = default;

AudioPlayer::~AudioPlayer() = default;

std::vector<std::int16_t> AudioPlayer::samplesOf(Cue cue)
{
    return synthesize(notesOf(cue), kSampleRate);
}

unsigned AudioPlayer::getSampleRate()
{
    return kSampleRate;
}

void AudioPlayer::setVolume(int volume)
{
    m_volume = static_cast<float>(std::clamp(volume, 0, 100));
    if (m_voices)
        m_voices->sound.setVolume(m_volume);
}

bool AudioPlayer::prepare()
{
    // The first SFML audio object opens the device: only now, with sound wanted. SFML says on
    // its error stream when no device opens, and then every later call fails again with a
    // message of its own: listen once, and stay silent from then on.
    std::ostringstream messages;
    std::streambuf* saved = sf::err().rdbuf(messages.rdbuf());
    m_voices = std::make_unique<Voices>();
    for (const Cue each : {Cue::Correct, Cue::Wrong, Cue::Finish})
    {
        const std::vector<std::int16_t> samples = samplesOf(each);
        (void)m_voices->buffers[static_cast<std::size_t>(each)].loadFromSamples(
            samples.data(), samples.size(), 1, kSampleRate);
    }
    m_voices->sound.setVolume(m_volume);
    if (messages.str().find("Failed to open the audio device") != std::string::npos)
    {
        m_voices.reset();
        m_unavailable = true;
    }
    sf::err().rdbuf(saved);
    if (m_unavailable)
        std::cerr << "heparin-quiz: no audio device could be opened; playing without sound\n";
    return !m_unavailable;
}

void AudioPlayer::play(Cue cue)
{
    if (!m_enabled || m_volume <= 0.0F || m_unavailable)
        return;
    if (!m_voices && !prepare())
        return;
    m_voices->sound.stop();
    m_voices->sound.setBuffer(m_voices->buffers[static_cast<std::size_t>(cue)]);
    m_voices->sound.play();
}

} // namespace quiz::ui
