#include "ItemCues.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace quiz::core
{
namespace
{

/// Words that make a statement absolute. Test-wise students learn that an option with one of
/// them is usually wrong, so one that appears only in distractors gives the key away.
constexpr std::string_view kAbsoluteWords[] = {
    "always",   "never",      "all",        "none",    "only",       "must",    "completely",
    "entirely", "guaranteed", "impossible", "nothing", "everything", "totally",
};

constexpr std::size_t kShortestAbsolute = []
{
    std::size_t shortest = kAbsoluteWords[0].size();
    for (const std::string_view word : kAbsoluteWords)
        shortest = std::min(shortest, word.size());
    return shortest;
}();
constexpr std::size_t kLongestAbsolute = []
{
    std::size_t longest = 0;
    for (const std::string_view word : kAbsoluteWords)
        longest = std::max(longest, word.size());
    return longest;
}();

constexpr bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// True when `word` (ASCII letters) is `lower` (lower case) but for case.
bool equalsIgnoringCase(std::string_view word, std::string_view lower)
{
    if (word.size() != lower.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i)
    {
        const char c =
            word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
        if (c != lower[i])
            return false;
    }
    return true;
}

/// The absolute words of a text, each once, in alphabetical order. Words are its runs of ASCII
/// letters, compared without case; any other byte separates words (so "won't" gives "won" and
/// "t", which no absolute word is). Every option of every question passes through here, so
/// each word is looked up where it stands in the text, and only when its length is that of
/// an absolute word.
std::vector<std::string_view> collectAbsoluteWords(const RichText& text)
{
    std::vector<std::string_view> found;
    // Most texts are one run, read where it is; others are joined, so a word may span runs.
    std::string joined;
    const bool oneRun = text.runs.size() == 1 && !text.runs[0].lineBreak;
    if (!oneRun)
        joined = text.toPlain();
    const std::string_view plain = oneRun ? std::string_view(text.runs[0].text) : joined;
    for (std::size_t i = 0; i < plain.size();)
    {
        if (!isAsciiLetter(plain[i]))
        {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < plain.size() && isAsciiLetter(plain[end]))
            ++end;
        const std::string_view word(plain.data() + i, end - i);
        i = end;
        if (word.size() < kShortestAbsolute || word.size() > kLongestAbsolute)
            continue;
        for (const std::string_view absolute : kAbsoluteWords)
        {
            if (equalsIgnoringCase(word, absolute) &&
                std::find(found.begin(), found.end(), absolute) == found.end())
                found.push_back(absolute);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

void checkAbsoluteCue(const Question& question, DiagnosticList& out)
{
    if (question.type == QuestionType::TrueFalse)
        return; // a true/false statement has no distractor beside it to compare with
    std::vector<std::string_view> inKeyed;
    for (const Option& option : question.options)
        if (option.correct)
            for (const std::string_view word : collectAbsoluteWords(option.text))
                inKeyed.push_back(word);
    for (const Option& option : question.options)
    {
        if (option.correct)
            continue;
        for (const std::string_view word : collectAbsoluteWords(option.text))
            if (std::find(inKeyed.begin(), inKeyed.end(), word) == inKeyed.end())
            {
                out.warning(option.line, "absolute-cue",
                            "option '" + option.id + "' of question '" + question.id + "' says '" +
                                std::string(word) +
                                "', a word no keyed option uses: absolute words only in "
                                "distractors give the key away");
                break;
            }
    }
}

void checkKeyedShare(const Pack& pack, DiagnosticList& out)
{
    std::size_t selectAll = 0;
    std::size_t keyHeavy = 0;
    for (const Question& question : pack.questions)
    {
        if (question.type != QuestionType::Multiple)
            continue;
        ++selectAll;
        const auto keyed = static_cast<std::size_t>(
            std::count_if(question.options.begin(), question.options.end(),
                          [](const Option& option) { return option.correct; }));
        if (2 * keyed > question.options.size())
            ++keyHeavy;
    }
    // Three items make a pattern a student can learn; one heavy item is not a cue.
    if (selectAll >= 3 && 2 * keyHeavy > selectAll)
        out.warning(pack.line, "select-all-keyed-share",
                    std::to_string(keyHeavy) + " of the pack's " + std::to_string(selectAll) +
                        " select-all questions key more options than they leave unkeyed: "
                        "ticking everything scores well");
}

} // namespace

const std::vector<std::string_view>& getSourceHostAllowList()
{
    static const std::vector<std::string_view> hosts = {
        "dailymed.nlm.nih.gov", "www.fda.gov",         "ashpublications.org",
        "journal.chestnet.org", "www.ismp.org",        "medlineplus.gov",
        "www.ahrq.gov",         "psnet.ahrq.gov",      "www.ncbi.nlm.nih.gov",
        "pmc.ncbi.nlm.nih.gov", "www.acpjournals.org", "wtcs.pressbooks.pub",
        "www.ahajournals.org",  "rapm.bmj.com",
    };
    return hosts;
}

std::string getUrlHost(std::string_view url)
{
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos)
        return "";
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    rest = rest.substr(rest.find('@') == std::string_view::npos ? 0 : rest.find('@') + 1);
    rest = rest.substr(0, rest.find(':'));
    std::string host(rest);
    for (char& c : host)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return host;
}

void checkItemCues(const Pack& pack, DiagnosticList& out)
{
    const auto& hosts = getSourceHostAllowList();
    for (const Source& source : pack.sources)
    {
        if (source.url.empty())
            continue;
        const std::string host = getUrlHost(source.url);
        if (std::find(hosts.begin(), hosts.end(), host) == hosts.end())
            out.warning(source.line, "source-host",
                        "source '" + source.id + "' points at '" +
                            (host.empty() ? source.url : host) +
                            "', which is not a publisher on the pack guide's list: cite the "
                            "publisher's own page");
    }
    for (const Question& question : pack.questions)
        checkAbsoluteCue(question, out);
    checkKeyedShare(pack, out);
}

} // namespace quiz::core
