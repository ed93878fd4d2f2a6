#include "Bot.hpp"

namespace quiz::net
{
namespace
{

std::vector<std::string> splitIds(const std::string& text)
{
    std::vector<std::string> ids;
    std::string current;
    for (char c : text)
    {
        if (c == ';')
        {
            if (!current.empty())
                ids.push_back(current);
            current.clear();
        }
        else
            current += c;
    }
    if (!current.empty())
        ids.push_back(current);
    return ids;
}

} // namespace

Bot::Bot(ClientConfig config, std::vector<std::string> plan)
    : m_client(std::move(config)), m_plan(std::move(plan))
{
}

std::string Bot::connect(std::chrono::milliseconds timeout, std::chrono::milliseconds now)
{
    return m_client.connect(timeout, now);
}

void Bot::poll(std::chrono::milliseconds now)
{
    m_client.poll(now);
    for (Message& message : m_client.takeMessages())
    {
        if (const Welcome* welcome = std::get_if<Welcome>(&message))
            m_welcome = *welcome;
        else if (const Refuse* refuse = std::get_if<Refuse>(&message))
            m_refuse = *refuse;
        else if (const End* end = std::get_if<End>(&message))
            m_end = *end;
        else if (const Reveal* reveal = std::get_if<Reveal>(&message))
            m_reveals.push_back(*reveal);
        else if (const Ack* ack = std::get_if<Ack>(&message))
        {
            m_acks.push_back(*ack);
            // After a rejoin the host confirms an earlier answer: do not answer twice.
            if (ack->accepted)
                m_answeredIndex = std::max(m_answeredIndex, static_cast<int>(ack->index));
        }
        else if (std::holds_alternative<QuestionShow>(message))
            ++m_questionsSeen;
        m_log.push_back(std::move(message));
    }
    if (!m_holding)
        answerNow();
}

bool Bot::answerNow()
{
    const std::optional<QuestionShow>& question = m_client.getQuestion();
    if (!question || static_cast<int>(question->index) <= m_answeredIndex ||
        !m_client.isConnected())
        return false;
    m_answeredIndex = static_cast<int>(question->index);
    const std::size_t index = question->index;
    if (!question->answered.empty())
        return false; // answered before a rejoin: the host kept it
    const std::string planned = index < m_plan.size() ? m_plan[index] : std::string();
    if (planned == "-")
        return false;
    std::vector<std::string> ids = splitIds(planned);
    if (ids.empty() && !question->options.empty())
        ids.push_back(question->options.front().id);
    if (m_sent.size() <= index)
        m_sent.resize(index + 1);
    m_sent[index] = ids;
    m_client.sendAnswer(question->index, ids);
    return true;
}

} // namespace quiz::net
