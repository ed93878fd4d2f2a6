#include "Progress.hpp"

#include <cmath>
#include <cstdio>

namespace quiz::core
{
namespace
{

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days
// method, reimplemented): avoids the C library's time zone state entirely.
void civilFromDays(std::int64_t days, std::int64_t& year, int& month, int& day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t dayOfEra = days - era * 146097;
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t monthIndex = (5 * dayOfYear + 2) / 153;
    day = static_cast<int>(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    month = static_cast<int>(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

const char* toString(Confidence confidence)
{
    switch (confidence)
    {
    case Confidence::Sure:
        return "sure";
    case Confidence::Unsure:
        return "unsure";
    case Confidence::Guess:
        return "guess";
    case Confidence::None:
        break;
    }
    return "";
}

std::optional<Confidence> parseConfidence(const std::string& text)
{
    for (const Confidence c :
         {Confidence::None, Confidence::Sure, Confidence::Unsure, Confidence::Guess})
    {
        if (text == toString(c))
            return c;
    }
    return std::nullopt;
}

StoredAnswer makeStoredAnswer(const Pack& pack, const Question& question,
                              const std::vector<std::string>& chosenOptionIds,
                              const AnswerScore& score, Confidence confidence,
                              std::int64_t timeTakenMs, TimestampMs answeredAtMs, std::string mode,
                              std::optional<double> typedValue, int mistakeIndex)
{
    StoredAnswer record;
    record.packId = pack.id;
    record.packVersion = pack.version;
    record.questionId = question.id;
    record.questionRev = question.rev;
    record.topicId = question.topicId;
    record.chosenOptionIds = chosenOptionIds;
    record.correct = score.correct;
    record.partial = score.partial;
    record.points = score.points;
    record.maxPoints = score.maxPoints;
    record.critical = score.critical;
    record.timeTakenMs = timeTakenMs;
    record.confidence = confidence;
    record.answeredAtMs = answeredAtMs;
    record.mode = std::move(mode);
    record.typedValue = typedValue;
    record.mistakeIndex = mistakeIndex;
    return record;
}

std::string validateStoredAnswer(const StoredAnswer& record)
{
    if (record.packId.empty())
        return "the answer has no pack id";
    if (record.questionId.empty())
        return "the answer has no question id";
    for (const std::string& option : record.chosenOptionIds)
    {
        if (option.empty() || option.find_first_of(" \t\r\n") != std::string::npos)
            return "option id '" + option + "' cannot be stored (empty or with spaces)";
    }
    if (!std::isfinite(record.points) || !std::isfinite(record.maxPoints) || record.points < 0 ||
        record.maxPoints < 0 || record.points > record.maxPoints + 1e-9)
        return "the answer's points are out of range";
    if (record.typedValue && !std::isfinite(*record.typedValue))
        return "the answer's typed number is not finite";
    if (record.timeTakenMs < 0)
        return "the answer's time taken is negative";
    if (record.answeredAtMs < 0)
        return "the answer's timestamp is before 1970";
    return {};
}

std::int64_t toDayNumber(TimestampMs moment, int utcOffsetMinutes)
{
    return floorDiv(moment + static_cast<std::int64_t>(utcOffsetMinutes) * kMsPerMinute, kMsPerDay);
}

std::string formatDayNumber(std::int64_t dayNumber)
{
    std::int64_t year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(dayNumber, year, month, day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02d", static_cast<long long>(year), month,
                  day);
    return buffer;
}

std::string formatTimestampUtc(TimestampMs moment)
{
    const std::int64_t day = floorDiv(moment, kMsPerDay);
    const std::int64_t msOfDay = moment - day * kMsPerDay;
    char buffer[48];
    std::snprintf(
        buffer, sizeof buffer, "%sT%02lld:%02lld:%02lld.%03lldZ", formatDayNumber(day).c_str(),
        static_cast<long long>(msOfDay / 3600000), static_cast<long long>(msOfDay / 60000 % 60),
        static_cast<long long>(msOfDay / 1000 % 60), static_cast<long long>(msOfDay % 1000));
    return buffer;
}

} // namespace quiz::core
