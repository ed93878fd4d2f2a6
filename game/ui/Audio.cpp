#include "Audio.hpp"

#include <SFML/System/Err.hpp>

#include <algorithm>
#include <cmath>
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

namespace quiz::ui
{
namespace
{

constexpr unsigned kSampleRate = 44100;

/// Sends sf::err() nowhere while it lives: a missing audio device is not the player's problem.
class QuietErrors
{
public:
    QuietErrors() : m_saved(sf::err().rdbuf(nullptr)) {}
    ~QuietErrors()
    {
        sf::err().clear();
        sf::err().rdbuf(m_saved);
    }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    std::streambuf* m_saved;
};

/// Points file descriptor 2 at /dev/null while it lives: ALSA and OpenAL write their own
/// complaints about a missing sound card straight to stderr, around SFML's error stream.
class QuietStderr
{
public:
    QuietStderr() : m_saved(dup(2))
    {
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
        {
            dup2(null, 2);
            close(null);
        }
    }
    ~QuietStderr()
    {
        if (m_saved >= 0)
        {
            dup2(m_saved, 2);
            close(m_saved);
        }
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

private:
    int m_saved;
};

/// Asks OpenAL (the library SFML plays through) whether a playback device opens at all.
/// SFML itself would retry, and complain, for every sound it creates.
bool hasAudioDevice()
{
    void* library = dlopen("libopenal.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr)
        return false;
    using OpenDevice = void* (*)(const char*);
    using CloseDevice = char (*)(void*);
    const auto openDevice = reinterpret_cast<OpenDevice>(dlsym(library, "alcOpenDevice"));
    const auto closeDevice = reinterpret_cast<CloseDevice>(dlsym(library, "alcCloseDevice"));
    bool found = false;
    if (openDevice != nullptr && closeDevice != nullptr)
    {
        void* device = openDevice(nullptr);
        found = device != nullptr;
        if (found)
            closeDevice(device);
    }
    dlclose(library);
    return found;
}

} // namespace

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

AudioPlayer::~AudioPlayer()
{
    const QuietErrors quiet;
    m_sound.reset();
    m_buffers.clear();
}

void AudioPlayer::setVolume(int volume)
{
    m_volume = static_cast<float>(std::clamp(volume, 0, 100));
    if (m_sound)
        m_sound->setVolume(m_volume);
}

bool AudioPlayer::prepare()
{
    if (m_prepared)
        return !m_buffers.empty();
    m_prepared = true;
    const QuietStderr quietStderr;
    const QuietErrors quiet;
    if (!hasAudioDevice())
        return false; // play silently: no sound objects, so no further attempts or messages
    const std::vector<std::vector<std::pair<float, int>>> cues = {
        {{659.3F, 90}, {987.8F, 160}},                                 // correct: a rising fifth
        {{311.1F, 120}, {246.9F, 200}},                                // wrong: a falling step, low
        {{523.3F, 110}, {659.3F, 110}, {784.0F, 110}, {1046.5F, 260}}, // finish: arpeggio
    };
    for (const auto& notes : cues)
    {
        const std::vector<std::int16_t> samples = synthesize(notes, kSampleRate);
        sf::SoundBuffer buffer;
        if (!buffer.loadFromSamples(samples.data(), samples.size(), 1, kSampleRate))
        {
            m_buffers.clear();
            return false;
        }
        m_buffers.push_back(buffer);
    }
    m_sound = std::make_unique<sf::Sound>();
    m_sound->setVolume(m_volume);
    return true;
}

void AudioPlayer::play(Cue cue)
{
    if (!m_enabled || m_volume <= 0.0F || !prepare())
        return;
    const QuietErrors quiet;
    m_sound->stop();
    m_sound->setBuffer(m_buffers[static_cast<std::size_t>(cue)]);
    m_sound->play();
}

} // namespace quiz::ui
