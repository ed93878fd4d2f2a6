#include "GiftReader.hpp"

#include "ChoiceMapping.hpp"
#include "GiftNumeric.hpp"
#include "HtmlReader.hpp"
#include "MoodleReader.hpp"
#include "TextUtil.hpp"
#include "core/pack/Numeric.hpp"
#include "core/util/Numbers.hpp"
#include "core/util/Spaces.hpp"

#include <cstdlib>

namespace quiz::core::import
{

namespace
{

// Escaped characters are swapped for control bytes (which raw input can no longer hold: they
// are blanked first) so that splitting never sees them; restore() puts them back.
const char kEscapable[] = {'~', '=', '#', '{', '}', ':', '\\'};

std::string protect(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] == '\\' && i + 1 < text.size())
        {
            const char next = text[i + 1];
            if (next == 'n')
            {
                out += '\x08';
                ++i;
                continue;
            }
            bool done = false;
            for (std::size_t k = 0; k < sizeof kEscapable; ++k)
            {
                if (next == kEscapable[k])
                {
                    out += static_cast<char>(k + 1);
                    ++i;
                    done = true;
                    break;
                }
            }
            if (done)
                continue;
        }
        out += text[i];
    }
    return out;
}

std::string restore(const std::string& text)
{
    std::string out;
    for (const char c : text)
    {
        if (c >= 1 && c <= 7)
            out += kEscapable[c - 1];
        else if (c == '\x08')
            out += '\n';
        else
            out += c;
    }
    return out;
}

struct Block
{
    std::string text;
    int line = 0;
    std::string idnumber;
    std::vector<std::string> tags;
};

/// Reads "[name:value]" markers out of a comment line (Moodle 4.x id and tags).
void readCommentMarkers(const std::string& comment, Block& block)
{
    for (const std::string key : {"[id:", "[tag:"})
    {
        std::size_t at = 0;
        while ((at = comment.find(key, at)) != std::string::npos)
        {
            const std::size_t end = comment.find(']', at);
            if (end == std::string::npos)
                break;
            const std::string value = trim(comment.substr(at + key.size(), end - at - key.size()));
            if (!value.empty())
            {
                if (key == "[id:")
                    block.idnumber = value;
                else
                    block.tags.push_back(value);
            }
            at = end;
        }
    }
}

std::vector<Block> splitBlocks(const std::string& text)
{
    std::vector<Block> blocks;
    Block current;
    int lineNumber = 0;
    for (const std::string& rawLine : split(text, '\n'))
    {
        ++lineNumber;
        const std::string line = trim(rawLine);
        if (line.rfind("//", 0) == 0)
        {
            readCommentMarkers(line, current);
            continue;
        }
        if (line.empty())
        {
            if (!trim(current.text).empty())
                blocks.push_back(current);
            current = Block();
            continue;
        }
        if (current.line == 0 || trim(current.text).empty())
            current.line = lineNumber;
        current.text += rawLine + "\n";
    }
    if (!trim(current.text).empty())
        blocks.push_back(current);
    return blocks;
}

/// Strips a leading "[html]"-style prefix and returns the format it names.
TextFormat takeFormat(std::string& text, TextFormat fallback)
{
    const std::string t = trim(text);
    const std::pair<const char*, TextFormat> prefixes[] = {{"[html]", TextFormat::Html},
                                                           {"[moodle]", TextFormat::MoodleAuto},
                                                           {"[plain]", TextFormat::Plain},
                                                           {"[markdown]", TextFormat::Markdown}};
    for (const auto& prefix : prefixes)
    {
        const std::string p = prefix.first;
        if (t.rfind(p, 0) == 0)
        {
            text = t.substr(p.size());
            return prefix.second;
        }
    }
    return fallback;
}

class GiftReader
{
public:
    GiftReader(const std::string& displayPath, const ReadLimits& limits)
        : m_limits(limits), m_file(fileName(displayPath))
    {
        m_result.file = displayPath;
        m_result.formatName = "GIFT";
        m_result.diagnostics = DiagnosticList(displayPath);
    }

