#pragma once

#include "Protocol.hpp"

#include <SFML/Network/IpAddress.hpp>
#include <SFML/Network/TcpSocket.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace quiz::net
{

struct ClientConfig
{
    sf::IpAddress address = sf::IpAddress::LocalHost;
    unsigned short port = 0;
    std::string classCode;
    std::string nickname;
    /// The host pings every 2 s; if nothing at all arrives this long, the host is gone.
    std::chrono::milliseconds silenceTimeout{10000};
};

/// A student's connection to a class host. After connect(), single-threaded and
/// non-blocking: call poll(now) every frame, then takeMessages() for what the host sent
/// (welcome, lobby, question, ack, reveal, leaderboard, end ...). The client answers pings
/// itself. When the connection ends (refused, kicked, host gone, bad data), isConnected()
/// turns false and getCloseReason() says why.
class ClassClient
{
public:
    explicit ClassClient(ClientConfig config);

    /// Connects (blocking for at most `timeout`) and sends the hello. Returns "" on success,
    /// else a message for the student.
    [[nodiscard]] std::string connect(std::chrono::milliseconds timeout,
                                      std::chrono::milliseconds now);
    /// Reads and decodes what arrived, answers pings, sends what is queued. Never blocks.
    void poll(std::chrono::milliseconds now);
    /// Queues an answer to question `index` (sent on this call). The host acknowledges it.
    void sendAnswer(std::uint16_t index, const std::vector<std::string>& optionIds);
    /// Queues raw bytes as they are (for tests of the host's defences).
    void sendRaw(const std::vector<std::uint8_t>& bytes);
    /// Closes the connection at once (as a crash or a closed lid would).
    void close(const std::string& reason);

    /// Messages from the host since the last call, oldest first (pings are not included).
    [[nodiscard]] std::vector<Message> takeMessages();

    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] bool isJoined() const { return m_joined; }
    [[nodiscard]] const std::string& getCloseReason() const { return m_closeReason; }
    /// The question on screen now (kept until the next one), if any.
    [[nodiscard]] const std::optional<QuestionShow>& getQuestion() const { return m_question; }
    /// The socket, for callers that wait on many clients with an sf::SocketSelector.
    [[nodiscard]] sf::TcpSocket& getSocket() { return m_socket; }

private:
    void flush();
    void onMessage(Message message, std::chrono::milliseconds now);

    ClientConfig m_config;
    sf::TcpSocket m_socket;
    StreamDecoder m_decoder{kMaxHostFrameBytes};
    std::vector<std::uint8_t> m_out;
    std::size_t m_outSent = 0;
    std::vector<Message> m_inbox;
    std::optional<QuestionShow> m_question;
    std::chrono::milliseconds m_lastHeard{0};
    bool m_connected = false;
    bool m_joined = false;
    std::string m_closeReason;
};

} // namespace quiz::net
