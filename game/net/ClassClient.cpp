#include "ClassClient.hpp"

#include <array>

namespace quiz::net
{

ClassClient::ClassClient(ClientConfig config) : m_config(std::move(config))
{
}

std::string ClassClient::connect(std::chrono::milliseconds timeout, std::chrono::milliseconds now)
{
    m_socket.setBlocking(true);
    const sf::Socket::Status status = m_socket.connect(
        m_config.address, m_config.port, sf::milliseconds(static_cast<sf::Int32>(timeout.count())));
    if (status != sf::Socket::Done)
    {
        m_closeReason = "cannot reach the class at " + m_config.address.toString() + ":" +
                        std::to_string(m_config.port);
        return m_closeReason;
    }
    m_socket.setBlocking(false);
    m_connected = true;
    m_lastHeard = now;
    encode(Hello{kProtocolVersion, m_config.classCode, m_config.nickname}, m_out);
    flush();
    return {};
}

void ClassClient::close(const std::string& reason)
{
    if (!m_connected)
        return;
    m_connected = false;
    m_joined = false;
    m_closeReason = reason;
    m_socket.disconnect();
}

void ClassClient::sendAnswer(std::uint16_t index, const std::vector<std::string>& optionIds)
{
    if (!m_connected)
        return;
    encode(Answer{index, optionIds}, m_out);
    flush();
}

void ClassClient::sendRaw(const std::vector<std::uint8_t>& bytes)
{
    if (!m_connected)
        return;
    m_out.insert(m_out.end(), bytes.begin(), bytes.end());
    flush();
}

std::vector<Message> ClassClient::takeMessages()
{
    std::vector<Message> messages;
    messages.swap(m_inbox);
    return messages;
}

void ClassClient::poll(std::chrono::milliseconds now)
{
    std::array<std::uint8_t, 16384> buffer{};
    for (int i = 0; i < 64 && m_connected; ++i)
    {
        std::size_t received = 0;
        const sf::Socket::Status status = m_socket.receive(buffer.data(), buffer.size(), received);
        if (status == sf::Socket::NotReady)
            break;
        if (status != sf::Socket::Done)
        {
            close(m_closeReason.empty() ? "the host closed the connection" : m_closeReason);
            return;
        }
        m_lastHeard = now;
        m_decoder.feed(buffer.data(), received);
        while (std::optional<Message> message = m_decoder.next())
            onMessage(std::move(*message), now);
        if (m_decoder.getError() != DecodeError::None)
        {
            close(std::string("bad data from the host: ") + toString(m_decoder.getError()));
            return;
        }
        if (received < buffer.size())
            break; // drained for now; the next poll reads what comes later
    }
    if (m_connected && now - m_lastHeard > m_config.silenceTimeout)
    {
        close("the host stopped answering");
        return;
    }
    flush();
}

void ClassClient::onMessage(Message message, std::chrono::milliseconds now)
{
    (void)now;
    if (const Ping* ping = std::get_if<Ping>(&message))
    {
        if (!ping->reply)
            encode(Ping{ping->token, true}, m_out);
        return;
    }
    if (std::holds_alternative<Welcome>(message))
        m_joined = true;
    if (const QuestionShow* question = std::get_if<QuestionShow>(&message))
        m_question = *question;
    // A refusal or kick is delivered first; the host closes the connection right after.
    if (const Refuse* refuse = std::get_if<Refuse>(&message))
        m_closeReason = "refused: " + refuse->text;
    if (const Kick* kick = std::get_if<Kick>(&message))
        m_closeReason = "removed: " + kick->text;
    m_inbox.push_back(std::move(message));
}

void ClassClient::flush()
{
    while (m_connected && m_outSent < m_out.size())
    {
        std::size_t sent = 0;
        const sf::Socket::Status status =
            m_socket.send(m_out.data() + m_outSent, m_out.size() - m_outSent, sent);
        m_outSent += sent;
        if (status == sf::Socket::NotReady || (status == sf::Socket::Partial && sent == 0))
            break;
        if (status == sf::Socket::Disconnected || status == sf::Socket::Error)
        {
            close("connection lost");
            return;
        }
    }
    if (m_outSent == m_out.size())
    {
        m_out.clear();
        m_outSent = 0;
    }
}

} // namespace quiz::net
