#include "WebServer.hpp"

#include "WebSession.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <thread>

namespace quiz::net
{

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

WebServer::WebServer(WebServerConfig config, std::vector<WebAsset> assets)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(assets)))
{
}

WebServer::~WebServer()
{
    stop(std::chrono::milliseconds{200});
}

core::Outcome<unsigned short> WebServer::start()
{
    Impl& impl = *m_impl;
    boost::system::error_code ec;
    const asio::ip::address address = asio::ip::make_address(impl.config.bindAddress, ec);
    if (ec)
        return core::Outcome<unsigned short>::failure("not an IP address: " +
                                                      impl.config.bindAddress);
    std::string lastError;
    const unsigned tries = impl.config.port == 0 ? 1U : impl.config.portTries + 1U;
    for (unsigned i = 0; i < tries; ++i)
    {
        const unsigned port = impl.config.port == 0 ? 0U : impl.config.port + i;
        if (port > 65535U)
            break;
        tcp::acceptor acceptor(impl.io);
        const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
        acceptor.open(endpoint.protocol(), ec);
        if (!ec)
            acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec)
            acceptor.bind(endpoint, ec);
        if (!ec)
            acceptor.listen(asio::socket_base::max_listen_connections, ec);
        if (ec)
        {
            lastError = "port " + std::to_string(port) + ": " + ec.message();
            continue;
        }
        impl.acceptor.emplace(std::move(acceptor));
        impl.port = impl.acceptor->local_endpoint().port();
        impl.accept();
        impl.thread = std::thread([raw = m_impl.get()] { raw->io.run(); });
        return impl.port;
    }
    return core::Outcome<unsigned short>::failure("cannot listen: " + lastError);
}

void WebServer::send(std::vector<Outgoing> out)
{
    if (out.empty())
        return;
    asio::post(m_impl->io, [impl = m_impl.get(), batch = std::move(out)]() mutable
               { impl->deliver(std::move(batch)); });
}

std::vector<NetEvent> WebServer::takeEvents()
{
    const std::lock_guard<std::mutex> lock(m_impl->mutex);
    std::vector<NetEvent> events;
    events.swap(m_impl->events);
    return events;
}

bool WebServer::waitForEvents(std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(m_impl->mutex);
    Impl* impl = m_impl.get();
    return impl->ready.wait_for(lock, timeout, [impl] { return !impl->events.empty(); });
}

void WebServer::stop(std::chrono::milliseconds grace)
{
    Impl& impl = *m_impl;
    if (!impl.thread.joinable())
        return;
    asio::post(impl.io, [raw = m_impl.get()] { raw->closeAcceptor(); });
    const auto until = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < until && impl.countQueued() > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds{5});
    impl.io.stop();
    impl.thread.join();
}

std::size_t WebServer::countConnections() const
{
    return m_impl->connections.load();
}

} // namespace quiz::net
