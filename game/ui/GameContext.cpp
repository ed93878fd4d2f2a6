#include "GameContext.hpp"

#include "Audio.hpp"
#include "Screen.hpp"
#include "Theme.hpp"

namespace quiz::ui
{

GameContext::GameContext(ServiceOptions options, Theme& theme_, AudioPlayer& audio_,
                         ScreenStack& screens_)
    : GameServices(std::move(options)), theme(&theme_), audio(&audio_), screens(&screens_)
{
}

std::string GameContext::startSession(const core::SessionConfig& config)
{
    std::string error = createSession(config);
    if (!error.empty())
        return error;
    roundConfidence.clear();
    pendingChoice.clear();
    pendingNumber.reset();
    screens->clear();
    screens->push(ScreenId::Title);
    screens->push(ScreenId::Question);
    return {};
}

void GameContext::finishSession()
{
    GameServices::finishSession();
    audio->play(Cue::Finish);
}

void GameContext::applySettings(bool save)
{
    theme->setHighContrast(settings.highContrast);
    theme->setTextSizeStep(settings.textSize);
    audio->setEnabled(settings.sound && !mute);
    audio->setVolume(settings.volume);
    if (save)
        (void)saveSettings();
    if (window != nullptr)
        window->applyWindowSettings(settings.fullscreen);
}

void GameContext::toggleFullscreen()
{
    settings.fullscreen = !settings.fullscreen;
    applySettings(true);
}

void GameContext::quit()
{
    if (window != nullptr)
        window->close();
}

} // namespace quiz::ui
