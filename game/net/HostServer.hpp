#pragma once

#include "Protocol.hpp"
#include "core/classroom/Classroom.hpp"

#include <SFML/Network/IpAddress.hpp>
#include <SFML/Network/SocketSelector.hpp>
#include <SFML/Network/TcpListener.hpp>
#include <SFML/Network/UdpSocket.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace sf
{
class TcpSocket;
}

namespace quiz::net
{

struct HostConfig
{
    unsigned short port = 0; ///< 0: the system picks one (read it back with getPort())
    sf::IpAddress bindAddress = sf::IpAddress::Any;
    std::string classCode; ///< students must send it in their hello ("" accepts any)
    std::size_t maxConnections = 300;
    std::chrono::milliseconds pingInterval{2000};
    /// A joined student that sends nothing (not even a ping reply) this long is dropped.
    std::chrono::milliseconds silenceTimeout{10000};
    /// A connection that has not said hello this long is dropped.
    std::chrono::milliseconds helloTimeout{5000};
    /// A student whose unsent bytes exceed this is too slow to keep up and is dropped.
    std::size_t maxQueuedBytes = 4U * 1024U * 1024U;
    /// Minimum gap between lobby updates while students pour in.
    std::chrono::milliseconds lobbyInterval{200};
    std::size_t leaderboardSize = 10;
    /// UDP port answering LAN class searches (see Discovery.hpp); 0 turns discovery off.
    unsigned short discoveryPort = 0;
    /// The class's name in discovery answers (e.g. the pack title).
    std::string title;
};

/// Something the host's screen or console may want to show. `Log` lines explain every drop
/// and refusal; `AnswerCount` comes at most once per poll (live counts are for the host only).
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

/// The class host: owns the class rules and every student connection. Single-threaded and
/// non-blocking: call poll(now) from the game loop (or waitForActivity() then poll() in a
/// console loop). Any malformed, oversized, out-of-order or wrong-version input drops that
/// one connection with a log event; nothing a student sends can stop the host.
class HostServer
{
public:
    HostServer(std::vector<core::Question> questions, core::ClassSettings settings,
               HostConfig config);
    ~HostServer();
    HostServer(const HostServer&) = delete;
    HostServer& operator=(const HostServer&) = delete;

    /// Starts listening. Returns "" on success, else a message.
    [[nodiscard]] std::string listen();
    [[nodiscard]] unsigned short getPort() const;

    /// Accepts, reads, applies the class rules, broadcasts phase changes and flushes.
    /// `now` is milliseconds since the class began (monotonic). Never blocks.
    void poll(std::chrono::milliseconds now);
    /// Blocks until a socket is readable or `timeout` passes (at most 1 ms while output is
    /// still queued). For console loops; a game loop just polls every frame.
    void waitForActivity(std::chrono::milliseconds timeout);

    /// The instructor's pacing; the resulting messages go out on this call.
    core::ClassRefusal command(core::HostCommand command, std::chrono::milliseconds now);
    /// Removes a student (told why, then disconnected); they cannot rejoin under that name.
    core::ClassRefusal kick(const std::string& nickname, std::chrono::milliseconds now);

    /// Events since the last call, oldest first.
    [[nodiscard]] std::vector<HostEvent> takeEvents();
    [[nodiscard]] const core::Classroom& getClassroom() const { return m_classroom; }
    [[nodiscard]] const HostConfig& getConfig() const { return m_config; }
    /// Open connections, joined or not.
    [[nodiscard]] std::size_t countConnections() const { return m_clients.size(); }

private:
    struct Client;

    void acceptNew(std::chrono::milliseconds now);
    void readFrom(Client& client, std::chrono::milliseconds now);
    void handle(Client& client, const Message& message, std::chrono::milliseconds now);
    void handleHello(Client& client, const Hello& hello, std::chrono::milliseconds now);
    void handleAnswer(Client& client, const Answer& answer, std::chrono::milliseconds now);
    void sendSnapshot(Client& client, std::chrono::milliseconds now);
    /// Sends the current phase's message to every joined student, or to `only`.
    void broadcastPhase(std::chrono::milliseconds now, const Client* only = nullptr);
    void broadcastLobby();
    void refuse(Client& client, Reason reason);
    void drop(Client& client, const std::string& why);
    void send(Client& client, const Message& message);
    void sendBytes(Client& client, const std::vector<std::uint8_t>& bytes);
    void flush(Client& client);
    void keepAlive(Client& client, std::chrono::milliseconds now);
    void afterChange(std::chrono::milliseconds now);
    void removeClosed();
    void answerDiscovery();
    void log(const std::string& text);
    [[nodiscard]] Reveal makeReveal(std::size_t player) const;
    [[nodiscard]] Pause makePause(std::chrono::milliseconds now) const;
    [[nodiscard]] QuestionShow makeQuestion(std::chrono::milliseconds now) const;
    [[nodiscard]] Standing makeStanding(std::size_t player) const;
    [[nodiscard]] Client* findClient(std::size_t player);

    core::Classroom m_classroom;
    HostConfig m_config;
    sf::TcpListener m_listener;
    sf::SocketSelector m_selector;
    sf::UdpSocket m_discovery;
    bool m_discovering = false;
    std::vector<std::unique_ptr<Client>> m_clients;
    std::vector<HostEvent> m_events;
    std::uint64_t m_seenSerial = 0;
    bool m_lobbyDirty = false;
    std::chrono::milliseconds m_lastLobby{-1000000};
    std::size_t m_lastAnswered = 0;
    std::size_t m_lastConnected = 0;
    std::uint32_t m_pingToken = 0;
    bool m_listening = false;
    std::array<std::uint8_t, 4096> m_readBuffer{};
};

/// The protocol's reason for a class rule's refusal.
[[nodiscard]] Reason toReason(core::ClassRefusal refusal);

} // namespace quiz::net
