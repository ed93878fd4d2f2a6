#pragma once

#include "net/Fixtures.hpp"
#include "net/HostServer.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <memory>
#include <string>

namespace quiz::net::test
{

/// A real host on 127.0.0.1 (a port the system picks) whose time the test drives: poll(now)
/// with the test's `now`; the wall clock only bounds how long a test waits for the sockets.
struct LoopbackHost
{
    explicit LoopbackHost(core::ClassSettings settings = {}, HostConfig config = defaults(),
                          int questions = 3)
        : LoopbackHost(makeQuestions(questions), settings, std::move(config))
    {
    }

    LoopbackHost(std::vector<core::Question> questions, core::ClassSettings settings,
                 HostConfig config)
        : server(std::move(questions), settings, std::move(config))
    {
        const core::Outcome<unsigned short> listening = server.listen();
        REQUIRE(listening.isOk());
        port = listening.getValue();
    }

    static HostConfig defaults()
    {
        HostConfig config;
        config.port = 0;
        config.bindAddress = "127.0.0.1";
        config.classCode = "K7QX9M";
        config.title = "Loopback class";
        return config;
    }

    /// Polls at the test's `now` until `done()` (true) or 10 s of wall clock pass (false).
    template <typename Done> bool pumpUntil(Done done)
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds{10};
        while (std::chrono::steady_clock::now() < until)
        {
            server.waitForActivity(std::chrono::milliseconds{1});
            server.poll(now);
            if (done())
                return true;
        }
        return false;
    }

    HostServer server;
    unsigned short port = 0;
    std::chrono::milliseconds now{0};
};

/// One raw HTTP exchange: sends `request` as it is, returns everything the host answered.
inline std::string httpExchange(unsigned short port, const std::string& request)
{
    namespace asio = boost::asio;
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    asio::write(socket, asio::buffer(request));
    std::string response;
    boost::system::error_code ec;
    char chunk[4096];
    for (;;)
    {
        const std::size_t got = socket.read_some(asio::buffer(chunk), ec);
        response.append(chunk, got);
        if (ec)
            break;
    }
    return response;
}

/// The status code of an HTTP response ("HTTP/1.1 404 Not Found" -> 404), 0 if none.
inline int statusOf(const std::string& response)
{
    if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0)
        return 0;
    return std::stoi(response.substr(9, 3));
}

} // namespace quiz::net::test
