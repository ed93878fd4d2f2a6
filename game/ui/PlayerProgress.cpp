#include "PlayerProgress.hpp"

#include <algorithm>
#include <ostream>

namespace quiz::ui
{

PlayerProgress::PlayerProgress(std::string root) : m_directory(std::move(root))
{
}

void PlayerProgress::closePlayer()
{
    m_store.reset();
    m_playerName.clear();
    m_madeAtStart = false;
}

std::vector<core::Profile> PlayerProgress::listProfiles(std::string& error) const
{
    if (!isAvailable())
        return {};
    core::Outcome<std::vector<core::Profile>> listed = m_directory.listProfiles();
    if (!listed.isOk())
    {
        error = listed.getMessage();
        return {};
    }
    return listed.getValue();
}

void PlayerProgress::openLastPlayer(core::TimestampMs now)
{
    if (!isAvailable())
        return;
    // None picked before, or a player deleted by hand: simply nobody is chosen.
    const core::Outcome<core::Profile> last = m_directory.getLastProfile();
    if (!last.isOk())
        return;
    // selectPlayer has logged the failure already.
    if (const std::string error = selectPlayer(last.getValue().name, now); !error.empty())
        addNotice(error, false);
}

void PlayerProgress::openAtStart(const std::string& requested, const std::string& accountName,
                                 core::TimestampMs now)
{
    if (!isAvailable())
        return;
    if (!requested.empty())
    {
        // `--player NAME`: that player, created the first time the name is used.
        const bool exists = m_directory.findProfile(requested).isOk();
        const std::string error =
            exists ? selectPlayer(requested, now) : createPlayer(requested, now);
        if (!error.empty())
            addNotice("The player given with --player could not be opened: " + error);
        return;
    }
    openLastPlayer(now);
    if (hasPlayer())
        return;
    const core::Outcome<std::vector<core::Profile>> listed = m_directory.listProfiles();
    // Players exist but none was remembered: several students share the computer, and each
    // picks their own.
    if (!listed.isOk() || !listed.getValue().empty())
        return;
    const std::string name = core::firstPlayerName(accountName);
    if (const std::string error = createPlayer(name, now); !error.empty())
    {
        addNotice("No player could be made for you, so answers are not kept: " + error);
        return;
    }
    m_madeAtStart = true;
}

std::string PlayerProgress::selectPlayer(const std::string& name, core::TimestampMs now)
{
    if (!isAvailable())
        return "No profile folder: progress cannot be kept.";
    const core::Outcome<core::Profile> profile = m_directory.findProfile(name);
    if (!profile.isOk())
        return profile.getMessage();
    closePlayer();
    core::Outcome<std::unique_ptr<core::ProgressStore>> opened =
        core::ProgressStore::open(profile.getValue().databasePath, now);
    if (!opened.isOk())
    {
        log(opened.getMessage());
        return opened.getMessage();
    }
    m_store = std::move(opened.getValue());
    m_playerName = profile.getValue().name;
    m_madeAtStart = false;
    m_notices.clear(); // the previous player's notices are about another file
    for (const std::string& notice : m_store->getNotices())
        addNotice(notice);
    const core::Status remembered = m_directory.setLastProfile(profile.getValue().name);
    if (!remembered.isOk())
        addNotice("The chosen player is not remembered: " + remembered.message);
    return {};
}

std::string PlayerProgress::createPlayer(const std::string& name, core::TimestampMs now)
{
    if (!isAvailable())
        return "No profile folder: progress cannot be kept.";
    const core::Outcome<core::Profile> created = m_directory.createProfile(name);
    if (!created.isOk())
        return created.getMessage();
    return selectPlayer(created.getValue().name, now);
}

std::string PlayerProgress::renamePlayer(const std::string& oldName, const std::string& newName)
{
    const core::Status renamed = m_directory.renameProfile(oldName, newName);
    if (!renamed.isOk())
        return renamed.message;
    // The last-picked record names the folder, which a rename keeps.
    if (m_store && m_playerName == oldName)
        m_playerName = core::trimProfileName(newName);
    m_madeAtStart = false;
    return {};
}

std::string PlayerProgress::deletePlayer(const std::string& name)
{
    if (m_store && m_playerName == name)
        closePlayer(); // the database file must be closed before its folder goes
    const core::Status deleted = m_directory.deleteProfile(name);
    return deleted.isOk() ? std::string() : deleted.message;
}

std::string PlayerProgress::recordAnswer(const std::vector<core::Pack>& packs,
                                         const core::Session& session, std::size_t index,
                                         core::Confidence confidence, core::TimestampMs now,
                                         const std::string& mode)
{
    const core::AnswerRecord* answer = session.getAnswer(index);
    if (!m_store || answer == nullptr)
        return {};
    const core::PlannedQuestion& planned = session.getQuestion(index);
    const auto pack =
        std::find_if(packs.begin(), packs.end(),
                     [&planned](const core::Pack& p) { return p.id == planned.packId; });
    if (pack == packs.end())
        return {};
    const core::StoredAnswer record = core::makeStoredAnswer(
        *pack, planned.question, answer->chosenOptionIds, answer->score, confidence,
        answer->timeTaken.count(), now,
        mode.empty() ? std::string(core::toString(session.getConfig().mode)) : mode,
        answer->typedValue, answer->mistakeIndex);
    const core::Outcome<std::int64_t> stored = m_store->recordAnswer(record);
    if (stored.isOk())
        return {};
    const std::string notice = "Answers are not being saved: " + stored.getMessage();
    addNotice(notice);
    return notice;
}

HomeSummary PlayerProgress::getHomeSummary(const std::vector<core::Pack>& packs,
                                           core::TimestampMs now, int utcOffsetMinutes)
{
    HomeSummary summary;
    std::vector<core::ReviewState> states;
    if (m_store)
    {
        core::Outcome<core::Statistics> statistics =
            m_store->computeStatistics(now, {utcOffsetMinutes});
        core::Outcome<std::vector<core::ReviewState>> read = m_store->getReviewStates();
        if (statistics.isOk())
            summary.statistics = std::move(statistics.getValue());
        else
            addNotice(statistics.getMessage());
        if (read.isOk())
            states = std::move(read.getValue());
        else
            addNotice(read.getMessage());
    }
    core::NextStepOptions options;
    options.utcOffsetMinutes = utcOffsetMinutes;
    summary.next = core::chooseNextStep(states, summary.statistics.topics, packs, now, options);
    return summary;
}

std::vector<core::QuestionKey> PlayerProgress::getDueKeys(const std::vector<core::Pack>& packs,
                                                          core::TimestampMs now)
{
    if (!m_store)
        return {};
    const core::RevisionMap revisions = core::collectRevisions(packs);
    const core::Outcome<std::vector<core::DueQuestion>> due =
        m_store->getDueQuestions(now, &revisions);
    if (!due.isOk())
    {
        addNotice(due.getMessage());
        return {};
    }
    std::vector<core::QuestionKey> keys;
    for (const core::DueQuestion& question : due.getValue())
        keys.push_back(question.key);
    return keys;
}

std::vector<core::QuestionKey> PlayerProgress::getMissedKeys(const std::vector<core::Pack>& packs)
{
    if (!m_store)
        return {};
    const core::Outcome<std::vector<core::ReviewState>> states = m_store->getReviewStates();
    if (!states.isOk())
    {
        addNotice(states.getMessage());
        return {};
    }
    const core::RevisionMap revisions = core::collectRevisions(packs);
    return core::selectMissedQuestions(states.getValue(), &revisions);
}

std::vector<std::string> PlayerProgress::getNotices() const
{
    std::vector<std::string> texts;
    for (const Notice& notice : m_notices)
        texts.push_back(notice.count == 1
                            ? notice.text
                            : notice.text + " (" + std::to_string(notice.count) + " times)");
    return texts;
}

void PlayerProgress::addNotice(const std::string& notice, bool logIt)
{
    const auto found = std::find_if(m_notices.begin(), m_notices.end(),
                                    [&notice](const Notice& kept) { return kept.text == notice; });
    if (found != m_notices.end())
    {
        ++found->count;
        return;
    }
    m_notices.push_back({notice, 1});
    if (logIt)
        log(notice);
}

void PlayerProgress::log(const std::string& text) const
{
    if (m_log != nullptr)
        *m_log << "heparin-quiz: " << text << '\n' << std::flush;
}

} // namespace quiz::ui