    ReadResult run(std::string bytes)
    {
        if (bytes.size() > m_limits.maxTextFileBytes)
        {
            m_result.diagnostics.error(0, kCodeFile,
                                       "file is larger than the " +
                                           std::to_string(m_limits.maxTextFileBytes) +
                                           "-byte cap for GIFT");
            return std::move(m_result);
        }
        if (bytes.rfind("\xEF\xBB\xBF", 0) == 0)
            bytes.erase(0, 3);
        if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
        {
            m_result.diagnostics.error(1, kCodeEncoding,
                                       "the file is UTF-16; save it as UTF-8 and import again");
            return std::move(m_result);
        }
        std::size_t bad = 0;
        if (!isValidUtf8(bytes, bad))
        {
            m_result.diagnostics.warning(lineOfOffset(bytes, bad), kCodeEncoding,
                                         "the file is not UTF-8 (first bad byte on this line); it "
                                         "was read as Windows-1252, check accented letters and "
                                         "symbols");
            bytes = windows1252ToUtf8(bytes);
        }
        std::string text;
        text.reserve(bytes.size());
        for (std::size_t i = 0; i < bytes.size(); ++i)
        {
            const char c = bytes[i];
            if (c == '\r')
            {
                text += '\n';
                if (i + 1 < bytes.size() && bytes[i + 1] == '\n')
                    ++i;
            }
            else if (c != '\n' && isForbiddenControl(static_cast<unsigned char>(c)))
                text += ' ';
            else
                text += c;
        }
        m_result.readable = true;
        std::size_t count = 0;
        for (const Block& block : splitBlocks(text))
        {
            if (++count > m_limits.maxQuestions)
            {
                m_result.diagnostics.warning(block.line, kCodeSkipped,
                                             "more than " + std::to_string(m_limits.maxQuestions) +
                                                 " questions; the rest of the file is skipped");
                ++m_result.skipped;
                break;
            }
            readBlock(block);
        }
        return std::move(m_result);
    }

private:
    void skip(const Block& block, const std::string& name, const std::string& reason,
              const char* code = kCodeSkipped)
    {
        const std::string label = name.empty() ? std::string() : " '" + name + "'";
        m_result.diagnostics.warning(block.line, code, "skipped question" + label + ": " + reason);
        ++m_result.skipped;
    }

    RichText toRich(std::string text, TextFormat fallback, int line)
    {
        const TextFormat format = takeFormat(text, fallback);
        const HtmlResult html = readHtml(trim(restore(text)), format, {true});
        for (const HtmlNote& note : html.warnings)
            m_result.diagnostics.warning(line, kCodeDropped, note.message);
        for (const HtmlImage& image : html.images)
            m_images.push_back(image);
        return html.text;
    }

    /// A GIFT file is text only: Moodle writes an image as `@@PLUGINFILE@@/NAME` and leaves
    /// the file out, and a relative `src` has no folder to be found in. Each is said, with its
    /// question; "[image: ALT]" stands in the text.
    void warnImages(const std::string& name, int line)
    {
        const std::string label = name.empty() ? std::string() : "question '" + name + "': ";
        for (const HtmlImage& image : m_images)
        {
            const bool plugin = image.src.rfind("@@PLUGINFILE@@", 0) == 0;
            m_result.diagnostics.warning(
                line, kCodeImage,
                label + "image '" + percentDecode(image.src) + "' cannot come across: " +
                    (plugin ? "a GIFT export carries no image files (export Moodle XML to "
                              "keep them)"
                            : "GIFT images are not read from files") +
                    "; '[image" + (image.alt.empty() ? "" : ": " + image.alt) +
                    "]' is shown in its place");
        }
        m_images.clear();
    }

