#include "HostServer.hpp"

#include "Discovery.hpp"

#include <SFML/Network/TcpSocket.hpp>

#include <algorithm>
#include <array>

namespace quiz::net
{

using std::chrono::milliseconds;

/// One student connection: its socket, its own decoder and its own outgoing queue, so a
/// slow or broken student never holds up the others.
struct HostServer::Client
{
    enum class State
    {
        AwaitHello,
        Joined,
        Closing, ///< flush what is queued (a refusal, a kick), then close
        Closed
    };

    sf::TcpSocket socket;
    StreamDecoder decoder{kMaxStudentFrameBytes};
    std::vector<std::uint8_t> out;
    std::size_t outSent = 0;
    State state = State::AwaitHello;
    std::size_t player = 0;
    std::string name; ///< address until joined, then nickname
    milliseconds connectedAt{0};
    milliseconds lastHeard{0};
    milliseconds lastPing{0};
    milliseconds closingAt{-1};
};

namespace
{

WirePhase toWire(core::ClassPhase phase)
{
    return static_cast<WirePhase>(static_cast<int>(phase));
}

} // namespace

Reason toReason(core::ClassRefusal refusal)
{
    using R = core::ClassRefusal;
    switch (refusal)
    {
    case R::None:
        return Reason::None;
    case R::DuplicateNickname:
        return Reason::DuplicateNickname;
    case R::BadNickname:
        return Reason::BadNickname;
    case R::LobbyLocked:
        return Reason::LobbyLocked;
    case R::ClassFull:
        return Reason::ClassFull;
    case R::ClassFinished:
        return Reason::ClassFinished;
    case R::Kicked:
        return Reason::Kicked;
    case R::NotAnswerPhase:
    case R::NothingToDo:
        return Reason::NotAnswerPhase;
    case R::WrongQuestion:
        return Reason::WrongQuestion;
    case R::UnknownOption:
        return Reason::UnknownOption;
    case R::AlreadyAnswered:
        return Reason::AlreadyAnswered;
    case R::EmptyAnswer:
        return Reason::EmptyAnswer;
    case R::TooManyOptions:
        return Reason::TooManyOptions;
    case R::Paused:
        return Reason::Paused;
    case R::NotHost:
    case R::UnknownPlayer:
        return Reason::NotHost;
    }
    return Reason::None;
}

HostServer::HostServer(std::vector<core::Question> questions, core::ClassSettings settings,
                       HostConfig config)
    : m_classroom(std::move(questions), settings), m_config(std::move(config))
{
    m_seenSerial = m_classroom.getPhaseSerial();
}

HostServer::~HostServer() = default;

std::string HostServer::listen()
{
    if (m_listener.listen(m_config.port, m_config.bindAddress) != sf::Socket::Done)
        return "cannot listen on port " + std::to_string(m_config.port) +
               " (in use, or not allowed)";
    m_listener.setBlocking(false);
    m_selector.add(m_listener);
    m_listening = true;
    if (m_config.discoveryPort != 0)
    {
        // Discovery is a convenience: without it students type the address instead.
        m_discovering =
            m_discovery.bind(m_config.discoveryPort, m_config.bindAddress) == sf::Socket::Done;
        if (m_discovering)
            m_discovery.setBlocking(false);
        else
            log("LAN discovery is off: UDP port " + std::to_string(m_config.discoveryPort) +
                " is in use");
    }
    return {};
}

unsigned short HostServer::getPort() const
{
    return m_listener.getLocalPort();
}

void HostServer::log(const std::string& text)
{
    HostEvent event;
    event.kind = HostEvent::Kind::Log;
    event.text = text;
    m_events.push_back(std::move(event));
}

std::vector<HostEvent> HostServer::takeEvents()
{
    std::vector<HostEvent> events;
    events.swap(m_events);
    return events;
}

void HostServer::poll(milliseconds now)
{
    if (!m_listening)
        return;
    // One select() tells which sockets have data, so a poll costs a read per busy student
    // rather than one per student. (A zero timeout means "forever" to SFML, hence 1 us.)
    if (m_selector.wait(sf::microseconds(1)))
    {
        if (m_selector.isReady(m_listener))
            acceptNew(now);
        for (const std::unique_ptr<Client>& client : m_clients)
        {
            if (m_selector.isReady(client->socket))
                readFrom(*client, now);
        }
    }
    answerDiscovery();
    m_classroom.advance(now);
    for (const std::unique_ptr<Client>& client : m_clients)
        keepAlive(*client, now);
    afterChange(now);
    removeClosed();
}

void HostServer::waitForActivity(milliseconds timeout)
{
    // With output still queued (a student not reading fast enough), wake again soon to send
    // more, but not at once: a student that never reads must not make the host spin.
    for (const std::unique_ptr<Client>& client : m_clients)
    {
        if (client->outSent < client->out.size())
        {
            timeout = std::min(timeout, milliseconds{1});
            break;
        }
    }
    if (m_listening)
        m_selector.wait(
            sf::milliseconds(static_cast<sf::Int32>(std::max<long long>(1, timeout.count()))));
}

void HostServer::acceptNew(milliseconds now)
{
    // Bounded per poll so a connection flood cannot starve the students already in.
    for (int i = 0; i < 64; ++i)
    {
        auto client = std::make_unique<Client>();
        if (m_listener.accept(client->socket) != sf::Socket::Done)
            return;
        client->name = client->socket.getRemoteAddress().toString() + ":" +
                       std::to_string(client->socket.getRemotePort());
        if (m_clients.size() >= m_config.maxConnections)
        {
            log("refused " + client->name + ": too many connections");
            continue; // the socket closes as `client` goes out of scope
        }
        client->socket.setBlocking(false);
        client->connectedAt = now;
        client->lastHeard = now;
        client->lastPing = now;
        m_selector.add(client->socket);
        m_clients.push_back(std::move(client));
    }
}

void HostServer::readFrom(Client& client, milliseconds now)
{
    std::array<std::uint8_t, 4096>& buffer = m_readBuffer;
    // A few reads per poll at most: enough for any honest student, fair to the others.
    for (int i = 0; i < 8; ++i)
    {
        if (client.state != Client::State::AwaitHello && client.state != Client::State::Joined)
            return;
        std::size_t received = 0;
        const sf::Socket::Status status =
            client.socket.receive(buffer.data(), buffer.size(), received);
        if (status == sf::Socket::NotReady)
            return;
        if (status != sf::Socket::Done)
        {
            drop(client, "connection closed");
            return;
        }
        client.lastHeard = now;
        client.decoder.feed(buffer.data(), received);
        while (std::optional<Message> message = client.decoder.next())
        {
            handle(client, *message, now);
            if (client.state != Client::State::AwaitHello && client.state != Client::State::Joined)
                return;
        }
        if (client.decoder.getError() == DecodeError::WrongVersion &&
            client.state == Client::State::AwaitHello)
        {
            log("refused " + client.name + ": wrong protocol version");
            refuse(client, Reason::WrongVersion);
            return;
        }
        if (client.decoder.getError() != DecodeError::None)
        {
            drop(client, toString(client.decoder.getError()));
            return;
        }
        // A short read means the socket is drained; select() reports it again if more comes,
        // so the extra read that would only say "not ready" is saved.
        if (received < buffer.size())
            return;
    }
}

void HostServer::handle(Client& client, const Message& message, milliseconds now)
{
    const MessageType type = getType(message);
    if (client.state == Client::State::AwaitHello)
    {
        if (type == MessageType::Hello)
            handleHello(client, std::get<Hello>(message), now);
        else
            drop(client, std::string("out of order: ") + toString(type) + " before hello");
        return;
    }
    switch (type)
    {
    case MessageType::Answer:
        handleAnswer(client, std::get<Answer>(message), now);
        return;
    case MessageType::Ping:
        if (!std::get<Ping>(message).reply)
            send(client, Ping{std::get<Ping>(message).token, true});
        return;
    case MessageType::Control:
        // Only the host's console paces the class; the command is never looked at.
        drop(client, "sent a host command '" + std::get<Control>(message).command.substr(0, 32) +
                         "': " + core::toString(core::ClassRefusal::NotHost));
        return;
    case MessageType::Hello:
        drop(client, "out of order: a second hello");
        return;
    default:
        drop(client, std::string("sent a message only the host sends: ") + toString(type));
        return;
    }
}

void HostServer::handleHello(Client& client, const Hello& hello, milliseconds now)
{
    if (hello.version != kProtocolVersion)
    {
        log("refused " + client.name + ": protocol version " + std::to_string(hello.version));
        refuse(client, Reason::WrongVersion);
        return;
    }
    if (!m_config.classCode.empty() && hello.classCode != m_config.classCode)
    {
        log("refused " + client.name + ": wrong class code");
        refuse(client, Reason::WrongClassCode);
        return;
    }
    const core::JoinOutcome outcome = m_classroom.join(hello.nickname, now);
    if (outcome.refusal != core::ClassRefusal::None)
    {
        log("refused '" + hello.nickname + "' from " + client.name + ": " +
            core::toString(outcome.refusal));
        refuse(client, toReason(outcome.refusal));
        return;
    }
    client.state = Client::State::Joined;
    client.player = outcome.player;
    const core::ClassPlayer& player = m_classroom.getPlayers()[outcome.player];
    client.name = player.nickname;
    send(client,
         Welcome{player.nickname, outcome.rejoined, player.score, toWire(m_classroom.getPhase())});
    sendSnapshot(client, now);
    m_lobbyDirty = true;
    HostEvent event;
    event.kind = outcome.rejoined ? HostEvent::Kind::Rejoined : HostEvent::Kind::Joined;
    event.nickname = player.nickname;
    event.text = (outcome.rejoined ? "rejoined: " : "joined: ") + player.nickname +
                 (outcome.rejoined ? " (score " + std::to_string(player.score) + ")" : "");
    m_events.push_back(std::move(event));
}

void HostServer::handleAnswer(Client& client, const Answer& answer, milliseconds now)
{
    const core::ClassRefusal refusal =
        m_classroom.answer(client.player, answer.index, answer.optionIds, now);
    send(client, Ack{answer.index, refusal == core::ClassRefusal::None, toReason(refusal)});
    if (refusal != core::ClassRefusal::None)
        log("answer from " + client.name + " refused: " + core::toString(refusal));
}

// What a student who joins (or rejoins) mid-game needs to catch up with the room.
void HostServer::sendSnapshot(Client& client, milliseconds now)
{
    switch (m_classroom.getPhase())
    {
    case core::ClassPhase::Lobby:
        break; // the batched lobby update follows
    case core::ClassPhase::Question:
    {
        send(client, makeQuestion(now));
        if (m_classroom.isPaused())
            send(client, makePause(now));
        const std::size_t index = m_classroom.getCurrentIndex();
        if (m_classroom.getPlayers()[client.player].answers[index].answered)
            send(client, Ack{static_cast<std::uint16_t>(index), true, Reason::None});
        break;
    }
    case core::ClassPhase::Reveal:
        send(client, makeReveal(client.player));
        break;
    case core::ClassPhase::Leaderboard:
    case core::ClassPhase::Finished:
        broadcastPhase(now, &client);
        break;
    }
}

QuestionShow HostServer::makeQuestion(milliseconds now) const
{
    const std::size_t index = m_classroom.getCurrentIndex();
    const core::Question& q = m_classroom.getQuestion(index);
    QuestionShow show;
    show.index = static_cast<std::uint16_t>(index);
    show.total = static_cast<std::uint16_t>(m_classroom.getQuestionCount());
    show.questionId = q.id;
    show.multiple = q.type == core::QuestionType::Multiple;
    show.stem = q.stem;
    for (std::size_t i = 0; i < q.options.size() && i < kMaxOptions; ++i)
        show.options.push_back(
            {q.options[i].id, core::optionLabel(q.numbering, i), q.options[i].text});
    show.timeLimitMs = static_cast<std::uint32_t>(m_classroom.getSettings().timeLimit.count());
    show.timeLeftMs = static_cast<std::uint32_t>(m_classroom.getTimeLeft(now).count());
    return show;
}

Pause HostServer::makePause(milliseconds now) const
{
    const bool timed = m_classroom.getSettings().timeLimit.count() > 0;
    return Pause{m_classroom.isPaused(),
                 timed ? static_cast<std::uint32_t>(m_classroom.getTimeLeft(now).count()) : 0U};
}

Reveal HostServer::makeReveal(std::size_t player) const
{
    const std::size_t index = m_classroom.getCurrentIndex();
    const core::Question& q = m_classroom.getQuestion(index);
    const core::QuestionStats& stats = m_classroom.getStats(index);
    Reveal reveal;
    reveal.index = static_cast<std::uint16_t>(index);
    reveal.correctIds = q.getCorrectOptionIds();
    for (std::size_t i = 0; i < q.options.size() && i < kMaxOptions; ++i)
    {
        reveal.distribution.push_back(
            {q.options[i].id, static_cast<std::uint32_t>(stats.optionCounts[i])});
        reveal.rationales.push_back({q.options[i].id, q.options[i].rationale});
    }
    reveal.answeredCount = static_cast<std::uint32_t>(stats.answered);
    reveal.explanation = q.explanation;
    const core::ClassPlayer& p = m_classroom.getPlayers()[player];
    const core::PlayerAnswer& a = p.answers[index];
    reveal.answered = a.answered;
    reveal.correct = a.correct;
    reveal.partial = a.partial;
    reveal.points = a.points;
    reveal.score = p.score;
    reveal.streak = static_cast<std::uint32_t>(p.streak);
    return reveal;
}

Standing HostServer::makeStanding(std::size_t player) const
{
    Standing s;
    const core::ClassPlayer& p = m_classroom.getPlayers()[player];
    s.nickname = p.nickname;
    s.score = p.score;
    s.correctCount = static_cast<std::uint32_t>(p.correctCount);
    return s;
}

void HostServer::broadcastPhase(milliseconds now, const Client* only)
{
    const core::ClassPhase phase = m_classroom.getPhase();
    std::vector<std::uint8_t> shared;
    if (phase == core::ClassPhase::Question)
        encode(makeQuestion(now), shared);
    std::vector<Standing> table;
    std::vector<Standing> byPlayer(m_classroom.getPlayers().size());
    if (phase == core::ClassPhase::Leaderboard || phase == core::ClassPhase::Finished)
    {
        for (const core::ClassStanding& cs : m_classroom.getStandings())
        {
            Standing s = makeStanding(cs.player);
            s.rank = static_cast<std::uint32_t>(cs.rank);
            byPlayer[cs.player] = s;
            table.push_back(std::move(s));
        }
    }
    for (const std::unique_ptr<Client>& client : m_clients)
    {
        if (client->state != Client::State::Joined || (only != nullptr && only != client.get()))
            continue;
        switch (phase)
        {
        case core::ClassPhase::Lobby:
            break;
        case core::ClassPhase::Question:
            sendBytes(*client, shared);
            break;
        case core::ClassPhase::Reveal:
            send(*client, makeReveal(client->player));
            break;
        case core::ClassPhase::Leaderboard:
        {
            Leaderboard board;
            board.top.assign(table.begin(),
                             table.begin() + static_cast<long>(
                                                 std::min(table.size(), m_config.leaderboardSize)));
            board.you = byPlayer[client->player];
            send(*client, board);
            break;
        }
        case core::ClassPhase::Finished:
            send(*client, End{table, byPlayer[client->player]});
            break;
        }
    }
}

void HostServer::broadcastLobby()
{
    Lobby lobby;
    lobby.locked = m_classroom.isLocked();
    for (const core::ClassPlayer& p : m_classroom.getPlayers())
    {
        if (p.connected)
            lobby.nicknames.push_back(p.nickname);
    }
    lobby.playerCount = static_cast<std::uint32_t>(lobby.nicknames.size());
    const std::vector<std::uint8_t> bytes = encode(lobby);
    for (const std::unique_ptr<Client>& client : m_clients)
    {
        if (client->state == Client::State::Joined)
            sendBytes(*client, bytes);
    }
}

void HostServer::afterChange(milliseconds now)
{
    if (m_classroom.getPhaseSerial() != m_seenSerial)
    {
        m_seenSerial = m_classroom.getPhaseSerial();
        broadcastPhase(now);
        HostEvent event;
        event.kind = HostEvent::Kind::PhaseChanged;
        event.text = std::string("phase: ") + core::toString(m_classroom.getPhase());
        if (m_classroom.getPhase() != core::ClassPhase::Lobby &&
            m_classroom.getPhase() != core::ClassPhase::Finished)
            event.text += " " + std::to_string(m_classroom.getCurrentIndex() + 1) + "/" +
                          std::to_string(m_classroom.getQuestionCount());
        m_events.push_back(std::move(event));
    }
    if (m_lobbyDirty && m_classroom.getPhase() == core::ClassPhase::Lobby &&
        now - m_lastLobby >= m_config.lobbyInterval)
    {
        broadcastLobby();
        m_lobbyDirty = false;
        m_lastLobby = now;
    }
    const std::size_t answered = m_classroom.countAnswered();
    const std::size_t connected = m_classroom.countConnected();
    if (answered != m_lastAnswered || connected != m_lastConnected)
    {
        m_lastAnswered = answered;
        m_lastConnected = connected;
        HostEvent event;
        event.kind = HostEvent::Kind::AnswerCount;
        event.answered = answered;
        event.connected = connected;
        m_events.push_back(std::move(event));
    }
    for (const std::unique_ptr<Client>& client : m_clients)
        flush(*client);
}

core::ClassRefusal HostServer::command(core::HostCommand command, milliseconds now)
{
    const core::ClassRefusal refusal = m_classroom.command(core::ClassRole::Host, command, now);
    if (command == core::HostCommand::Lock || command == core::HostCommand::Unlock)
        m_lobbyDirty = true;
    if ((command == core::HostCommand::Pause || command == core::HostCommand::Resume) &&
        refusal == core::ClassRefusal::None)
    {
        const std::vector<std::uint8_t> bytes = encode(makePause(now));
        for (const std::unique_ptr<Client>& client : m_clients)
        {
            if (client->state == Client::State::Joined)
                sendBytes(*client, bytes);
        }
    }
    afterChange(now);
    removeClosed();
    return refusal;
}

core::ClassRefusal HostServer::kick(const std::string& nickname, milliseconds now)
{
    const std::size_t index = m_classroom.findPlayer(nickname);
    const core::ClassRefusal refusal = m_classroom.kick(nickname, now);
    if (refusal != core::ClassRefusal::None)
        return refusal;
    if (Client* client = findClient(index))
    {
        send(*client, Kick{"removed by the instructor"});
        client->state = Client::State::Closing;
    }
    log("kicked: " + m_classroom.getPlayers()[index].nickname);
    m_lobbyDirty = true;
    afterChange(now);
    removeClosed();
    return refusal;
}

HostServer::Client* HostServer::findClient(std::size_t player)
{
    for (const std::unique_ptr<Client>& client : m_clients)
    {
        if (client->state == Client::State::Joined && client->player == player)
            return client.get();
    }
    return nullptr;
}

void HostServer::keepAlive(Client& client, milliseconds now)
{
    if (client.state == Client::State::AwaitHello &&
        now - client.connectedAt > m_config.helloTimeout)
        drop(client, "no hello in time");
    if (client.state == Client::State::Closing)
    {
        // A peer that does not read its refusal or kick is closed anyway after a grace period.
        if (client.closingAt.count() < 0)
            client.closingAt = now;
        else if (now - client.closingAt > std::chrono::milliseconds{2000})
            client.state = Client::State::Closed;
    }
    if (client.state != Client::State::Joined)
        return;
    if (now - client.lastHeard > m_config.silenceTimeout)
    {
        drop(client, "silent for " + std::to_string((now - client.lastHeard).count()) + " ms");
        return;
    }
    if (now - client.lastPing >= m_config.pingInterval)
    {
        client.lastPing = now;
        send(client, Ping{++m_pingToken, false});
    }
}

void HostServer::refuse(Client& client, Reason reason)
{
    send(client, Refuse{reason, toString(reason)});
    client.state = Client::State::Closing;
}

void HostServer::drop(Client& client, const std::string& why)
{
    if (client.state == Client::State::Closed)
        return;
    HostEvent event;
    event.kind =
        client.state == Client::State::Joined ? HostEvent::Kind::Left : HostEvent::Kind::Log;
    event.nickname = client.state == Client::State::Joined ? client.name : std::string();
    event.text = "dropped " + client.name + ": " + why;
    m_events.push_back(std::move(event));
    if (client.state == Client::State::Joined)
    {
        m_classroom.disconnect(client.player, milliseconds{0});
        m_lobbyDirty = true;
    }
    client.state = Client::State::Closed;
}

void HostServer::send(Client& client, const Message& message)
{
    sendBytes(client, encode(message));
}

void HostServer::sendBytes(Client& client, const std::vector<std::uint8_t>& bytes)
{
    if (client.state == Client::State::Closed)
        return;
    if (client.out.size() - client.outSent + bytes.size() > m_config.maxQueuedBytes)
    {
        drop(client, "too slow to keep up (output queue full)");
        return;
    }
    client.out.insert(client.out.end(), bytes.begin(), bytes.end());
}

void HostServer::flush(Client& client)
{
    while (client.state != Client::State::Closed && client.outSent < client.out.size())
    {
        std::size_t sent = 0;
        const sf::Socket::Status status = client.socket.send(
            client.out.data() + client.outSent, client.out.size() - client.outSent, sent);
        client.outSent += sent;
        if (status == sf::Socket::NotReady || (status == sf::Socket::Partial && sent == 0))
            break;
        if (status == sf::Socket::Disconnected || status == sf::Socket::Error)
        {
            drop(client, "connection lost while sending");
            return;
        }
    }
    if (client.outSent == client.out.size())
    {
        client.out.clear();
        client.outSent = 0;
        if (client.state == Client::State::Closing)
            client.state = Client::State::Closed;
    }
    else if (client.outSent > 64 * 1024)
    {
        client.out.erase(client.out.begin(),
                         client.out.begin() + static_cast<long>(client.outSent));
        client.outSent = 0;
    }
}

void HostServer::answerDiscovery()
{
    std::array<char, 256> datagram{};
    for (int i = 0; i < 16 && m_discovering; ++i)
    {
        std::size_t received = 0;
        sf::IpAddress sender;
        unsigned short senderPort = 0;
        if (m_discovery.receive(datagram.data(), datagram.size(), received, sender, senderPort) !=
            sf::Socket::Done)
            return;
        // Anything but a search is ignored without a log line: UDP noise is normal on a LAN.
        if (!isDiscoveryRequest(datagram.data(), received))
            continue;
        const std::string reply = makeDiscoveryReply(
            getPort(), static_cast<unsigned>(m_classroom.countConnected()), m_config.title);
        (void)m_discovery.send(reply.data(), reply.size(), sender, senderPort);
    }
}

void HostServer::removeClosed()
{
    const auto closed = [this](const std::unique_ptr<Client>& client)
    {
        if (client->state != Client::State::Closed)
            return false;
        m_selector.remove(client->socket);
        client->socket.disconnect();
        return true;
    };
    m_clients.erase(std::remove_if(m_clients.begin(), m_clients.end(), closed), m_clients.end());
}

} // namespace quiz::net
