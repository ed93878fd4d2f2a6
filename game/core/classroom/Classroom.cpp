#include "Classroom.hpp"

#include "core/util/Text.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::core
{

const char* toString(ClassPhase phase)
{
    switch (phase)
    {
    case ClassPhase::Lobby:
        return "lobby";
    case ClassPhase::Question:
        return "question";
    case ClassPhase::Reveal:
        return "reveal";
    case ClassPhase::Leaderboard:
        return "leaderboard";
    case ClassPhase::Finished:
        return "finished";
    }
    return "unknown";
}

const char* toString(ClassRefusal refusal)
{
    switch (refusal)
    {
    case ClassRefusal::None:
        return "ok";
    case ClassRefusal::DuplicateNickname:
        return "that nickname is taken";
    case ClassRefusal::LookAlikeNickname:
        return "that nickname looks like one already taken";
    case ClassRefusal::BadNickname:
        return "bad nickname";
    case ClassRefusal::LobbyLocked:
        return "the class is locked";
    case ClassRefusal::ClassFull:
        return "the class is full";
    case ClassRefusal::ClassFinished:
        return "the class has finished";
    case ClassRefusal::Kicked:
        return "removed by the instructor";
    case ClassRefusal::NotAnswerPhase:
        return "answers are closed";
    case ClassRefusal::WrongQuestion:
        return "not the current question";
    case ClassRefusal::UnknownOption:
        return "unknown option";
    case ClassRefusal::AlreadyAnswered:
        return "already answered";
    case ClassRefusal::EmptyAnswer:
        return "no option chosen";
    case ClassRefusal::TooManyOptions:
        return "only one option may be chosen";
    case ClassRefusal::Paused:
        return "the class is paused";
    case ClassRefusal::NotHost:
        return "only the host may do that";
    case ClassRefusal::UnknownPlayer:
        return "no such player";
    case ClassRefusal::NothingToDo:
        return "not possible now";
    case ClassRefusal::IncompleteAnswer:
        return "every step or prompt needs a place";
    case ClassRefusal::RepeatedChoice:
        return "a step or prompt is given twice";
    }
    return "unknown";
}

Classroom::Classroom(std::vector<Question> questions, ClassSettings settings)
    : m_questions(std::move(questions)), m_settings(settings),
      m_states(m_questions.size(), QuestionState::NotAsked), m_stats(m_questions.size())
{
    for (std::size_t i = 0; i < m_questions.size(); ++i)
    {
        m_stats[i].optionCounts.assign(m_questions[i].options.size(), 0);
        const std::uint32_t seed = m_settings.seed + static_cast<std::uint32_t>(i);
        m_draws.push_back(drawClassQuestion(m_questions[i], seed));
        m_steps.push_back(planClassSteps(m_questions[i], seed));
    }
}

std::size_t Classroom::findPlayer(const std::string& nickname) const
{
    // Keys are unique among remembered players, so this finds the one the name stands for.
    const std::string key = nicknameKey(cleanNickname(nickname, m_settings.maxNicknameCharacters));
    for (std::size_t i = 0; i < m_players.size(); ++i)
    {
        if (!m_players[i].gone && m_players[i].key == key)
            return i;
    }
    return m_players.size();
}

JoinOutcome Classroom::join(const std::string& nickname, std::chrono::milliseconds now)
{
    (void)now;
    JoinOutcome outcome;
    const std::string clean = cleanNickname(nickname, m_settings.maxNicknameCharacters);
    const std::string key = nicknameKey(clean);
    const auto sameKey = [&key](const ClassPlayer& p) { return !p.gone && p.key == key; };
    const auto taken = std::find_if(m_players.begin(), m_players.end(), sameKey);
    if (clean.empty())
        outcome.refusal = ClassRefusal::BadNickname;
    else if (m_phase == ClassPhase::Finished)
        outcome.refusal = ClassRefusal::ClassFinished;
    else if (taken != m_players.end())
        outcome.refusal = taken->kicked ? ClassRefusal::Kicked
                          : foldAsciiCase(taken->nickname) == foldAsciiCase(clean)
                              ? ClassRefusal::DuplicateNickname
                              : ClassRefusal::LookAlikeNickname;
    else if (m_locked)
        outcome.refusal = ClassRefusal::LobbyLocked;
    if (outcome.refusal != ClassRefusal::None)
        return outcome;
    const std::size_t slot = findRecordFor(countConnected());
    if (slot > m_players.size())
    {
        outcome.refusal = ClassRefusal::ClassFull;
        return outcome;
    }
    ClassPlayer player;
    player.nickname = clean;
    player.key = key;
    player.answers.resize(m_questions.size());
    outcome.recycled = slot < m_players.size();
    if (outcome.recycled)
        m_players[slot] = std::move(player);
    else
        m_players.push_back(std::move(player));
    outcome.player = slot;
    return outcome;
}

// Where a new player goes: a forgotten record, a new one, or (at the record cap) the record of a
// dropped player who never answered; past the end when the class is full.
std::size_t Classroom::findRecordFor(std::size_t seatsTaken) const
{
    const std::size_t full = m_players.size() + 1;
    if (seatsTaken >= m_settings.maxPlayers)
        return full;
    const auto gone = std::find_if(m_players.begin(), m_players.end(),
                                   [](const ClassPlayer& p) { return p.gone; });
    if (gone != m_players.end())
        return static_cast<std::size_t>(gone - m_players.begin());
    const std::size_t cap =
        m_settings.maxRecords > 0 ? m_settings.maxRecords : 2 * m_settings.maxPlayers;
    if (m_players.size() < cap)
        return m_players.size();
    const auto idle =
        std::find_if(m_players.begin(), m_players.end(),
                     [](const ClassPlayer& p)
                     {
                         return !p.connected && !p.kicked &&
                                std::none_of(p.answers.begin(), p.answers.end(),
                                             [](const PlayerAnswer& a) { return a.answered; });
                     });
    return idle != m_players.end() ? static_cast<std::size_t>(idle - m_players.begin()) : full;
}

ClassRefusal Classroom::rejoin(std::size_t player, std::chrono::milliseconds now)
{
    (void)now;
    if (player >= m_players.size() || m_players[player].gone)
        return ClassRefusal::UnknownPlayer;
    ClassPlayer& p = m_players[player];
    if (p.kicked)
        return ClassRefusal::Kicked;
    if (p.connected)
        return ClassRefusal::DuplicateNickname;
    if (countConnected() >= m_settings.maxPlayers)
        return ClassRefusal::ClassFull;
    p.connected = true;
    return ClassRefusal::None;
}

void Classroom::leave(std::size_t player, std::chrono::milliseconds now)
{
    if (player >= m_players.size())
        return;
    ClassPlayer& p = m_players[player];
    const bool answered = std::any_of(p.answers.begin(), p.answers.end(),
                                      [](const PlayerAnswer& a) { return a.answered; });
    if (!answered && !p.kicked)
        p.gone = true;
    disconnect(player, now);
}

void Classroom::disconnect(std::size_t player, std::chrono::milliseconds now)
{
    (void)now;
    if (player >= m_players.size() || !m_players[player].connected)
        return;
    m_players[player].connected = false;
    closeIfEveryoneAnswered();
}

ClassRefusal Classroom::kick(const std::string& nickname, std::chrono::milliseconds now)
{
    (void)now;
    const std::size_t index = findPlayer(nickname);
    if (index >= m_players.size() || m_players[index].kicked)
        return ClassRefusal::UnknownPlayer;
    // Kicked players keep their record (so the nickname stays refused) but no seat.
    m_players[index].kicked = true;
    m_players[index].connected = false;
    closeIfEveryoneAnswered();
    return ClassRefusal::None;
}

bool Classroom::isAnswering() const
{
    return m_phase == ClassPhase::Question && m_states[m_current] == QuestionState::Open;
}

std::size_t Classroom::countConnected() const
{
    return static_cast<std::size_t>(std::count_if(
        m_players.begin(), m_players.end(), [](const ClassPlayer& p) { return p.connected; }));
}

std::size_t Classroom::countAnswered() const
{
    if (m_questions.empty())
        return 0;
    const std::size_t index = m_current;
    return static_cast<std::size_t>(std::count_if(
        m_players.begin(), m_players.end(),
        [index](const ClassPlayer& p) { return p.connected && p.answers[index].answered; }));
}

ClassRefusal Classroom::findOpenSlot(std::size_t player, std::size_t questionIndex,
                                     PlayerAnswer*& slot)
{
    if (player >= m_players.size() || !m_players[player].connected)
        return ClassRefusal::UnknownPlayer;
    if (!isAnswering())
        return ClassRefusal::NotAnswerPhase;
    if (m_paused)
        return ClassRefusal::Paused;
    if (questionIndex != m_current)
        return ClassRefusal::WrongQuestion;
    slot = &m_players[player].answers[m_current];
    return slot->answered ? ClassRefusal::AlreadyAnswered : ClassRefusal::None;
}

ClassRefusal Classroom::answer(std::size_t player, std::size_t questionIndex,
                               const std::vector<std::string>& optionIds,
                               std::chrono::milliseconds now)
{
    PlayerAnswer* open = nullptr;
    if (const ClassRefusal refusal = findOpenSlot(player, questionIndex, open);
        refusal != ClassRefusal::None)
        return refusal;
    PlayerAnswer& slot = *open;
    if (optionIds.empty())
        return ClassRefusal::EmptyAnswer;
    const Question& question = m_questions[m_current];
    std::vector<std::string> chosen;
    for (const std::string& id : optionIds)
    {
        if (question.findOption(id) == nullptr)
            return ClassRefusal::UnknownOption;
        if (std::find(chosen.begin(), chosen.end(), id) == chosen.end())
            chosen.push_back(id);
    }
    if (question.type != QuestionType::Multiple && chosen.size() > 1)
        return ClassRefusal::TooManyOptions;
    slot.answered = true;
    slot.optionIds = std::move(chosen);
    slot.elapsed = std::max(std::chrono::milliseconds{0}, now - m_openedAt);
    closeIfEveryoneAnswered();
    return ClassRefusal::None;
}

ClassRefusal Classroom::answerNumber(std::size_t player, std::size_t questionIndex, double value,
                                     std::chrono::milliseconds now)
{
    PlayerAnswer* open = nullptr;
    if (const ClassRefusal refusal = findOpenSlot(player, questionIndex, open);
        refusal != ClassRefusal::None)
        return refusal;
    PlayerAnswer& slot = *open;
    if (m_questions[m_current].type != QuestionType::Numeric || !std::isfinite(value))
        return ClassRefusal::UnknownOption;
    slot.answered = true;
    slot.typedValue = value;
    slot.elapsed = std::max(std::chrono::milliseconds{0}, now - m_openedAt);
    closeIfEveryoneAnswered();
    return ClassRefusal::None;
}

const Draw* Classroom::getDraw(std::size_t index) const
{
    return index < m_draws.size() && m_draws[index] ? &*m_draws[index] : nullptr;
}

void Classroom::closeIfEveryoneAnswered()
{
    if (!m_settings.closeWhenAllAnswered || !isAnswering())
        return;
    const std::size_t connected = countConnected();
    if (connected > 0 && countAnswered() == connected)
    {
        closeRound();
        setPhase(ClassPhase::Reveal);
    }
}

void Classroom::setPhase(ClassPhase phase)
{
    m_phase = phase;
    ++m_phaseSerial;
}

void Classroom::openQuestion(std::size_t index, std::chrono::milliseconds now)
{
    m_current = index;
    discardQuestion(index);
    m_states[index] = QuestionState::Open;
    m_openedAt = now;
    m_paused = false;
    setPhase(ClassPhase::Question);
}

void Classroom::discardQuestion(std::size_t index)
{
    for (ClassPlayer& player : m_players)
        player.answers[index] = PlayerAnswer{};
    m_stats[index] = QuestionStats{};
    m_stats[index].optionCounts.assign(m_questions[index].options.size(), 0);
    m_states[index] = QuestionState::NotAsked;
}

void Classroom::closeRound()
{
    if (m_questions.empty() || m_states[m_current] != QuestionState::Open)
        return;
    m_states[m_current] = QuestionState::Closed;
    m_paused = false;
    recomputeScores();
}

ClassRefusal Classroom::command(ClassRole role, HostCommand command, std::chrono::milliseconds now)
{
    if (role != ClassRole::Host)
        return ClassRefusal::NotHost;
    const bool finished = m_phase == ClassPhase::Finished;
    switch (command)
    {
    case HostCommand::Start:
        if (m_phase != ClassPhase::Lobby || m_questions.empty())
            return ClassRefusal::NothingToDo;
        openQuestion(0, now);
        return ClassRefusal::None;
    case HostCommand::Reveal:
        if (!isAnswering())
            return ClassRefusal::NothingToDo;
        closeRound();
        setPhase(ClassPhase::Reveal);
        return ClassRefusal::None;
    case HostCommand::Next:
        return next(now);
    case HostCommand::Skip:
        if (m_phase != ClassPhase::Question)
            return ClassRefusal::NothingToDo;
        discardQuestion(m_current);
        m_states[m_current] = QuestionState::Skipped;
        recomputeScores();
        if (m_current + 1 < m_questions.size())
            openQuestion(m_current + 1, now);
        else
            setPhase(ClassPhase::Finished);
        return ClassRefusal::None;
    case HostCommand::Back:
        return back();
    case HostCommand::Pause:
        if (!isAnswering() || m_paused)
            return ClassRefusal::NothingToDo;
        m_paused = true;
        m_pausedAt = now;
        return ClassRefusal::None;
    case HostCommand::Resume:
        if (!m_paused)
            return ClassRefusal::NothingToDo;
        // The pause does not count against the answer time or the countdown.
        m_openedAt += now - m_pausedAt;
        m_paused = false;
        return ClassRefusal::None;
    case HostCommand::Lock:
    case HostCommand::Unlock:
        if (finished)
            return ClassRefusal::NothingToDo;
        m_locked = command == HostCommand::Lock;
        return ClassRefusal::None;
    case HostCommand::End:
        if (finished)
            return ClassRefusal::NothingToDo;
        closeRound();
        setPhase(ClassPhase::Finished);
        return ClassRefusal::None;
    }
    return ClassRefusal::NothingToDo;
}

ClassRefusal Classroom::next(std::chrono::milliseconds now)
{
    switch (m_phase)
    {
    case ClassPhase::Reveal:
        setPhase(ClassPhase::Leaderboard);
        return ClassRefusal::None;
    case ClassPhase::Leaderboard:
    {
        // After a "back", the next question may already have been played; find the next one
        // that has not been closed.
        std::size_t index = m_current + 1;
        while (index < m_questions.size() && (m_states[index] == QuestionState::Closed ||
                                              m_states[index] == QuestionState::Skipped))
            ++index;
        if (index < m_questions.size())
            openQuestion(index, now);
        else
            setPhase(ClassPhase::Finished);
        return ClassRefusal::None;
    }
    case ClassPhase::Lobby:
    case ClassPhase::Question:
    case ClassPhase::Finished:
        break;
    }
    return ClassRefusal::NothingToDo;
}

ClassRefusal Classroom::back()
{
    if (m_phase == ClassPhase::Lobby || m_phase == ClassPhase::Finished)
        return ClassRefusal::NothingToDo;
    std::size_t target = m_current;
    while (target > 0)
    {
        --target;
        if (m_states[target] == QuestionState::Closed)
            break;
    }
    if (m_states[target] != QuestionState::Closed || target == m_current)
        return ClassRefusal::NothingToDo;
    // The question being left is asked again later, so its answers and scores go.
    discardQuestion(m_current);
    recomputeScores();
    m_current = target;
    m_paused = false;
    setPhase(ClassPhase::Reveal);
    return ClassRefusal::None;
}

void Classroom::advance(std::chrono::milliseconds now)
{
    if (isAnswering() && !m_paused && m_settings.timeLimit.count() > 0 &&
        now - m_openedAt >= m_settings.timeLimit)
    {
        closeRound();
        setPhase(ClassPhase::Reveal);
    }
}

std::chrono::milliseconds Classroom::getTimeLeft(std::chrono::milliseconds now) const
{
    if (!isAnswering() || m_settings.timeLimit.count() == 0)
        return std::chrono::milliseconds{0};
    const auto reference = m_paused ? m_pausedAt : now;
    return std::max(std::chrono::milliseconds{0}, m_settings.timeLimit - (reference - m_openedAt));
}

} // namespace quiz::core
