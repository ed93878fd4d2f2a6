// The real host on 127.0.0.1: the page and nothing else over HTTP, the desktop client over
// WebSocket, ports. Time in the class is the test's; the wall clock only bounds the waits.
#include "net/ClassClient.hpp"
#include "net/LoopbackHost.hpp"

using namespace quiz;
using namespace quiz::net;
using namespace quiz::net::test;
using namespace std::chrono_literals;

namespace
{

int get(unsigned short port, const std::string& target, const std::string& method = "GET")
{
    return statusOf(httpExchange(port, method + " " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"));
}

} // namespace

TEST_CASE("Loopback: the host serves the embedded page and nothing else", "[net][loopback][http]")
{
    LoopbackHost h;
    const std::string page = httpExchange(h.port, "GET /?code=K7QX9M HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(statusOf(page) == 200);
    CHECK(page.find("Content-Type: text/html") != std::string::npos);
    CHECK(page.find("<html") != std::string::npos);
    CHECK(page.find("Cache-Control: no-store") != std::string::npos);
    CHECK(get(h.port, "/") == 200);
    CHECK(get(h.port, "/index.html") == 200);
    // Nothing reaches the file system: every other path is simply not in the list.
    for (const char* target :
         {"/nope", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
          "//etc/passwd", "/index.html/..", "http://127.0.0.1/etc/passwd", "/ws", "*"})
    {
        INFO(target);
        CHECK(get(h.port, target) == 404);
    }
    const std::string post =
        httpExchange(h.port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    CHECK(statusOf(post) == 405);
    CHECK(post.find("Allow: GET") != std::string::npos);
    CHECK(get(h.port, "/", "HEAD") == 405);
    CHECK(get(h.port, "/", "DELETE") == 405);
    CHECK(get(h.port, "/", "OPTIONS") == 405);
    // Headers over 8 KiB are refused before the request is looked at.
    const std::string big =
        "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + std::string(9000, 'a') + "\r\n\r\n";
    CHECK(statusOf(httpExchange(h.port, big)) == 431);
    // Not HTTP at all: the connection is closed, and the host serves on.
    CHECK(httpExchange(h.port, "\x16\x03\x01 hello\r\n\r\n").find("200") == std::string::npos);
    CHECK(get(h.port, "/") == 200);
}

TEST_CASE("Loopback: a desktop student plays, drops, and rejoins with the token", "[net][loopback]")
{
    core::ClassSettings settings;
    settings.closeWhenAllAnswered = false;
    LoopbackHost h(settings);
    ClientConfig config;
    config.port = h.port;
    config.classCode = "K7QX9M";
    config.nickname = "Ana";
    ClassClient ana(config);
    REQUIRE(ana.connect(2000ms, 0ms).empty());
    const auto hear = [&](ClassClient& client, auto pred)
    {
        return h.pumpUntil(
            [&]
            {
                client.poll(h.now);
                for (const Message& m : client.takeMessages())
                {
                    if (pred(m))
                        return true;
                }
                return false;
            });
    };
    REQUIRE(hear(ana, [](const Message& m) { return std::holds_alternative<Welcome>(m); }));
    CHECK(ana.isJoined());
    CHECK(ana.getToken().size() == 32);
    REQUIRE(h.server.command(core::HostCommand::Start, h.now) == core::ClassRefusal::None);
    REQUIRE(hear(ana, [](const Message& m) { return std::holds_alternative<QuestionShow>(m); }));
    ana.sendAnswer(0, {correctOf(0)});
    REQUIRE(hear(ana, [](const Message& m)
                 { return std::holds_alternative<Ack>(m) && std::get<Ack>(m).accepted; }));
    REQUIRE(h.server.command(core::HostCommand::Reveal, h.now) == core::ClassRefusal::None);
    REQUIRE(hear(ana, [](const Message& m)
                 { return std::holds_alternative<Reveal>(m) && std::get<Reveal>(m).you.correct; }));

    // The lid closes; the seat is freed, the score kept; the token brings her back.
    const std::string token = ana.getToken();
    ana.close("lid closed");
    REQUIRE(h.pumpUntil([&] { return h.server.getClassroom().countConnected() == 0; }));
    config.rejoinToken = token;
    ClassClient back(config);
    REQUIRE(back.connect(2000ms, h.now).empty());
    Welcome welcome;
    REQUIRE(hear(back,
                 [&](const Message& m)
                 {
                     if (const auto* w = std::get_if<Welcome>(&m))
                         welcome = *w;
                     return std::holds_alternative<Reveal>(m); // the phase she missed
                 }));
    CHECK(welcome.rejoined);
    CHECK(welcome.score == 1000);

    // The silence rule on the host's clock: no pong for 10 s drops her.
    back.stopReading();
    h.now += 10001ms;
    REQUIRE(h.pumpUntil([&] { return h.server.getClassroom().countConnected() == 0; }));
}

TEST_CASE("Loopback: a taken port moves the host to the next one; a restart gets it back",
          "[net][loopback]")
{
    unsigned short first = 0;
    {
        LoopbackHost a;
        first = a.port;
        HostConfig config = LoopbackHost::defaults();
        config.port = first;
        HostServer b(makeQuestions(1), {}, config);
        const core::Outcome<unsigned short> moved = b.listen();
        REQUIRE(moved.isOk());
        CHECK(moved.getValue() > first);
        CHECK(moved.getValue() <= first + 20);
        // A connection left in TIME_WAIT must not keep a restarted host off its port.
        ClientConfig client;
        client.port = first;
        client.nickname = "Ana";
        client.classCode = "K7QX9M";
        ClassClient ana(client);
        REQUIRE(ana.connect(2000ms, 0ms).empty());
        REQUIRE(a.pumpUntil([&] { return a.server.getClassroom().countConnected() == 1; }));
    }
    HostConfig again = LoopbackHost::defaults();
    again.port = first;
    again.maxConnections = 10;
    HostServer restarted(makeQuestions(1), {}, again);
    const core::Outcome<unsigned short> port = restarted.listen();
    REQUIRE(port.isOk());
    CHECK(port.getValue() == first);
}
