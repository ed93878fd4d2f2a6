#include "core/import/HtmlReader.hpp"

#include "core/import/HtmlEntities.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace quiz::core::import;

namespace
{

bool hasWarning(const HtmlResult& result, const std::string& code)
{
    for (const HtmlNote& note : result.warnings)
    {
        if (note.code == code)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("HtmlReader: keeps bold, italic, sub and sup as styled runs", "[import][html]")
{
    const HtmlResult r =
        readHtml("<p dir=\"ltr\" style=\"text-align: left;\">Give <strong>5000 "
                 "units</strong> <em>sub</em>cut; H<sub>2</sub>O, m<sup>2</sup></p>",
                 TextFormat::Html);
    // A folded space keeps the style it was written in.
    REQUIRE(r.text.runs.size() == 8);
    CHECK(r.text.toPlain() == "Give 5000 units subcut; H2O, m2");
    CHECK(r.text.runs[0].text == "Give ");
    CHECK(r.text.runs[1].text == "5000 units");
    CHECK(r.text.runs[1].bold);
    CHECK(r.text.runs[3].text == "sub");
    CHECK(r.text.runs[3].italic);
    CHECK(r.text.runs[5].script == Script::Sub);
    CHECK(r.text.runs[7].script == Script::Super);
    CHECK(r.warnings.empty());
}

TEST_CASE("HtmlReader: folds white space and turns blocks and <br> into line breaks",
          "[import][html]")
{
    const HtmlResult r = readHtml(
        "<p>First\n   line<br>1<br></p>\n<p>  Second  </p><div>Third</div>", TextFormat::Html);
    CHECK(r.text.toPlain() == "First line\n1\nSecond\nThird");
}

TEST_CASE("HtmlReader: a control byte no pack may hold reads as a space, so text of only those "
          "is empty",
          "[import][html]")
{
    // XML allows DEL (0x7F) but a pack does not; the writer would drop it and leave an option
    // with empty text that the checker refuses.
    CHECK(readHtml("\x7F", TextFormat::Html).text.toPlain().empty());
    CHECK(readHtml("aPTT\x7F\x01target", TextFormat::Plain).text.toPlain() == "aPTT target");
}

TEST_CASE("HtmlReader: U+00A0 and every other Unicode space is a plain space, folded with its "
          "neighbours",
          "[import][html]")
{
    // Moodle's editor: "1.5&nbsp;x control"; pasted text: U+202F, U+2009, U+3000.
    const HtmlResult r = readHtml("1.5&nbsp;x&nbsp; control\xE2\x80\xAF"
                                  "every\xE2\x80\x89"
                                  "6\xC2\xA0h\xE3\x80\x80",
                                  TextFormat::Html);
    CHECK(r.text.toPlain() == "1.5 x control every 6 h");
    const HtmlResult plain = readHtml("Give\xC2\xA0\xC2\xA0"
                                      "80\xE2\x80\x87units",
                                      TextFormat::Plain);
    CHECK(plain.text.toPlain() == "Give 80 units");
}

TEST_CASE("HtmlReader: tolerates unclosed, stray and unquoted markup", "[import][html]")
{
    const HtmlResult r = readHtml("<b>bold <i>both</b> plain</i></span> x < y & z <font size=3>big",
                                  TextFormat::Html);
    CHECK(r.text.toPlain() == "bold both plain x < y & z big");
    CHECK(r.text.runs[0].bold);
    CHECK(r.text.runs[1].bold);
    CHECK(r.text.runs[1].italic);
    CHECK_FALSE(r.text.runs[2].bold);
}

TEST_CASE("HtmlReader: decodes named and numeric entities", "[import][html]")
{
    const HtmlResult r = readHtml(
        "10&nbsp;&micro;g &ge; 5&deg;C &plusmn;1 &#8805; &#x2192; &eacute; &unknown; &amp;",
        TextFormat::Html);
    // &nbsp; is a plain space in imported text (see the Unicode space test below).
    CHECK(r.text.toPlain() == "10 \xC2\xB5g \xE2\x89\xA5 5\xC2\xB0"
                              "C \xC2\xB1"
                              "1 \xE2\x89\xA5 \xE2\x86\x92 "
                              "\xC3\xA9 &unknown; &");
    CHECK(decodeHtmlEntities("&#0;&#7;") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("HtmlReader: drops scripts and styles with their content and warns", "[import][html]")
{
    const HtmlResult r = readHtml("<style>p{color:red}</style>Safe<script>alert('x')</script> "
                                  "text<iframe src=x>inner</iframe>",
                                  TextFormat::Html);
    CHECK(r.text.toPlain() == "Safe text");
    CHECK(hasWarning(r, "html-dropped"));
    CHECK(r.warnings.size() == 3);
}

TEST_CASE("HtmlReader: lists, tables, media and unknown tags degrade with warnings",
          "[import][html]")
{
    const HtmlResult list =
        readHtml("<ul><li>one</li><li>two</li></ul><ol><li>a<li>b</ol>", TextFormat::Html);
    CHECK(list.text.toPlain() == "\xE2\x80\xA2 one\n\xE2\x80\xA2 two\n1. a\n2. b");

    const HtmlResult table =
        readHtml("<table><tr><th>Drug</th><th>Antidote</th></tr><tr><td>Heparin</td><td>"
                 "Protamine</td></tr></table>",
                 TextFormat::Html);
    CHECK(table.text.toPlain() == "Drug \xC2\xB7 Antidote\nHeparin \xC2\xB7 Protamine");
    CHECK(hasWarning(table, "html-table"));

    const HtmlResult media =
        readHtml("Listen <audio src=a.mp3>fallback</audio><blink>now</blink>", TextFormat::Html);
    CHECK(media.text.toPlain() == "Listen [media not supported]now");
    CHECK(hasWarning(media, "html-media"));
    CHECK(hasWarning(media, "html-unsupported-tag"));
}

TEST_CASE("HtmlReader: collects local images and never fetches remote ones", "[import][html]")
{
    const HtmlResult r =
        readHtml("<p>See <img src=\"@@PLUGINFILE@@/vial%20label.png\" alt=\"Heparin vial\" />"
                 "<img src=\"https://tracker.example/p.gif\" alt=\"pixel\"></p>",
                 TextFormat::Html);
    REQUIRE(r.images.size() == 1);
    CHECK(r.images[0].src == "@@PLUGINFILE@@/vial%20label.png");
    CHECK(r.images[0].alt == "Heparin vial");
    CHECK(r.text.toPlain() == "See [image: pixel]");
    CHECK(hasWarning(r, "remote-image"));

    HtmlOptions placeholders;
    placeholders.imagePlaceholders = true;
    CHECK(readHtml("<img src=a.png alt=Chart>", TextFormat::Html, placeholders).text.toPlain() ==
          "[image: Chart]");
}

TEST_CASE("HtmlReader: plain text is literal and moodle_auto_format keeps newlines",
          "[import][html]")
{
    CHECK(readHtml("HR <b> 60 &amp; falling\nsecond", TextFormat::Plain).text.toPlain() ==
          "HR <b> 60 &amp; falling\nsecond");
    CHECK(readHtml("Line <i>one</i>\nLine two", TextFormat::MoodleAuto).text.toPlain() ==
          "Line one\nLine two");
    const HtmlResult md = readHtml("Use **protamine**", TextFormat::Markdown);
    CHECK(md.text.toPlain() == "Use **protamine**");
    CHECK(hasWarning(md, "html-markdown"));
}

TEST_CASE("HtmlReader: toHtml output reads back to the same rich text", "[import][html]")
{
    const HtmlResult first = readHtml("<p><b>Bold</b> and <i>it &lt;</i> H<sub>2</sub>O<br>next "
                                      "<b><i>both</i></b> 10<sup>6</sup>/&micro;L &amp; more</p>",
                                      TextFormat::Html);
    const HtmlResult second = readHtml(toHtml(first.text), TextFormat::Html);
    CHECK(second.text == first.text);
    CHECK(toHtml(RichText::fromPlain("a < b & \"c\"")) == "a &lt; b &amp; &quot;c&quot;");
}
