#include "RichText.hpp"

#include <algorithm>

namespace quiz::core
{

bool TextRun::operator==(const TextRun& other) const
{
    return text == other.text && bold == other.bold && italic == other.italic &&
           script == other.script && lineBreak == other.lineBreak && link == other.link;
}

bool RichText::isEmpty() const
{
    for (const TextRun& run : runs)
    {
        if (run.lineBreak)
            continue;
        if (run.text.find_first_not_of(" \t\r\n") != std::string::npos)
            return false;
    }
    return true;
}

std::string RichText::toPlain() const
{
    std::string out;
    for (const TextRun& run : runs)
        out += run.lineBreak ? std::string("\n") : run.text;
    return out;
}

std::size_t RichText::countCharacters() const
{
    std::size_t count = 0;
    for (const TextRun& run : runs)
        count += run.lineBreak ? 1 : countCodePoints(run.text);
    return count;
}

void RichText::append(std::string_view text, bool bold, bool italic, Script script,
                      std::string_view link)
{
    if (text.empty())
        return;
    if (!runs.empty())
    {
        TextRun& last = runs.back();
        if (!last.lineBreak && last.bold == bold && last.italic == italic &&
            last.script == script && last.link == link)
        {
            last.text += text;
            return;
        }
    }
    TextRun run;
    run.text = text;
    run.bold = bold;
    run.italic = italic;
    run.script = script;
    run.link = link;
    runs.push_back(std::move(run));
}

void RichText::appendBreak()
{
    TextRun run;
    run.lineBreak = true;
    runs.push_back(std::move(run));
}

RichText RichText::fromPlain(const std::string& text)
{
    RichText rich;
    rich.append(text);
    return rich;
}

std::string writeMarkup(const RichText& text, const std::string& lineBreak,
                        std::string (*escape)(const std::string&), const std::string& linkTag)
{
    std::string out;
    std::string openLink; // the address of the link element written last and still open
    const auto closeLink = [&]
    {
        if (!openLink.empty())
            out += "</" + linkTag + ">";
        openLink.clear();
    };
    for (const TextRun& run : text.runs)
    {
        if (run.lineBreak || run.link != openLink)
            closeLink();
        if (run.lineBreak)
        {
            out += lineBreak;
            continue;
        }
        if (!run.link.empty() && openLink.empty())
        {
            std::string href = escape(run.link);
            for (std::size_t at = href.find('"'); at != std::string::npos;
                 at = href.find('"', at + 6))
                href.replace(at, 1, "&quot;");
            out += "<" + linkTag + " href=\"" + href + "\">";
            openLink = run.link;
        }
        std::string open;
        std::string close;
        if (run.bold)
        {
            open += "<b>";
            close = "</b>" + close;
        }
        if (run.italic)
        {
            open += "<i>";
            close = "</i>" + close;
        }
        if (run.script == Script::Sub)
        {
            open += "<sub>";
            close = "</sub>" + close;
        }
        else if (run.script == Script::Super)
        {
            open += "<sup>";
            close = "</sup>" + close;
        }
        out += open + escape(run.text) + close;
    }
    closeLink();
    return out;
}

RichText withLinkAddresses(const RichText& text)
{
    RichText out;
    std::string linkText; // the plain text of the link being copied
    for (std::size_t i = 0; i < text.runs.size(); ++i)
    {
        TextRun run = text.runs[i];
        const std::string link = std::move(run.link);
        run.link.clear();
        if (link.empty() || run.lineBreak)
        {
            out.runs.push_back(std::move(run));
            continue;
        }
        linkText += run.text;
        const bool last = i + 1 == text.runs.size() || text.runs[i + 1].link != link;
        if (!last)
        {
            out.runs.push_back(std::move(run));
            continue;
        }
        // A folded space written inside the link goes after the address, not before it.
        const std::size_t kept = run.text.find_last_not_of(' ');
        const std::string trailing =
            kept == std::string::npos ? run.text : run.text.substr(kept + 1);
        run.text.resize(run.text.size() - trailing.size());
        const bool textIsAddress = linkText.substr(0, linkText.size() - trailing.size()) == link;
        out.runs.push_back(std::move(run));
        if (!textIsAddress)
            out.append(" (" + link + ")");
        out.append(trailing);
        linkText.clear();
    }
    out.runs.erase(std::remove_if(out.runs.begin(), out.runs.end(),
                                  [](const TextRun& r) { return !r.lineBreak && r.text.empty(); }),
                   out.runs.end());
    return out;
}

std::size_t countCodePoints(const std::string& utf8)
{
    std::size_t count = 0;
    for (const char c : utf8)
    {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U)
            ++count;
    }
    return count;
}

} // namespace quiz::core
