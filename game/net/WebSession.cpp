#include "WebSession.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>

namespace quiz::net
{

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace
{

/// Messages one student may send per second before it counts as a flood.
constexpr std::size_t kMaxMessagesPerSecond = 50;

websocket::close_code closeCodeFor(Reason reason)
{
    switch (reason)
    {
    case Reason::None:
        return websocket::close_code::normal;
    case Reason::TooBig:
        return websocket::close_code::too_big;
    case Reason::HostClosing:
        return websocket::close_code::going_away;
    default:
        return websocket::close_code::policy_error;
    }
}

} // namespace

ConnectionSlot::ConnectionSlot(WebServer::Impl* impl, std::string address, bool overflow)
    : m_impl(impl), m_address(std::move(address)), m_overflow(overflow)
{
    ++m_impl->connections;
    if (m_overflow)
        ++m_impl->overflowing;
    else
        ++m_impl->perAddress[m_address];
}

ConnectionSlot::ConnectionSlot(ConnectionSlot&& other) noexcept
    : m_impl(other.m_impl), m_address(std::move(other.m_address)), m_overflow(other.m_overflow)
{
    other.m_impl = nullptr;
}

ConnectionSlot::~ConnectionSlot()
{
    if (m_impl == nullptr)
        return;
    --m_impl->connections;
    if (m_overflow)
        --m_impl->overflowing;
    else if (const auto it = m_impl->perAddress.find(m_address);
             it != m_impl->perAddress.end() && --it->second == 0)
        m_impl->perAddress.erase(it);
}

WebServer::Impl::Impl(WebServerConfig configuration, std::vector<WebAsset> files)
    : config(std::move(configuration)), assets(std::move(files))
{
}

WebServer::Impl::~Impl()
{
    acceptor.reset();
    sessions.clear();
}

void WebServer::Impl::accept()
{
    acceptor->async_accept(
        [this](beast::error_code ec, tcp::socket socket)
        {
            if (ec == asio::error::operation_aborted || !acceptor || !acceptor->is_open())
                return;
            if (!ec)
                onAccept(std::move(socket));
            accept();
        });
}

void WebServer::Impl::onAccept(tcp::socket socket)
{
    beast::error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec)
        return;
    socket.set_option(asio::socket_base::send_buffer_size(config.socketSendBuffer), ec);
    socket.set_option(asio::socket_base::receive_buffer_size(config.socketReceiveBuffer), ec);
    socket.set_option(tcp::no_delay(true), ec);
    std::string address = remote.address().to_string();
    const auto it = perAddress.find(address);
    const bool over = connections.load() >= config.maxConnections ||
                      (it != perAddress.end() && it->second >= config.maxPerAddress);
    // Past a cap a few connections are still read, so a student hears why; the rest close.
    if (over && overflowing >= 64)
        return;
    ConnectionSlot slot(this, std::move(address), over);
    std::make_shared<HttpSession>(*this, std::move(socket), std::move(slot))->run();
}

void WebServer::Impl::post(NetEvent event)
{
    {
        const std::lock_guard<std::mutex> lock(mutex);
        events.push_back(std::move(event));
    }
    ready.notify_one();
}

void WebServer::Impl::deliver(std::vector<Outgoing> batch)
{
    for (Outgoing& out : batch)
    {
        const auto it = sessions.find(out.to);
        if (it == sessions.end())
            continue;
        const std::shared_ptr<WsSession> session = it->second;
        if (out.text)
            session->send(std::move(out.text));
        if (out.close)
            session->closeAfterQueue(out.closeReason);
    }
    enforceTotalQueue();
}

void WebServer::Impl::enforceTotalQueue()
{
    while (queuedBytes.load() > config.maxTotalQueuedBytes && !sessions.empty())
    {
        const auto largest =
            std::max_element(sessions.begin(), sessions.end(),
                             [](const auto& a, const auto& b)
                             { return a.second->getQueued() < b.second->getQueued(); });
        const std::shared_ptr<WsSession> session = largest->second;
        if (session->getQueued() == 0)
            break;
        session->drop(Reason::TooSlow);
    }
}

