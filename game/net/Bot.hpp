#pragma once

#include "ClassClient.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace quiz::net
{

/// A scripted student for tests, load runs and rehearsals: joins, answers every question
/// from a plan, and records what happened.
class Bot
{
public:
    /// `plan[i]` is the answer to question i: option ids joined by ';', "-" to stay silent,
    /// "" (or a missing entry) for the first option shown.
    Bot(ClientConfig config, std::vector<std::string> plan);

    [[nodiscard]] std::string connect(std::chrono::milliseconds timeout,
                                      std::chrono::milliseconds now);
    /// Polls the connection and reacts: answers a new question at once (unless holding).
    void poll(std::chrono::milliseconds now);
    /// While holding, questions are remembered but not answered until answerNow().
    void setHolding(bool holding) { m_holding = holding; }
    /// Answers the question on screen if it has not been answered yet. Returns false if none.
    bool answerNow();

    [[nodiscard]] ClassClient& getClient() { return m_client; }
    [[nodiscard]] bool isFinished() const { return m_end.has_value(); }
    [[nodiscard]] const std::optional<End>& getEnd() const { return m_end; }
    [[nodiscard]] const std::optional<Welcome>& getWelcome() const { return m_welcome; }
    [[nodiscard]] const std::optional<Refuse>& getRefuse() const { return m_refuse; }
    [[nodiscard]] const std::vector<Reveal>& getReveals() const { return m_reveals; }
    [[nodiscard]] const std::vector<Ack>& getAcks() const { return m_acks; }
    /// Every message received, in order (for tests that check what a student is sent).
    [[nodiscard]] const std::vector<Message>& getLog() const { return m_log; }
    /// Question index -> the option ids sent ({} when nothing was sent).
    [[nodiscard]] const std::vector<std::vector<std::string>>& getSent() const { return m_sent; }
    [[nodiscard]] int countQuestionsSeen() const { return m_questionsSeen; }

private:
    ClassClient m_client;
    std::vector<std::string> m_plan;
    bool m_holding = false;
    int m_answeredIndex = -1;
    int m_questionsSeen = 0;
    std::optional<Welcome> m_welcome;
    std::optional<Refuse> m_refuse;
    std::optional<End> m_end;
    std::vector<Reveal> m_reveals;
    std::vector<Ack> m_acks;
    std::vector<Message> m_log;
    std::vector<std::vector<std::string>> m_sent;
};

} // namespace quiz::net
