#include "Classroom.hpp"

#include "core/session/Scoring.hpp"
#include "core/util/Text.hpp"
#include "core/util/Utf8.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::core
{
namespace
{

/// Valid UTF-8 without control characters: what a nickname may hold.
bool isCleanUtf8(const std::string& text)
{
    for (std::size_t i = 0; i < text.size();)
    {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = validUtf8Length(text, i);
        if (c < 0x20 || c == 0x7F || length == 0)
            return false;
        i += length;
    }
    return true;
}

} // namespace

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
    }
    return "unknown";
}

std::string cleanNickname(const std::string& nickname, std::size_t maxCharacters)
{
    const std::size_t first = nickname.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    const std::size_t last = nickname.find_last_not_of(' ');
    std::string trimmed = nickname.substr(first, last - first + 1);
    if (!isCleanUtf8(trimmed) || countCodePoints(trimmed) > maxCharacters)
        return {};
    return trimmed;
}

Classroom::Classroom(std::vector<Question> questions, ClassSettings settings)
    : m_questions(std::move(questions)), m_settings(settings),
      m_states(m_questions.size(), QuestionState::NotAsked), m_stats(m_questions.size()),
      m_hands(m_questions.size())
{
    for (std::size_t i = 0; i < m_questions.size(); ++i)
        m_stats[i].optionCounts.assign(m_questions[i].options.size(), 0);
}

std::size_t Classroom::findPlayer(const std::string& nickname) const
{
    const std::string key = foldAsciiCase(nickname);
    for (std::size_t i = 0; i < m_players.size(); ++i)
    {
        if (foldAsciiCase(m_players[i].nickname) == key)
            return i;
    }
    return m_players.size();
}

