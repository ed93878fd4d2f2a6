#include "net/Discovery.hpp"

#include "net/HostServer.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace quiz::net;
using namespace std::chrono_literals;

TEST_CASE("Discovery: a reply round-trips and junk is ignored", "[net][discovery]")
{
    const std::string reply = makeDiscoveryReply(47100, 23, "Heparin basics\nweek 3");
    const auto parsed = parseDiscoveryReply(reply.data(), reply.size());
    REQUIRE(parsed.has_value());
    CHECK(parsed->port == 47100);
    CHECK(parsed->players == 23);
    CHECK(parsed->title == "Heparin basics week 3");

    const std::string request = makeDiscoveryRequest();
    CHECK(isDiscoveryRequest(request.data(), request.size()));
    CHECK_FALSE(isDiscoveryRequest(request.data(), request.size() - 1));
    for (const std::string& junk :
         {std::string(""), std::string("HEPARIN-QUIZ CLASS 1 "),
          std::string("HEPARIN-QUIZ CLASS 1 0 1 x"), std::string("HEPARIN-QUIZ CLASS 1 99999 1 x"),
          std::string("HEPARIN-QUIZ CLASS 1 80 -1 x"), std::string("HEPARIN-QUIZ CLASS 1 80 1"),
          std::string(300, 'x')})
        CHECK_FALSE(parseDiscoveryReply(junk.data(), junk.size()).has_value());
    // A long title is cut to the datagram cap, never in the middle of a character.
    std::string title;
    for (int i = 0; i < 100; ++i)
        title += "\xC3\xA9"; // é
    const std::string longReply = makeDiscoveryReply(1, 1, title);
    CHECK(longReply.size() <= kMaxDiscoveryBytes);
    CHECK((static_cast<unsigned char>(longReply.back()) & 0xC0U) != 0xC0U);
    CHECK(longReply.substr(longReply.size() - 2) == "\xC3\xA9");
    CHECK(parseDiscoveryReply(longReply.data(), longReply.size()).has_value());
}

TEST_CASE("Discovery: a host on loopback answers a class search", "[net][discovery][loopback]")
{
    HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.port = 0;
    config.discoveryPort = 0;
    // Find a free UDP port for the test by binding and releasing one.
    {
        sf::UdpSocket probe;
        REQUIRE(probe.bind(sf::Socket::AnyPort, sf::IpAddress::LocalHost) == sf::Socket::Done);
        config.discoveryPort = probe.getLocalPort();
    }
    config.title = "Loopback class";
    HostServer host({}, {}, config);
    REQUIRE(host.listen().isOk());

    ClassFinder finder;
    REQUIRE(finder.search(sf::IpAddress::LocalHost, config.discoveryPort).empty());
    bool found = false;
    for (int i = 0; i < 500 && !found; ++i)
    {
        host.poll(std::chrono::milliseconds{i});
        found = !finder.poll().empty();
        std::this_thread::sleep_for(1ms);
    }
    REQUIRE(found);
    const ClassAnnouncement& a = finder.poll().front();
    CHECK(a.address == "127.0.0.1");
    CHECK(a.port == host.getPort());
    CHECK(a.title == "Loopback class");
    CHECK(a.players == 0);
}