void WebServer::Impl::closeAcceptor()
{
    beast::error_code ec;
    if (acceptor)
        acceptor->close(ec);
}

void WebServer::Impl::remove(ConnectionId id)
{
    sessions.erase(id);
}

HttpSession::HttpSession(WebServer::Impl& impl, tcp::socket socket, ConnectionSlot slot)
    : m_impl(impl), m_stream(std::move(socket)), m_buffer(impl.config.maxHeaderBytes),
      m_slot(std::move(slot))
{
}

void HttpSession::run()
{
    m_parser.emplace();
    configureRequestParser(*m_parser, m_impl.config.maxHeaderBytes);
    m_stream.expires_after(m_impl.config.requestTimeout);
    http::async_read(m_stream, m_buffer, *m_parser,
                     [self = shared_from_this()](beast::error_code ec, std::size_t)
                     { self->onRead(ec); });
}

void HttpSession::onRead(beast::error_code ec)
{
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
    {
        respond(headersTooLarge());
        return;
    }
    if (ec)
        return; // timed out, reset, or not HTTP: nothing to say
    http::request<http::empty_body> request = m_parser->release();
    const HttpAnswer answer = routeRequest(request, m_impl.assets, m_slot.isOverflow());
    if (!answer.upgrade)
    {
        respond(answer);
        return;
    }
    const ConnectionId id = ++m_impl.nextId;
    auto session = std::make_shared<WsSession>(m_impl, std::move(m_stream), std::move(m_slot), id);
    m_impl.sessions[id] = session;
    session->start(std::move(request));
}

void HttpSession::respond(const HttpAnswer& answer)
{
    const http::status status = answer.status;
    const std::string_view type = answer.contentType;
    const std::string_view body = answer.body;
    m_response = {};
    m_response.result(status);
    m_response.version(11);
    m_response.set(http::field::server, "heparin-quiz");
    m_response.set(http::field::content_type, beast::string_view(type.data(), type.size()));
    m_response.set(http::field::cache_control, "no-store");
    m_response.set("X-Content-Type-Options", "nosniff");
    m_response.set("Content-Security-Policy",
                   "default-src 'self'; connect-src 'self' ws:; img-src 'self' data:");
    if (status == http::status::method_not_allowed)
        m_response.set(http::field::allow, "GET");
    m_response.body() = std::string(body);
    m_response.keep_alive(false);
    m_response.prepare_payload();
    http::async_write(m_stream, m_response,
                      [self = shared_from_this()](beast::error_code, std::size_t)
                      {
                          beast::error_code ignored;
                          self->m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
                      });
}

WsSession::WsSession(WebServer::Impl& impl, beast::tcp_stream stream, ConnectionSlot slot,
                     ConnectionId id)
    : m_impl(impl), m_ws(std::move(stream)), m_slot(std::move(slot)), m_id(id),
      m_windowStart(std::chrono::steady_clock::now())
{
}

void WsSession::start(http::request<http::empty_body> request)
{
    beast::get_lowest_layer(m_ws).expires_never();
    websocket::stream_base::timeout timeout{};
    timeout.handshake_timeout = m_impl.config.requestTimeout;
    timeout.idle_timeout = websocket::stream_base::none(); // the class rules time students out
    timeout.keep_alive_pings = false;
    m_ws.set_option(timeout);
    m_ws.read_message_max(kMaxStudentMessageBytes);
    m_ws.text(true);
    m_ws.async_accept(
        request,
        [self = shared_from_this()](beast::error_code ec)
        {
            if (ec)
            {
                self->finish();
                return;
            }
            self->m_open = true;
            if (self->m_slot.isOverflow())
            {
                self->send(std::make_shared<const std::string>(encode(Refuse{
                    Reason::TooManyConnections, describe(Reason::TooManyConnections), true})));
                self->closeAfterQueue(Reason::TooManyConnections);
                return;
            }
            NetEvent event;
            event.kind = NetEvent::Kind::Opened;
            event.id = self->m_id;
            event.address = self->m_slot.getAddress();
            self->m_impl.post(std::move(event));
            self->read();
        });
}

