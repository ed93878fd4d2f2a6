#include "Audio.hpp"

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

/// Points file descriptor 2 at /dev/null while it lives: ALSA and OpenAL write their own
/// complaints about a missing sound card straight to stderr.
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

// OpenAL 1.1 types and the few constants the cues need (al.h, alc.h), spelled out here
// because the library is looked up at run time, not linked.
using ALuint = unsigned int;
using ALint = int;
using ALenum = int;
using ALsizei = int;
using ALfloat = float;
using ALCboolean = char;
constexpr ALenum kAlBuffer = 0x1009;
constexpr ALenum kAlGain = 0x100A;
constexpr ALenum kAlFormatMono16 = 0x1101;
constexpr ALenum kAlNoError = 0;

/// Looks `name` up in `library` into `function`; false when it is missing.
template <typename Function> bool lookUp(void* library, const char* name, Function& function)
{
    void* symbol = dlsym(library, name);
    function = reinterpret_cast<Function>(symbol);
    return symbol != nullptr;
}

} // namespace

/// The default OpenAL playback device with one context, one source and the cue buffers. The
/// library is opened with dlopen when the first cue plays: linking it (or SFML's audio module,
/// which pulls in ALSA, Vorbis and FLAC) would load and relocate all of them at every start,
/// muted or not.
class OpenAlDevice
{
public:
    /// Null when libopenal is missing, lacks an entry point, or no playback device opens.
    static std::unique_ptr<OpenAlDevice> open();
    ~OpenAlDevice();
    OpenAlDevice(const OpenAlDevice&) = delete;
    OpenAlDevice& operator=(const OpenAlDevice&) = delete;

    /// Uploads 16-bit mono samples as the next cue buffer; false when OpenAL refuses them.
    bool addBuffer(const std::vector<std::int16_t>& samples, unsigned sampleRate);
    /// 0..100, as SFML's sounds take it.
    void setVolume(float volume);
    /// Stops whatever plays and starts buffer `index` (in the order added).
    void play(std::size_t index);

private:
    OpenAlDevice() = default;
    bool bind(void* library);

    void* m_device = nullptr;
    void* m_context = nullptr;
    ALuint m_source = 0;
    bool m_hasSource = false;
    std::vector<ALuint> m_buffers;

    void* (*m_openDevice)(const char*) = nullptr;
    ALCboolean (*m_closeDevice)(void*) = nullptr;
    void* (*m_createContext)(void*, const ALint*) = nullptr;
    ALCboolean (*m_makeContextCurrent)(void*) = nullptr;
    void (*m_destroyContext)(void*) = nullptr;
    ALenum (*m_getError)() = nullptr;
    void (*m_genBuffers)(ALsizei, ALuint*) = nullptr;
    void (*m_deleteBuffers)(ALsizei, const ALuint*) = nullptr;
    void (*m_bufferData)(ALuint, ALenum, const void*, ALsizei, ALsizei) = nullptr;
    void (*m_genSources)(ALsizei, ALuint*) = nullptr;
    void (*m_deleteSources)(ALsizei, const ALuint*) = nullptr;
    void (*m_sourcei)(ALuint, ALenum, ALint) = nullptr;
    void (*m_sourcef)(ALuint, ALenum, ALfloat) = nullptr;
    void (*m_sourcePlay)(ALuint) = nullptr;
    void (*m_sourceStop)(ALuint) = nullptr;
};

bool OpenAlDevice::bind(void* library)
{
    return lookUp(library, "alcOpenDevice", m_openDevice) &&
           lookUp(library, "alcCloseDevice", m_closeDevice) &&
           lookUp(library, "alcCreateContext", m_createContext) &&
           lookUp(library, "alcMakeContextCurrent", m_makeContextCurrent) &&
           lookUp(library, "alcDestroyContext", m_destroyContext) &&
           lookUp(library, "alGetError", m_getError) &&
           lookUp(library, "alGenBuffers", m_genBuffers) &&
           lookUp(library, "alDeleteBuffers", m_deleteBuffers) &&
           lookUp(library, "alBufferData", m_bufferData) &&
           lookUp(library, "alGenSources", m_genSources) &&
           lookUp(library, "alDeleteSources", m_deleteSources) &&
           lookUp(library, "alSourcei", m_sourcei) && lookUp(library, "alSourcef", m_sourcef) &&
           lookUp(library, "alSourcePlay", m_sourcePlay) &&
           lookUp(library, "alSourceStop", m_sourceStop);
}

