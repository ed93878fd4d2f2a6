#include "HtmlReader.hpp"

#include "HtmlEntities.hpp"
#include "HtmlTags.hpp"
#include "core/util/Spaces.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <set>

namespace quiz::core::import
{

namespace
{

using namespace html;

struct Element
{
    std::string name;
    bool bold = false;
    bool italic = false;
    Script script = Script::Normal;
    bool pre = false;
    bool block = false;
    std::string link; ///< href of an <a> whose address can be shown
};

class Converter
{
public:
    Converter(const std::string& input, TextFormat format, const HtmlOptions& options)
        : m_in(input), m_format(format), m_options(options)
    {
    }

    HtmlResult run()
    {
        if (m_format == TextFormat::Plain || m_format == TextFormat::Markdown)
            runPlain();
        else
            runHtml();
        finish();
        return std::move(m_result);
    }

private:
    void runPlain()
    {
        if (m_format == TextFormat::Markdown && m_in.find_first_of("*_#`[") != std::string::npos)
            warnOnce(0, "markdown", "html-markdown",
                     "Markdown is shown as plain text; its markup characters stay visible");
        emitText(m_in, true);
    }

    void runHtml()
    {
        std::size_t i = 0;
        while (i < m_in.size())
        {
            const std::size_t lt = m_in.find('<', i);
            const std::size_t textEnd = lt == std::string::npos ? m_in.size() : lt;
            if (textEnd > i)
                emitText(decodeHtmlEntities(m_in.substr(i, textEnd - i)),
                         m_format == TextFormat::MoodleAuto || isPre());
            if (lt == std::string::npos)
                break;
            i = handleMarkup(lt);
        }
        if (m_in.find("$$") != std::string::npos || m_in.find("\\(") != std::string::npos ||
            m_in.find("\\[") != std::string::npos)
            warnOnce(0, "tex", "html-tex", "TeX markup is not rendered; it is shown as written");
    }

    /// Handles whatever starts at `lt` and returns where text resumes.
    std::size_t handleMarkup(std::size_t lt)
    {
        if (m_in.compare(lt, 4, "<!--") == 0)
        {
            const std::size_t end = m_in.find("-->", lt + 4);
            return end == std::string::npos ? m_in.size() : end + 3;
        }
        if (m_in.compare(lt, 9, "<![CDATA[") == 0)
        {
            const std::size_t end = m_in.find("]]>", lt + 9);
            const std::size_t stop = end == std::string::npos ? m_in.size() : end;
            emitText(m_in.substr(lt + 9, stop - lt - 9), isPre());
            return end == std::string::npos ? m_in.size() : end + 3;
        }
        if (m_in.compare(lt, 2, "<!") == 0 || m_in.compare(lt, 2, "<?") == 0)
        {
            const std::size_t end = m_in.find('>', lt);
            return end == std::string::npos ? m_in.size() : end + 1;
        }
        Tag tag;
        const std::size_t after = parseTag(m_in, lt, tag);
        if (after == std::string::npos)
        {
            emitText("<", false);
            return lt + 1;
        }
        if (tag.closing)
            closeElement(tag.name);
        else
            return openElement(tag, lt, after);
        return after;
    }

