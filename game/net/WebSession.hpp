#pragma once

// The network thread's own types behind WebServer: the server state, one HTTP request's
// session and one WebSocket's session. Only WebServer.cpp and WebSession.cpp include this.

#include "HttpRoute.hpp"
#include "WebServer.hpp"

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace quiz::net
{

class WsSession;

/// A counted connection: one of maxConnections and of maxPerAddress while it lives.
class ConnectionSlot
{
public:
    ConnectionSlot(WebServer::Impl* impl, std::string address, bool overflow);
    ~ConnectionSlot();
    ConnectionSlot(ConnectionSlot&& other) noexcept;
    ConnectionSlot& operator=(ConnectionSlot&&) = delete;
    ConnectionSlot(const ConnectionSlot&) = delete;
    ConnectionSlot& operator=(const ConnectionSlot&) = delete;

    [[nodiscard]] const std::string& getAddress() const { return m_address; }
    /// Past a cap: held only long enough to say so.
    [[nodiscard]] bool isOverflow() const { return m_overflow; }

private:
    WebServer::Impl* m_impl;
    std::string m_address;
    bool m_overflow;
};

struct WebServer::Impl
{
    Impl(WebServerConfig configuration, std::vector<WebAsset> files);
    ~Impl();

    void accept();
    void onAccept(boost::asio::ip::tcp::socket socket);
    void deliver(std::vector<Outgoing> batch);
    void post(NetEvent event);
    void closeAcceptor();
    void remove(ConnectionId id);
    void enforceTotalQueue();
    [[nodiscard]] std::size_t countQueued() const { return queuedBytes.load(); }

    WebServerConfig config;
    std::vector<WebAsset> assets;
    std::thread thread;
    unsigned short port = 0;

    // The network thread's alone.
    std::unordered_map<ConnectionId, std::shared_ptr<WsSession>> sessions;
    std::unordered_map<std::string, std::size_t> perAddress;
    std::size_t overflowing = 0;
    ConnectionId nextId = 0;
    std::atomic<std::size_t> connections{0};
    std::atomic<std::size_t> queuedBytes{0};

    // Shared with the game thread.
    std::mutex mutex;
    std::condition_variable ready;
    std::vector<NetEvent> events;

    // Last, so it is destroyed first: pending handlers still see every member above.
    std::optional<boost::asio::ip::tcp::acceptor> acceptor;
    boost::asio::io_context io{1};
};

/// One HTTP request: an embedded file, 404/405/431, or the WebSocket upgrade handed on.
class HttpSession : public std::enable_shared_from_this<HttpSession>
{
public:
    HttpSession(WebServer::Impl& impl, boost::asio::ip::tcp::socket socket, ConnectionSlot slot);
    void run();

private:
    void onRead(boost::beast::error_code ec);
    void respond(const HttpAnswer& answer);

    WebServer::Impl& m_impl;
    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> m_parser;
    boost::beast::http::response<boost::beast::http::string_body> m_response;
    ConnectionSlot m_slot;
};

/// One student's WebSocket: reads and decodes, writes the queue in order, caps what waits.
class WsSession : public std::enable_shared_from_this<WsSession>
{
public:
    WsSession(WebServer::Impl& impl, boost::beast::tcp_stream stream, ConnectionSlot slot,
              ConnectionId id);
    void start(boost::beast::http::request<boost::beast::http::empty_body> request);
    void send(std::shared_ptr<const std::string> text);
    /// Closes once what is queued has been written.
    void closeAfterQueue(Reason reason);
    /// Closes at once, dropping the queue, and tells the game why.
    void drop(Reason reason);
    [[nodiscard]] std::size_t getQueued() const { return m_queued; }

private:
    void read();
    void onRead(boost::beast::error_code ec);
    void write();
    void closeNow();
    void finish();
    void tellClosed(Reason reason);
    bool tooManyMessages();

    WebServer::Impl& m_impl;
    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws;
    ConnectionSlot m_slot;
    ConnectionId m_id;
    boost::beast::flat_buffer m_buffer;
    std::deque<std::shared_ptr<const std::string>> m_queue;
    std::size_t m_queued = 0;
    bool m_open = false;
    bool m_writing = false;
    bool m_closing = false;
    bool m_finished = false;
    bool m_told = false;
    Reason m_closeReason = Reason::None;
    std::chrono::steady_clock::time_point m_windowStart;
    std::size_t m_windowCount = 0;
};

} // namespace quiz::net
