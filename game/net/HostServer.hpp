#pragma once

#include "HostProtocol.hpp"
#include "WebAssets.hpp"
#include "WebServer.hpp"
#include "core/classroom/Classroom.hpp"
#include "core/util/Outcome.hpp"

#include <SFML/Network/UdpSocket.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace quiz::net
{

struct HostConfig
{
    /// The port students open (`--web-port`); the next free one when taken; 0 lets the system
    /// pick.
    unsigned short port = kDefaultWebPort;
    std::string bindAddress = "0.0.0.0";
    std::string classCode; ///< students must send it ("" accepts any)
    std::string title;     ///< the class's name (pack title) in `joined` and discovery
    std::chrono::milliseconds pingInterval{2000};
    std::chrono::milliseconds silenceTimeout{10000};
    std::chrono::milliseconds helloTimeout{5000};
    std::chrono::milliseconds lobbyInterval{200};
    std::size_t maxConnections = 1000;
    std::size_t maxPerAddress = 50;
    std::size_t maxQueuedBytes = 256 * 1024;
    std::size_t maxTotalQueuedBytes = 64 * 1024 * 1024;
    /// UDP port answering LAN class searches (see Discovery.hpp); 0 turns discovery off.
    unsigned short discoveryPort = 0;
    /// The files served over HTTP; empty means studentPageAssets().
    std::vector<WebAsset> assets;
};

/// The class host: the class rules and protocol (HostProtocol) on the game's thread, the
/// sockets (WebServer) on their own. poll(now) applies what arrived and hands the replies
/// back; it never waits on a socket, so the game loop (or the console) never blocks on a
/// student. Anything malformed or hostile drops that one connection with a log event.
class HostServer
{
public:
    HostServer(std::vector<core::Question> questions, core::ClassSettings settings,
               HostConfig config);
    ~HostServer();
    HostServer(const HostServer&) = delete;
    HostServer& operator=(const HostServer&) = delete;

    /// Starts listening. The port in use, or why not.
    [[nodiscard]] core::Outcome<unsigned short> listen();
    [[nodiscard]] unsigned short getPort() const { return m_port; }

    /// Applies what arrived, lets time pass (`now`: ms since the class began, monotonic), and
    /// sends the replies. Never blocks.
    void poll(std::chrono::milliseconds now);
    /// Blocks until something arrives or `timeout` passes. For console loops.
    void waitForActivity(std::chrono::milliseconds timeout);

    core::ClassRefusal command(core::HostCommand command, std::chrono::milliseconds now);
    /// Removes a student (told why, then disconnected); they cannot rejoin.
    core::ClassRefusal kick(const std::string& nickname, std::chrono::milliseconds now);
    /// Tells every student the class is closing and stops the network thread.
    void shutdown();

    [[nodiscard]] std::vector<HostEvent> takeEvents() { return m_protocol.takeEvents(); }
    [[nodiscard]] const core::Classroom& getClassroom() const { return m_protocol.getClassroom(); }
    [[nodiscard]] const HostConfig& getConfig() const { return m_config; }
    /// Open TCP connections, joined or not.
    [[nodiscard]] std::size_t countConnections() const { return m_web.countConnections(); }
    /// WebSocket connections the class rules know of (joined or still to say hello).
    [[nodiscard]] std::size_t countStudents() const { return m_protocol.countConnections(); }

private:
    void flush();
    void answerDiscovery();

    HostConfig m_config;
    HostProtocol m_protocol;
    WebServer m_web;
    sf::UdpSocket m_discovery;
    bool m_discovering = false;
    bool m_stopped = false;
    unsigned short m_port = 0;
};

} // namespace quiz::net