JoinOutcome Classroom::join(const std::string& nickname, std::chrono::milliseconds now)
{
    (void)now;
    JoinOutcome outcome;
    const std::string clean = cleanNickname(nickname, m_settings.maxNicknameCharacters);
    if (clean.empty())
    {
        outcome.refusal = ClassRefusal::BadNickname;
        return outcome;
    }
    if (m_phase == ClassPhase::Finished)
    {
        outcome.refusal = ClassRefusal::ClassFinished;
        return outcome;
    }
    const std::size_t existing = findPlayer(clean);
    if (existing < m_players.size())
    {
        ClassPlayer& player = m_players[existing];
        if (player.kicked)
            outcome.refusal = ClassRefusal::Kicked;
        else if (player.connected)
            outcome.refusal = ClassRefusal::DuplicateNickname;
        else
        {
            player.connected = true;
            outcome.player = existing;
            outcome.rejoined = true;
        }
        return outcome;
    }
    if (m_locked)
        outcome.refusal = ClassRefusal::LobbyLocked;
    else if (m_players.size() >= m_settings.maxPlayers)
        outcome.refusal = ClassRefusal::ClassFull;
    if (outcome.refusal != ClassRefusal::None)
        return outcome;
    ClassPlayer player;
    player.nickname = clean;
    player.answers.resize(m_questions.size());
    m_players.push_back(std::move(player));
    outcome.player = m_players.size() - 1;
    return outcome;
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

ClassRefusal Classroom::answer(std::size_t player, std::size_t questionIndex,
                               const std::vector<std::string>& optionIds,
                               std::chrono::milliseconds now)
{
    if (player >= m_players.size() || !m_players[player].connected)
        return ClassRefusal::UnknownPlayer;
    if (!isAnswering())
        return ClassRefusal::NotAnswerPhase;
    if (m_paused)
        return ClassRefusal::Paused;
    if (questionIndex != m_current)
        return ClassRefusal::WrongQuestion;
    PlayerAnswer& slot = m_players[player].answers[m_current];
    if (slot.answered)
        return ClassRefusal::AlreadyAnswered;
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
    m_hands[index].clear();
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

// Scores are rebuilt from the recorded answers of every closed question, in order, so that
// going back and skipping can never count a question twice or leave a stale streak.
void Classroom::recomputeScores()
{
    for (std::size_t q = 0; q < m_stats.size(); ++q)
    {
        QuestionStats& stats = m_stats[q];
        stats = QuestionStats{};
        stats.optionCounts.assign(m_questions[q].options.size(), 0);
        if (m_states[q] != QuestionState::Closed)
            continue;
        for (std::size_t o = 0; o < m_hands[q].size(); ++o)
        {
            stats.optionCounts[o] += m_hands[q][o];
            stats.hands += m_hands[q][o];
        }
    }
    for (ClassPlayer& player : m_players)
    {
        player.score = 0;
        player.correctCount = 0;
        player.answeredCount = 0;
        player.streak = 0;
        player.bestStreak = 0;
        for (std::size_t q = 0; q < m_questions.size(); ++q)
        {
            if (m_states[q] != QuestionState::Closed)
                continue;
            const Question& question = m_questions[q];
            PlayerAnswer& answer = player.answers[q];
            QuestionStats& stats = m_stats[q];
            if (!answer.answered)
            {
                player.streak = 0;
                continue;
            }
            const AnswerScore score = scoreAnswer(question, answer.optionIds);
            answer.correct = score.correct;
            answer.partial = score.partial;
            answer.critical = score.critical;
            long long points = std::llround(static_cast<double>(kClassBasePoints) * score.points);
            player.streak = score.correct ? player.streak + 1 : 0;
            player.bestStreak = std::max(player.bestStreak, player.streak);
            if (score.correct && m_settings.speedBonus)
            {
                const auto window = m_settings.timeLimit.count() > 0 ? m_settings.timeLimit
                                                                     : m_settings.speedWindow;
                const double left =
                    1.0 - static_cast<double>(answer.elapsed.count()) /
                              static_cast<double>(std::max<long long>(1, window.count()));
                points += std::llround(static_cast<double>(kClassBasePoints) * question.points *
                                       0.5 * std::clamp(left, 0.0, 1.0));
            }
            if (score.correct && m_settings.streaks && player.streak >= 2)
                points += kClassStreakStep * std::min(player.streak - 1, 5);
            answer.points = points;
            player.score += points;
            ++player.answeredCount;
            player.correctCount += score.correct ? 1 : 0;
            ++stats.answered;
            stats.correct += score.correct ? 1 : 0;
            stats.partial += score.partial ? 1 : 0;
            stats.critical += score.critical ? 1 : 0;
            for (std::size_t o = 0; o < question.options.size(); ++o)
            {
                const std::vector<std::string>& ids = answer.optionIds;
                if (std::find(ids.begin(), ids.end(), question.options[o].id) != ids.end())
                    ++stats.optionCounts[o];
            }
        }
    }
}

ClassRefusal Classroom::setShowOfHands(std::size_t questionIndex,
                                       const std::vector<std::size_t>& counts)
{
    if (!isAnswering())
        return ClassRefusal::NotAnswerPhase;
    if (questionIndex != m_current)
        return ClassRefusal::WrongQuestion;
    if (counts.size() != m_questions[m_current].options.size())
        return ClassRefusal::UnknownOption;
    m_hands[m_current] = counts;
    return ClassRefusal::None;
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

std::vector<ClassStanding> Classroom::getStandings() const
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_players.size(); ++i)
    {
        if (!m_players[i].kicked)
            order.push_back(i);
    }
    const auto better = [this](std::size_t a, std::size_t b)
    {
        const ClassPlayer& pa = m_players[a];
        const ClassPlayer& pb = m_players[b];
        if (pa.score != pb.score)
            return pa.score > pb.score;
        if (pa.correctCount != pb.correctCount)
            return pa.correctCount > pb.correctCount;
        return foldAsciiCase(pa.nickname) < foldAsciiCase(pb.nickname);
    };
    std::stable_sort(order.begin(), order.end(), better);
    std::vector<ClassStanding> standings;
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        ClassStanding standing;
        standing.player = order[i];
        const ClassPlayer& p = m_players[order[i]];
        const bool tied = i > 0 && m_players[order[i - 1]].score == p.score &&
                          m_players[order[i - 1]].correctCount == p.correctCount;
        standing.rank = tied ? standings.back().rank : i + 1;
        standings.push_back(standing);
    }
    return standings;
}

} // namespace quiz::core
