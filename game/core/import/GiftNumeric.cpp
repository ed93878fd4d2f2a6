#include "GiftNumeric.hpp"

#include "TextUtil.hpp"
#include "core/util/Numbers.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::core::import
{
namespace
{

int decimalsOf(const std::string& number)
{
    const std::size_t point = number.find('.');
    return point == std::string::npos ? 0 : static_cast<int>(number.size() - point - 1);
}

struct Entry
{
    double fraction = 100.0;
    double value = 0.0;
    double tolerance = 0.0;
    int decimals = 0;
    std::string feedback;
};

/// "1.5", "1.5:0.1" or "1..2", with an optional "%N%" and "#feedback".
bool readEntry(std::string text, Entry& entry)
{
    text = trim(text);
    if (text.size() > 2 && text[0] == '%')
    {
        const std::size_t end = text.find('%', 1);
        if (end == std::string::npos || !parseDecimal(text.substr(1, end - 1), entry.fraction))
            return false;
        text = trim(text.substr(end + 1));
    }
    const std::size_t hash = text.find('#');
    if (hash != std::string::npos)
    {
        entry.feedback = trim(text.substr(hash + 1));
        text = trim(text.substr(0, hash));
    }
    const std::size_t range = text.find("..");
    const std::size_t colon = text.find(':');
    if (range != std::string::npos)
    {
        double low = 0;
        double high = 0;
        const std::string lowText = trim(text.substr(0, range));
        const std::string highText = trim(text.substr(range + 2));
        if (!parseDecimal(lowText, low) || !parseDecimal(highText, high) || high < low)
            return false;
        entry.value = (low + high) / 2.0;
        entry.tolerance = (high - low) / 2.0;
        entry.decimals = std::max(decimalsOf(lowText), decimalsOf(highText));
        return true;
    }
    const std::string valueText = trim(text.substr(0, colon));
    if (!parseDecimal(valueText, entry.value))
        return false;
    entry.decimals = decimalsOf(valueText);
    if (colon != std::string::npos)
    {
        const std::string toleranceText = trim(text.substr(colon + 1));
        if (!parseDecimal(toleranceText, entry.tolerance) || entry.tolerance < 0)
            return false;
        entry.decimals = std::max(entry.decimals, decimalsOf(toleranceText));
    }
    return true;
}

} // namespace

bool readGiftNumeric(const std::string& body, Question& q, std::string& error,
                     const std::function<RichText(const std::string&)>& rich)
{
    std::vector<Entry> entries;
    const std::string text = trim(body);
    if (text.find_first_of("=~") == std::string::npos)
    {
        Entry entry;
        if (!readEntry(text, entry))
        {
            error = "the numerical answer '" + text +
                    "' is not a number, value:tolerance or "
                    "low..high";
            return false;
        }
        entries.push_back(entry);
    }
    else
    {
        std::size_t at = text.find_first_of("=~");
        while (at != std::string::npos)
        {
            const bool wrong = text[at] == '~';
            const std::size_t next = text.find_first_of("=~", at + 1);
            Entry entry;
            if (readEntry(text.substr(at + 1, next == std::string::npos ? next : next - at - 1),
                          entry))
            {
                if (wrong)
                    entry.fraction = 0;
                entries.push_back(entry);
            }
            at = next;
        }
    }
    const auto best = std::find_if(entries.begin(), entries.end(),
                                   [](const Entry& entry) { return entry.fraction >= 100.0; });
    if (best == entries.end())
    {
        error = "no numerical answer earns full credit";
        return false;
    }
    q.type = QuestionType::Numeric;
    q.options.clear();
    q.shuffle = false;
    NumericAnswer answer;
    answer.value = best->value;
    answer.round = std::min(best->decimals, 9);
    answer.tolerance = best->tolerance;
    q.numeric = answer;
    for (const Entry& entry : entries)
    {
        if (&entry == &*best || entry.fraction > 0 || entry.feedback.empty())
            continue;
        Mistake mistake;
        mistake.value = entry.value;
        mistake.rationale = rich(entry.feedback);
        q.mistakes.push_back(std::move(mistake));
    }
    return true;
}

} // namespace quiz::core::import
