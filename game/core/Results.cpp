#include "Results.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>

namespace quiz::core
{
namespace
{

std::string number(double value)
{
    if (!std::isfinite(value))
        return "0";
    // Points are sums of simple fractions; 6 decimals keep them exact enough and readable.
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", std::round(value * 1e6) / 1e6);
    return buffer;
}

std::string quoted(const std::string& text)
{
    return "\"" + escapeJson(text) + "\"";
}

std::string idList(const std::vector<std::string>& ids)
{
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i > 0 ? "," : "") + quoted(ids[i]);
    return out + "]";
}

const char* boolean(bool value)
{
    return value ? "true" : "false";
}

} // namespace

std::string escapeJson(const std::string& text)
{
    std::string out;
    for (const char c : text)
    {
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20U)
            {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            }
            else
            {
                out += c;
            }
        }
    }
    return out;
}

std::string resultsToJson(const Session& session)
{
    const SessionConfig& config = session.getConfig();
    const SessionSummary summary = session.summarize();
    std::vector<std::string> packIds;
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
    {
        const std::string& id = session.getQuestion(i).packId;
        bool seen = false;
        for (const std::string& known : packIds)
            seen = seen || known == id;
        if (!seen)
            packIds.push_back(id);
    }
    std::ostringstream out;
    out << "{\n  \"format\": \"heparin-quiz-results\",\n  \"formatVersion\": 1,\n";
    out << "  \"pack\": " << quoted(packIds.empty() ? "" : packIds.front()) << ",\n";
    out << "  \"packs\": " << idList(packIds) << ",\n";
    out << "  \"mode\": " << quoted(toString(config.mode)) << ",\n";
    out << "  \"seed\": " << config.seed << ",\n";
    out << "  \"timerSeconds\": " << config.timerSeconds << ",\n";
    out << "  \"finished\": " << boolean(session.isFinished()) << ",\n";
    out << "  \"score\": " << number(summary.points) << ",\n";
    out << "  \"max\": " << number(summary.maxPoints) << ",\n";
    out << "  \"percent\": " << number(summary.percent) << ",\n";
    out << "  \"correctCount\": " << summary.correct << ",\n";
    out << "  \"criticalErrors\": " << summary.criticalErrors << ",\n";
    out << "  \"timeMs\": " << summary.totalTime.count() << ",\n";
    out << "  \"questions\": [";
    const std::vector<AnswerRecord>& answers = session.getAnswers();
    for (std::size_t i = 0; i < answers.size(); ++i)
    {
        const AnswerRecord& answer = answers[i];
        out << (i > 0 ? "," : "") << "\n    {\"id\": " << quoted(answer.key.questionId)
            << ", \"pack\": " << quoted(answer.key.packId)
            << ", \"topic\": " << quoted(answer.topicId)
            << ", \"chosen\": " << idList(answer.chosenOptionIds)
            << ", \"correct\": " << boolean(answer.score.correct)
            << ", \"partial\": " << boolean(answer.score.partial)
            << ", \"points\": " << number(answer.score.points)
            << ", \"max\": " << number(answer.score.maxPoints)
            << ", \"critical\": " << boolean(answer.score.critical)
            << ", \"criticalChosen\": " << idList(answer.score.criticalOptionIds)
            << ", \"timedOut\": " << boolean(answer.timedOut)
            << ", \"timeMs\": " << answer.timeTaken.count()
            << ", \"hintsUsed\": " << answer.hintsUsed << "}";
    }
    out << (answers.empty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.str();
}

bool writeFileAtomically(const std::string& path, const std::string& content, std::string& error)
{
    const std::string temp = path + ".tmp";
    std::FILE* file = std::fopen(temp.c_str(), "wb");
    if (file == nullptr)
    {
        error = "cannot write '" + temp + "': " + std::strerror(errno);
        return false;
    }
    const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
    const bool flushed = std::fflush(file) == 0;
    const bool closed = std::fclose(file) == 0;
    if (!written || !flushed || !closed)
    {
        error = "cannot write '" + temp + "': " + std::strerror(errno);
        std::remove(temp.c_str());
        return false;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0)
    {
        error = "cannot replace '" + path + "': " + std::strerror(errno);
        std::remove(temp.c_str());
        return false;
    }
    return true;
}

} // namespace quiz::core
