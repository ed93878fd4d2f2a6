#include "core/pack/XmlDocument.hpp"

#include "core/pack/PackLoader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace quiz::core;

namespace
{

/// Reads `xml` through XmlDocument; the diagnostics as "code:line".
const tinyxml2::XMLElement* read(XmlDocument& document, const std::string& xml, bool strict,
                                 std::vector<std::string>& codes)
{
    DiagnosticList diagnostics("x.xml");
    XmlReadOptions options;
    options.strictEntities = strict;
    const tinyxml2::XMLElement* root = document.read(xml, options, diagnostics);
    for (const Diagnostic& d : diagnostics.getAll())
        codes.push_back(d.code + ":" + std::to_string(d.line));
    return root;
}

const tinyxml2::XMLElement& readOk(XmlDocument& document, const std::string& xml,
                                   bool strict = true)
{
    std::vector<std::string> codes;
    const tinyxml2::XMLElement* root = read(document, xml, strict, codes);
    INFO(codes.size() << " diagnostics");
    REQUIRE(root != nullptr);
    return *root;
}

std::vector<std::string> codesOf(const std::string& xml, bool strict = true)
{
    XmlDocument document;
    std::vector<std::string> codes;
    CHECK(read(document, xml, strict, codes) == nullptr);
    return codes;
}

} // namespace

TEST_CASE("XmlDocument: references are decoded, CR LF becomes LF, CDATA is kept as written",
          "[core][xml]")
{
    const std::string xml = "<r a=\"1 &lt; 2 &amp;&#8805; 3\">aPTT &gt; 60&#x2009;s\r\nnext "
                            "<![CDATA[<b>raw &amp;</b>]]><!-- gone --> end</r>";
    XmlDocument document;
    const tinyxml2::XMLElement& root = readOk(document, xml);
    CHECK(xmlAttribute(root, "a") == "1 < 2 &\xE2\x89\xA5 3");
    CHECK(xmlAttribute(root, "missing", "fallback") == "fallback");
    CHECK(xmlAllText(root) == "aPTT > 60\xE2\x80\x89s\nnext <b>raw &amp;</b> end");
}

TEST_CASE("XmlDocument: a white-space run TinyXML2 drops between elements is still seen",
          "[core][xml]")
{
    const std::string xml = "<s>\n  <b>a</b> <i>b</i><sub>c</sub><!-- c -->\t<sup>d</sup>"
                            "<![CDATA[e]]> <br/>f <b>g</b></s>";
    XmlDocument document;
    const tinyxml2::XMLElement& root = readOk(document, xml);
    std::vector<bool> gaps;
    for (const tinyxml2::XMLElement* child : xmlChildren(root))
        gaps.push_back(xmlSpaceBefore(*child));
    // b after the start tag's indentation, i after a space, sub right after, sup after a
    // comment and a tab, br after CDATA and a space, the last b after text holding its space.
    CHECK(gaps == std::vector<bool>{true, true, false, true, true, false});
    CHECK(xmlAllText(root) == " a bc de f g");
    CHECK_FALSE(xmlSpaceBefore(root));
}

TEST_CASE("XmlDocument: unknown named entities are errors in packs and kept for importers",
          "[core][xml]")
{
    CHECK(codesOf("<r>\nA&nbsp;B</r>") == std::vector<std::string>{"bad-entity:2"});
    XmlDocument document;
    const tinyxml2::XMLElement& root =
        readOk(document, "<r t=\"&eacute;\">A&nbsp;B &amp; C</r>", false);
    CHECK(xmlAllText(root) == "A&nbsp;B & C");
    CHECK(xmlAttribute(root, "t") == "&eacute;");
    // A bare '&' and a bad number are wrong in every XML file.
    CHECK(codesOf("<r>\n\nA & B</r>", false) == std::vector<std::string>{"bare-ampersand:3"});
    CHECK(codesOf("<r a=\"\n&#1;\"/>", false) == std::vector<std::string>{"bad-entity:2"});
}

TEST_CASE("XmlDocument: what TinyXML2 lets through is refused with its line", "[core][xml]")
{
    CHECK(codesOf("<r>\n<!DOCTYPE x>\n</r>") == std::vector<std::string>{"doctype:2"});
    CHECK(codesOf("<!DOCTYPE r [\n<!ELEMENT r ANY>]>\n<r/>") ==
          std::vector<std::string>{"doctype:1"});
    CHECK(codesOf("<r/>\n<s/>") == std::vector<std::string>{"multiple-roots:2"});
    CHECK(codesOf("<r/>\ntext") == std::vector<std::string>{"xml-syntax:2"});
    CHECK(codesOf("") == std::vector<std::string>{"xml-syntax:1"});
    CHECK(codesOf("<r>\n\x01</r>") == std::vector<std::string>{"control-character:2"});
    CHECK(codesOf("<r>\xC3\x28</r>") == std::vector<std::string>{"invalid-utf8:1"});
    std::string crowded = "<r>\n<a";
    for (int i = 0; i <= static_cast<int>(XmlDocument::kMaxAttributes); ++i)
        crowded += " a" + std::to_string(i) + "=\"v\"";
    CHECK(codesOf(crowded + "/></r>") == std::vector<std::string>{"too-many-attributes:2"});

    // Start tags are counted before TinyXML2 builds a node: the one past the cap is named.
    const XmlReadOptions defaults;
    std::string flood = "<r>\n";
    for (std::size_t i = 1; i < defaults.maxElements; ++i)
        flood += "<b/>";
    XmlDocument atCap;
    CHECK(readOk(atCap, flood + "</r>").FirstChildElement("b") != nullptr);
    CHECK(codesOf(flood + "\n<b/></r>") == std::vector<std::string>{"too-many-elements:3"});
    XmlDocument notElements; // comments are not elements
    CHECK(readOk(notElements, flood + "<!-- c --></r>").FirstChildElement("b") != nullptr);
}

