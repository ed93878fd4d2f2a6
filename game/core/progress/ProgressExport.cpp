#include "ProgressExport.hpp"

#include "core/util/Json.hpp"

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

} // namespace

const std::vector<std::string>& getHistoryColumns()
{
    static const std::vector<std::string> columns = {
        "id",          "answered_at",  "answered_at_ms", "pack_id",  "pack_version",
        "question_id", "question_rev", "topic_id",       "chosen",   "correct",
        "partial",     "points",       "max_points",     "critical", "time_taken_ms",
        "confidence",  "mode"};
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
                                      jsonNumber(r.points),
                                      jsonNumber(r.maxPoints),
                                      r.critical ? "1" : "0",
                                      std::to_string(r.timeTakenMs),
                                      toString(r.confidence),
                                      r.mode};
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
    JsonWriter json;
    json.beginObject();
    json.key("format").value("heparin-quiz-history");
    json.key("version").value(1);
    json.key("player").value(player);
    json.key("exported_at").value(formatTimestampUtc(exportedAt));
    json.key("answer_count").value(history.size());
    json.key("answers").beginArray();
    for (const StoredAnswer& r : history)
    {
        json.beginObject();
        json.key("id").value(static_cast<long long>(r.id));
        json.key("answered_at").value(formatTimestampUtc(r.answeredAtMs));
        json.key("answered_at_ms").value(static_cast<long long>(r.answeredAtMs));
        json.key("pack_id").value(r.packId);
        json.key("pack_version").value(r.packVersion);
        json.key("question_id").value(r.questionId);
        json.key("question_rev").value(r.questionRev);
        json.key("topic_id").value(r.topicId);
        json.key("chosen").stringArray(r.chosenOptionIds);
        json.key("correct").value(r.correct);
        json.key("partial").value(r.partial);
        json.key("points").value(r.points);
        json.key("max_points").value(r.maxPoints);
        json.key("critical").value(r.critical);
        json.key("time_taken_ms").value(static_cast<long long>(r.timeTakenMs));
        json.key("confidence");
        if (r.confidence == Confidence::None)
            json.null();
        else
            json.value(toString(r.confidence));
        json.key("mode").value(r.mode);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.str() + "\n";
}

} // namespace quiz::core
