#include "QtiReader.hpp"

#include "ChoiceMapping.hpp"
#include "HtmlReader.hpp"
#include "PackAssembler.hpp"
#include "TextUtil.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/pack/Xml.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace quiz::core::import
{

namespace
{

namespace fs = std::filesystem;

/// "qti-choice-interaction" -> "choiceInteraction"; "m:math" -> "math"; others unchanged.
std::string normaliseName(const std::string& name)
{
    std::string local = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
    if (local.rfind("qti-", 0) == 0)
        local = local.substr(4);
    else if (local.find('-') == std::string::npos)
        return local;
    std::string out;
    bool upper = false;
    for (const char c : local)
    {
        if (c == '-')
        {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

void normaliseTree(XmlNode& node)
{
    if (!node.isElement())
        return;
    node.name = normaliseName(node.name);
    for (XmlAttribute& attribute : node.attributes)
    {
        if (attribute.name.rfind("xmlns", 0) != 0 && attribute.name.rfind("xml:", 0) != 0)
            attribute.name = normaliseName(attribute.name);
    }
    for (XmlNode& child : node.children)
        normaliseTree(child);
}

const XmlNode* findDescendant(const XmlNode& node, const std::string& name, int& count)
{
    const XmlNode* found = nullptr;
    for (const XmlNode& child : node.children)
    {
        if (!child.isElement())
            continue;
        if (child.name == name)
        {
            ++count;
            found = found == nullptr ? &child : found;
            continue;
        }
        const XmlNode* inner = findDescendant(child, name, count);
        found = found == nullptr ? inner : found;
    }
    return found;
}

bool isSkippedInBody(const std::string& name)
{
    return name == "choiceInteraction" || name == "feedbackInline" || name == "modalFeedback" ||
           name == "feedbackBlock" || name == "rubricBlock" || name == "prompt" ||
           name == "simpleChoice";
}

/// The subtree back as HTML text, so the one HTML subset reader handles QTI's XHTML too.
void toHtmlText(const XmlNode& node, std::string& out, bool skipInteraction)
{
    for (const XmlNode& child : node.children)
    {
        if (!child.isElement())
        {
            out += escapeXmlText(child.text);
            continue;
        }
        if (skipInteraction && isSkippedInBody(child.name))
            continue;
        out += "<" + child.name;
        for (const XmlAttribute& attribute : child.attributes)
            out += " " + attribute.name + "=\"" + escapeXmlAttribute(attribute.value) + "\"";
        out += ">";
        toHtmlText(child, out, skipInteraction);
        out += "</" + child.name + ">";
    }
}

struct Mapping
{
    bool present = false;
    double defaultValue = 0.0;
    std::map<std::string, double> entries;
};

double number(const std::string& text, double fallback)
{
    char* end = nullptr;
    const std::string t = trim(text);
    const double value = std::strtod(t.c_str(), &end);
    return !t.empty() && end != nullptr && *end == '\0' && std::isfinite(value) ? value : fallback;
}

class QtiReader
{
public:
    QtiReader(const std::string& displayPath, const std::string& baseDir,
              const std::string& packageRoot, const ReadLimits& limits, ReadResult& result)
        : m_displayPath(displayPath), m_baseDir(baseDir), m_packageRoot(packageRoot),
          m_limits(limits), m_result(result), m_diagnostics(displayPath)
    {
    }

    void run(const std::string& bytes)
    {
        XmlParseOptions options;
        options.maxBytes = m_limits.maxTextFileBytes;
        options.strictEntities = false;
        XmlParseResult parsed = parseXml(bytes, m_displayPath, options);
        m_diagnostics.append(parsed.diagnostics);
        if (parsed.root)
        {
            XmlNode root = std::move(*parsed.root);
            normaliseTree(root);
            if (root.name != "assessmentItem")
                m_diagnostics.error(root.line, kCodeFile,
                                    "the root element is <" + root.name +
                                        ">, not a QTI assessmentItem");
            else
            {
                m_result.readable = true;
                readItem(root);
            }
        }
        m_result.diagnostics.append(m_diagnostics);
    }

private:
    void skip(const XmlNode& item, const std::string& reason)
    {
        m_diagnostics.warning(item.line, kCodeSkipped,
                              "skipped item '" + item.getAttribute("identifier") + "': " + reason);
        ++m_result.skipped;
    }

    RichText rich(const XmlNode& node, bool skipInteraction, int line, bool stem,
                  std::optional<ImportedImage>* figure)
    {
        std::string html;
        toHtmlText(node, html, skipInteraction);
        HtmlOptions options;
        options.imagePlaceholders = !stem;
        HtmlResult result = readHtml(html, TextFormat::Html, options);
        for (const HtmlNote& note : result.warnings)
            m_diagnostics.warning(line, kCodeDropped, note.message);
        for (const HtmlImage& image : result.images)
        {
            if (!stem || figure == nullptr || *figure)
            {
                m_diagnostics.warning(line, kCodeImage,
                                      "image '" + image.src + "' cannot be shown here; dropped");
                continue;
            }
            *figure = loadImage(image, line);
        }
        return result.text;
    }

    std::optional<ImportedImage> loadImage(const HtmlImage& image, int line)
    {
        const std::string src = percentDecode(image.src);
        std::string bytes;
        if (!insidePackage(src))
        {
            m_diagnostics.warning(line, kCodeImage,
                                  "image '" + image.src +
                                      "' is not a path inside the package; dropped");
            return std::nullopt;
        }
        DiagnosticList ignored;
        if (!readFileCapped((fs::path(m_baseDir) / src).string(), m_limits.image.maxBytes, bytes,
                            ignored))
        {
            m_diagnostics.warning(line, kCodeImage,
                                  "image '" + image.src +
                                      "' is missing or too large; the question keeps no figure");
            return std::nullopt;
        }
        return acceptImage(std::move(bytes), image.alt, image.src, line, m_limits, m_result,
                           m_diagnostics);
    }

    /// Relative, no scheme, and (symbolic links resolved) inside the package folder.
    bool insidePackage(const std::string& src) const
    {
        if (src.empty() || fs::path(src).is_absolute() || src.find(':') != std::string::npos ||
            src.find('\\') != std::string::npos)
            return false;
        std::error_code error;
        const fs::path root = fs::weakly_canonical(fs::path(m_packageRoot), error);
        const fs::path target = fs::weakly_canonical(fs::path(m_baseDir) / src, error);
        if (error)
            return false;
        const std::string rootText = root.string() + "/";
        return target.string().rfind(rootText, 0) == 0;
    }

    void readItem(const XmlNode& item)
    {
        const XmlNode* body = item.findChild("itemBody");
        int interactions = 0;
        const XmlNode* interaction =
            body == nullptr ? nullptr : findDescendant(*body, "choiceInteraction", interactions);
        if (interaction == nullptr)
        {
            skip(item, "it has no choiceInteraction; other interaction types are not supported");
            return;
        }
        if (interactions > 1)
        {
            skip(item, "it has " + std::to_string(interactions) +
                           " choice interactions; one is supported");
            return;
        }
        const std::string responseId = interaction->getAttribute("responseIdentifier", "RESPONSE");
        const XmlNode* declaration = nullptr;
        for (const XmlNode* d : item.findChildren("responseDeclaration"))
        {
            if (d->getAttribute("identifier") == responseId)
                declaration = d;
        }
        if (declaration == nullptr)
        {
            skip(item, "no responseDeclaration for '" + responseId + "'");
            return;
        }
        ImportedQuestion imported;
        imported.line = item.line;
        imported.file = m_displayPath;
        Question& q = imported.question;
        Origin origin;
        origin.format = "qti";
        origin.file = fileName(m_displayPath);
        origin.idnumber = item.getAttribute("identifier");
        origin.name = item.getAttribute("title");
        q.origin = origin;

        readTexts(item, *body, *interaction, imported);
        bool single = true;
        const bool weighted = readChoices(*declaration, *interaction, q, single);
        if (!mapCredit(item, q, single, weighted))
            return;
        m_result.questions.push_back(std::move(imported));
    }

    /// Stem (item body without the interaction, then the prompt), figure and explanation.
    void readTexts(const XmlNode& item, const XmlNode& body, const XmlNode& interaction,
                   ImportedQuestion& imported)
    {
        Question& q = imported.question;
        q.stem = rich(body, true, body.line, true, &imported.figure);
        if (const XmlNode* prompt = interaction.findChild("prompt"))
        {
            RichText promptText = rich(*prompt, false, prompt->line, true, &imported.figure);
            if (!q.stem.isEmpty() && !promptText.isEmpty())
                q.stem.appendBreak();
            for (const TextRun& run : promptText.runs)
                q.stem.runs.push_back(run);
        }
        for (const XmlNode* modal : item.findChildren("modalFeedback"))
        {
            RichText text = rich(*modal, false, modal->line, false, nullptr);
            if (!q.explanation.isEmpty() && !text.isEmpty())
                q.explanation.appendBreak();
            for (const TextRun& run : text.runs)
                q.explanation.runs.push_back(run);
        }
        q.shuffle = interaction.getAttribute("shuffle") == "true";
        q.numbering = "ABC";
    }

    /// Options with their credit (raw: mapped values, or 1 for correct). Returns whether a
    /// mapping gave the credit; `single` says whether one choice is expected.
    bool readChoices(const XmlNode& declaration, const XmlNode& interaction, Question& q,
                     bool& single)
    {
        std::vector<std::string> correct;
        if (const XmlNode* response = declaration.findChild("correctResponse"))
        {
            for (const XmlNode* value : response->findChildren("value"))
                correct.push_back(trim(value->getAllText()));
        }
        Mapping mapping;
        if (const XmlNode* map = declaration.findChild("mapping"))
        {
            mapping.present = true;
            mapping.defaultValue = number(map->getAttribute("defaultValue"), 0.0);
            for (const XmlNode* entry : map->findChildren("mapEntry"))
                mapping.entries[entry->getAttribute("mapKey")] =
                    number(entry->getAttribute("mappedValue"), 0.0);
        }
        std::string cardinality = declaration.getAttribute("cardinality");
        if (cardinality.empty())
            cardinality = interaction.getAttribute("maxChoices") == "1" ? "single" : "multiple";
        single = cardinality == "single";

        std::size_t index = 0;
        for (const XmlNode* choice : interaction.findChildren("simpleChoice"))
        {
            Option option;
            option.id = choice->getAttribute("identifier");
            ++index;
            const bool taken = std::any_of(q.options.begin(), q.options.end(),
                                           [&](const Option& o) { return o.id == option.id; });
            if (!isValidId(option.id) || taken)
                option.id = "choice-" + std::to_string(index);
            option.fixed = choice->getAttribute("fixed") == "true";
            option.line = choice->line;
            option.text = rich(*choice, true, choice->line, false, nullptr);
            int feedbackCount = 0;
            if (const XmlNode* inline_ = findDescendant(*choice, "feedbackInline", feedbackCount))
                option.rationale = rich(*inline_, false, inline_->line, false, nullptr);
            const std::string identifier = choice->getAttribute("identifier");
            const bool isCorrect =
                std::find(correct.begin(), correct.end(), identifier) != correct.end();
            if (mapping.present)
            {
                const auto found = mapping.entries.find(identifier);
                option.weight =
                    found != mapping.entries.end() ? found->second : mapping.defaultValue;
            }
            else
            {
                option.weight = isCorrect ? 1.0 : 0.0;
            }
            q.options.push_back(std::move(option));
        }
        return mapping.present;
    }

    bool mapCredit(const XmlNode& item, Question& q, bool single, bool weighted)
    {
        // Scale so full credit is 100%: the best option for a single choice, the positive
        // options together for a multiple one.
        double scale = 0.0;
        for (const Option& option : q.options)
            scale = single ? std::max(scale, option.weight) : scale + std::max(0.0, option.weight);
        if (scale <= 0.0)
        {
            skip(item, "no choice is correct");
            return false;
        }
        for (Option& option : q.options)
            option.weight = option.weight / scale * 100.0;
        std::string dropped;
        const std::string why = mapChoiceCredit(q, single, dropped);
        if (!why.empty())
        {
            skip(item, why);
            return false;
        }
        if (!dropped.empty())
            m_diagnostics.warning(item.line, kCodeDropped,
                                  "partial credit of choice(s) " + dropped + " dropped");
        if (!single && !weighted)
        {
            q.scoring = ScoringRule::AllOrNothing; // match_correct: the exact set or nothing
            for (Option& option : q.options)
                option.weight = 0.0;
        }
        return true;
    }

    std::string m_displayPath;
    std::string m_baseDir;
    std::string m_packageRoot;
    ReadLimits m_limits;
    ReadResult& m_result;
    DiagnosticList m_diagnostics;
};

bool safeRelative(const std::string& href)
{
    const fs::path path(href);
    return !href.empty() && !path.is_absolute() && href.find("..") == std::string::npos &&
           href.find(':') == std::string::npos && href.find('\\') == std::string::npos;
}

void readItemFile(const fs::path& file, const fs::path& packageRoot, const ReadLimits& limits,
                  ReadResult& result)
{
    std::string bytes;
    DiagnosticList diagnostics(file.string());
    if (!readFileCapped(file.string(), limits.maxTextFileBytes, bytes, diagnostics))
    {
        result.diagnostics.append(diagnostics);
        return;
    }
    QtiReader(file.string(), file.parent_path().string(), packageRoot.string(), limits, result)
        .run(bytes);
}

void readManifest(const fs::path& manifest, const ReadLimits& limits, ReadResult& result)
{
    std::string bytes;
    DiagnosticList diagnostics(manifest.string());
    XmlParseOptions options;
    options.strictEntities = false;
    if (!readFileCapped(manifest.string(), limits.maxTextFileBytes, bytes, diagnostics))
    {
        result.diagnostics.append(diagnostics);
        return;
    }
    XmlParseResult parsed = parseXml(bytes, manifest.string(), options);
    result.diagnostics.append(parsed.diagnostics);
    if (!parsed.root)
        return;
    normaliseTree(*parsed.root);
    int unused = 0;
    const XmlNode* resources = findDescendant(*parsed.root, "resources", unused);
    if (parsed.root->name != "manifest" || resources == nullptr)
    {
        result.diagnostics.add({Severity::Error, kCodeFile, manifest.string(), parsed.root->line,
                                "not an IMS content package manifest (no <manifest><resources>)"});
        return;
    }
    std::size_t count = 0;
    for (const XmlNode* resource : resources->findChildren("resource"))
    {
        const std::string type = resource->getAttribute("type");
        const std::string href = resource->getAttribute("href");
        if (type.find("imsqti_item") == std::string::npos &&
            type.find("qti_item") == std::string::npos)
            continue;
        if (!safeRelative(href))
        {
            result.diagnostics.add(
                {Severity::Warning, kCodeFile, manifest.string(), resource->line,
                 "resource href '" + href + "' is not a path inside the package; skipped"});
            ++result.skipped;
            continue;
        }
        if (++count > limits.maxFilesPerFolder)
            break;
        readItemFile(manifest.parent_path() / href, manifest.parent_path(), limits, result);
    }
}

} // namespace

ReadResult readQtiItem(const std::string& bytes, const std::string& displayPath,
                       const std::string& baseDir, const ReadLimits& limits)
{
    ReadResult result;
    result.file = displayPath;
    result.formatName = "QTI";
    result.diagnostics = DiagnosticList(displayPath);
    QtiReader(displayPath, baseDir, baseDir, limits, result).run(bytes);
    return result;
}

ReadResult readQtiPath(const std::string& path, const ReadLimits& limits)
{
    ReadResult result;
    result.file = path;
    result.formatName = "QTI";
    result.diagnostics = DiagnosticList(path);
    std::error_code error;
    const fs::path root(path);
    if (fs::is_directory(root, error))
    {
        if (fs::is_regular_file(root / "imsmanifest.xml", error))
        {
            readManifest(root / "imsmanifest.xml", limits, result);
            return result;
        }
        std::vector<fs::path> files;
        for (const fs::directory_entry& entry : fs::directory_iterator(root, error))
        {
            if (entry.is_regular_file(error) && entry.path().extension() == ".xml" &&
                files.size() < limits.maxFilesPerFolder)
                files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files)
            readItemFile(file, root, limits, result);
        if (files.empty())
            result.diagnostics.error(0, kCodeFile, "the folder holds no .xml item files");
        return result;
    }
    if (root.filename() == "imsmanifest.xml")
        readManifest(root, limits, result);
    else
        readItemFile(root, root.parent_path(), limits, result);
    return result;
}

} // namespace quiz::core::import