TEST_CASE("PackLoader: a pack stem keeps the space between two styled words", "[core][xml]")
{
    const std::string pack =
        "<pack formatVersion=\"1\" id=\"test.pack\" version=\"1.0.0\"><title>T</title>"
        "<author name=\"A\"/><license spdx=\"CC0-1.0\"/>"
        "<dates created=\"2026-01-01\" reviewBy=\"2030-01-01\"/>"
        "<sources><source id=\"s\" type=\"web\">Src.</source></sources>"
        "<topics><topic id=\"t\" title=\"T\"/></topics><questions>"
        "<question id=\"q\" type=\"truefalse\" topic=\"t\" answer=\"true\">"
        "<stem>Give <b>heparin</b> <i>subcutaneously</i> here.</stem>"
        "<rationale for=\"true\">Yes.</rationale><rationale for=\"false\">No.</rationale>"
        "<ref source=\"s\" locator=\"p\"/></question></questions></pack>";
    const LoadResult result = PackLoader().loadString(pack, "mem.xml");
    REQUIRE(result.pack);
    REQUIRE(result.pack->questions.size() == 1);
    CHECK(result.pack->questions[0].stem.toPlain() == "Give heparin subcutaneously here.");
}

TEST_CASE("PackLoader: a '<' followed by a space is an xml-syntax error with its line",
          "[core][xml][loader]")
{
    // TinyXML2 accepts '< b>', which is not XML; the check after the parse does not.
    const LoadResult result =
        PackLoader().loadString("<pack>\n<title>< b/></title></pack>", "x.xml");
    CHECK_FALSE(result.pack);
    REQUIRE(result.diagnostics.getAll().size() == 1);
    const Diagnostic& diagnostic = result.diagnostics.getAll().front();
    CHECK(diagnostic.code == "xml-syntax");
    CHECK(diagnostic.line == 2);
}

TEST_CASE("PackLoader: a capital-X character reference and a processing instruction inside the "
          "pack are reported with their lines",
          "[core][xml][loader]")
{
    const LoadResult reference =
        PackLoader().loadString("<pack>\n<title>A &#X41; B</title>\n</pack>", "x.xml");
    CHECK_FALSE(reference.pack);
    REQUIRE(reference.diagnostics.getAll().size() == 1);
    CHECK(reference.diagnostics.getAll().front().code == "bad-entity");
    CHECK(reference.diagnostics.getAll().front().line == 2);
    CHECK(reference.diagnostics.getAll().front().message.find("&#X41;") != std::string::npos);

    const LoadResult instruction =
        PackLoader().loadString("<pack>\n\n<?style x?>\n</pack>", "x.xml");
    CHECK_FALSE(instruction.pack);
    REQUIRE(instruction.diagnostics.getAll().size() == 1);
    CHECK(instruction.diagnostics.getAll().front().code == "xml-syntax");
    CHECK(instruction.diagnostics.getAll().front().line == 3);
}

TEST_CASE("PackLoader: markup-like text inside an attribute value does not hide later problems "
          "from the byte scan",
          "[core][xml][loader]")
{
    // '<![CDATA[' and '<!--' in a value are just characters; the scan used to stop at them and
    // let the bad reference two lines down through.
    for (const std::string opener : {"<![CDATA[", "<!--", "<?"})
    {
        INFO(opener);
        const LoadResult result = PackLoader().loadString(
            "<pack id=\"x" + opener +
                "\">\n<title>T</title>\n<title>&#x59FFFF; &amp;</title>\n</pack>",
            "x.xml");
        CHECK_FALSE(result.pack);
        REQUIRE(result.diagnostics.getAll().size() == 1);
        CHECK(result.diagnostics.getAll().front().code == "bad-entity");
        CHECK(result.diagnostics.getAll().front().line == 3);
    }
    // A reference inside an attribute value is checked too, and a '>' in a value ends nothing.
    const LoadResult inValue =
        PackLoader().loadString("<pack a=\">\" b=\"&nbsp;\">\n</pack>", "x.xml");
    REQUIRE(inValue.diagnostics.getAll().size() == 1);
    CHECK(inValue.diagnostics.getAll().front().code == "bad-entity");
}
