#include "HostProtocol.hpp"

#include "HostMessages.hpp"
#include "core/classroom/ClassSetup.hpp"

#include <algorithm>
#include <random>

namespace quiz::net
{
namespace
{

using std::chrono::milliseconds;

std::string randomToken()
{
    std::random_device device;
    static const char* const kHex = "0123456789abcdef";
    std::string token;
    for (int i = 0; i < 4; ++i)
    {
        std::uint32_t word = device();
        for (int k = 0; k < 8; ++k, word >>= 4U)
            token += kHex[word & 0xFU];
    }
    return token;
}

std::shared_ptr<const std::string> shared(const Message& message)
{
    return std::make_shared<const std::string>(encode(message));
}

} // namespace

HostProtocol::HostProtocol(std::vector<core::Question> questions, core::ClassSettings settings,
                           HostRules rules)
    : m_room(std::move(questions), settings), m_rules(std::move(rules))
{
    if (!m_rules.makeToken)
        m_rules.makeToken = randomToken;
    m_seenSerial = m_room.getPhaseSerial();
}

HostProtocol::Peer* HostProtocol::findPeer(ConnectionId id)
{
    const auto it = m_peers.find(id);
    return it == m_peers.end() ? nullptr : &it->second;
}

std::vector<HostProtocol::Peer*> HostProtocol::joinedPeers()
{
    std::vector<Peer*> peers;
    for (auto& [id, peer] : m_peers)
    {
        if (peer.joined)
            peers.push_back(&peer);
    }
    // The map's order is arbitrary; broadcasts go out in joining order for fairness.
    std::sort(peers.begin(), peers.end(),
              [](const Peer* a, const Peer* b) { return a->id < b->id; });
    return peers;
}

void HostProtocol::open(ConnectionId id, const std::string& address, milliseconds now)
{
    Peer peer;
    peer.id = id;
    peer.address = address;
    peer.openedAt = now;
    peer.lastHeard = now;
    m_peers[id] = peer;
}

void HostProtocol::receive(ConnectionId id, const DecodeResult& message, milliseconds now)
{
    Peer* peer = findPeer(id);
    if (peer == nullptr)
        return; // already dropped; the network side has not noticed yet
    peer->lastHeard = now;
    if (!message.message)
    {
        refuse(*peer, message.error, std::string(toString(message.error)) + ": " + message.detail);
        return;
    }
    handle(*peer, *message.message, now);
    afterChange(now);
}

void HostProtocol::handle(Peer& peer, const Message& message, milliseconds now)
{
    const bool hello =
        std::holds_alternative<Join>(message) || std::holds_alternative<Rejoin>(message);
    if (hello == peer.joined)
    {
        refuse(peer, Reason::OutOfOrder,
               std::string("out of order: '") + getType(message) +
                   (peer.joined ? "' after joining" : "' before joining"));
        return;
    }
    if (const auto* join = std::get_if<Join>(&message))
        handleJoin(peer, *join, now);
    else if (const auto* rejoin = std::get_if<Rejoin>(&message))
        handleRejoin(peer, *rejoin, now);
    else if (const auto* answer = std::get_if<Answer>(&message))
        handleAnswer(peer, *answer, now);
    else if (const auto* ping = std::get_if<Ping>(&message))
        send(peer, Pong{ping->id});
    else if (std::holds_alternative<Leave>(message))
        handleLeave(peer, now);
    // A pong needs nothing beyond lastHeard.
}

void HostProtocol::countWrongTry(const std::string& address, milliseconds now)
{
    std::deque<milliseconds>& tries = m_wrongTries[address];
    tries.push_back(now);
    if (tries.size() == m_rules.wrongTries + 1)
        log("too many wrong codes from " + address + "; refusing it for a while");
}

bool HostProtocol::admit(Peer& peer, std::uint32_t version, const std::string& code,
                         milliseconds now)
{
    std::deque<milliseconds>& tries = m_wrongTries[peer.address];
    while (!tries.empty() && now - tries.front() >= m_rules.triesWindow)
        tries.pop_front();
    if (tries.empty())
        m_wrongTries.erase(peer.address);
    else if (tries.size() > m_rules.wrongTries)
    {
        refuse(peer, Reason::TooManyTries, ""); // logged once, when the limit was passed
        return false;
    }
    if (version != kProtocolVersion)
    {
        refuse(peer, Reason::WrongVersion, "version " + std::to_string(version));
        return false;
    }
    if (!m_rules.classCode.empty() &&
        core::normalizeClassCode(code) != core::normalizeClassCode(m_rules.classCode))
    {
        const bool first = m_wrongTries.count(peer.address) == 0;
        countWrongTry(peer.address, now);
        refuse(peer, Reason::WrongCode, first ? "wrong class code" : "");
        return false;
    }
    return true;
}

void HostProtocol::handleJoin(Peer& peer, const Join& join, milliseconds now)
{
    if (!admit(peer, join.version, join.classCode, now))
        return;
    const core::JoinOutcome outcome = m_room.join(join.nickname, now);
    if (outcome.refusal != core::ClassRefusal::None)
    {
        refuse(peer, toReason(outcome.refusal), "nickname '" + escapeForLog(join.nickname) + "'");
        return;
    }
    if (m_tokenOf.size() < m_room.getPlayers().size())
    {
        m_tokenOf.resize(m_room.getPlayers().size());
        m_connectionOf.resize(m_room.getPlayers().size(), 0);
    }
    if (!m_tokenOf[outcome.player].empty()) // a recycled record: its old token is void
        m_playerOfToken.erase(m_tokenOf[outcome.player]);
    m_tokenOf[outcome.player] = m_rules.makeToken();
    m_playerOfToken[m_tokenOf[outcome.player]] = outcome.player;
    seat(peer, outcome.player, false, now);
}

void HostProtocol::handleRejoin(Peer& peer, const Rejoin& rejoin, milliseconds now)
{
    if (!admit(peer, rejoin.version, rejoin.classCode, now))
        return;
    const auto it = m_playerOfToken.find(rejoin.token);
    if (it == m_playerOfToken.end())
    {
        countWrongTry(peer.address, now);
        refuse(peer, Reason::BadToken, "unknown rejoin token");
        return;
    }
    const std::size_t player = it->second;
    if (Peer* old = findPeer(m_connectionOf[player]); old != nullptr && old != &peer)
    {
        // The same student on a new tab or after a network change: the newer connection wins.
        send(*old, Refuse{Reason::Replaced, describe(Reason::Replaced), true});
        const ConnectionId oldId = old->id;
        unseat(*old, now, "joined again from another connection");
        closePeer(oldId, Reason::Replaced);
    }
    const core::ClassRefusal refusal = m_room.rejoin(player, now);
    if (refusal != core::ClassRefusal::None)
    {
        refuse(peer, toReason(refusal), "rejoin of '" + m_room.getPlayers()[player].nickname + "'");
        return;
    }
    seat(peer, player, true, now);
}

void HostProtocol::seat(Peer& peer, std::size_t player, bool rejoined, milliseconds now)
{
    peer.joined = true;
    peer.player = player;
    peer.lastPing = now;
    m_connectionOf[player] = peer.id;
    const core::ClassPlayer& p = m_room.getPlayers()[player];
    Welcome welcome;
    welcome.nickname = p.nickname;
    welcome.token = m_tokenOf[player];
    welcome.rejoined = rejoined;
    welcome.score = p.score;
    welcome.phase = toWirePhase(m_room.getPhase());
    welcome.title = m_rules.title;
    welcome.questions = static_cast<std::uint32_t>(m_room.getQuestionCount());
    send(peer, welcome);
    noteLobby(true, p.nickname);
    sendSnapshot(peer, now);
    HostEvent event;
    event.kind = rejoined ? HostEvent::Kind::Rejoined : HostEvent::Kind::Joined;
    event.nickname = p.nickname;
    event.text = (rejoined ? "rejoined: " : "joined: ") + p.nickname +
                 (rejoined ? " (score " + std::to_string(p.score) + ")" : "");
    m_events.push_back(std::move(event));
}

void HostProtocol::sendSnapshot(Peer& peer, milliseconds now)
{
    const std::size_t player = peer.player;
    switch (m_room.getPhase())
    {
    case core::ClassPhase::Lobby:
    {
        Lobby lobby;
        lobby.playerCount = static_cast<std::uint32_t>(m_room.countConnected());
        lobby.locked = m_room.isLocked();
        lobby.reset = true;
        const std::vector<core::ClassPlayer>& players = m_room.getPlayers();
        for (std::size_t i = players.size();
             i-- > 0 && lobby.joined.size() < m_rules.lobbyResetNames;)
        {
            if (players[i].connected)
                lobby.joined.push_back(players[i].nickname);
        }
        std::reverse(lobby.joined.begin(), lobby.joined.end());
        peer.lobbySeq = m_lobbySeq;
        send(peer, lobby);
        break;
    }
    case core::ClassPhase::Question:
        send(peer, makeQuestion(m_room, now, player));
        if (m_room.isPaused())
        {
            const auto left = static_cast<std::uint32_t>(m_room.getTimeLeft(now).count());
            send(peer, Pause{static_cast<std::uint32_t>(m_room.getCurrentIndex()), left});
        }
        break;
    case core::ClassPhase::Reveal:
        send(peer, makeReveal(m_room, player));
        break;
    case core::ClassPhase::Leaderboard:
    {
        const StandingTable table(m_room);
        send(peer, Leaderboard{table.top(m_rules.leaderboardSize), table.placeOf(player)});
        break;
    }
    case core::ClassPhase::Finished:
    {
        const StandingTable table(m_room);
        send(peer, End{table.top(m_rules.finalSize), table.placeOf(player)});
        break;
    }
    }
}

// The page names items and choices by the letters it showed; the room takes item and pair
// ids, so a letter is read back through the question's shown order, the same for everyone.
void HostProtocol::handleStepsAnswer(Peer& peer, const Answer& answer, milliseconds now)
{
    Ack ack;
    ack.index = answer.index;
    core::ClassRefusal refusal = core::ClassRefusal::UnknownOption;
    if (answer.index < m_room.getQuestionCount())
    {
        const core::Question& question = m_room.getQuestion(answer.index);
        const core::ClassSteps& steps = m_room.getSteps(answer.index);
        if (answer.order && question.type == core::QuestionType::Ordering)
        {
            if (const auto ids = core::orderFromLetters(question, steps, *answer.order))
                refusal = m_room.answerOrder(peer.player, answer.index, *ids, now);
        }
        else if (answer.matches && question.type == core::QuestionType::Matching)
        {
            std::vector<std::pair<std::string, std::string>> numbered;
            for (const WireMatch& match : *answer.matches)
                numbered.emplace_back(match.prompt, match.choice);
            if (const auto matches = core::matchesFromLetters(question, steps, numbered))
                refusal = m_room.answerMatches(peer.player, answer.index, *matches, now);
        }
        else if (answer.index != m_room.getCurrentIndex())
            refusal = core::ClassRefusal::WrongQuestion;
    }
    ack.accepted = refusal == core::ClassRefusal::None;
    ack.reason = toReason(refusal);
    ack.text = describe(ack.reason);
    send(peer, ack);
}

void HostProtocol::handleAnswer(Peer& peer, const Answer& answer, milliseconds now)
{
    Ack ack;
    ack.index = answer.index;
    const core::QuestionType type = answer.index < m_room.getQuestionCount()
                                        ? m_room.getQuestion(answer.index).type
                                        : core::QuestionType::Single;
    if (type == core::QuestionType::Ordering || type == core::QuestionType::Matching ||
        answer.order || answer.matches)
    {
        handleStepsAnswer(peer, answer, now);
        return;
    }
    const bool numeric = type == core::QuestionType::Numeric;
    if (numeric || answer.value)
    {
        // The host reads the text, so every device takes a comma or a point alike; text that
        // is no number is answered with the reason and does not count as an answer.
        std::string message;
        const std::optional<double> value =
            core::parseTypedNumber(answer.value.value_or(std::string()), message);
        if (!value)
        {
            ack.reason = Reason::BadNumber;
            ack.text = message.empty() ? describe(ack.reason) : message;
            send(peer, ack);
            return;
        }
        const core::ClassRefusal refusal =
            m_room.answerNumber(peer.player, answer.index, *value, now);
        ack.accepted = refusal == core::ClassRefusal::None;
        ack.reason = toReason(refusal);
        ack.text = describe(ack.reason);
        send(peer, ack);
        return;
    }
    const core::ClassRefusal refusal =
        m_room.answer(peer.player, answer.index, answer.optionIds, now);
    ack.accepted = refusal == core::ClassRefusal::None;
    ack.reason = toReason(refusal);
    ack.text = describe(ack.reason);
    send(peer, ack);
}

void HostProtocol::handleLeave(Peer& peer, milliseconds now)
{
    const std::size_t player = peer.player;
    const ConnectionId id = peer.id;
    unseat(peer, now, "left the class");
    m_room.leave(player, now);
    if (m_room.getPlayers()[player].gone)
    {
        m_playerOfToken.erase(m_tokenOf[player]);
        m_tokenOf[player].clear();
    }
    closePeer(id, Reason::None);
}

void HostProtocol::unseat(Peer& peer, milliseconds now, const std::string& why)
{
    if (peer.joined)
    {
        const std::size_t player = peer.player;
        m_connectionOf[player] = 0;
        m_room.disconnect(player, now);
        noteLobby(false, m_room.getPlayers()[player].nickname);
        HostEvent event;
        event.kind = HostEvent::Kind::Left;
        event.nickname = m_room.getPlayers()[player].nickname;
        event.text = "dropped " + event.nickname + ": " + why;
        m_events.push_back(std::move(event));
        peer.joined = false;
    }
}

void HostProtocol::closed(ConnectionId id, Reason why, milliseconds now)
{
    Peer* peer = findPeer(id);
    if (peer == nullptr)
        return;
    const std::string text = why == Reason::None ? "connection closed" : toString(why);
    if (!peer->joined && why != Reason::None)
        log("dropped " + peer->address + ": " + text);
    unseat(*peer, now, text);
    m_peers.erase(id);
    afterChange(now);
}

void HostProtocol::refuse(Peer& peer, Reason reason, const std::string& logLine)
{
    if (!logLine.empty())
        log("refused " + peer.address + " (" + toString(reason) + "): " + logLine);
    send(peer, Refuse{reason, describe(reason), true});
    // The seat goes now; the connection closes once the refusal is out.
    const ConnectionId id = peer.id;
    unseat(peer, std::chrono::milliseconds{0}, toString(reason));
    closePeer(id, reason);
}

void HostProtocol::closePeer(ConnectionId id, Reason reason)
{
    Outgoing out;
    out.to = id;
    out.close = true;
    out.closeReason = reason;
    m_out.push_back(std::move(out));
    m_peers.erase(id);
}

void HostProtocol::send(const Peer& peer, const Message& message)
{
    sendShared(peer, shared(message));
}

void HostProtocol::sendShared(const Peer& peer, const std::shared_ptr<const std::string>& text)
{
    Outgoing out;
    out.to = peer.id;
    out.text = text;
    m_out.push_back(std::move(out));
}

void HostProtocol::log(std::string text)
{
    HostEvent event;
    event.kind = HostEvent::Kind::Log;
    event.text = std::move(text);
    m_events.push_back(std::move(event));
}

void HostProtocol::tick(milliseconds now)
{
    m_room.advance(now);
    std::vector<ConnectionId> late;
    for (auto& [id, peer] : m_peers)
    {
        const bool silent = peer.joined ? now - peer.lastHeard > m_rules.silenceTimeout
                                        : now - peer.openedAt > m_rules.helloTimeout;
        if (silent)
            late.push_back(id);
        else if (peer.joined && now - peer.lastPing >= m_rules.pingInterval)
        {
            peer.lastPing = now;
            send(peer, Ping{++m_pingId});
        }
    }
    for (ConnectionId id : late)
    {
        if (Peer* peer = findPeer(id))
            refuse(*peer, Reason::Timeout, peer->joined ? "silent too long" : "no join in time");
    }
    afterChange(now);
    if (m_lobbyDirty && now - m_lastLobby >= m_rules.lobbyInterval)
        broadcastLobby(now);
    const std::size_t answered = m_room.countAnswered();
    const std::size_t connected = m_room.countConnected();
    if (m_room.isAnswering() && (answered != m_lastAnswered || connected != m_lastConnected))
    {
        HostEvent event;
        event.kind = HostEvent::Kind::AnswerCount;
        event.answered = answered;
        event.connected = connected;
        m_events.push_back(std::move(event));
    }
    m_lastAnswered = answered;
    m_lastConnected = connected;
}

core::ClassRefusal HostProtocol::command(core::HostCommand command, milliseconds now)
{
    const core::ClassRefusal refusal = m_room.command(core::ClassRole::Host, command, now);
    afterChange(now);
    return refusal;
}

core::ClassRefusal HostProtocol::kick(const std::string& nickname, milliseconds now)
{
    const std::size_t player = m_room.findPlayer(nickname);
    if (player < m_connectionOf.size())
    {
        if (Peer* peer = findPeer(m_connectionOf[player]))
        {
            send(*peer, Kick{describe(Reason::Kicked)});
            const ConnectionId id = peer->id;
            unseat(*peer, now, "kicked");
            closePeer(id, Reason::Kicked);
        }
    }
    const core::ClassRefusal refusal = m_room.kick(nickname, now);
    if (refusal == core::ClassRefusal::None && player < m_tokenOf.size())
    {
        m_playerOfToken.erase(m_tokenOf[player]);
        m_tokenOf[player].clear();
        log("kicked: " + m_room.getPlayers()[player].nickname);
    }
    afterChange(now);
    return refusal;
}

void HostProtocol::closeAll()
{
    const auto text = shared(Refuse{Reason::HostClosing, describe(Reason::HostClosing), true});
    std::vector<ConnectionId> ids;
    for (const auto& [id, peer] : m_peers)
        ids.push_back(id);
    for (ConnectionId id : ids)
    {
        sendShared(m_peers[id], text);
        closePeer(id, Reason::HostClosing);
    }
}

std::vector<Outgoing> HostProtocol::takeOutgoing()
{
    std::vector<Outgoing> out;
    out.swap(m_out);
    return out;
}

std::vector<HostEvent> HostProtocol::takeEvents()
{
    std::vector<HostEvent> events;
    events.swap(m_events);
    return events;
}

} // namespace quiz::net