    void readBlock(const Block& block)
    {
        m_images.clear();
        std::string text = protect(trim(block.text));
        if (text.rfind("$CATEGORY:", 0) == 0)
        {
            m_categoryRaw = trim(restore(text.substr(10)));
            m_category = splitCategoryPath(m_categoryRaw);
            m_result.categories.push_back({m_category, "", block.line});
            return;
        }
        std::string name;
        if (text.rfind("::", 0) == 0)
        {
            const std::size_t end = text.find("::", 2);
            if (end != std::string::npos)
            {
                name = trim(restore(text.substr(2, end - 2)));
                text = trim(text.substr(end + 2));
            }
        }
        const std::size_t open = text.find('{');
        const std::size_t close =
            open == std::string::npos ? std::string::npos : text.find('}', open);
        if (open == std::string::npos)
        {
            skip(block, name, "a description has no answers to choose from", kCodeUnsupportedType);
            return;
        }
        if (close == std::string::npos)
        {
            skip(block, name, "the answer block '{' is never closed with '}'");
            return;
        }
        std::string stemText = text.substr(0, open);
        const std::string after = text.substr(close + 1);
        // Missing word: the answer block becomes the blank in place, spaces and punctuation
        // around it as written ("is {=protamine}." reads "is _____."), as Moodle's GIFT import.
        if (!trim(after).empty())
            stemText = trim(stemText + "_____" + after);
        std::string answers = trim(text.substr(open + 1, close - open - 1));

        ImportedQuestion imported;
        imported.line = block.line;
        imported.category = m_category;
        Question& q = imported.question;
        const TextFormat format = takeFormat(stemText, TextFormat::MoodleAuto);
        q.stem = toRich(stemText, format, block.line);
        if (name.empty())
            name = truncateUtf8(trim(q.stem.toPlain()), 60);
        Origin origin;
        origin.format = "gift";
        origin.file = m_file;
        origin.idnumber = block.idnumber;
        origin.name = name;
        origin.category = m_categoryRaw;
        q.origin = origin;
        q.tags = block.tags;

        const std::size_t general = answers.find("####");
        if (general != std::string::npos)
        {
            q.explanation = toRich(answers.substr(general + 4), format, block.line);
            answers = trim(answers.substr(0, general));
        }
        const std::string kind = classify(answers);
        if (kind == "numerical")
        {
            readNumerical(block, name, answers, format, imported);
            return;
        }
        if (!kind.empty() && kind != "matching")
        {
            skip(block, name, unsupportedTypeMessage(kind), kCodeUnsupportedType);
            return;
        }
        const bool ok = kind == "matching" ? readMatching(block, answers, format, q)
                        : answers.find_first_of("=~") == std::string::npos
                            ? readTrueFalse(block, answers, format, q)
                            : readChoices(block, answers, format, q);
        if (ok)
        {
            warnImages(name, block.line);
            m_result.questions.push_back(std::move(imported));
        }
    }

    /// `{#...}`: a numeric question (GiftNumeric.hpp).
    void readNumerical(const Block& block, const std::string& name, const std::string& answers,
                       TextFormat format, ImportedQuestion& imported)
    {
        std::string error;
        const auto rich = [&](const std::string& text) { return toRich(text, format, block.line); };
        if (!readGiftNumeric(answers.substr(1), imported.question, error, rich))
        {
            skip(block, name, error);
            return;
        }
        // A numeric question's text reads {name} and {=...} as placeholders; GIFT has none, so
        // every brace it holds (a second answer block, say) is a literal one, escaped.
        Question& q = imported.question;
        forEachPlaceholderText(q,
                               [](RichText& text)
                               {
                                   for (TextRun& run : text.runs)
                                       run.text = escapeBraces(run.text);
                               });
        m_result.questions.push_back(std::move(imported));
    }

    /// "" for multiple choice and true/false, else the kind of question it is.
    static std::string classify(const std::string& answers)
    {
        if (answers.empty())
            return "essay";
        if (answers[0] == '#')
            return "numerical";
        if (answers.find('~') != std::string::npos)
            return {};
        if (answers.find('=') != std::string::npos && answers.find("->") != std::string::npos)
            return "matching";
        std::string head = answers.substr(0, answers.find('#'));
        head = trim(head);
        for (char& c : head)
            c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        if (head == "T" || head == "TRUE" || head == "F" || head == "FALSE")
            return {};
        return "short answer";
    }