    std::size_t openElement(const Tag& tag, std::size_t at, std::size_t after)
    {
        const std::string& name = tag.name;
        if (isDroppedWithContent(name) || isMedia(name))
        {
            if (isMedia(name))
            {
                emitText("[media not supported]", false);
                warnOnce(at, name, "html-media",
                         "<" + name + "> is not supported; a placeholder is shown");
            }
            else
            {
                warnOnce(at, name, "html-dropped", "<" + name + "> dropped with its content");
            }
            if (tag.selfClosing)
                return after;
            const std::size_t close = findClosingTag(name, after);
            if (close == std::string::npos)
                return m_in.size();
            const std::size_t end = m_in.find('>', close);
            return end == std::string::npos ? m_in.size() : end + 1;
        }
        if (name == "br")
        {
            lineBreak();
            return after;
        }
        if (name == "hr")
        {
            boundary();
            return after;
        }
        if (name == "img")
        {
            handleImage(tag, at);
            return after;
        }
        if (name == "input")
        {
            warnOnce(at, name, "html-dropped", "<input> dropped");
            return after;
        }
        Element element;
        element.name = name;
        element.block = isBlock(name);
        if (name == "b" || name == "strong" ||
            (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'))
            element.bold = true;
        else if (name == "i" || name == "em" || name == "cite" || name == "var" || name == "dfn")
            element.italic = true;
        else if (name == "sub")
            element.script = Script::Sub;
        else if (name == "sup")
            element.script = Script::Super;
        else if (name == "pre")
            element.pre = true;
        else if (name == "a")
            element.link = linkAddress(tag, at);
        else if (name == "span")
            readSpanStyle(tag.get("style"), element);
        else if (name == "math")
            warnOnce(at, name, "html-math", "MathML is shown as its text only");
        else if (name == "table")
            warnOnce(at, name, "html-table", "a table is shown as rows of cells");
        else if (!element.block && !isQuietInline(name) && name != "li")
            warnOnce(at, name, "html-unsupported-tag",
                     "unsupported HTML tag <" + name + "> dropped; its text is kept");

        if (element.block)
            boundary();
        if (name == "ul")
            m_lists.push_back(-1);
        else if (name == "ol")
            m_lists.push_back(0);
        else if (name == "tr")
            m_cellInRow = 0;
        else if (name == "li")
            startListItem();
        else if (name == "td" || name == "th")
        {
            if (m_cellInRow++ > 0)
                emitText(" \xC2\xB7 ", false);
        }
        if (isVoid(name) || tag.selfClosing)
            return after;
        if (m_stack.size() < kMaxDepth)
            m_stack.push_back(element);
        return after;
    }

    /// Offset of "</name" (any case) at or after `from`, without copying the rest of the
    /// input: a file full of unclosed <script> tags must stay linear.
    [[nodiscard]] std::size_t findClosingTag(const std::string& name, std::size_t from) const
    {
        std::size_t at = from;
        while ((at = m_in.find("</", at)) != std::string::npos)
        {
            if (foldAsciiCase(m_in.substr(at + 2, name.size())) == name)
                return at;
            at += 2;
        }
        return std::string::npos;
    }

    void closeElement(const std::string& name)
    {
        const auto found = std::find_if(m_stack.rbegin(), m_stack.rend(),
                                        [&](const Element& e) { return e.name == name; });
        if (found == m_stack.rend())
        {
            if (isBlock(name))
                boundary();
            return;
        }
        const std::size_t keep = static_cast<std::size_t>(m_stack.rend() - found) - 1;
        while (m_stack.size() > keep)
        {
            const Element element = m_stack.back();
            m_stack.pop_back();
            if (element.block)
                boundary();
            if ((element.name == "ul" || element.name == "ol") && !m_lists.empty())
                m_lists.pop_back();
        }
    }

    void startListItem()
    {
        if (m_lists.empty() || m_lists.back() < 0)
        {
            emitText(m_lists.size() > 1 ? "\xE2\x80\x93 " : "\xE2\x80\xA2 ", false);
            return;
        }
        ++m_lists.back();
        emitText(std::to_string(m_lists.back()) + ". ", false);
    }

    static void readSpanStyle(const std::string& style, Element& element)
    {
        std::string css = foldAsciiCase(style);
        css.erase(std::remove_if(css.begin(), css.end(), isSpace), css.end());
        if (css.find("font-weight:bold") != std::string::npos ||
            css.find("font-weight:700") != std::string::npos ||
            css.find("font-weight:800") != std::string::npos ||
            css.find("font-weight:900") != std::string::npos)
            element.bold = true;
        if (css.find("font-style:italic") != std::string::npos)
            element.italic = true;
        if (css.find("vertical-align:sub") != std::string::npos)
            element.script = Script::Sub;
        if (css.find("vertical-align:super") != std::string::npos)
            element.script = Script::Super;
    }

    /// The address of a link to keep: web and mail addresses. A link to a file of the LMS
    /// (`@@PLUGINFILE@@`, a relative path) or to script has nothing to point at outside it:
    /// its text stays, without the link, with a warning.
    std::string linkAddress(const Tag& tag, std::size_t at)
    {
        const std::string href = trim(tag.get("href"));
        const std::string lowered = foldAsciiCase(href);
        if (href.empty() || lowered.rfind('#', 0) == 0)
            return {};
        if (lowered.rfind("http://", 0) == 0 || lowered.rfind("https://", 0) == 0 ||
            lowered.rfind("mailto:", 0) == 0)
            return href;
        m_result.warnings.push_back({at, "link-dropped",
                                     "link to '" + href +
                                         "' dropped (not a web or mail address); its text is "
                                         "kept"});
        return {};
    }

    void handleImage(const Tag& tag, std::size_t at)
    {
        HtmlImage image;
        image.src = tag.get("src");
        image.alt = tag.get("alt");
        image.offset = at;
        const std::string lowered = foldAsciiCase(image.src);
        const bool remote = lowered.rfind("http:", 0) == 0 || lowered.rfind("https:", 0) == 0 ||
                            lowered.rfind("//", 0) == 0 || lowered.rfind("ftp:", 0) == 0;
        if (remote)
        {
            m_result.warnings.push_back(
                {at, "remote-image",
                 "remote image '" + image.src + "' was not fetched; its alt text is shown"});
            emitPlaceholder(image.alt);
            return;
        }
        if (m_options.imagePlaceholders)
            emitPlaceholder(image.alt);
        m_result.images.push_back(std::move(image));
    }

    void emitPlaceholder(const std::string& alt)
    {
        const std::string clean = alt.empty() ? std::string() : ": " + alt;
        emitText("[image" + clean + "]", false);
    }

    [[nodiscard]] bool isPre() const
    {
        return std::any_of(m_stack.begin(), m_stack.end(), [](const Element& e) { return e.pre; });
    }

    void currentStyle(bool& bold, bool& italic, Script& script, std::string& link) const
    {
        bold = false;
        italic = false;
        script = Script::Normal;
        link.clear();
        for (const Element& element : m_stack)
        {
            bold = bold || element.bold;
            italic = italic || element.italic;
            if (element.script != Script::Normal)
                script = element.script;
            if (!element.link.empty())
                link = element.link;
        }
    }

    /// Appends text, folding white space; newlines are breaks when `newlineBreaks`.
    void emitText(const std::string& text, bool newlineBreaks)
    {
        bool bold = false;
        bool italic = false;
        Script script = Script::Normal;
        std::string link;
        currentStyle(bold, italic, script, link);
        std::string chunk;
        auto flush = [&]
        {
            m_result.text.append(chunk, bold, italic, script, link);
            chunk.clear();
        };
        // Unicode spaces (Moodle's editor writes U+00A0 everywhere) fold like any space.
        for (const char c : normaliseSpaces(text))
        {
            if (c == '\n' && newlineBreaks)
            {
                flush();
                lineBreak();
                continue;
            }
            if (isSpace(c) || isForbiddenControl(static_cast<unsigned char>(c)))
            {
                // The folded space keeps the style it was written in, as the pack loader does.
                if (!m_pendingSpace && !m_atLineStart)
                {
                    m_spaceBold = bold;
                    m_spaceItalic = italic;
                    m_spaceScript = script;
                    m_spaceLink = link;
                }
                m_pendingSpace = true;
                continue;
            }
            if (m_pendingSpace && !m_atLineStart)
            {
                flush();
                m_result.text.append(" ", m_spaceBold, m_spaceItalic, m_spaceScript, m_spaceLink);
            }
            m_pendingSpace = false;
            m_atLineStart = false;
            chunk += c;
        }
        flush();
    }

    void lineBreak()
    {
        m_result.text.appendBreak();
        m_atLineStart = true;
        m_pendingSpace = false;
    }

    void boundary()
    {
        if (!m_atLineStart)
            lineBreak();
    }

    void warnOnce(std::size_t at, const std::string& key, const std::string& code,
                  const std::string& message)
    {
        if (m_warned.insert(code + "/" + key).second)
            m_result.warnings.push_back({at, code, message});
    }

    void finish()
    {
        // No breaks at either end, and never more than two in a row.
        std::vector<TextRun>& runs = m_result.text.runs;
        while (!runs.empty() && runs.back().lineBreak)
            runs.pop_back();
        while (!runs.empty() && runs.front().lineBreak)
            runs.erase(runs.begin());
        std::vector<TextRun> kept;
        int breaks = 0;
        for (TextRun& run : runs)
        {
            breaks = run.lineBreak ? breaks + 1 : 0;
            if (breaks <= 2)
                kept.push_back(std::move(run));
        }
        runs = std::move(kept);
    }

    static constexpr std::size_t kMaxDepth = 256;

    const std::string& m_in;
    TextFormat m_format;
    HtmlOptions m_options;
    HtmlResult m_result;
    std::vector<Element> m_stack;
    std::vector<int> m_lists; ///< -1 for ul, else the ol item counter
    int m_cellInRow = 0;
    bool m_pendingSpace = false;
    bool m_spaceBold = false;
    bool m_spaceItalic = false;
    Script m_spaceScript = Script::Normal;
    std::string m_spaceLink;
    bool m_atLineStart = true;
    std::set<std::string> m_warned;
};

std::string escapeHtml(const std::string& text)
{
    std::string out;
    for (const char c : text)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

HtmlResult readHtml(const std::string& input, TextFormat format, const HtmlOptions& options)
{
    return Converter(input, format, options).run();
}

std::string toHtml(const RichText& text)
{
    return writeMarkup(text, "<br>", escapeHtml, "a");
}

} // namespace quiz::core::import
