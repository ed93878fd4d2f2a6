#include "QtiReader.hpp"

#include "ChoiceMapping.hpp"
#include "HtmlReader.hpp"
#include "PackAssembler.hpp"
#include "QtiFeedback.hpp"
#include "QtiXml.hpp"
#include "TextUtil.hpp"
#include "core/pack/PackWriter.hpp"
#include "core/pack/ValueRules.hpp"
#include "core/pack/XmlDocument.hpp"
#include "core/util/Numbers.hpp"
#include "core/util/ReadFile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

namespace quiz::core::import
{

namespace
{

/// QTI 1.2 (`questestinterop`) is a different format from 2.x, not an older spelling of it.
const char* const kQti12Message =
    "QTI 1.2 (questestinterop) is not supported; export the questions as QTI 2.1, Moodle XML "
    "or GIFT instead";

namespace fs = std::filesystem;
using tinyxml2::XMLElement;

const XMLElement* findDescendant(const XMLElement& node, std::string_view name, int& count)
{
    const XMLElement* found = nullptr;
    for (const XMLElement* child : xmlChildren(node))
    {
        if (isNamed(child->Name(), name))
        {
            ++count;
            found = found == nullptr ? child : found;
            continue;
        }
        const XMLElement* inner = findDescendant(*child, name, count);
        found = found == nullptr ? inner : found;
    }
    return found;
}

/// The local name of the first element in the subtree that is an interaction
/// (`textEntryInteraction`, `extendedTextInteraction` ...), or "".
std::string interactionName(const XMLElement& node)
{
    for (const XMLElement* child : xmlChildren(node))
    {
        std::string_view name = child->Name();
        const std::size_t colon = name.rfind(':');
        if (colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        const std::string_view suffix = "Interaction";
        if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
            return std::string(name);
        const std::string inner = interactionName(*child);
        if (!inner.empty())
            return inner;
    }
    return {};
}

bool isSkippedInBody(const std::string& name)
{
    return name == "choiceInteraction" || name == "feedbackInline" || name == "modalFeedback" ||
           name == "feedbackBlock" || name == "rubricBlock" || name == "prompt" ||
           name == "simpleChoice" || name == "orderInteraction" || name == "matchInteraction";
}

/// The subtree back as HTML text, so the one HTML subset reader handles QTI's XHTML too.
void toHtmlText(const XMLElement& node, std::string& out, bool skipInteraction)
{
    std::string scratch;
    for (const tinyxml2::XMLNode* child = node.FirstChild(); child != nullptr;
         child = child->NextSibling())
    {
        if (const tinyxml2::XMLText* text = child->ToText())
        {
            out += escapeXmlText(std::string(xmlText(*text, scratch)));
            continue;
        }
        const XMLElement* element = child->ToElement();
        if (element == nullptr)
            continue;
        const std::string name = normaliseName(element->Name());
        if (skipInteraction && isSkippedInBody(name))
            continue;
        if (xmlSpaceBefore(*element))
            out += ' ';
        out += "<" + name;
        for (const tinyxml2::XMLAttribute* a = element->FirstAttribute(); a != nullptr;
             a = a->Next())
            out += " " + attributeName(*a) + "=\"" +
                   escapeXmlAttribute(std::string(decodeXmlReferences(a->Value(), scratch))) + "\"";
        out += ">";
        toHtmlText(*element, out, skipInteraction);
        out += "</" + name + ">";
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
    double value = fallback;
    return parseDecimal(trim(text), value) ? value : fallback;
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
        XmlReadOptions options;
        options.maxBytes = m_limits.maxTextFileBytes;
        options.strictEntities = false;
        XmlDocument document;
        if (const XMLElement* root = document.read(bytes, options, m_diagnostics))
        {
            if (isNamed(root->Name(), "questestinterop"))
                m_diagnostics.error(root->GetLineNum(), kCodeUnsupportedType, kQti12Message);
            else if (!isNamed(root->Name(), "assessmentItem"))
                m_diagnostics.error(root->GetLineNum(), kCodeFile,
                                    "the root element is <" + normaliseName(root->Name()) +
                                        ">, not a QTI assessmentItem");
            else
            {
                m_result.readable = true;
                readItem(*root);
            }
        }
        m_result.diagnostics.append(m_diagnostics);
    }

private:
    /// An image that could not come across, said with the item (its title, else identifier).
    void imageWarning(int line, const std::string& message)
    {
        m_diagnostics.warning(line, kCodeImage,
                              m_itemName.empty() ? message
                                                 : "question '" + m_itemName + "': " + message);
    }

    void skip(const XMLElement& item, const std::string& reason, const char* code = kCodeSkipped)
    {
        m_diagnostics.warning(item.GetLineNum(), code,
                              "skipped item '" + qtiAttribute(item, "identifier") + "': " + reason);
        ++m_result.skipped;
    }

    RichText rich(const XMLElement& node, bool skipInteraction, int line, bool stem,
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
                imageWarning(line, "image '" + image.src + "' cannot be shown here; dropped");
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
            imageWarning(line,
                         "image '" + image.src + "' is not a path inside the package; dropped");
            return std::nullopt;
        }
        DiagnosticList ignored;
        if (!readFileCapped((fs::path(m_baseDir) / src).string(), m_limits.image.maxBytes, bytes,
                            ignored))
        {
            imageWarning(line, "image '" + image.src +
                                   "' is missing or too large; the question keeps no figure");
            return std::nullopt;
        }
        return acceptImage(std::move(bytes), image.alt, image.src, line, m_limits, m_result,
                           m_diagnostics, m_itemName);
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

    void readItem(const XMLElement& item)
    {
        m_itemName = qtiAttribute(item, "title");
        if (m_itemName.empty())
            m_itemName = qtiAttribute(item, "identifier");
        const XMLElement* body = qtiChild(item, "itemBody");
        int interactions = 0;
        const XMLElement* interaction =
            body == nullptr ? nullptr : findDescendant(*body, "choiceInteraction", interactions);
        int orders = 0;
        int matches = 0;
        const XMLElement* order =
            body == nullptr ? nullptr : findDescendant(*body, "orderInteraction", orders);
        const XMLElement* match =
            body == nullptr ? nullptr : findDescendant(*body, "matchInteraction", matches);
        if (interaction == nullptr && (order != nullptr || match != nullptr))
        {
            if (orders + matches > 1)
                skip(item, "it has " + std::to_string(orders + matches) +
                               " order or match interactions; one is supported");
            else
                readStepsItem(item, *body, order != nullptr ? *order : *match, order != nullptr);
            return;
        }
        if (interaction == nullptr)
        {
            const std::string other = body == nullptr ? std::string() : interactionName(*body);
            skip(item,
                 other.empty() ? "it has no interaction; import brings across " +
                                     std::string(kSupportedTypes) + " questions"
                               : unsupportedTypeMessage(other),
                 other.empty() ? kCodeSkipped : kCodeUnsupportedType);
            return;
        }
        if (interactions > 1)
        {
            skip(item, "it has " + std::to_string(interactions) +
                           " choice interactions; one is supported");
            return;
        }
        const std::string responseId = qtiAttribute(*interaction, "responseIdentifier", "RESPONSE");
        const XMLElement* declaration = nullptr;
        for (const XMLElement* d : qtiChildren(item, "responseDeclaration"))
        {
            if (qtiAttribute(*d, "identifier") == responseId)
                declaration = d;
        }
        if (declaration == nullptr)
        {
            skip(item, "no responseDeclaration for '" + responseId + "'");
            return;
        }
        ImportedQuestion imported;
        imported.line = item.GetLineNum();
        imported.file = m_displayPath;
        Question& q = imported.question;
        Origin origin;
        origin.format = "qti";
        origin.file = fileName(m_displayPath);
        origin.idnumber = qtiAttribute(item, "identifier");
        origin.name = qtiAttribute(item, "title");
        q.origin = origin;

        readTexts(*body, *interaction, imported);
        bool single = true;
        const bool weighted = readChoices(*declaration, *interaction, q, single);
        if (!mapCredit(item, q, single, weighted))
            return;
        readModalFeedback(item, correctValues(*declaration), single, q);
        m_result.questions.push_back(std::move(imported));
    }

    /// An orderInteraction (the correctResponse lists the choices in the right order) or a
    /// matchInteraction (the first simpleMatchSet holds the prompts, the second the answers;
    /// the correctResponse pairs them, and answers in no pair are distractors). A mapping
    /// gives partial credit; without one (match_correct) it is all or nothing.
    void readStepsItem(const XMLElement& item, const XMLElement& body,
                       const XMLElement& interaction, bool ordering)
    {
        const std::string responseId = qtiAttribute(interaction, "responseIdentifier", "RESPONSE");
        const XMLElement* declaration = nullptr;
        for (const XMLElement* d : qtiChildren(item, "responseDeclaration"))
        {
            if (qtiAttribute(*d, "identifier") == responseId)
                declaration = d;
        }
        if (declaration == nullptr)
        {
            skip(item, "no responseDeclaration for '" + responseId + "'");
            return;
        }
        const std::vector<std::string> correct = correctValues(*declaration);
        if (correct.empty())
        {
            skip(item, "the response declaration has no correctResponse");
            return;
        }
        ImportedQuestion imported;
        imported.line = item.GetLineNum();
        imported.file = m_displayPath;
        Question& q = imported.question;
        Origin origin;
        origin.format = "qti";
        origin.file = fileName(m_displayPath);
        origin.idnumber = qtiAttribute(item, "identifier");
        origin.name = qtiAttribute(item, "title");
        q.origin = origin;
        readTexts(body, interaction, imported);
        q.scoring = qtiChild(*declaration, "mapping") != nullptr ? ScoringRule::Partial
                                                                 : ScoringRule::AllOrNothing;
        const auto idFor = [](const std::string& identifier, const std::string& fallback)
        { return isValidId(identifier) ? identifier : fallback; };
        if (ordering)
        {
            q.type = QuestionType::Ordering;
            std::map<std::string, const XMLElement*> choices;
            for (const XMLElement* choice : qtiChildren(interaction, "simpleChoice"))
                choices[qtiAttribute(*choice, "identifier")] = choice;
            for (const std::string& identifier : correct)
            {
                const auto found = choices.find(identifier);
                if (found == choices.end())
                    continue;
                OrderItem step;
                step.id = idFor(identifier, "s" + std::to_string(q.items.size() + 1));
                step.text =
                    rich(*found->second, false, found->second->GetLineNum(), false, nullptr);
                step.line = found->second->GetLineNum();
                q.items.push_back(std::move(step));
                choices.erase(found);
            }
            if (!choices.empty())
                m_diagnostics.warning(interaction.GetLineNum(), kCodeDropped,
                                      std::to_string(choices.size()) +
                                          " choice(s) are not in the correct order; dropped");
        }
        else
        {
            q.type = QuestionType::Matching;
            const std::vector<const XMLElement*> sets = qtiChildren(interaction, "simpleMatchSet");
            if (sets.size() != 2)
            {
                skip(item, "a matchInteraction needs two simpleMatchSets");
                return;
            }
            std::map<std::string, std::string> answerOf; // prompt id -> answer id
            for (const std::string& value : correct)
            {
                const std::size_t space = value.find(' ');
                if (space != std::string::npos)
                    answerOf.emplace(value.substr(0, space), trim(value.substr(space + 1)));
            }
            std::map<std::string, RichText> answers;
            std::vector<std::string> answerIds;
            for (const XMLElement* choice : qtiChildren(*sets[1], "simpleAssociableChoice"))
            {
                const std::string id = qtiAttribute(*choice, "identifier");
                answers[id] = rich(*choice, false, choice->GetLineNum(), false, nullptr);
                answerIds.push_back(id);
            }
            std::set<std::string> used;
            for (const XMLElement* choice : qtiChildren(*sets[0], "simpleAssociableChoice"))
            {
                const std::string id = qtiAttribute(*choice, "identifier");
                const auto pairing = answerOf.find(id);
                if (pairing == answerOf.end() || answers.count(pairing->second) == 0)
                {
                    m_diagnostics.warning(choice->GetLineNum(), kCodeDropped,
                                          "prompt '" + id + "' has no correct answer; dropped");
                    continue;
                }
                MatchPair pair;
                pair.id = idFor(id, "p" + std::to_string(q.pairs.size() + 1));
                pair.prompt = rich(*choice, false, choice->GetLineNum(), false, nullptr);
                pair.answer = answers[pairing->second];
                pair.line = choice->GetLineNum();
                used.insert(pairing->second);
                q.pairs.push_back(std::move(pair));
            }
            for (const std::string& id : answerIds)
            {
                if (used.count(id) != 0)
                    continue;
                MatchPair distractor;
                distractor.id = idFor(id, "x" + std::to_string(q.pairs.size() + 1));
                distractor.answer = answers[id];
                q.pairs.push_back(std::move(distractor));
            }
        }
        for (const XMLElement* modal : qtiChildren(item, "modalFeedback"))
            m_diagnostics.warning(modal->GetLineNum(), kCodeDropped,
                                  "modal feedback '" + qtiAttribute(*modal, "identifier") +
                                      "' of an order or match item is not read; dropped");
        m_result.questions.push_back(std::move(imported));
    }

    /// Stem (item body without the interaction, then the prompt) and figure.
    void readTexts(const XMLElement& body, const XMLElement& interaction,
                   ImportedQuestion& imported)
    {
        Question& q = imported.question;
        q.stem = rich(body, true, body.GetLineNum(), true, &imported.figure);
        if (const XMLElement* prompt = qtiChild(interaction, "prompt"))
        {
            RichText promptText =
                rich(*prompt, false, prompt->GetLineNum(), true, &imported.figure);
            if (!q.stem.isEmpty() && !promptText.isEmpty())
                q.stem.appendBreak();
            for (const TextRun& run : promptText.runs)
                q.stem.runs.push_back(run);
        }
        q.shuffle = qtiAttribute(interaction, "shuffle") == "true";
        q.numbering = "ABC";
    }

    static std::vector<std::string> correctValues(const XMLElement& declaration)
    {
        std::vector<std::string> correct;
        if (const XMLElement* response = qtiChild(declaration, "correctResponse"))
        {
            for (const XMLElement* value : qtiChildren(*response, "value"))
                correct.push_back(trim(xmlAllText(*value)));
        }
        return correct;
    }

    /// Modal feedback goes to the outcome that shows it, never into the explanation: merged,
    /// a student who chose wrongly would read the feedback written for a right answer.
    void readModalFeedback(const XMLElement& item, const std::vector<std::string>& correct,
                           bool single, Question& q)
    {
        for (const ModalFeedbackTarget& target : mapModalFeedback(item, correct, single))
        {
            const XMLElement& modal = *target.element;
            const std::string identifier = qtiAttribute(modal, "identifier");
            if (target.on.empty())
            {
                m_diagnostics.warning(modal.GetLineNum(), kCodeDropped,
                                      "modal feedback '" + identifier +
                                          "' cannot be mapped to correct or incorrect (" +
                                          target.reason + "); dropped");
                continue;
            }
            RichText text = rich(modal, false, modal.GetLineNum(), false, nullptr);
            if (text.isEmpty())
                continue;
            const auto same =
                std::find_if(q.feedback.begin(), q.feedback.end(),
                             [&](const OutcomeFeedback& f) { return f.on == target.on; });
            if (same == q.feedback.end())
            {
                q.feedback.push_back({target.on, std::move(text)});
                continue;
            }
            same->text.appendBreak();
            for (const TextRun& run : text.runs)
                same->text.runs.push_back(run);
        }
    }

    /// Options with their credit (raw: mapped values, or 1 for correct). Returns whether a
    /// mapping gave the credit; `single` says whether one choice is expected.
    bool readChoices(const XMLElement& declaration, const XMLElement& interaction, Question& q,
                     bool& single)
    {
        const std::vector<std::string> correct = correctValues(declaration);
        Mapping mapping;
        if (const XMLElement* map = qtiChild(declaration, "mapping"))
        {
            mapping.present = true;
            mapping.defaultValue = number(qtiAttribute(*map, "defaultValue"), 0.0);
            for (const XMLElement* entry : qtiChildren(*map, "mapEntry"))
                mapping.entries[qtiAttribute(*entry, "mapKey")] =
                    number(qtiAttribute(*entry, "mappedValue"), 0.0);
        }
        std::string cardinality = qtiAttribute(declaration, "cardinality");
        if (cardinality.empty())
            cardinality = qtiAttribute(interaction, "maxChoices") == "1" ? "single" : "multiple";
        single = cardinality == "single";

        std::size_t index = 0;
        for (const XMLElement* choice : qtiChildren(interaction, "simpleChoice"))
        {
            Option option;
            option.id = qtiAttribute(*choice, "identifier");
            ++index;
            const bool taken = std::any_of(q.options.begin(), q.options.end(),
                                           [&](const Option& o) { return o.id == option.id; });
            if (!isValidId(option.id) || taken)
                option.id = "choice-" + std::to_string(index);
            option.fixed = qtiAttribute(*choice, "fixed") == "true";
            option.line = choice->GetLineNum();
            option.text = rich(*choice, true, choice->GetLineNum(), false, nullptr);
            int feedbackCount = 0;
            if (const XMLElement* inline_ =
                    findDescendant(*choice, "feedbackInline", feedbackCount))
                option.rationale = rich(*inline_, false, inline_->GetLineNum(), false, nullptr);
            const std::string identifier = qtiAttribute(*choice, "identifier");
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

    bool mapCredit(const XMLElement& item, Question& q, bool single, bool weighted)
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
        if (single && q.type == QuestionType::Multiple)
            m_diagnostics.warning(item.GetLineNum(), kCodeDropped,
                                  "item '" + m_itemName + "': " + describeWeightedFromSingle(q));
        if (!dropped.empty())
            m_diagnostics.warning(item.GetLineNum(), kCodeDropped,
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
    std::string m_itemName; ///< of the item being read, for messages
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
    XmlReadOptions options;
    options.maxBytes = limits.maxTextFileBytes;
    options.strictEntities = false;
    if (!readFileCapped(manifest.string(), limits.maxTextFileBytes, bytes, diagnostics))
    {
        result.diagnostics.append(diagnostics);
        return;
    }
    XmlDocument document;
    const XMLElement* root = document.read(bytes, options, diagnostics);
    result.diagnostics.append(diagnostics);
    if (root == nullptr)
        return;
    int unused = 0;
    const XMLElement* resources = findDescendant(*root, "resources", unused);
    if (!isNamed(root->Name(), "manifest") || resources == nullptr)
    {
        result.diagnostics.add({Severity::Error, kCodeFile, manifest.string(), root->GetLineNum(),
                                "not an IMS content package manifest (no <manifest><resources>)"});
        return;
    }
    std::size_t count = 0;
    bool toldQti12 = false;
    for (const XMLElement* resource : qtiChildren(*resources, "resource"))
    {
        const std::string type = qtiAttribute(*resource, "type");
        const std::string href = qtiAttribute(*resource, "href");
        // Canvas, Blackboard and D2L packages: "imsqti_xmlv1p2", "imsqti_xmlv1p2/imscc_...".
        if (type.find("xmlv1p2") != std::string::npos || type.find("xmlv1p1") != std::string::npos)
        {
            if (!toldQti12)
                result.diagnostics.add({Severity::Error, kCodeUnsupportedType, manifest.string(),
                                        resource->GetLineNum(), kQti12Message});
            toldQti12 = true;
            continue;
        }
        if (type.find("imsqti_item") == std::string::npos &&
            type.find("qti_item") == std::string::npos)
            continue;
        if (!safeRelative(href))
        {
            result.diagnostics.add(
                {Severity::Warning, kCodeFile, manifest.string(), resource->GetLineNum(),
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
