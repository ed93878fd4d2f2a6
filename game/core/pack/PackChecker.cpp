#include "PackChecker.hpp"

#include "ItemCues.hpp"
#include "NumericChecker.hpp"
#include "StepsChecker.hpp"
#include "core/util/Parallel.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_map>

namespace fs = std::filesystem;

namespace quiz::core
{
namespace
{

/// Lower-case (ASCII), white-space-folded text for comparisons a reader would call "the same".
std::string normalise(const RichText& text)
{
    std::string out;
    bool space = false;
    for (const TextRun& run : text.runs)
    {
        if (run.lineBreak)
            space = !out.empty();
        else
            appendFolded(out, run.text, space);
    }
    for (char& c : out)
    {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool looksLikeAllOrNone(const std::string& normalised)
{
    static const char* const kPhrases[] = {"all of the above", "none of the above",
                                           "all of these",     "none of these",
                                           "both a and b",     "all the above"};
    for (const char* phrase : kPhrases)
    {
        if (normalised.find(phrase) != std::string::npos)
            return true;
    }
    return false;
}

class Checker
{
public:
    Checker(const Pack& pack, const CheckOptions& options, DiagnosticList& out)
        : m_pack(pack), m_options(options), m_limits(options.limits), m_out(out)
    {
    }

    void run();

private:
    void checkMetadata();
    void checkTopics();
    void checkSources();
    void checkQuestion(const Question& question);
    void checkAnswerKey(const Question& question);
    void checkOptionTexts(const Question& question);
    void checkFigure(const Figure& figure, const std::string& where);
    template <typename Describe>
    void checkRefs(const std::vector<Reference>& refs, int line, const Describe& where);
    /// `describe()` names the text in the message; it is called only when there is one.
    template <typename Describe>
    void checkLength(const RichText& text, std::size_t cap, int line, const Describe& describe);

    const Pack& m_pack;
    const CheckOptions& m_options;
    const PackLimits& m_limits;
    DiagnosticList& m_out;
    std::set<std::string> m_topicIds;
    std::set<std::string> m_sourceIds;
};

void Checker::run()
{
    checkMetadata();
    checkTopics();
    checkSources();
    std::unordered_map<std::string_view, int> questionLines;
    std::unordered_map<std::string, std::string_view> stems;
    questionLines.reserve(m_pack.questions.size());
    stems.reserve(m_pack.questions.size());
    for (const Case& item : m_pack.cases)
    {
        if (item.figure)
            checkFigure(*item.figure, "case '" + item.id + "'");
        if (item.title.empty())
            m_out.error(item.line, "empty-text", "case '" + item.id + "' has an empty <title>");
        if (item.stem.isEmpty())
            m_out.error(item.line, "empty-text", "case '" + item.id + "' has an empty <stem>");
    }
    for (const Question& question : m_pack.questions)
    {
        const auto [it, inserted] = questionLines.emplace(question.id, question.line);
        if (!inserted)
            m_out.error(question.line, "duplicate-id",
                        "question id '" + question.id + "' is already used at line " +
                            std::to_string(it->second));
        checkQuestion(question);
        std::string stem = normalise(question.stem);
        if (!stem.empty())
        {
            const auto [other, fresh] = stems.emplace(std::move(stem), question.id);
            if (!fresh)
                m_out.warning(question.stemLine, "duplicate-stem",
                              "question '" + question.id + "' has the same stem as '" +
                                  std::string(other->second) + "'");
        }
    }
}

void Checker::checkMetadata()
{
    if (m_pack.title.size() > m_limits.maxTitle)
        m_out.error(m_pack.line, "text-too-long",
                    "the title is longer than " + std::to_string(m_limits.maxTitle) +
                        " characters");
    if (m_pack.title.empty())
        m_out.error(m_pack.line, "empty-text", "the pack has an empty <title>");
    if (!m_options.today.empty() && !m_pack.reviewBy.empty() && m_pack.reviewBy < m_options.today)
        m_out.warning(m_pack.line, "review-overdue",
                      "reviewBy " + m_pack.reviewBy +
                          " has passed: check the content against current guidance and set a "
                          "new date");
    if (!m_pack.created.empty() && !m_pack.updated.empty() && m_pack.updated < m_pack.created)
        m_out.warning(m_pack.line, "bad-date",
                      "updated " + m_pack.updated + " is before created " + m_pack.created);
}

void Checker::checkTopics()
{
    if (m_pack.topics.size() > m_limits.maxTopics)
        m_out.error(m_pack.line, "too-many-topics",
                    "more than " + std::to_string(m_limits.maxTopics) + " topics");
    for (const Topic& topic : m_pack.topics)
    {
        if (!m_topicIds.insert(topic.id).second)
            m_out.error(topic.line, "duplicate-id", "topic id '" + topic.id + "' is used twice");
        if (topic.depth >= m_limits.maxTopicDepth)
            m_out.error(topic.line, "topic-too-deep",
                        "topic '" + topic.id + "' is nested deeper than " +
                            std::to_string(m_limits.maxTopicDepth) + " levels");
    }
}

void Checker::checkSources()
{
    for (const Source& source : m_pack.sources)
    {
        if (!m_sourceIds.insert(source.id).second)
            m_out.error(source.line, "duplicate-id", "source id '" + source.id + "' is used twice");
    }
}

template <typename Describe>
void Checker::checkLength(const RichText& text, std::size_t cap, int line, const Describe& describe)
{
    // A character takes at least one byte (a line break counts one), so a text of no more
    // bytes than the cap is within it without counting; nearly every text is.
    std::size_t bytes = 0;
    for (const TextRun& run : text.runs)
        bytes += run.lineBreak ? 1 : run.text.size();
    if (bytes <= cap)
        return;
    const std::size_t length = text.countCharacters();
    if (length > cap)
        m_out.error(line, "text-too-long",
                    describe() + " has " + std::to_string(length) + " characters; the limit is " +
                        std::to_string(cap));
}

template <typename Describe>
void Checker::checkRefs(const std::vector<Reference>& refs, int line, const Describe& where)
{
    for (const Reference& ref : refs)
    {
        if (m_sourceIds.count(ref.sourceId) == 0)
        {
            std::vector<std::string> ids(m_sourceIds.begin(), m_sourceIds.end());
            const std::string guess = closestMatch(ref.sourceId, ids);
            m_out.error(ref.line > 0 ? ref.line : line, "unknown-source",
                        where() + " cites source '" + ref.sourceId +
                            "', which is not in <sources>" +
                            (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
        }
    }
}

/// "question 'ID'", for messages.
std::string describeQuestion(const Question& question)
{
    return "question '" + question.id + "'";
}

/// "option 'ID' of question 'ID'", for messages.
std::string describeOption(const Option& option, const Question& question)
{
    return "option '" + option.id + "' of " + describeQuestion(question);
}

/// True when the stem, without closing quotes, brackets and spaces, ends a sentence.
bool endsLikeASentence(const RichText& stem)
{
    std::string text = stem.toPlain();
    static const std::string_view kTrailing = " )\"'";
    for (;;)
    {
        while (!text.empty() && kTrailing.find(text.back()) != std::string_view::npos)
            text.pop_back();
        if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE2\x80\x9D") == 0)
        {
            text.resize(text.size() - 3); // a closing curly quote
            continue;
        }
        break;
    }
    return text.empty() || text.back() == '?' || text.back() == '.' || text.back() == ':';
}

void Checker::checkQuestion(const Question& question)
{
    const auto where = [&] { return describeQuestion(question); };
    if (m_topicIds.count(question.topicId) == 0 && !question.topicId.empty())
    {
        std::vector<std::string> ids(m_topicIds.begin(), m_topicIds.end());
        const std::string guess = closestMatch(question.topicId, ids);
        m_out.error(question.line, "unknown-topic",
                    where() + " has topic '" + question.topicId + "', which is not in <topics>" +
                        (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
    }
    const int stemLine = question.stemLine > 0 ? question.stemLine : question.line;
    if (question.stem.isEmpty())
        m_out.error(stemLine, "empty-text", where() + " has an empty <stem>");
    checkLength(question.stem, m_limits.maxLongText, stemLine, [&] { return where() + "'s stem"; });
    checkLength(question.explanation, m_limits.maxLongText, question.line,
                [&] { return where() + "'s explanation"; });
    for (const RichText& hint : question.hints)
        checkLength(hint, m_limits.maxLongText, question.line, [&] { return where() + "'s hint"; });
    if (!endsLikeASentence(question.stem))
        m_out.warning(stemLine, "stem-punctuation",
                      where() + "'s stem does not end with '?', '.' or ':'; a finished sentence "
                                "or question reads better");

    if (question.refs.empty())
        m_out.error(question.line, "missing-ref",
                    where() + " cites no source: add <ref source=\"...\" locator=\"...\"/>");
    checkRefs(question.refs, question.line, where);
    if (question.figure)
        checkFigure(*question.figure, where());
    checkAnswerKey(question);
    checkOptionTexts(question);
}

void Checker::checkAnswerKey(const Question& question)
{
    const auto where = [&] { return describeQuestion(question); };
    const std::size_t count = question.options.size();
    // A numeric question has no options; NumericChecker proves its answer. Ordering and
    // matching questions have items and pairs instead; StepsChecker checks them.
    if (question.type == QuestionType::Numeric || question.type == QuestionType::Ordering ||
        question.type == QuestionType::Matching)
        return;
    if (question.type != QuestionType::TrueFalse)
    {
        if (count < 2)
            m_out.error(question.line, "too-few-options",
                        where() + " has " + std::to_string(count) +
                            " option(s); it needs at least 2");
        else if (count > m_limits.maxOptions)
            m_out.error(question.line, "too-many-options",
                        where() + " has " + std::to_string(count) + " options; the limit is " +
                            std::to_string(m_limits.maxOptions));
        else if (count > 8)
            m_out.warning(question.line, "many-options",
                          where() + " has " + std::to_string(count) +
                              " options; more than 8 is hard to read on screen");
    }
    std::size_t correct = 0;
    double positiveWeights = 0.0;
    for (std::size_t index = 0; index < question.options.size(); ++index)
    {
        const Option& option = question.options[index];
        const auto optionWhere = [&] { return describeOption(option, question); };
        for (std::size_t earlier = 0; earlier < index; ++earlier)
        {
            if (question.options[earlier].id == option.id)
                m_out.error(option.line, "duplicate-id", optionWhere() + ": the id is used twice");
        }
        if (option.correct)
            ++correct;
        if (option.weight > 0)
            positiveWeights += option.weight;
        if (option.rationale.isEmpty())
            m_out.error(option.rationaleLine > 0 ? option.rationaleLine : option.line,
                        "missing-rationale",
                        question.type == QuestionType::TrueFalse
                            ? where() + " needs <rationale for=\"" + option.id +
                                  "\">: say why that answer is right or wrong"
                            : optionWhere() + " has no <rationale>: say why it is right or wrong");
        if (option.correct && option.severity == OptionSeverity::Critical)
            m_out.warning(option.line, "critical-correct",
                          optionWhere() + " is marked both correct and critical");
        if (question.scoring != ScoringRule::Weighted && option.weight != 0.0)
            m_out.warning(option.line, "unused-weight",
                          optionWhere() + " has a weight, but only scoring=\"weighted\" uses it");
        checkLength(option.rationale, m_limits.maxLongText,
                    option.rationaleLine > 0 ? option.rationaleLine : option.line,
                    [&] { return optionWhere() + "'s rationale"; });
        checkRefs(option.refs, option.line, optionWhere);
    }
    if (count >= 2 && correct == 0)
        m_out.error(question.line, "no-correct-option",
                    where() + " has no option with correct=\"true\"");
    if (question.type == QuestionType::Single && correct > 1)
        m_out.error(question.line, "several-correct",
                    where() + " is type=\"single\" but has " + std::to_string(correct) +
                        " correct options; use type=\"multiple\" or keep one");
    if (question.type == QuestionType::Multiple && question.scoring == ScoringRule::Weighted &&
        std::abs(positiveWeights - 100.0) > 0.01)
        m_out.error(question.line, "bad-weights",
                    where() + ": the positive weights add up to " +
                        std::to_string(static_cast<int>(std::lround(positiveWeights))) +
                        "; with scoring=\"weighted\" they must add up to 100");
    if (question.type == QuestionType::Multiple && question.scoring == ScoringRule::Weighted)
    {
        for (const Option& option : question.options)
        {
            if (option.correct != (option.weight > 0))
                m_out.error(option.line, "bad-weights",
                            describeOption(option, question) +
                                ": with scoring=\"weighted\", correct options have a positive "
                                "weight and the others zero or negative");
        }
    }
}

void Checker::checkOptionTexts(const Question& question)
{
    if (question.type != QuestionType::Single && question.type != QuestionType::Multiple)
        return;
    const auto where = [&] { return describeQuestion(question); };
    std::vector<std::string> seen; // normalised texts, parallel to the options
    std::size_t shortest = std::string::npos;
    std::size_t longest = 0;
    for (const Option& option : question.options)
    {
        const auto optionWhere = [&] { return describeOption(option, question); };
        if (option.text.isEmpty())
            m_out.error(option.line, "empty-text", optionWhere() + " has an empty <text>");
        checkLength(option.text, m_limits.maxOptionText, option.line,
                    [&] { return optionWhere() + "'s text"; });
        const std::string text = normalise(option.text);
        if (looksLikeAllOrNone(text))
            m_out.warning(option.line, "all-of-the-above",
                          optionWhere() + " reads like 'all/none of the above'; such options "
                                          "reward test-taking tricks: write a real alternative");
        for (std::size_t earlier = 0; earlier < seen.size() && !text.empty(); ++earlier)
        {
            if (seen[earlier] == text)
                m_out.warning(option.line, "duplicate-option-text",
                              optionWhere() + " has the same text as option '" +
                                  question.options[earlier].id + "'");
        }
        seen.push_back(text);
        const std::size_t length = option.text.countCharacters();
        shortest = std::min(shortest, length);
        longest = std::max(longest, length);
    }
    // The longest option is often the right one, a cue test-wise players learn to use.
    if (question.options.size() >= 2 && longest >= 3 * shortest && longest - shortest >= 30)
        m_out.warning(question.line, "unequal-options",
                      where() + "'s options range from " + std::to_string(shortest) + " to " +
                          std::to_string(longest) +
                          " characters; options of similar length give no cue");
}

void Checker::checkFigure(const Figure& figure, const std::string& where)
{
    const std::string& src = figure.src;
    const bool hasScheme = src.find("://") != std::string::npos || src.rfind("data:", 0) == 0;
    const fs::path path(src);
    bool escapes =
        path.is_absolute() || hasScheme || src.empty() || src.find('\\') != std::string::npos;
    int depth = 0;
    for (const fs::path& part : path)
    {
        if (part == "..")
            --depth;
        else if (part != "." && !part.empty())
            ++depth;
        escapes = escapes || depth < 0;
    }
    if (escapes)
    {
        m_out.error(figure.line, "figure-outside-pack",
                    where + "'s figure '" + src +
                        "' must be a relative path inside the pack's folder");
        return;
    }
    if (figure.alt.empty())
        m_out.error(figure.line, "missing-attribute", where + "'s figure needs alt text");
    if (!m_options.checkFigureFiles)
        return;
    std::error_code ec;
    const fs::path full = fs::path(m_pack.baseDir.empty() ? "." : m_pack.baseDir) / path;
    if (!fs::is_regular_file(full, ec))
    {
        m_out.error(figure.line, "figure-missing",
                    where + "'s figure '" + src + "' was not found beside the pack");
        return;
    }
    // A symbolic link could point outside the folder even when the text does not.
    const fs::path base = fs::weakly_canonical(m_pack.baseDir.empty() ? "." : m_pack.baseDir, ec);
    const fs::path real = fs::weakly_canonical(full, ec);
    const std::string baseText = base.string() + "/";
    if (!ec && real.string().compare(0, baseText.size(), baseText) != 0)
    {
        m_out.error(figure.line, "figure-outside-pack",
                    where + "'s figure '" + src + "' leads outside the pack's folder");
        return;
    }
    // The header, not the name, says what the file is; its size and pixel count are capped
    // before anything decodes it (a small PNG can claim 16000x16000 pixels: 1 GB decoded).
    std::string bytes;
    bool tooLarge = false;
    const std::string why = readImageFile(full.string(), m_options.figureLimits, bytes, tooLarge);
    if (!why.empty())
        m_out.error(figure.line, tooLarge ? "figure-too-large" : "figure-not-image",
                    where + "'s figure '" + src + "': " + why);
}

} // namespace

void PackChecker::check(const Pack& pack, DiagnosticList& out) const
{
    Checker(pack, m_options, out).run();
    checkNumeric(pack, out);
    checkSteps(pack, out);
    checkItemCues(pack, out);
}

namespace
{

/// Progress, reviews and class results are kept by pack id: a second pack with an id already
/// loaded (an old copy next to the new one) would mix its answers into the first pack's
/// history. The first in path order loads; each later one gets an error and does not.
void flagSharedPackIds(std::vector<CheckedPack>& results)
{
    std::map<std::string, std::string> firstPath;
    for (CheckedPack& checked : results)
    {
        if (!checked.pack)
            continue;
        const auto found = firstPath.emplace(checked.pack->id, checked.path);
        if (found.second)
            continue;
        checked.diagnostics.error(checked.pack->line, "duplicate-pack-id",
                                  "pack id '" + checked.pack->id + "' is also the id of '" +
                                      found.first->second +
                                      "'; progress is kept by pack id, so give each pack its "
                                      "own id (or remove the old copy)");
        checked.pack.reset();
    }
}

} // namespace

CheckedPack loadAndCheck(const std::string& path, const CheckOptions& options)
{
    CheckedPack checked;
    checked.path = path;
    LoadResult loaded = PackLoader(options.limits).loadFile(path);
    checked.diagnostics = std::move(loaded.diagnostics);
    if (loaded.pack)
    {
        PackChecker(options).check(*loaded.pack, checked.diagnostics);
        if (!checked.diagnostics.hasErrors())
            checked.pack = std::move(loaded.pack);
    }
    checked.diagnostics.sortByLine();
    return checked;
}

std::vector<CheckedPack> loadAndCheckAll(const std::vector<std::string>& paths,
                                         const CheckOptions& options)
{
    std::vector<std::string> files;
    for (const std::string& path : paths)
    {
        std::error_code ec;
        if (!fs::is_directory(path, ec))
        {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        {
            if (it->is_regular_file(ec) && it->path().extension() == ".xml")
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    // Files are independent, so they are loaded side by side; results keep the files' order,
    // so output does not depend on which worker finished first.
    std::vector<CheckedPack> results(files.size());
    runInParallel(files.size(),
                  [&](std::size_t i) { results[i] = loadAndCheck(files[i], options); });
    flagSharedPackIds(results);
    return results;
}

} // namespace quiz::core
