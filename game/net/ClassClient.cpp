#include "ClassClient.hpp"

#include "core/classroom/ClassSetup.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <mutex>
#include <thread>

namespace quiz::net
{

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

/// The socket side, run on the client's thread; shared with its handlers.
// Handlers hold a plain pointer: the Link outlives its io_context's handlers (the thread is
// joined first, and pending ones are destroyed with the io_context without running).
struct ClassClient::Link
{
    asio::io_context io{1};
    websocket::stream<beast::tcp_stream> ws{io};
    beast::flat_buffer buffer;
    std::deque<std::pair<std::string, bool>> queue; ///< text, binary
    bool writing = false;
    bool reading = true;
    std::thread thread;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;

    std::mutex mutex; // guards the fields below
    std::vector<std::string> received;
    bool closed = false;
    std::string closeReason;
    int closeCode = 0;

    void fail(const std::string& why)
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!closed)
        {
            closed = true;
            closeReason = why;
            closeCode = static_cast<int>(ws.reason().code);
        }
    }

    void read()
    {
        ws.async_read(buffer,
                      [self = this](beast::error_code ec, std::size_t)
                      {
                          if (ec)
                          {
                              self->fail(ec == websocket::error::closed
                                             ? std::string("The class closed the connection.")
                                             : "The connection to the class was lost (" +
                                                   ec.message() + ").");
                              return;
                          }
                          {
                              const std::lock_guard<std::mutex> lock(self->mutex);
                              self->received.push_back(
                                  beast::buffers_to_string(self->buffer.cdata()));
                          }
                          self->buffer.consume(self->buffer.size());
                          if (self->reading)
                              self->read();
                      });
    }

    void write()
    {
        writing = true;
        ws.binary(queue.front().second);
        ws.async_write(asio::buffer(queue.front().first),
                       [self = this](beast::error_code ec, std::size_t)
                       {
                           self->writing = false;
                           self->queue.pop_front();
                           if (ec)
                           {
                               self->fail("The connection to the class was lost.");
                               return;
                           }
                           if (!self->queue.empty())
                               self->write();
                       });
    }

    void push(std::string text, bool binary)
    {
        asio::post(io,
                   [self = this, text = std::move(text), binary]() mutable
                   {
                       self->queue.emplace_back(std::move(text), binary);
                       if (!self->writing)
                           self->write();
                   });
    }

    void stop()
    {
        asio::post(io,
                   [self = this]
                   {
                       beast::error_code ignored;
                       beast::get_lowest_layer(self->ws).socket().close(ignored);
                   });
        work.reset();
        if (thread.joinable())
            thread.join();
    }
};

ClassClient::ClassClient(ClientConfig config) : m_config(std::move(config))
{
}

ClassClient::~ClassClient()
{
    if (m_link)
        m_link->stop();
}

std::string ClassClient::connect(std::chrono::milliseconds timeout, std::chrono::milliseconds now)
{
    m_link = std::make_shared<Link>();
    Link& link = *m_link;
    beast::error_code ec;
    tcp::socket& socket = beast::get_lowest_layer(link.ws).socket();
    socket.open(tcp::v4(), ec);
    if (!ec && !m_config.localAddress.empty())
        socket.bind(tcp::endpoint(asio::ip::make_address(m_config.localAddress, ec), 0), ec);
    const tcp::endpoint host(asio::ip::make_address(m_config.address.toString(), ec),
                             m_config.port);
    if (ec)
        return "Cannot reach " + m_config.address.toString() + ": " + ec.message();
    std::optional<beast::error_code> outcome;
    beast::get_lowest_layer(link.ws).expires_after(timeout);
    beast::get_lowest_layer(link.ws).async_connect(
        host,
        [&link, &outcome, this](beast::error_code connected)
        {
            if (connected)
            {
                outcome = connected;
                return;
            }
            link.ws.async_handshake(
                m_config.address.toString() + ":" + std::to_string(m_config.port), "/ws",
                [&outcome](beast::error_code shaken) { outcome = shaken; });
        });
    link.io.run_for(timeout + std::chrono::milliseconds{100});
    if (!outcome || *outcome)
        return "The game cannot reach the class at " + m_config.address.toString() + ":" +
               std::to_string(m_config.port) + (outcome ? " (" + outcome->message() + ")" : "");
    beast::get_lowest_layer(link.ws).expires_never();
    beast::get_lowest_layer(link.ws).socket().set_option(tcp::no_delay(true), ec);
    link.ws.read_message_max(kMaxHostMessageBytes);
    link.io.restart();
    link.work.emplace(link.io.get_executor());
    link.read();
    link.thread = std::thread([raw = m_link.get()] { raw->io.run(); });
    m_connected = true;
    m_lastHeard = now;
    if (!m_config.sayHello)
        return {};
    if (m_config.rejoinToken.empty())
        send(Join{kProtocolVersion, core::normalizeClassCode(m_config.classCode),
                  m_config.nickname});
    else
        send(Rejoin{kProtocolVersion, core::normalizeClassCode(m_config.classCode),
                    m_config.rejoinToken});
    return {};
}