std::unique_ptr<OpenAlDevice> OpenAlDevice::open()
{
    // Never unloaded once a device opened: OpenAL keeps its own exit handlers for the process.
    void* library = dlopen("libopenal.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr)
        return nullptr;
    std::unique_ptr<OpenAlDevice> device(new OpenAlDevice());
    if (!device->bind(library))
    {
        dlclose(library);
        return nullptr;
    }
    device->m_device = device->m_openDevice(nullptr);
    if (device->m_device == nullptr)
    {
        dlclose(library);
        return nullptr;
    }
    device->m_context = device->m_createContext(device->m_device, nullptr);
    if (device->m_context == nullptr || device->m_makeContextCurrent(device->m_context) == 0)
        return nullptr;   // the destructor closes what did open
    device->m_getError(); // start from a clean error state
    device->m_genSources(1, &device->m_source);
    if (device->m_getError() != kAlNoError)
        return nullptr;
    device->m_hasSource = true;
    return device;
}

OpenAlDevice::~OpenAlDevice()
{
    if (m_hasSource)
    {
        m_sourceStop(m_source);
        m_deleteSources(1, &m_source);
    }
    if (!m_buffers.empty())
        m_deleteBuffers(static_cast<ALsizei>(m_buffers.size()), m_buffers.data());
    if (m_context != nullptr)
    {
        m_makeContextCurrent(nullptr);
        m_destroyContext(m_context);
    }
    if (m_device != nullptr)
        m_closeDevice(m_device);
}

bool OpenAlDevice::addBuffer(const std::vector<std::int16_t>& samples, unsigned sampleRate)
{
    ALuint buffer = 0;
    m_getError();
    m_genBuffers(1, &buffer);
    if (m_getError() != kAlNoError)
        return false;
    m_buffers.push_back(buffer);
    m_bufferData(buffer, kAlFormatMono16, samples.data(),
                 static_cast<ALsizei>(samples.size() * sizeof(std::int16_t)),
                 static_cast<ALsizei>(sampleRate));
    return m_getError() == kAlNoError;
}

void OpenAlDevice::setVolume(float volume)
{
    m_sourcef(m_source, kAlGain, volume * 0.01F);
}

void OpenAlDevice::play(std::size_t index)
{
    // A source takes another buffer only while stopped.
    m_sourceStop(m_source);
    m_sourcei(m_source, kAlBuffer, static_cast<ALint>(m_buffers[index]));
    m_sourcePlay(m_source);
}

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

void AudioPlayer::setVolume(int volume)
{
    m_volume = static_cast<float>(std::clamp(volume, 0, 100));
    if (m_device)
        m_device->setVolume(m_volume);
}

bool AudioPlayer::prepare()
{
    if (m_prepared)
        return m_device != nullptr;
    m_prepared = true;
    const QuietStderr quietStderr;
    m_device = OpenAlDevice::open();
    if (!m_device)
        return false; // play silently: no further attempts or messages
    const std::vector<std::vector<std::pair<float, int>>> cues = {
        {{659.3F, 90}, {987.8F, 160}},                                 // correct: a rising fifth
        {{311.1F, 120}, {246.9F, 200}},                                // wrong: a falling step, low
        {{523.3F, 110}, {659.3F, 110}, {784.0F, 110}, {1046.5F, 260}}, // finish: arpeggio
    };
    for (const auto& notes : cues)
    {
        if (!m_device->addBuffer(synthesize(notes, kSampleRate), kSampleRate))
        {
            m_device.reset();
            return false;
        }
    }
    m_device->setVolume(m_volume);
    return true;
}

void AudioPlayer::play(Cue cue)
{
    if (!m_enabled || m_volume <= 0.0F || !prepare())
        return;
    m_device->play(static_cast<std::size_t>(cue));
}

} // namespace quiz::ui
