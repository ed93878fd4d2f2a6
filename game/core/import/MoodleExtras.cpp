#include "MoodleExtras.hpp"

#include "TextUtil.hpp"
#include "core/pack/ValueRules.hpp"
#include "core/util/Numbers.hpp"

#include <cstdlib>

namespace quiz::core::import
{

namespace
{

std::vector<std::string> split(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (true)
    {
        const std::size_t end = text.find(separator, at);
        parts.emplace_back(text.substr(at, end == std::string_view::npos ? end : end - at));
        if (end == std::string_view::npos)
            return parts;
        at = end + 1;
    }
}

bool parseInt(const std::string& text, int low, int high, int& value)
{
    if (text.empty() || text.size() > 9)
        return false;
    std::size_t at = text[0] == '-' ? 1 : 0;
    if (at == text.size())
        return false;
    for (std::size_t i = at; i < text.size(); ++i)
    {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    value = std::atoi(text.c_str());
    return value >= low && value <= high;
}

/// Where each `{=...}` of a run starts and the position of its closing brace.
std::vector<std::pair<std::size_t, std::size_t>> expressions(const std::string& text)
{
    std::vector<std::pair<std::size_t, std::size_t>> found;
    std::size_t at = 0;
    while (true)
    {
        const std::size_t open = text.find("{=", at);
        if (open == std::string::npos)
            return found;
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos)
            return found;
        found.emplace_back(open, close);
        at = close + 1;
    }
}

/// An id the comment can carry: a pack id without "--" (which would end the XML comment).
bool isCommentSafeId(std::string_view id)
{
    return isValidId(id) && id.find("--") == std::string_view::npos;
}

} // namespace

bool MoodleExtras::isEmpty() const
{
    return !round && !min && !max && !figure && caseId.empty() && criticalAnswers.empty() &&
           rounding.empty();
}

std::string formatMoodleExtras(const MoodleExtras& extras)
{
    std::string out(kMoodleExtrasPrefix);
    if (extras.round)
        out += " round=" + std::to_string(*extras.round);
    if (extras.min)
        out += " min=" + formatNumber(*extras.min);
    if (extras.max)
        out += " max=" + formatNumber(*extras.max);
    if (extras.figure)
        out += " figure=" + std::to_string(*extras.figure);
    if (isCommentSafeId(extras.caseId))
        out += " case=" + extras.caseId;
    if (!extras.criticalAnswers.empty())
    {
        std::string list;
        for (const int index : extras.criticalAnswers)
            list += (list.empty() ? "" : ",") + std::to_string(index);
        out += " critical=" + list;
    }
    if (!extras.rounding.empty())
    {
        std::string fields;
        for (const auto& [field, decimals] : extras.rounding)
        {
            std::string list;
            for (const int d : decimals)
                list += (list.empty() ? "" : ",") + (d < 0 ? std::string("-") : std::to_string(d));
            fields += (fields.empty() ? "" : ";") + field + ":" + list;
        }
        out += " rounding=" + fields;
    }
    return out;
}

std::optional<MoodleExtras> parseMoodleExtras(std::string_view comment)
{
    while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\n'))
        comment.remove_prefix(1);
    if (comment.substr(0, kMoodleExtrasPrefix.size()) != kMoodleExtrasPrefix)
        return std::nullopt;
    comment.remove_prefix(kMoodleExtrasPrefix.size());
    MoodleExtras extras;
    for (const std::string& word : split(comment, ' '))
    {
        std::string item = word;
        while (!item.empty() && (item.back() == '\n' || item.back() == '\r'))
            item.pop_back();
        if (item.empty())
            continue;
        const std::size_t equals = item.find('=');
        if (equals == std::string::npos)
            return std::nullopt;
        const std::string key = item.substr(0, equals);
        const std::string value = item.substr(equals + 1);
        double x = 0;
        int n = 0;
        if (key == "round" && parseInt(value, 0, 9, n))
            extras.round = n;
        else if (key == "figure" && parseInt(value, 0, 100, n))
            extras.figure = n;
        else if (key == "case" && isCommentSafeId(value))
            extras.caseId = value;
        else if ((key == "min" || key == "max") && parseDecimal(value, x))
            (key == "min" ? extras.min : extras.max) = x;
        else if (key == "critical")
        {
            for (const std::string& index : split(value, ','))
            {
                if (!parseInt(index, 0, 10000, n))
                    return std::nullopt;
                extras.criticalAnswers.insert(n);
            }
        }
        else if (key == "rounding")
        {
            for (const std::string& field : split(value, ';'))
            {
                const std::size_t colon = field.find(':');
                if (colon == 0 || colon == std::string::npos)
                    return std::nullopt;
                std::vector<int>& decimals = extras.rounding[field.substr(0, colon)];
                for (const std::string& d : split(field.substr(colon + 1), ','))
                {
                    if (d == "-")
                        decimals.push_back(-1);
                    else if (parseInt(d, 0, 9, n))
                        decimals.push_back(n);
                    else
                        return std::nullopt;
                }
            }
        }
        else
            return std::nullopt;
    }
    return extras;
}

std::vector<int> expressionDecimals(const RichText& text)
{
    std::vector<int> decimals;
    for (const TextRun& run : text.runs)
    {
        for (const auto& [open, close] : expressions(run.text))
        {
            const std::string inside = run.text.substr(open + 2, close - open - 2);
            const std::size_t bar = inside.rfind('|');
            int d = -1;
            if (bar == std::string::npos || !parseInt(inside.substr(bar + 1), 0, 9, d))
                d = -1;
            decimals.push_back(d);
        }
    }
    return decimals;
}

bool applyExpressionDecimals(RichText& text, const std::vector<int>& decimals)
{
    std::size_t count = 0;
    for (const TextRun& run : text.runs)
        count += expressions(run.text).size();
    if (count != decimals.size())
        return false;
    std::size_t next = 0;
    for (TextRun& run : text.runs)
    {
        const auto found = expressions(run.text);
        std::string out;
        std::size_t at = 0;
        for (const auto& [open, close] : found)
        {
            const int d = decimals[next++];
            out += run.text.substr(at, close - at);
            if (d >= 0 && run.text.substr(open, close - open).find('|') == std::string::npos)
                out += "|" + std::to_string(d);
            at = close;
        }
        run.text = out + run.text.substr(at);
    }
    return true;
}

} // namespace quiz::core::import