    /// `{=prompt -> answer ...}`: a matching question, each `=` a prompt and the answer it
    /// takes, `= -> answer` (no prompt) an answer that matches none. GIFT gives matching no
    /// feedback and no weights; Moodle scores each prompt apart, so this is partial credit.
    bool readMatching(const Block& block, const std::string& answers, TextFormat format,
                      Question& q)
    {
        q.type = QuestionType::Matching;
        q.scoring = ScoringRule::Partial;
        const std::size_t first = answers.find('=');
        if (!trim(restore(answers.substr(0, first))).empty())
            m_result.diagnostics.warning(block.line, kCodeDropped,
                                         "question '" + q.origin->name + "': '" +
                                             trim(restore(answers.substr(0, first))) +
                                             "' before the first =prompt -> answer is left out");
        for (std::size_t at = first; at != std::string::npos;)
        {
            const std::size_t next = answers.find('=', at + 1);
            const std::string body = answers.substr(
                at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
            at = next;
            const std::size_t arrow = body.find("->");
            if (arrow == std::string::npos)
            {
                skip(block, q.origin->name,
                     "a matching pair is written =prompt -> answer, and '=" + trim(restore(body)) +
                         "' has no ->");
                return false;
            }
            MatchPair pair;
            pair.id = "p" + std::to_string(q.pairs.size() + 1);
            pair.line = block.line;
            pair.prompt = toRich(body.substr(0, arrow), format, block.line);
            pair.answer = RichText::fromPlain(trim(restore(body.substr(arrow + 2))));
            q.pairs.push_back(std::move(pair));
        }
        return true;
    }

    bool readTrueFalse(const Block& block, const std::string& answers, TextFormat format,
                       Question& q)
    {
        const std::vector<std::string> parts = split(answers, '#');
        std::string head = trim(parts[0]);
        const bool answer = head[0] == 'T' || head[0] == 't';
        const RichText ifWrong =
            parts.size() > 1 ? toRich(parts[1], format, block.line) : RichText();
        const RichText ifRight =
            parts.size() > 2 ? toRich(parts[2], format, block.line) : RichText();
        q.type = QuestionType::TrueFalse;
        q.shuffle = false;
        Option t;
        t.id = "true";
        t.text = RichText::fromPlain("True");
        t.correct = answer;
        t.rationale = answer ? ifRight : ifWrong;
        Option f;
        f.id = "false";
        f.text = RichText::fromPlain("False");
        f.correct = !answer;
        f.rationale = answer ? ifWrong : ifRight;
        q.options = {t, f};
        return true;
    }

    bool readChoices(const Block& block, const std::string& answers, TextFormat format, Question& q)
    {
        bool single = false;
        std::size_t at = answers.find_first_of("=~");
        std::size_t index = 0;
        while (at != std::string::npos)
        {
            const char marker = answers[at];
            const std::size_t next = answers.find_first_of("=~", at + 1);
            std::string body = answers.substr(at + 1, next == std::string::npos ? std::string::npos
                                                                                : next - at - 1);
            at = next;
            double weight = marker == '=' ? 100.0 : 0.0;
            single = single || marker == '=';
            body = trim(body);
            if (!body.empty() && body[0] == '%')
            {
                const std::size_t end = body.find('%', 1);
                if (end != std::string::npos)
                {
                    const std::string number = body.substr(1, end - 1);
                    double value = 0.0;
                    if (parseDecimal(number, value) && value >= -100.0 && value <= 100.0)
                        weight = value;
                    else
                        m_result.diagnostics.warning(block.line, kCodeDropped,
                                                     "answer weight '%" + number +
                                                         "%' is not a percentage; ignored");
                    body = body.substr(end + 1);
                }
            }
            const std::size_t hash = body.find('#');
            Option option;
            option.id = index < 26 ? std::string(1, static_cast<char>('a' + index))
                                   : "o" + std::to_string(index + 1);
            option.text = toRich(body.substr(0, hash), format, block.line);
            if (hash != std::string::npos)
                option.rationale = toRich(body.substr(hash + 1), format, block.line);
            option.weight = weight;
            option.line = block.line;
            ++index;
            if (option.text.isEmpty())
                continue;
            q.options.push_back(std::move(option));
        }
        if (q.options.size() < 2)
        {
            skip(block, q.origin->name, "a multiple-choice question needs at least 2 answers");
            return false;
        }
        q.shuffle = true;
        std::string dropped;
        const std::string why = mapChoiceCredit(q, single, dropped);
        if (!why.empty())
        {
            skip(block, q.origin->name, why);
            return false;
        }
        if (single && q.type == QuestionType::Multiple)
            m_result.diagnostics.warning(block.line, kCodeDropped,
                                         "question '" + q.origin->name +
                                             "': " + describeWeightedFromSingle(q));
        if (!dropped.empty())
            m_result.diagnostics.warning(
                block.line, kCodeDropped,
                "question '" + q.origin->name + "': partial credit of answer(s) " + dropped +
                    " dropped; single-answer questions score only the correct option");
        return true;
    }

    ReadLimits m_limits;
    std::string m_file;
    ReadResult m_result;
    std::vector<std::string> m_category;
    std::vector<HtmlImage> m_images; ///< found in the current question's texts
    std::string m_categoryRaw;
};

} // namespace

ReadResult readGift(const std::string& bytes, const std::string& displayPath,
                    const ReadLimits& limits)
{
    return GiftReader(displayPath, limits).run(bytes);
}

} // namespace quiz::core::import
