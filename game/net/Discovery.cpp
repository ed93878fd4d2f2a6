#include "Discovery.hpp"

#include <algorithm>
#include <array>
#include <sstream>

namespace quiz::net
{
namespace
{

const std::string kRequest = "HEPARIN-QUIZ FIND 1";
const std::string kReplyMagic = "HEPARIN-QUIZ CLASS 1 ";

bool parseNumber(const std::string& text, unsigned long max, unsigned long& value)
{
    if (text.empty() || text.size() > 6 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    value = std::stoul(text);
    return value <= max;
}

} // namespace

bool ClassAnnouncement::operator==(const ClassAnnouncement& o) const
{
    return address == o.address && port == o.port && players == o.players && title == o.title;
}

std::string makeDiscoveryRequest()
{
    return kRequest;
}

bool isDiscoveryRequest(const char* data, std::size_t size)
{
    return size == kRequest.size() && std::equal(kRequest.begin(), kRequest.end(), data);
}

std::string makeDiscoveryReply(unsigned short port, unsigned players, const std::string& title)
{
    std::string reply = kReplyMagic + std::to_string(port) + " " + std::to_string(players) + " ";
    for (char c : title)
    {
        if (reply.size() >= kMaxDiscoveryBytes)
            break;
        reply += (c == '\n' || c == '\r') ? ' ' : c;
    }
    // Never end on half a UTF-8 character: find where the last one starts and check that
    // all of its bytes made it.
    std::size_t start = reply.size();
    while (start > 0 && (static_cast<unsigned char>(reply[start - 1]) & 0xC0U) == 0x80U)
        --start;
    if (start > 0)
    {
        const auto lead = static_cast<unsigned char>(reply[start - 1]);
        const std::size_t length = lead >= 0xF0U ? 4 : lead >= 0xE0U ? 3 : lead >= 0xC0U ? 2 : 1;
        if (reply.size() - (start - 1) < length)
            reply.resize(start - 1);
    }
    return reply;
}

std::optional<ClassAnnouncement> parseDiscoveryReply(const char* data, std::size_t size)
{
    if (size > kMaxDiscoveryBytes || size < kReplyMagic.size() ||
        !std::equal(kReplyMagic.begin(), kReplyMagic.end(), data))
        return std::nullopt;
    const std::string rest(data + kReplyMagic.size(), size - kReplyMagic.size());
    const std::size_t firstSpace = rest.find(' ');
    if (firstSpace == std::string::npos)
        return std::nullopt;
    const std::size_t secondSpace = rest.find(' ', firstSpace + 1);
    if (secondSpace == std::string::npos)
        return std::nullopt;
    unsigned long port = 0;
    unsigned long players = 0;
    if (!parseNumber(rest.substr(0, firstSpace), 65535, port) || port == 0 ||
        !parseNumber(rest.substr(firstSpace + 1, secondSpace - firstSpace - 1), 100000, players))
        return std::nullopt;
    ClassAnnouncement found;
    found.port = static_cast<unsigned short>(port);
    found.players = static_cast<unsigned>(players);
    found.title = rest.substr(secondSpace + 1);
    return found;
}

std::string ClassFinder::search(sf::IpAddress target, unsigned short port)
{
    if (!m_bound)
    {
        if (m_socket.bind(sf::Socket::AnyPort) != sf::Socket::Done)
            return "cannot open a UDP socket";
        m_socket.setBlocking(false);
        m_bound = true;
    }
    const std::string request = makeDiscoveryRequest();
    if (m_socket.send(request.data(), request.size(), target, port) != sf::Socket::Done)
        return "cannot send the class search";
    return {};
}

const std::vector<ClassAnnouncement>& ClassFinder::poll()
{
    std::array<char, 512> buffer{};
    for (int i = 0; i < 32 && m_bound; ++i)
    {
        std::size_t received = 0;
        sf::IpAddress sender;
        unsigned short senderPort = 0;
        if (m_socket.receive(buffer.data(), buffer.size(), received, sender, senderPort) !=
            sf::Socket::Done)
            break;
        std::optional<ClassAnnouncement> found = parseDiscoveryReply(buffer.data(), received);
        if (!found)
            continue;
        found->address = sender.toString();
        const bool known =
            std::any_of(m_found.begin(), m_found.end(),
                        [&](const ClassAnnouncement& a)
                        { return a.address == found->address && a.port == found->port; });
        if (!known)
            m_found.push_back(std::move(*found));
    }
    return m_found;
}

} // namespace quiz::net