void ClassClient::poll(std::chrono::milliseconds now)
{
    if (!m_link || !m_connected)
        return;
    std::vector<std::string> texts;
    bool closed = false;
    std::string reason;
    {
        const std::lock_guard<std::mutex> lock(m_link->mutex);
        texts.swap(m_link->received);
        closed = m_link->closed;
        reason = m_link->closeReason;
    }
    if (!texts.empty())
        m_lastHeard = now;
    for (const std::string& text : texts)
    {
        DecodeResult decoded = decode(text, Sender::Host);
        if (!decoded.message)
        {
            close("The class sent something this game does not understand (" + decoded.detail +
                  ").");
            return;
        }
        onMessage(std::move(*decoded.message));
    }
    if (closed && m_connected)
    {
        m_connected = false;
        if (m_closeReason.empty())
            m_closeReason = reason;
    }
    else if (m_connected && now - m_lastHeard > m_config.silenceTimeout)
        close("The class stopped answering.");
}

void ClassClient::onMessage(Message message)
{
    if (const auto* ping = std::get_if<Ping>(&message))
    {
        send(Pong{ping->id});
        return;
    }
    if (const auto* welcome = std::get_if<Welcome>(&message))
    {
        m_joined = true;
        m_token = welcome->token;
    }
    else if (const auto* refuse = std::get_if<Refuse>(&message))
        m_closeReason = refuse->text;
    else if (const auto* kick = std::get_if<Kick>(&message))
        m_closeReason = kick->text;
    else if (const auto* question = std::get_if<QuestionShow>(&message))
        m_question = *question;
    m_inbox.push_back(std::move(message));
}

void ClassClient::sendAnswer(std::uint32_t index, const std::vector<std::string>& optionIds)
{
    send(Answer{index, optionIds});
}

void ClassClient::send(const Message& message)
{
    sendRaw(encode(message));
}

void ClassClient::sendRaw(std::string text)
{
    if (m_link && m_connected)
        m_link->push(std::move(text), false);
}

void ClassClient::sendBinary(std::string bytes)
{
    if (m_link && m_connected)
        m_link->push(std::move(bytes), true);
}

void ClassClient::stopReading()
{
    if (m_link)
        asio::post(m_link->io, [link = m_link.get()] { link->reading = false; });
}

void ClassClient::close(const std::string& reason)
{
    if (!m_connected)
        return;
    m_connected = false;
    m_closeReason = reason;
    if (m_link)
        m_link->stop();
}

std::vector<Message> ClassClient::takeMessages()
{
    std::vector<Message> messages;
    messages.swap(m_inbox);
    return messages;
}

int ClassClient::getCloseCode() const
{
    if (!m_link)
        return 0;
    const std::lock_guard<std::mutex> lock(m_link->mutex);
    return m_link->closeCode;
}

} // namespace quiz::net
