#pragma once

#include <SFML/Network/IpAddress.hpp>
#include <SFML/Network/UdpSocket.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace quiz::net
{

/// LAN discovery: a student's game broadcasts a one-line UDP request; every class host on the
/// network answers with its TCP port, title and head count. The class code is never sent:
/// students still type it from the projector. Plain text so it is easy to inspect.
inline constexpr unsigned short kDefaultDiscoveryPort = 47101;
inline constexpr std::size_t kMaxDiscoveryBytes = 200;

struct ClassAnnouncement
{
    std::string address; ///< filled in by the finder from the datagram's sender
    unsigned short port = 0;
    unsigned players = 0;
    std::string title;
    bool operator==(const ClassAnnouncement& o) const;
};

[[nodiscard]] std::string makeDiscoveryRequest();
[[nodiscard]] bool isDiscoveryRequest(const char* data, std::size_t size);
/// The host's answer; the title is cut to fit kMaxDiscoveryBytes and stripped of line breaks.
[[nodiscard]] std::string makeDiscoveryReply(unsigned short port, unsigned players,
                                             const std::string& title);
/// Parses a host's answer; nothing for anything else (wrong magic, bad number, too long).
[[nodiscard]] std::optional<ClassAnnouncement> parseDiscoveryReply(const char* data,
                                                                   std::size_t size);

/// The student side: sends requests and collects answers, without blocking.
class ClassFinder
{
public:
    /// Broadcasts a request to `target` (sf::IpAddress::Broadcast on a LAN) on `port`.
    /// Returns "" on success.
    [[nodiscard]] std::string search(sf::IpAddress target = sf::IpAddress::Broadcast,
                                     unsigned short port = kDefaultDiscoveryPort);
    /// Classes heard from so far (one entry per address and port), in order of arrival.
    [[nodiscard]] const std::vector<ClassAnnouncement>& poll();

private:
    sf::UdpSocket m_socket;
    bool m_bound = false;
    std::vector<ClassAnnouncement> m_found;
};

} // namespace quiz::net
