#include "ProgressExport.hpp"

#include "core/util/Json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace quiz::core
{
namespace
{

std::string joinOptions(const std::vector<std::string>& options)
{
    std::string joined;
    for (const std::string& option : options)
        joined += (joined.empty() ? "" : " ") + option;
    return joined;
}

/// Points in CSV: whole numbers as such, others with up to 6 significant digits ("0.5").
std::string formatPoints(double value)
{
    if (!std::isfinite(value))
        return "";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

} // namespace

const std::vector<std::string>& getHistoryColumns()
{
    static const std::vector<std::string> columns = {
        "id",          "answered_at",  "answered_at_ms", "pack_id",  "pack_version",
        "question_id", "question_rev", "topic_id",       "chosen",   "correct",
        "partial",     "points",       "max_points",     "critical", "time_taken_ms",
        "confidence",  "mode",         "typed",          "mistake"};
    return columns;
}

std::string escapeCsvField(const std::string& field)
{
    const bool needsQuotes = field.find_first_of(",\"\r\n") != std::string::npos ||
                             (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needsQuotes)
        return field;
    std::string quoted = "\"";
    for (const char c : field)
    {
        quoted += c;
        if (c == '"')
            quoted += '"';
    }
    return quoted + "\"";
}

/// A typed number as its shortest exact decimal, with a point whatever the locale.
static std::string formatTyped(double value)
{
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string();
}

std::string formatHistoryCsv(const std::vector<StoredAnswer>& history)
{
    std::string out;
    const std::vector<std::string>& columns = getHistoryColumns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i == 0 ? "" : ",") + columns[i];
    out += "\r\n";
    for (const StoredAnswer& r : history)
    {
        const std::string fields[] = {std::to_string(r.id),
                                      formatTimestampUtc(r.answeredAtMs),
                                      std::to_string(r.answeredAtMs),
                                      r.packId,
                                      r.packVersion,
                                      r.questionId,
                                      std::to_string(r.questionRev),
                                      r.topicId,
                                      joinOptions(r.chosenOptionIds),
                                      r.correct ? "1" : "0",
                                      r.partial ? "1" : "0",
                                      formatPoints(r.points),
                                      formatPoints(r.maxPoints),
                                      r.critical ? "1" : "0",
                                      std::to_string(r.timeTakenMs),
                                      toString(r.confidence),
                                      r.mode,
                                      r.typedValue ? formatTyped(*r.typedValue) : std::string(),
                                      r.mistakeIndex >= 0 ? std::to_string(r.mistakeIndex)
                                                          : std::string()};
        bool first = true;
        for (const std::string& field : fields)
        {
            out += (first ? "" : ",") + escapeCsvField(field);
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

std::string formatHistoryJson(const std::string& player, const std::vector<StoredAnswer>& history,
                              TimestampMs exportedAt)
{
    nlohmann::ordered_json json;
    json["format"] = "heparin-quiz-history";
    json["version"] = 1;
    json["player"] = player;
    json["exported_at"] = formatTimestampUtc(exportedAt);
    json["answer_count"] = history.size();
    json["answers"] = nlohmann::ordered_json::array();
    for (const StoredAnswer& r : history)
    {
        nlohmann::ordered_json answer;
        answer["id"] = r.id;
        answer["answered_at"] = formatTimestampUtc(r.answeredAtMs);
        answer["answered_at_ms"] = r.answeredAtMs;
        answer["pack_id"] = r.packId;
        answer["pack_version"] = r.packVersion;
        answer["question_id"] = r.questionId;
        answer["question_rev"] = r.questionRev;
        answer["topic_id"] = r.topicId;
        answer["chosen"] = r.chosenOptionIds;
        answer["correct"] = r.correct;
        answer["partial"] = r.partial;
        answer["points"] = r.points;
        answer["max_points"] = r.maxPoints;
        answer["critical"] = r.critical;
        answer["time_taken_ms"] = r.timeTakenMs;
        answer["confidence"] = r.confidence == Confidence::None
                                   ? nlohmann::ordered_json()
                                   : nlohmann::ordered_json(toString(r.confidence));
        answer["mode"] = r.mode;
        answer["typed"] =
            r.typedValue ? nlohmann::ordered_json(*r.typedValue) : nlohmann::ordered_json();
        answer["mistake"] =
            r.mistakeIndex >= 0 ? nlohmann::ordered_json(r.mistakeIndex) : nlohmann::ordered_json();
        json["answers"].push_back(std::move(answer));
    }
    return toJsonText(json);
}

} // namespace quiz::core
