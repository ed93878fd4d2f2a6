#pragma once

#include "Protocol.hpp"
#include "core/classroom/Classroom.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace quiz::net
{

/// A connection, as numbered by the network side (never reused while the host runs).
using ConnectionId = std::uint64_t;

/// One message for one connection. Broadcasts share `text`. With `close`, the connection closes
/// once the text (if any) is out; `closeReason` picks the WebSocket close code.
struct Outgoing
{
    ConnectionId to = 0;
    std::shared_ptr<const std::string> text;
    bool close = false;
    Reason closeReason = Reason::None;
};

/// Something the host's screen or console may want to show. `Log` lines explain every drop and
/// refusal (student text in them is escaped); `AnswerCount` comes at most once per tick.
struct HostEvent
{
    enum class Kind
    {
        Log,
        Joined,
        Rejoined,
        Left,
        AnswerCount,
        PhaseChanged
    };
    Kind kind = Kind::Log;
    std::string text;
    std::string nickname;
    std::size_t answered = 0;
    std::size_t connected = 0;
};

/// The host's side of the protocol, without sockets: who is connected, what each may send
/// when, timeouts, pings, tokens, rate limits, and the messages the class rules' changes
/// produce. Time is injected (milliseconds since the class began), so every rule here is
/// tested without a network or a clock.
struct HostRules
{
    std::string classCode; ///< compared case-insensitively; "" accepts any code
    std::string title;     ///< sent in `joined`
    std::chrono::milliseconds pingInterval{2000};
    std::chrono::milliseconds silenceTimeout{10000};
    std::chrono::milliseconds helloTimeout{5000};
    std::chrono::milliseconds lobbyInterval{200};
    std::size_t leaderboardSize = 5;
    std::size_t finalSize = 10;
    std::size_t lobbyResetNames = 100;
    std::size_t lobbyChangeNames = 20;
    /// Wrong codes (or unknown tokens) from one address within `triesWindow`; past it the
    /// address is refused `too-many-tries` until the window has passed.
    std::size_t wrongTries = 5;
    std::chrono::milliseconds triesWindow{60000};
    /// A secret rejoin token; the default draws 128 bits from std::random_device.
    std::function<std::string()> makeToken;
};

class HostProtocol
{
public:
    HostProtocol(std::vector<core::Question> questions, core::ClassSettings settings,
                 HostRules rules);

    /// A WebSocket opened from `address`. It must say `join` or `rejoin` within helloTimeout.
    void open(ConnectionId id, const std::string& address, std::chrono::milliseconds now);
    /// A message (or a decoding failure, which drops the connection) arrived.
    void receive(ConnectionId id, const DecodeResult& message, std::chrono::milliseconds now);
    /// The network side closed the connection (gone, too slow to read, ...).
    void closed(ConnectionId id, Reason why, std::chrono::milliseconds now);
    /// Lets time pass: countdown, timeouts, pings, batched lobby changes, answer counts.
    void tick(std::chrono::milliseconds now);
    /// The instructor's pacing; the resulting messages are queued.
    core::ClassRefusal command(core::HostCommand command, std::chrono::milliseconds now);
    /// Removes a student (told, then disconnected); the nickname and token stay refused.
    core::ClassRefusal kick(const std::string& nickname, std::chrono::milliseconds now);
    /// Tells every connection the class is closing and closes it.
    void closeAll();

    [[nodiscard]] std::vector<Outgoing> takeOutgoing();
    [[nodiscard]] std::vector<HostEvent> takeEvents();
    [[nodiscard]] const core::Classroom& getClassroom() const { return m_room; }
    [[nodiscard]] std::size_t countConnections() const { return m_peers.size(); }

private:
    struct Peer
    {
        ConnectionId id = 0;
        std::string address;
        std::chrono::milliseconds openedAt{0};
        std::chrono::milliseconds lastHeard{0};
        std::chrono::milliseconds lastPing{0};
        bool joined = false;
        std::size_t player = 0;
        std::uint64_t lobbySeq = 0; ///< lobby changes this peer has seen
    };
    struct LobbyChange
    {
        std::uint64_t seq = 0;
        bool joined = false;
        std::string nickname;
    };

    void handle(Peer& peer, const Message& message, std::chrono::milliseconds now);
    void handleJoin(Peer& peer, const Join& join, std::chrono::milliseconds now);
    void handleRejoin(Peer& peer, const Rejoin& rejoin, std::chrono::milliseconds now);
    void handleAnswer(Peer& peer, const Answer& answer, std::chrono::milliseconds now);
    void handleStepsAnswer(Peer& peer, const Answer& answer, std::chrono::milliseconds now);
    void handleLeave(Peer& peer, std::chrono::milliseconds now);
    /// Checks version and code (with the per-address limit); refuses and returns false.
    bool admit(Peer& peer, std::uint32_t version, const std::string& code,
               std::chrono::milliseconds now);
    void countWrongTry(const std::string& address, std::chrono::milliseconds now);
    void seat(Peer& peer, std::size_t player, bool rejoined, std::chrono::milliseconds now);
    void sendSnapshot(Peer& peer, std::chrono::milliseconds now);
    void afterChange(std::chrono::milliseconds now);
    void broadcastPhase(std::chrono::milliseconds now);
    void broadcastLobby(std::chrono::milliseconds now);
    void noteLobby(bool joined, const std::string& nickname);
    void refuse(Peer& peer, Reason reason, const std::string& logLine);
    void unseat(Peer& peer, std::chrono::milliseconds now, const std::string& why);
    void send(const Peer& peer, const Message& message);
    void sendShared(const Peer& peer, const std::shared_ptr<const std::string>& text);
    void closePeer(ConnectionId id, Reason reason);
    void log(std::string text);
    [[nodiscard]] Peer* findPeer(ConnectionId id);
    [[nodiscard]] std::vector<Peer*> joinedPeers();

    core::Classroom m_room;
    HostRules m_rules;
    std::unordered_map<ConnectionId, Peer> m_peers;
    std::vector<ConnectionId> m_connectionOf; ///< player -> connection (0: none)
    std::vector<std::string> m_tokenOf;       ///< player -> token ("" when none)
    std::unordered_map<std::string, std::size_t> m_playerOfToken;
    std::map<std::string, std::deque<std::chrono::milliseconds>> m_wrongTries;
    std::vector<LobbyChange> m_lobbyChanges;
    std::uint64_t m_lobbySeq = 0;
    bool m_lobbyDirty = false;
    bool m_lastLocked = false;
    bool m_lockChanged = false;
    std::chrono::milliseconds m_lastLobby{-1000000};
    std::uint64_t m_seenSerial = 0;
    bool m_lastPaused = false;
    std::size_t m_lastAnswered = 0;
    std::size_t m_lastConnected = 0;
    std::uint32_t m_pingId = 0;
    std::vector<Outgoing> m_out;
    std::vector<HostEvent> m_events;
};

} // namespace quiz::net
