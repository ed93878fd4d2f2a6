#include "PackAssembler.hpp"

#include "HtmlReader.hpp"
#include "QuestionIdentity.hpp"
#include "QuestionRules.hpp"
#include "TextUtil.hpp"
#include "core/pack/ValueRules.hpp"
#include "core/util/Spaces.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace quiz::core::import
{

namespace
{

constexpr std::size_t kMaxTopicDepth = 8;
constexpr std::size_t kMaxTopics = 1000;
constexpr std::size_t kMaxQuestions = 10000;
const char* const kDefaultTopicId = "imported";

/// A name, title or tag as one line of plain text: HTML tags go (a name exported as
/// "<b>aPTT</b> target" is "aPTT target", and so is the id made from it), Unicode spaces
/// become spaces and runs fold.
std::string plainName(const std::string& text)
{
    const std::string plain = text.find('<') == std::string::npos
                                  ? text
                                  : readHtml(text, TextFormat::Html).text.toPlain();
    return trim(foldWhiteSpace(normaliseSpaces(plain)));
}

/// A pack id from a file name: lower case, [a-z0-9._-], 3..64 characters.
std::string derivePackId(const std::string& file)
{
    std::string slug = slugify(fileStem(file), 50);
    if (slug.size() < 3)
        slug = "pack" + (slug.empty() ? std::string() : "-" + slug);
    return "imported." + slug;
}

class Assembler
{
public:
    Assembler(const std::optional<Pack>& existing, const AssembleOptions& options)
        : m_options(options)
    {
        if (existing)
        {
            m_result.pack = *existing;
            m_result.pack.updated = options.today;
            indexExisting();
        }
    }

    AssembleResult run(const std::vector<ReadResult>& inputs)
    {
        if (m_result.pack.id.empty())
            createMetadata(inputs);
        for (const ReadResult& input : inputs)
        {
            if (!input.readable)
                continue;
            const std::string sourceId = ensureSource(input);
            DiagnosticList diagnostics(input.file);
            addCategories(input, diagnostics);
            for (const ImportedQuestion& imported : input.questions)
            {
                DiagnosticList own(imported.file.empty() ? input.file : imported.file);
                addQuestion(imported, sourceId, own);
                diagnostics.append(own);
            }
            m_result.diagnostics.append(diagnostics);
        }
        reportVanished(inputs);
        dropUncitedImportSources();
        tidyCases();
        return std::move(m_result);
    }

private:
    /// Questions an earlier import took from one of these files that the file no longer
    /// has: kept (an author may have improved them), but said, so nothing stale goes unseen.
    void reportVanished(const std::vector<ReadResult>& inputs)
    {
        for (std::size_t index = 0; index < m_index.size(); ++index)
        {
            const Question& q = m_result.pack.questions[index];
            if (m_index.isClaimed(index) || !q.origin)
                continue;
            for (const ReadResult& input : inputs)
            {
                if (!input.readable || !cameFrom(*q.origin, input))
                    continue;
                DiagnosticList note(input.file);
                note.warning(0, kCodeDropped,
                             "question '" + q.id +
                                 "' came from this file but is no longer in "
                                 "it; it was kept in the pack, remove it there if it is obsolete");
                m_result.diagnostics.append(note);
                break;
            }
        }
    }

    /// A renamed export cites itself; the source written for last week's file name, cited by
    /// nothing once its questions are updated, goes. Sources an author wrote stay.
    void dropUncitedImportSources()
    {
        std::set<std::string> cited;
        for (const Question& q : m_result.pack.questions)
        {
            for (const Reference& ref : q.refs)
                cited.insert(ref.sourceId);
            for (const Option& option : q.options)
            {
                for (const Reference& ref : option.refs)
                    cited.insert(ref.sourceId);
            }
        }
        std::vector<Source>& sources = m_result.pack.sources;
        sources.erase(std::remove_if(sources.begin(), sources.end(),
                                     [&](const Source& source)
                                     {
                                         return cited.count(source.id) == 0 &&
                                                source.citation.rfind("Questions imported from ",
                                                                      0) == 0;
                                     }),
                      sources.end());
    }

    /// An updated question that came back from the case export-moodle wrote it from goes back
    /// into that case: the case's title, stem and variables, which opened its Moodle text, are
    /// taken off again, and the case's figure (shown as its figure when it had none of its
    /// own) too. Only when its own stem is unchanged: else it stays a question on its own.
    void restoreCase(Question& q, const Question& old, const std::string& label, int line,
                     DiagnosticList& diagnostics)
    {
        const Case* c = m_result.pack.findCase(old.caseId);
        if (c == nullptr)
            return;
        const std::vector<TextRun>& own = old.stem.runs;
        const std::vector<TextRun>& back = q.stem.runs;
        if (back.size() < own.size() ||
            !std::equal(own.begin(), own.end(),
                        back.end() - static_cast<std::ptrdiff_t>(own.size())))
        {
            diagnostics.warning(line, kCodeDropped,
                                "question " + label +
                                    ": its text no longer ends with its stem in "
                                    "case '" +
                                    c->id + "'; it leaves the case and keeps the case's text");
            return;
        }
        q.caseId = c->id;
        q.stem = old.stem;
        if (!old.figure)
            q.figure.reset();
        const std::size_t shared = c->variables.size();
        bool sameNames = q.variables.size() >= shared;
        for (std::size_t i = 0; sameNames && i < shared; ++i)
            sameNames = q.variables[i].name == c->variables[i].name;
        if (sameNames)
            q.variables.erase(q.variables.begin(),
                              q.variables.begin() + static_cast<std::ptrdiff_t>(shared));
    }

    /// Each case lists the questions that name it, in pack order; one left with fewer than
    /// two (the others went their own way) is dissolved, with a warning, rather than written
    /// as a pack that fails its check.
    void tidyCases()
    {
        Pack& pack = m_result.pack;
        for (Case& c : pack.cases)
        {
            c.questionIds.clear();
            for (const Question& q : pack.questions)
            {
                if (q.caseId == c.id)
                    c.questionIds.push_back(q.id);
            }
            if (c.questionIds.size() == 1)
            {
                DiagnosticList note(pack.path);
                note.warning(c.line, kCodeDropped,
                             "case '" + c.id + "' keeps only question '" + c.questionIds[0] +
                                 "'; the case was dissolved and that question stands on its own");
                m_result.diagnostics.append(note);
                for (Question& q : pack.questions)
                {
                    if (q.caseId == c.id)
                        q.caseId.clear();
                }
                c.questionIds.clear();
            }
        }
        pack.cases.erase(std::remove_if(pack.cases.begin(), pack.cases.end(),
                                        [](const Case& c) { return c.questionIds.empty(); }),
                         pack.cases.end());
        // An image placed for a figure no question keeps (a case's, taken off again) is not
        // written.
        std::set<std::string> used;
        for (const Question& q : pack.questions)
        {
            if (q.figure)
                used.insert(q.figure->src);
        }
        m_result.images.erase(std::remove_if(m_result.images.begin(), m_result.images.end(),
                                             [&](const AssembledImage& image)
                                             { return used.count(image.relativePath) == 0; }),
                              m_result.images.end());
    }

    /// Whether `origin` names this input's file, or a file this input's questions were
    /// found in before (last week's export of the same bank, under its old name).
    bool cameFrom(const Origin& origin, const ReadResult& input) const
    {
        const std::string name = fileName(input.file);
        const auto replaced = m_replacedFiles.find(name);
        return origin.file == name ||
               (replaced != m_replacedFiles.end() && replaced->second.count(origin.file) != 0);
    }

    void indexExisting()
    {
        const Pack& pack = m_result.pack;
        for (const Question& q : pack.questions)
            m_usedIds.insert(q.id);
        m_index = QuestionIndex(pack.questions);
        for (const Topic& topic : pack.topics)
        {
            m_topicIds.insert(topic.id);
            m_topicByPath[topicPathKey(topic)] = topic.id;
        }
        for (const Source& source : pack.sources)
            m_sourceIds.insert(source.id);
    }

    std::string topicPathKey(const Topic& topic) const
    {
        std::vector<std::string> titles;
        const Topic* current = &topic;
        for (int guard = 0; current != nullptr && guard < 16; ++guard)
        {
            titles.push_back(plainName(current->title));
            current =
                current->parentId.empty() ? nullptr : m_result.pack.findTopic(current->parentId);
        }
        std::reverse(titles.begin(), titles.end());
        std::string key;
        for (const std::string& title : titles)
            key += title + '\x1f';
        return key;
    }

    void createMetadata(const std::vector<ReadResult>& inputs)
    {
        Pack& pack = m_result.pack;
        const std::string first = inputs.empty() ? std::string("questions") : inputs.front().file;
        pack.id = m_options.packId.empty() ? derivePackId(first) : m_options.packId;
        pack.version = "1.0.0";
        pack.title = m_options.title.empty() ? trim(fileStem(first)) : m_options.title;
        if (pack.title.empty())
            pack.title = "Imported questions";
        pack.description = "Imported by heparin-quiz import. Review every question, rationale and "
                           "reference before use.";
        Author author;
        author.name = "Imported";
        pack.authors.push_back(author);
        pack.license = "LicenseRef-unknown";
        pack.created = m_options.today;
        pack.updated = m_options.today;
        pack.reviewBy = addOneYear(m_options.today);
    }

    std::string ensureSource(const ReadResult& input)
    {
        const std::string name = fileName(input.file);
        const std::string citation = "Questions imported from " + name + " (" + input.formatName +
                                     "). Replace with the references the questions rest on.";
        for (const Source& source : m_result.pack.sources)
        {
            if (source.citation == citation)
                return source.id;
        }
        std::string base = "import-" + slugify(fileStem(name), 40);
        if (base == "import-")
            base = "import-file";
        std::string id = base;
        for (int n = 2; m_sourceIds.count(id) != 0; ++n)
            id = base + "-" + std::to_string(n);
        m_sourceIds.insert(id);
        Source source;
        source.id = id;
        source.type = "other";
        source.citation = citation;
        m_result.pack.sources.push_back(source);
        return id;
    }

    std::string ensureTopic(std::vector<std::string> path, DiagnosticList& diagnostics, int line)
    {
        for (std::string& title : path)
            title = plainName(title);
        path.erase(std::remove_if(path.begin(), path.end(),
                                  [](const std::string& p) { return trim(p).empty(); }),
                   path.end());
        if (path.size() > kMaxTopicDepth)
        {
            diagnostics.warning(line, kCodeDropped,
                                "category path deeper than " + std::to_string(kMaxTopicDepth) +
                                    " levels; the question goes into level " +
                                    std::to_string(kMaxTopicDepth));
            path.resize(kMaxTopicDepth);
        }
        if (path.empty())
            return ensureDefaultTopic();
        std::string key;
        std::string parentId;
        for (std::size_t depth = 0; depth < path.size(); ++depth)
        {
            const std::string title = path[depth];
            key += title + '\x1f';
            const auto found = m_topicByPath.find(key);
            if (found != m_topicByPath.end())
            {
                parentId = found->second;
                continue;
            }
            if (m_result.pack.topics.size() >= kMaxTopics)
            {
                diagnostics.warning(line, kCodeDropped,
                                    "more than " + std::to_string(kMaxTopics) +
                                        " topics; question put in '" + parentId + "'");
                return parentId.empty() ? ensureDefaultTopic() : parentId;
            }
            std::string slug = slugify(title, 30);
            if (slug.empty())
                slug = "topic";
            std::string base = parentId.empty() ? slug : parentId + "." + slug;
            if (base.size() > 56)
                base = base.substr(0, 47) + "-" + sha256Hex(key).substr(0, 8);
            std::string id = base;
            for (int n = 2; m_topicIds.count(id) != 0; ++n)
                id = base + "-" + std::to_string(n);
            insertTopic(id, title, parentId, static_cast<int>(depth));
            m_topicByPath[key] = id;
            parentId = id;
        }
        return parentId;
    }

    void insertTopic(const std::string& id, const std::string& title, const std::string& parentId,
                     int depth)
    {
        Topic topic;
        topic.id = id;
        topic.title = title;
        topic.parentId = parentId;
        topic.depth = depth;
        // Keep the flat list in document order: after the parent's last descendant.
        std::vector<Topic>& topics = m_result.pack.topics;
        auto at = topics.end();
        if (!parentId.empty())
        {
            for (auto it = topics.begin(); it != topics.end(); ++it)
            {
                if (it->id != parentId)
                    continue;
                at = it + 1;
                while (at != topics.end() && at->depth > it->depth)
                    ++at;
                break;
            }
        }
        topics.insert(at, topic);
        m_topicIds.insert(id);
    }

    /// Every category the input names becomes a topic, in document order, with or without
    /// questions; a description in the source replaces the topic's.
    void addCategories(const ReadResult& input, DiagnosticList& diagnostics)
    {
        for (const ImportedCategory& category : input.categories)
        {
            const bool named =
                std::any_of(category.path.begin(), category.path.end(),
                            [](const std::string& title) { return !plainName(title).empty(); });
            if (!named)
                continue;
            const std::string id = ensureTopic(category.path, diagnostics, category.line);
            const std::string description = plainName(category.description);
            if (description.empty())
                continue;
            for (Topic& topic : m_result.pack.topics)
            {
                if (topic.id == id)
                    topic.description = description;
            }
        }
    }

    std::string ensureDefaultTopic()
    {
        if (m_result.pack.findTopic(kDefaultTopicId) == nullptr)
            insertTopic(kDefaultTopicId, "Imported questions", "", 0);
        return kDefaultTopicId;
    }

    std::string newQuestionId(const Question& q)
    {
        std::string base;
        if (q.origin && isValidId(q.origin->idnumber))
            base = q.origin->idnumber;
        else if (q.origin)
            base = slugify(q.origin->name, 40);
        if (base.empty())
            base = "q";
        std::string id = base;
        if (m_usedIds.count(id) != 0)
        {
            // Each base remembers the next suffix to try, so 10,000 questions of one name
            // cost O(n log n), not a walk over "-2".."-n" for every one of them.
            int& next = m_nextSuffix.emplace(base, 2).first->second;
            do
                id = base + "-" + std::to_string(next++);
            while (m_usedIds.count(id) != 0);
        }
        m_usedIds.insert(id);
        return id;
    }

    std::string placeFigure(const ImportedImage& image)
    {
        const std::string path = m_options.imagesFolder + "/" +
                                 sha256Hex(image.bytes).substr(0, 24) + "." +
                                 extensionFor(image.type);
        const bool known =
            std::any_of(m_result.images.begin(), m_result.images.end(),
                        [&](const AssembledImage& i) { return i.relativePath == path; });
        if (!known)
            m_result.images.push_back({path, image.bytes});
        return path;
    }

    void addQuestion(const ImportedQuestion& imported, const std::string& sourceId,
                     DiagnosticList& diagnostics)
    {
        Question q = imported.question;
        if (q.origin)
            q.origin->name = plainName(q.origin->name);
        for (std::string& tag : q.tags)
            tag = plainName(tag);
        const std::string label =
            q.origin && !q.origin->name.empty() ? "'" + q.origin->name + "'" : "at this line";
        const std::string why = checkFits(q);
        if (!why.empty())
        {
            diagnostics.warning(imported.line, kCodeSkipped,
                                "skipped question " + label + ": " + why);
            ++m_result.skipped;
            return;
        }
        // A full pack still takes updates: only a question it does not hold yet has no room.
        std::optional<std::size_t> match;
        const bool full = m_result.pack.questions.size() >= kMaxQuestions;
        if (full)
            match = m_index.claim(q);
        if (full && !match)
        {
            diagnostics.warning(imported.line, kCodeSkipped,
                                "skipped question " + label + ": the pack already holds " +
                                    std::to_string(kMaxQuestions) + " questions");
            ++m_result.skipped;
            return;
        }
        q.topicId = ensureTopic(imported.category, diagnostics, imported.line);
        q.refs.clear();
        Reference ref;
        ref.sourceId = sourceId;
        ref.locator = q.origin && !q.origin->name.empty() ? "question \"" + q.origin->name + "\""
                                                          : "line " + std::to_string(imported.line);
        q.refs.push_back(ref);
        if (imported.figure)
        {
            Figure figure;
            figure.src = placeFigure(*imported.figure);
            figure.alt = trim(imported.figure->alt);
            if (figure.alt.empty())
            {
                figure.alt = "Image from the imported question (no description in the source)";
                diagnostics.warning(imported.line, kCodeImage,
                                    "question " + label +
                                        ": its image has no alt text; write one in <figure alt>");
            }
            q.figure = figure;
        }
        if (!full)
            match = m_index.claim(q);
        if (match)
        {
            Question& old = m_result.pack.questions[*match];
            if (old.origin && q.origin)
                m_replacedFiles[q.origin->file].insert(old.origin->file);
            const std::string generated = fillRationales(q);
            keepAuthoredRationales(q, old);
            warnGenerated(q, label, imported.line, diagnostics, generated);
            if (!imported.exportedCase.empty() && old.caseId == imported.exportedCase)
                restoreCase(q, old, label, imported.line, diagnostics);
            q.id = old.id;
            q.difficulty = old.difficulty;
            q.level = old.level;
            q.status = old.status;
            q.rev = sameMeaning(q, old) ? old.rev : old.rev + 1;
            old = q;
            ++m_result.updated;
            return;
        }
        const std::string generated = fillRationales(q);
        warnGenerated(q, label, imported.line, diagnostics, generated);
        q.id = newQuestionId(q);
        m_result.pack.questions.push_back(q);
        ++m_result.added;
    }

    AssembleOptions m_options;
    AssembleResult m_result;
    std::set<std::string> m_usedIds;
    std::map<std::string, int> m_nextSuffix; ///< id base -> next "-N" to try
    std::set<std::string> m_topicIds;
    std::set<std::string> m_sourceIds;
    std::map<std::string, std::string> m_topicByPath;
    QuestionIndex m_index;
    std::map<std::string, std::set<std::string>> m_replacedFiles; ///< file -> older names
};

} // namespace

std::string addOneYear(const std::string& date)
{
    if (date.size() != 10 || date[4] != '-' || date[7] != '-')
        return {};
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U})
    {
        if (date[i] < '0' || date[i] > '9')
            return {};
    }
    const int year = std::stoi(date.substr(0, 4)) + 1;
    std::string monthDay = date.substr(4);
    if (monthDay == "-02-29")
        monthDay = "-02-28";
    std::string yearText = std::to_string(year);
    while (yearText.size() < 4)
        yearText.insert(yearText.begin(), '0');
    return yearText + monthDay;
}

AssembleResult assemblePack(const std::vector<ReadResult>& inputs,
                            const std::optional<Pack>& existing, const AssembleOptions& options)
{
    return Assembler(existing, options).run(inputs);
}

} // namespace quiz::core::import
