#include "ClassGame.hpp"

#include <algorithm>
#include <thread>
#include <type_traits>

namespace quiz::ui
{

ClassGame::ClassGame(std::vector<core::Question> questions, core::ClassSettings settings,
                     const std::vector<std::string>& teams)
    : m_local(std::in_place, std::move(questions), settings)
{
    for (const std::string& team : teams)
        (void)m_local->join(team, m_now);
    m_hands = core::HandTally(*m_local);
}

ClassGame::ClassGame(std::unique_ptr<net::HostServer> server, std::string address, std::string code)
    : m_server(std::move(server)), m_address(std::move(address)), m_code(std::move(code)),
      m_live(true)
{
    m_hands = core::HandTally(m_server->getClassroom());
}

const core::Classroom& ClassGame::getClassroom() const
{
    return m_server ? m_server->getClassroom() : *m_local;
}

void ClassGame::advance(std::chrono::milliseconds elapsed)
{
    m_now += elapsed;
    if (!m_server)
    {
        m_local->advance(m_now);
        return;
    }
    m_server->poll(m_now);
    for (const net::HostEvent& event : m_server->takeEvents())
    {
        if (event.kind == net::HostEvent::Kind::Log || event.kind == net::HostEvent::Kind::Left)
            m_log.push_back(event.text.empty() ? event.nickname + " left" : event.text);
    }
    // A class can run for hours; the screen only ever shows the last few lines.
    if (m_log.size() > 50)
        m_log.erase(m_log.begin(), m_log.end() - 50);
}

core::ClassRefusal ClassGame::command(core::HostCommand command)
{
    if (m_server)
        return m_server->command(command, m_now);
    return m_local->command(core::ClassRole::Host, command, m_now);
}

core::ClassRefusal ClassGame::kick(const std::string& nickname)
{
    if (m_server)
        return m_server->kick(nickname, m_now);
    return m_local->kick(nickname, m_now);
}

core::ClassRefusal ClassGame::answer(std::size_t team, const std::vector<std::string>& optionIds)
{
    if (m_server)
        return core::ClassRefusal::NotHost;
    return m_local->answer(team, m_local->getCurrentIndex(), optionIds, m_now);
}

core::ClassRefusal ClassGame::answerNumber(std::size_t team, double value)
{
    if (m_server)
        return core::ClassRefusal::NotHost;
    return m_local->answerNumber(team, m_local->getCurrentIndex(), value, m_now);
}

core::ClassRefusal ClassGame::answerSteps(std::size_t team, const std::vector<std::string>& letters)
{
    if (m_server)
        return core::ClassRefusal::NotHost;
    const std::size_t index = m_local->getCurrentIndex();
    const core::Question& question = m_local->getQuestion(index);
    const core::ClassSteps& steps = m_local->getSteps(index);
    if (question.type == core::QuestionType::Ordering)
    {
        const auto ids = core::orderFromLetters(question, steps, letters);
        return ids ? m_local->answerOrder(team, index, *ids, m_now)
                   : core::ClassRefusal::UnknownOption;
    }
    // The n-th letter answers prompt n; more letters than prompts is an unknown prompt.
    std::vector<std::pair<std::string, std::string>> numbered;
    for (std::size_t n = 0; n < letters.size(); ++n)
        numbered.emplace_back(std::to_string(n + 1), letters[n]);
    const auto matches = core::matchesFromLetters(question, steps, numbered);
    return matches ? m_local->answerMatches(team, index, *matches, m_now)
                   : core::ClassRefusal::UnknownOption;
}

void ClassGame::adjustHands(std::size_t position, int delta)
{
    if (m_live || !getClassroom().isAnswering())
        return;
    m_hands.adjust(getClassroom().getCurrentIndex(), position, delta);
}

void ClassGame::showAsLive(std::string address, std::string code)
{
    m_live = true;
    m_address = std::move(address);
    m_code = std::move(code);
}

std::vector<std::size_t> ClassGame::getDistribution() const
{
    const core::Classroom& room = getClassroom();
    if (room.getQuestionCount() == 0)
        return {};
    return core::roomDistribution(room, m_hands, room.getCurrentIndex());
}

std::string ClassGame::formatCsv() const
{
    return core::formatResultsCsv(getClassroom(), m_hands);
}

void StudentState::startConnect(std::chrono::milliseconds timeout)
{
    client = std::make_shared<net::ClassClient>(config);
    attempt = std::make_shared<ConnectAttempt>();
    problem.clear();
    // The thread holds its own references, so it may outlive this state (a student who goes
    // back while connecting): the client then closes when the thread lets go of it.
    std::thread(
        [connecting = client, outcome = attempt, timeout, started = now]
        {
            std::string error = connecting->connect(timeout, started);
            const std::lock_guard<std::mutex> lock(outcome->mutex);
            outcome->error = std::move(error);
            outcome->done = true;
        })
        .detach();
}

bool StudentState::isConnecting() const
{
    if (!attempt)
        return false;
    const std::lock_guard<std::mutex> lock(attempt->mutex);
    return !attempt->done;
}

std::optional<std::string> StudentState::finishConnect()
{
    if (!attempt || isConnecting())
        return std::nullopt;
    std::string error = attempt->error;
    attempt.reset();
    if (!error.empty())
        problem = error;
    return error;
}

std::string StudentState::connect(std::chrono::milliseconds timeout)
{
    startConnect(timeout);
    while (isConnecting())
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return finishConnect().value_or(std::string());
}

void StudentState::advance(std::chrono::milliseconds elapsed)
{
    now += elapsed;
    if (!client || isConnecting())
        return;
    if (attempt)
        static_cast<void>(finishConnect()); // a rejoin ended; a failure lands in `problem`
    const bool was = client->isConnected();
    client->poll(now);
    for (const net::Message& message : client->takeMessages())
        apply(message);
    if (was && !client->isConnected() && problem.empty())
        problem = client->getCloseReason();
}

bool StudentState::isTypedQuestion() const
{
    return question && (question->kind == net::QuestionKind::Numeric ||
                        question->kind == net::QuestionKind::Ordering ||
                        question->kind == net::QuestionKind::Matching);
}

net::Answer StudentState::makeAnswer() const
{
    net::Answer answer;
    if (!question)
        return answer;
    answer.index = question->index;
    if (question->kind == net::QuestionKind::Numeric)
        answer.value = typed;
    else if (question->kind == net::QuestionKind::Ordering ||
             question->kind == net::QuestionKind::Matching)
    {
        std::vector<std::string> letters;
        for (char c : typed)
        {
            if (c != ' ' && c != ',')
                letters.emplace_back(1, c);
        }
        if (question->kind == net::QuestionKind::Ordering)
            answer.order = letters;
        else
        {
            const std::vector<net::WireOption> prompts =
                question->prompts.value_or(std::vector<net::WireOption>{});
            std::vector<net::WireMatch> matches;
            for (std::size_t n = 0; n < letters.size(); ++n)
                matches.push_back(
                    {n < prompts.size() ? prompts[n].id : std::to_string(n + 1), letters[n]});
            answer.matches = std::move(matches);
        }
    }
    else
        answer.optionIds = picked;
    return answer;
}

std::string StudentState::typedProblem() const
{
    if (!question || question->kind != net::QuestionKind::Ordering)
        return {};
    const std::vector<std::string> letters =
        makeAnswer().order.value_or(std::vector<std::string>{});
    for (std::size_t i = 0; i < letters.size(); ++i)
    {
        if (std::find(letters.begin(), letters.begin() + static_cast<std::ptrdiff_t>(i),
                      letters[i]) != letters.begin() + static_cast<std::ptrdiff_t>(i))
            return "Each letter once: " + letters[i] + " is there twice.";
    }
    return {};
}

void StudentState::sendAnswer()
{
    if (!question || !client || !isConnected() ||
        (isTypedQuestion() ? typed.empty() || !typedProblem().empty() : picked.empty()))
        return;
    client->send(makeAnswer());
}

void StudentState::apply(const net::Message& message)
{
    std::visit(
        [this](const auto& m)
        {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, net::Welcome>)
            {
                welcome = m;
                // "Rejoin" after a drop takes the seat back with this secret.
                config.rejoinToken = m.token;
                config.nickname = m.nickname;
                problem.clear();
            }
            else if constexpr (std::is_same_v<T, net::Refuse>)
                problem = m.text.empty() ? "The host refused to let you join." : m.text;
            else if constexpr (std::is_same_v<T, net::Lobby>)
                lobby = m;
            else if constexpr (std::is_same_v<T, net::QuestionShow>)
            {
                if (!question || question->index != m.index)
                {
                    picked.clear();
                    typed.clear();
                }
                question = m;
                ack.reset();
                reveal.reset();
                leaderboard.reset();
                paused = false;
            }
            else if constexpr (std::is_same_v<T, net::Pause>)
                paused = true;
            else if constexpr (std::is_same_v<T, net::Resume>)
            {
                paused = false;
                // An answer refused because of the pause may be sent again now.
                if (ack && ack->reason == net::Reason::Paused)
                    ack.reset();
            }
            else if constexpr (std::is_same_v<T, net::Ack>)
                ack = m;
            else if constexpr (std::is_same_v<T, net::Reveal>)
            {
                reveal = m;
                paused = false;
            }
            else if constexpr (std::is_same_v<T, net::Leaderboard>)
                leaderboard = m;
            else if constexpr (std::is_same_v<T, net::End>)
                end = m;
            else if constexpr (std::is_same_v<T, net::Kick>)
                problem = m.text.empty() ? "The instructor removed you from the class." : m.text;
        },
        message);
}

} // namespace quiz::ui
