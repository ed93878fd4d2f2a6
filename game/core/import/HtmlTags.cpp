#include "HtmlTags.hpp"

#include "HtmlEntities.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <initializer_list>

namespace quiz::core::import::html
{

namespace
{

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
}

bool contains(std::initializer_list<const char*> names, const std::string& name)
{
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

} // namespace

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

bool isVoid(const std::string& name)
{
    return contains({"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr",
                     "source", "track", "param", "embed", "keygen"},
                    name);
}

bool isBlock(const std::string& name)
{
    return contains({"p",     "div",        "h1",         "h2",      "h3",      "h4",    "h5",
                     "h6",    "blockquote", "li",         "ul",      "ol",      "table", "tr",
                     "pre",   "section",    "article",    "header",  "footer",  "dl",    "dt",
                     "dd",    "figure",     "figcaption", "address", "caption", "tbody", "thead",
                     "tfoot", "center",     "main",       "nav",     "aside",   "body",  "html"},
                    name);
}

bool isDroppedWithContent(const std::string& name)
{
    return contains({"script", "style", "iframe", "object", "form", "button", "select", "textarea",
                     "head", "title", "noscript", "template", "applet", "frameset", "canvas"},
                    name);
}

bool isMedia(const std::string& name)
{
    return contains({"audio", "video", "svg"}, name);
}

bool isQuietInline(const std::string& name)
{
    return contains({"u",     "ins",  "s",    "strike", "del",  "code",    "tt",   "kbd",  "samp",
                     "small", "big",  "font", "a",      "abbr", "acronym", "q",    "mark", "label",
                     "span",  "nobr", "td",   "th",     "bdi",  "bdo",     "time", "data"},
                    name);
}

std::string Tag::get(const std::string& key) const
{
    for (const auto& attribute : attributes)
    {
        if (attribute.first == key)
            return attribute.second;
    }
    return {};
}

std::size_t parseTag(const std::string& in, std::size_t at, Tag& tag)
{
    std::size_t i = at + 1;
    if (i < in.size() && in[i] == '/')
    {
        tag.closing = true;
        ++i;
    }
    const std::size_t nameStart = i;
    if (i >= in.size() || !((in[i] >= 'a' && in[i] <= 'z') || (in[i] >= 'A' && in[i] <= 'Z')))
        return std::string::npos;
    while (i < in.size() && isNameChar(in[i]))
        ++i;
    tag.name = foldAsciiCase(in.substr(nameStart, i - nameStart));
    const std::size_t colon = tag.name.rfind(':');
    if (colon != std::string::npos)
        tag.name = tag.name.substr(colon + 1);
    while (i < in.size())
    {
        while (i < in.size() && isSpace(in[i]))
            ++i;
        if (i >= in.size())
            break;
        if (in[i] == '>')
            return i + 1;
        if (in[i] == '/')
        {
            tag.selfClosing = true;
            ++i;
            continue;
        }
        const std::size_t keyStart = i;
        while (i < in.size() && !isSpace(in[i]) && in[i] != '=' && in[i] != '>' && in[i] != '/')
            ++i;
        std::string key = foldAsciiCase(in.substr(keyStart, i - keyStart));
        if (key.empty())
        {
            ++i;
            continue;
        }
        while (i < in.size() && isSpace(in[i]))
            ++i;
        std::string value;
        if (i < in.size() && in[i] == '=')
        {
            ++i;
            while (i < in.size() && isSpace(in[i]))
                ++i;
            if (i < in.size() && (in[i] == '"' || in[i] == '\''))
            {
                const char quote = in[i];
                const std::size_t end = in.find(quote, i + 1);
                if (end == std::string::npos)
                    return std::string::npos;
                value = in.substr(i + 1, end - i - 1);
                i = end + 1;
            }
            else
            {
                const std::size_t valueStart = i;
                while (i < in.size() && !isSpace(in[i]) && in[i] != '>')
                    ++i;
                value = in.substr(valueStart, i - valueStart);
            }
        }
        tag.attributes.emplace_back(std::move(key), decodeHtmlEntities(value));
    }
    return std::string::npos;
}

} // namespace quiz::core::import::html
