#include "RichText.hpp"

namespace quiz::core
{

bool TextRun::operator==(const TextRun& other) const
{
    return text == other.text && bold == other.bold && italic == other.italic &&
           script == other.script && lineBreak == other.lineBreak;
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

void RichText::append(std::string_view text, bool bold, bool italic, Script script)
{
    if (text.empty())
        return;
    if (!runs.empty())
    {
        TextRun& last = runs.back();
        if (!last.lineBreak && last.bold == bold && last.italic == italic && last.script == script)
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
                        std::string (*escape)(const std::string&))
{
    std::string out;
    for (const TextRun& run : text.runs)
    {
        if (run.lineBreak)
        {
            out += lineBreak;
            continue;
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
