#include "GameServices.hpp"

#include "core/session/Random.hpp"
#include "core/session/Results.hpp"
#include "core/util/AtomicFile.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>

namespace quiz::ui
{

GameServices::GameServices(ServiceOptions options)
    : profileDir(options.profileDir), dataDir(options.dataDir),
      utcOffsetMinutes(options.utcOffsetMinutes), m_options(std::move(options)),
      m_players(m_options.profileDir)
{
}

void GameServices::load(std::vector<std::string> dirs)
{
    settings = loadSettings(profileDir);
    setup.timerSeconds = settings.defaultTimer;
    if (dirs.empty() && !dataDir.empty())
        dirs.push_back(dataDir);
    if (!dirs.empty())
    {
        core::CheckOptions check;
        check.today = m_options.today;
        checkedPacks = core::loadAndCheckAll(dirs, check);
    }
    for (const core::CheckedPack& checked : checkedPacks)
    {
        if (checked.pack)
            packs.push_back(*checked.pack);
        else
            std::cerr << "heparin-quiz: skipping " << checked.path << " ("
                      << checked.diagnostics.getErrorCount() << " errors)\n";
    }
    loadHistory();
    m_players.setLog(&std::cerr);
    m_players.openAtStart(m_options.playerName, m_options.accountName, now());
}

std::string GameServices::createSession(const core::SessionConfig& config)
{
    std::string mode = std::exchange(roundMode, {});
    std::string error;
    std::optional<core::Session> created = core::Session::create(packs, config, error);
    if (!created)
        return "Cannot start: " + error;
    session = std::move(created);
    notePlayedSeed(config.seed);
    m_recordedMode = std::move(mode); // progress notices stay until the player dismisses them
    return {};
}

void GameServices::notePlayedSeed(std::uint32_t seed)
{
    setup.lastSeed = seed;
    if (!setup.seedChosen)
        setup.seed = core::nextRoundSeed(seed);
}

void GameServices::recordAnswer(std::size_t index, core::Confidence confidence)
{
    // A failure becomes a notice (on screen and stderr, once) in PlayerProgress.
    if (session)
        (void)m_players.recordAnswer(packs, *session, index, confidence, now(), m_recordedMode);
}

void GameServices::finishSession()
{
    if (!m_options.resultsPath.empty())
    {
        const std::string error = core::writeResultsFile(m_options.resultsPath, *session);
        if (!error.empty())
        {
            std::cerr << "heparin-quiz: " << error << '\n';
            lastError = "Results not saved: " + error;
        }
    }
    missedHistory = session->summarize().missed;
    saveHistory();
}

std::string GameServices::saveSettings() const
{
    if (profileDir.empty())
        return {};
    std::string error;
    if (!ui::saveSettings(profileDir, settings, error))
    {
        std::cerr << "heparin-quiz: " << error << '\n';
        return error;
    }
    return {};
}

std::size_t GameServices::getErrorPackCount() const
{
    std::size_t count = 0;
    for (const core::CheckedPack& checked : checkedPacks)
        count += checked.pack.has_value() ? 0U : 1U;
    return count;
}

void GameServices::loadHistory()
{
    if (profileDir.empty())
        return;
    std::ifstream file(profileDir + "/missed.txt");
    std::string packId;
    std::string questionId;
    while (file >> packId >> questionId)
        missedHistory.push_back({packId, questionId});
}

void GameServices::saveHistory()
{
    if (profileDir.empty())
        return;
    std::string text;
    for (const core::QuestionKey& key : missedHistory)
        text += key.packId + " " + key.questionId + "\n";
    std::error_code ec;
    std::filesystem::create_directories(profileDir, ec);
    const std::string error = core::writeFileAtomically(profileDir + "/missed.txt", text);
    if (!error.empty())
        std::cerr << "heparin-quiz: " << error << '\n';
}

} // namespace quiz::ui
