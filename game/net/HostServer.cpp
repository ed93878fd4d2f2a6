#include "HostServer.hpp"

#include "Discovery.hpp"

#include <array>

namespace quiz::net
{
namespace
{

HostRules rulesFrom(const HostConfig& config)
{
    HostRules rules;
    rules.classCode = config.classCode;
    rules.title = config.title;
    rules.pingInterval = config.pingInterval;
    rules.silenceTimeout = config.silenceTimeout;
    rules.helloTimeout = config.helloTimeout;
    rules.lobbyInterval = config.lobbyInterval;
    return rules;
}

WebServerConfig webFrom(const HostConfig& config)
{
    WebServerConfig web;
    web.bindAddress = config.bindAddress;
    web.port = config.port;
    web.maxConnections = config.maxConnections;
    web.maxPerAddress = config.maxPerAddress;
    web.maxQueuedBytes = config.maxQueuedBytes;
    web.maxTotalQueuedBytes = config.maxTotalQueuedBytes;
    return web;
}

} // namespace

HostServer::HostServer(std::vector<core::Question> questions, core::ClassSettings settings,
                       HostConfig config)
    : m_config(std::move(config)), m_protocol(std::move(questions), settings, rulesFrom(m_config)),
      m_web(webFrom(m_config), m_config.assets.empty() ? studentPageAssets() : m_config.assets)
{
}

HostServer::~HostServer()
{
    shutdown();
}

core::Outcome<unsigned short> HostServer::listen()
{
    core::Outcome<unsigned short> port = m_web.start();
    if (!port.isOk())
        return port;
    m_port = port.getValue();
    if (m_config.discoveryPort != 0)
    {
        // Discovery is a convenience: without it students type the address instead.
        m_discovering = m_discovery.bind(m_config.discoveryPort) == sf::Socket::Done;
        if (m_discovering)
            m_discovery.setBlocking(false);
    }
    return port;
}

void HostServer::poll(std::chrono::milliseconds now)
{
    for (NetEvent& event : m_web.takeEvents())
    {
        switch (event.kind)
        {
        case NetEvent::Kind::Opened:
            m_protocol.open(event.id, event.address, now);
            break;
        case NetEvent::Kind::Received:
            m_protocol.receive(event.id, event.message, now);
            break;
        case NetEvent::Kind::Closed:
            m_protocol.closed(event.id, event.reason, now);
            break;
        }
    }
    m_protocol.tick(now);
    flush();
    answerDiscovery();
}

void HostServer::waitForActivity(std::chrono::milliseconds timeout)
{
    (void)m_web.waitForEvents(timeout);
}

core::ClassRefusal HostServer::command(core::HostCommand command, std::chrono::milliseconds now)
{
    const core::ClassRefusal refusal = m_protocol.command(command, now);
    flush();
    return refusal;
}

core::ClassRefusal HostServer::kick(const std::string& nickname, std::chrono::milliseconds now)
{
    const core::ClassRefusal refusal = m_protocol.kick(nickname, now);
    flush();
    return refusal;
}

void HostServer::shutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_protocol.closeAll();
    flush();
    m_web.stop();
}

void HostServer::flush()
{
    m_web.send(m_protocol.takeOutgoing());
}

void HostServer::answerDiscovery()
{
    std::array<char, 256> datagram{};
    for (int i = 0; i < 16 && m_discovering; ++i)
    {
        std::size_t received = 0;
        sf::IpAddress sender;
        unsigned short senderPort = 0;
        if (m_discovery.receive(datagram.data(), datagram.size(), received, sender, senderPort) !=
            sf::Socket::Done)
            return;
        // Anything but a search is ignored without a log line: UDP noise is normal on a LAN.
        if (!isDiscoveryRequest(datagram.data(), received))
            continue;
        const std::string reply = makeDiscoveryReply(
            m_port, static_cast<unsigned>(getClassroom().countConnected()), m_config.title);
        (void)m_discovery.send(reply.data(), reply.size(), sender, senderPort);
    }
}

} // namespace quiz::net
