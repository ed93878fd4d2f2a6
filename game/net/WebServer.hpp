#pragma once

#include "HostProtocol.hpp"
#include "Protocol.hpp"
#include "WebAssets.hpp"
#include "core/util/Outcome.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace quiz::net
{

/// The class's one TCP port when none is given (`--web-port`).
inline constexpr unsigned short kDefaultWebPort = 47100;

struct WebServerConfig
{
    std::string bindAddress = "0.0.0.0";   ///< IPv4 address to listen on
    unsigned short port = kDefaultWebPort; ///< 0: the system picks one
    /// When `port` is taken, the next ports up to this many are tried.
    unsigned short portTries = 20;
    std::size_t maxConnections = 1000;
    std::size_t maxPerAddress = 50;
    /// A student's unsent messages past this mean it does not read: it is dropped.
    std::size_t maxQueuedBytes = 256 * 1024;
    /// All students' unsent messages together; past it the largest queues are dropped.
    std::size_t maxTotalQueuedBytes = 64 * 1024 * 1024;
    std::size_t maxHeaderBytes = 8 * 1024;
    /// A request (or the WebSocket handshake) must arrive within this (wall-clock time: an idle
    /// socket that never speaks HTTP never reaches the class rules).
    std::chrono::milliseconds requestTimeout{5000};
    /// Kernel buffers per socket, so the host's own memory cap is not undone by the kernel's.
    int socketSendBuffer = 64 * 1024;
    int socketReceiveBuffer = 16 * 1024;
};

/// What the network thread hands the game: a WebSocket opened, a message decoded (or not),
/// or a connection gone (with why, when the network side dropped it).
struct NetEvent
{
    enum class Kind
    {
        Opened,
        Received,
        Closed
    };
    Kind kind = Kind::Opened;
    ConnectionId id = 0;
    std::string address;
    DecodeResult message;
    Reason reason = Reason::None;
};

/// The host's HTTP and WebSocket front end (Boost.Beast over Asio) on a thread of its own.
/// GET of an embedded file or "/" is answered from `assets`; GET /ws with an upgrade opens a
/// class connection; other paths get 404, other methods 405, oversized headers 431. Messages
/// are decoded on the network thread; events queue up for takeEvents(), and send() queues the
/// game's replies. Every method is safe to call from the game thread.
class WebServer
{
public:
    WebServer(WebServerConfig config, std::vector<WebAsset> assets);
    ~WebServer();
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    /// Binds (SO_REUSEADDR, the next free port when the first is taken) and starts the thread.
    /// The port in use, or why there is none.
    [[nodiscard]] core::Outcome<unsigned short> start();
    /// Queues messages and closes for the network thread. Never blocks on a socket.
    void send(std::vector<Outgoing> out);
    [[nodiscard]] std::vector<NetEvent> takeEvents();
    /// Blocks until an event is queued or `timeout` passes. True when there is one.
    bool waitForEvents(std::chrono::milliseconds timeout);
    /// Gives queued messages up to `grace` to leave, then closes everything and joins the thread.
    void stop(std::chrono::milliseconds grace = std::chrono::milliseconds{500});

    /// Open TCP connections (HTTP and WebSocket) right now.
    [[nodiscard]] std::size_t countConnections() const;

    /// The network thread's state (WebSession.hpp).
    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace quiz::net
