#include "HostilePacks.hpp"

namespace quiz::testsupport
{

namespace
{

const char* const kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<pack formatVersion=\"1\" id=\"hostile.pack\" version=\"1.0.0\">\n"
                          "<title>Hostile</title><author name=\"A\"/><license spdx=\"CC0-1.0\"/>\n"
                          "<dates created=\"2026-01-01\" reviewBy=\"2099-01-01\"/>\n"
                          "<sources><source id=\"s\" type=\"label\">Label.</source></sources>\n"
                          "<topics><topic id=\"t\" title=\"T\"/></topics>\n<questions>\n";
const char* const kTail = "</questions>\n</pack>\n";

/// One valid true/false question whose stem is `stem` (raw XML).
std::string question(std::size_t index, const std::string& stem)
{
    return "<question id=\"q" + std::to_string(index) +
           "\" type=\"truefalse\" topic=\"t\" answer=\"true\"><stem>" + stem +
           "</stem><rationale for=\"true\">Yes.</rationale><rationale for=\"false\">No."
           "</rationale><ref source=\"s\" locator=\"p\"/></question>\n";
}

/// Repeats `unit` between `open` and `close` inside one stem until the pack nears `maxBytes`.
std::string floodStem(std::size_t maxBytes, const std::string& open, const std::string& unit,
                      const std::string& close)
{
    const std::size_t frame = std::string(kHead).size() + std::string(kTail).size() + 400;
    std::string stem = open;
    while (!unit.empty() && stem.size() + unit.size() + close.size() + frame < maxBytes)
        stem += unit;
    return std::string(kHead) + question(0, stem + close) + kTail;
}

/// Appends questions made by `make(index)` until the pack nears `maxBytes`.
template <typename Make> std::string manyQuestions(std::size_t maxBytes, Make make)
{
    std::string xml = kHead;
    for (std::size_t i = 0;; ++i)
    {
        std::string next = make(i);
        if (xml.size() + next.size() + std::string(kTail).size() >= maxBytes)
            break;
        xml += next;
    }
    return xml + kTail;
}

std::string attributes(std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < count; ++i)
        out += " a" + std::to_string(i) + "=\"v\"";
    return out;
}

} // namespace

HostilePack makeHostilePack(std::size_t index, std::size_t maxBytes)
{
    switch (index)
    {
    case 0:
        // TinyXML2 checks each new attribute against all earlier ones of its element: one
        // element with tens of thousands is quadratic unless refused first.
        return {"one-element-65000-attributes",
                floodStem(maxBytes, "<b" + attributes(65000) + ">", "", "</b>")};
    case 1:
        // Many elements each at the attribute cap: the most attribute work the cap lets through.
        return {"elements-at-attribute-cap",
                floodStem(maxBytes, "", "<b" + attributes(32) + ">x</b>", "")};
    case 2:
    {
        std::string open;
        std::string close;
        for (int i = 0; i < 200000; ++i)
        {
            open += "<b>";
            close += "</b>";
        }
        return {"deep-nesting", std::string(kHead) + question(0, open + "x" + close) + kTail};
    }
    case 3:
        return {"entity-flood", floodStem(maxBytes, "", "&amp;&#x41;&lt;", "")};
    case 4:
        return {"style-run-flood", floodStem(maxBytes, "", "<b>a</b><i>b</i> ", "")};
    case 5:
        return {"long-attribute-value", std::string(kHead) + "<question id=\"" +
                                            std::string(maxBytes - 1000, 'x') + "\"/>" + kTail};
    case 6:
        // A question the checker refuses in several ways, repeated: thousands of errors to
        // collect, sort and print.
        return {"thousands-of-errors",
                manyQuestions(
                    maxBytes,
                    [](std::size_t i)
                    {
                        return "<question id=\"Bad Id " + std::to_string(i) +
                               "\" type=\"single\" topic=\"nowhere\"><stem></stem><options>"
                               "<option id=\"a\"><text>A</text></option>"
                               "<option id=\"a\"><text>A</text></option></options></question>\n";
                    })};
    case 7:
        // Every question the same id: the duplicate check must not compare all pairs.
        return {"duplicate-ids",
                manyQuestions(maxBytes, [](std::size_t)
                              { return question(7, "Same id again, same stem again."); })};
    default:
    {
        // Style runs just under the element cap: the most nodes TinyXML2 is allowed to build.
        std::string stem;
        for (int i = 0; i < 124000; ++i)
            stem += "<b>a</b><i>b</i> ";
        return {"style-runs-at-element-cap", std::string(kHead) + question(0, stem) + kTail};
    }
    }
}

} // namespace quiz::testsupport
