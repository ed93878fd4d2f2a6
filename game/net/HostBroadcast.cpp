// What the host sends when the class changes: the phase's message to every student, pause and
// resume, and the lobby's changes in batches. Part of HostProtocol.
#include "HostMessages.hpp"
#include "HostProtocol.hpp"

#include <algorithm>

namespace quiz::net
{

using std::chrono::milliseconds;

void HostProtocol::afterChange(milliseconds now)
{
    if (m_room.getPhaseSerial() != m_seenSerial)
    {
        m_seenSerial = m_room.getPhaseSerial();
        m_lastPaused = m_room.isPaused();
        broadcastPhase(now);
        HostEvent event;
        event.kind = HostEvent::Kind::PhaseChanged;
        event.text = std::string("phase: ") + core::toString(m_room.getPhase());
        if (m_room.getPhase() != core::ClassPhase::Lobby &&
            m_room.getPhase() != core::ClassPhase::Finished)
            event.text += " " + std::to_string(m_room.getCurrentIndex() + 1) + "/" +
                          std::to_string(m_room.getQuestionCount());
        m_events.push_back(std::move(event));
    }
    if (m_room.isPaused() != m_lastPaused)
    {
        m_lastPaused = m_room.isPaused();
        const auto index = static_cast<std::uint32_t>(m_room.getCurrentIndex());
        const auto left = static_cast<std::uint32_t>(m_room.getTimeLeft(now).count());
        const Message message =
            m_lastPaused ? Message(Pause{index, left}) : Message(Resume{index, left});
        const auto text = std::make_shared<const std::string>(encode(message));
        for (Peer* peer : joinedPeers())
            sendShared(*peer, text);
    }
    if (m_room.isLocked() != m_lastLocked)
    {
        m_lastLocked = m_room.isLocked();
        m_lobbyDirty = true;
        m_lockChanged = true;
    }
}

void HostProtocol::broadcastPhase(milliseconds now)
{
    const std::vector<Peer*> peers = joinedPeers();
    switch (m_room.getPhase())
    {
    case core::ClassPhase::Lobby:
        break;
    case core::ClassPhase::Question:
    {
        // A fresh question: nobody has answered it, so one text serves everyone.
        const auto text = std::make_shared<const std::string>(
            encode(makeQuestion(m_room, now, m_room.getPlayers().size())));
        for (Peer* peer : peers)
            sendShared(*peer, text);
        break;
    }
    case core::ClassPhase::Reveal:
        for (Peer* peer : peers)
            send(*peer, makeReveal(m_room, peer->player));
        break;
    case core::ClassPhase::Leaderboard:
    {
        const StandingTable table(m_room);
        const std::vector<Standing> top = table.top(m_rules.leaderboardSize);
        for (Peer* peer : peers)
            send(*peer, Leaderboard{top, table.placeOf(peer->player)});
        break;
    }
    case core::ClassPhase::Finished:
    {
        const StandingTable table(m_room);
        const std::vector<Standing> top = table.top(m_rules.finalSize);
        for (Peer* peer : peers)
            send(*peer, End{top, table.placeOf(peer->player)});
        break;
    }
    }
}

void HostProtocol::noteLobby(bool joined, const std::string& nickname)
{
    if (m_room.getPhase() != core::ClassPhase::Lobby)
        return;
    m_lobbyChanges.push_back({++m_lobbySeq, joined, nickname});
    m_lobbyDirty = true;
}

void HostProtocol::broadcastLobby(milliseconds now)
{
    m_lastLobby = now;
    m_lobbyDirty = false;
    if (m_room.getPhase() != core::ClassPhase::Lobby)
    {
        m_lobbyChanges.clear();
        return;
    }
    // Peers that joined during this batch have seen part of it in their reset list; they get
    // only the changes after it. Everyone else shares one text.
    std::map<std::uint64_t, std::shared_ptr<const std::string>> bySeen;
    for (Peer* peer : joinedPeers())
    {
        auto& text = bySeen[peer->lobbySeq];
        if (!text)
        {
            Lobby lobby;
            lobby.playerCount = static_cast<std::uint32_t>(m_room.countConnected());
            lobby.locked = m_room.isLocked();
            for (const LobbyChange& change : m_lobbyChanges)
            {
                std::vector<std::string>& list = change.joined ? lobby.joined : lobby.left;
                if (change.seq > peer->lobbySeq && list.size() < m_rules.lobbyChangeNames)
                    list.push_back(change.nickname);
            }
            if (lobby.joined.empty() && lobby.left.empty() && !m_lockChanged)
                text = std::make_shared<const std::string>(); // seen it all: nothing to send
            else
                text = std::make_shared<const std::string>(encode(lobby));
        }
        if (!text->empty())
            sendShared(*peer, text);
        peer->lobbySeq = m_lobbySeq;
    }
    m_lobbyChanges.clear();
    m_lockChanged = false;
}

} // namespace quiz::net