void WsSession::read()
{
    m_ws.async_read(m_buffer, [self = shared_from_this()](beast::error_code ec, std::size_t)
                    { self->onRead(ec); });
}

bool WsSession::tooManyMessages()
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_windowStart >= std::chrono::seconds{1})
    {
        m_windowStart = now;
        m_windowCount = 0;
    }
    return ++m_windowCount > kMaxMessagesPerSecond;
}

void WsSession::onRead(beast::error_code ec)
{
    if (ec)
    {
        tellClosed(ec == websocket::error::message_too_big ? Reason::TooBig : Reason::None);
        finish();
        return;
    }
    NetEvent event;
    event.kind = NetEvent::Kind::Received;
    event.id = m_id;
    if (!m_ws.got_text())
    {
        event.message.error = Reason::BadMessage;
        event.message.detail = "a binary frame";
    }
    else if (tooManyMessages())
    {
        event.message.error = Reason::BadMessage;
        event.message.detail = "more than 50 messages in a second";
    }
    else
    {
        const auto data = m_buffer.cdata();
        event.message = decode(std::string_view(static_cast<const char*>(data.data()), data.size()),
                               Sender::Student);
    }
    m_buffer.consume(m_buffer.size());
    if (!m_closing)
        m_impl.post(std::move(event));
    read();
}

void WsSession::send(std::shared_ptr<const std::string> text)
{
    if (m_closing || m_finished)
        return;
    m_queued += text->size();
    m_impl.queuedBytes += text->size();
    m_queue.push_back(std::move(text));
    if (m_queued > m_impl.config.maxQueuedBytes)
    {
        drop(Reason::TooSlow);
        return;
    }
    if (!m_writing && m_open)
        write();
}

void WsSession::write()
{
    m_writing = true;
    m_ws.async_write(asio::buffer(*m_queue.front()),
                     [self = shared_from_this()](beast::error_code ec, std::size_t)
                     {
                         self->m_writing = false;
                         if (self->m_queue.empty())
                             return;
                         const std::size_t size = self->m_queue.front()->size();
                         self->m_queued -= size;
                         self->m_impl.queuedBytes -= size;
                         self->m_queue.pop_front();
                         if (ec)
                         {
                             self->finish();
                             return;
                         }
                         if (!self->m_queue.empty())
                             self->write();
                         else if (self->m_closing)
                             self->closeNow();
                     });
}

void WsSession::closeAfterQueue(Reason reason)
{
    if (m_closing || m_finished)
        return;
    m_closing = true;
    m_closeReason = reason;
    if (!m_writing && m_open)
        closeNow();
}

void WsSession::closeNow()
{
    // A peer that never answers the close handshake is cut off after a moment.
    beast::get_lowest_layer(m_ws).expires_after(std::chrono::seconds{2});
    m_ws.async_close(closeCodeFor(m_closeReason),
                     [self = shared_from_this()](beast::error_code) { self->finish(); });
}

void WsSession::drop(Reason reason)
{
    if (m_finished)
        return;
    tellClosed(reason);
    m_closing = true;
    finish();
}

void WsSession::tellClosed(Reason reason)
{
    // When the game asked for the close it has forgotten the connection already.
    if (m_told || m_closing || !m_open || m_slot.isOverflow())
        return;
    m_told = true;
    NetEvent event;
    event.kind = NetEvent::Kind::Closed;
    event.id = m_id;
    event.reason = reason;
    m_impl.post(std::move(event));
}

void WsSession::finish()
{
    if (m_finished)
        return;
    tellClosed(Reason::None);
    m_finished = true;
    m_impl.queuedBytes -= m_queued;
    m_queued = 0;
    m_queue.clear();
    beast::error_code ignored;
    beast::get_lowest_layer(m_ws).socket().close(ignored);
    // Erasing may drop the last reference; keep this alive until the call returns.
    const std::shared_ptr<WsSession> keep = shared_from_this();
    m_impl.remove(m_id);
}

} // namespace quiz::net
