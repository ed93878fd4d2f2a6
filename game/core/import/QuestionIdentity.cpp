#include "QuestionIdentity.hpp"

#include "TextUtil.hpp"
#include "core/util/Spaces.hpp"

namespace quiz::core::import
{

namespace
{

std::string sourceId(const Question& q)
{
    return q.origin ? q.origin->idnumber : std::string();
}

std::string name(const Question& q)
{
    return q.origin ? trim(foldWhiteSpace(normaliseSpaces(q.origin->name))) : std::string();
}

/// Plain text with spaces normalised, so a pack imported before spaces were normalised still
/// matches its source.
std::string comparable(const RichText& text)
{
    return trim(foldWhiteSpace(normaliseSpaces(text.toPlain())));
}

} // namespace

std::string contentHash(const Question& q)
{
    std::string text = comparable(q.stem);
    for (const Option& option : q.options)
        text += '\x1e' + comparable(option.text);
    return sha256Hex(text);
}

QuestionIndex::QuestionIndex(const std::vector<Question>& existing)
{
    for (std::size_t i = 0; i < existing.size(); ++i)
    {
        const Question& q = existing[i];
        const std::string id = sourceId(q);
        m_sourceIds.push_back(id);
        m_topicIds.push_back(q.topicId);
        m_claimed.push_back(false);
        if (!id.empty())
            m_byKey["#" + id].indexes.push_back(i);
        else if (!q.origin)
            m_byKey["#" + q.id].indexes.push_back(
                i); // written by hand: export-moodle writes the id
        if (!name(q).empty())
            m_byKey["n:" + name(q)].indexes.push_back(i);
        m_byKey["h:" + contentHash(q)].indexes.push_back(i);
    }
}

std::optional<std::size_t> QuestionIndex::claim(const Question& q)
{
    std::optional<std::size_t> found;
    if (!sourceId(q).empty())
        found = pick("#" + sourceId(q), q);
    if (!found && !name(q).empty())
        found = pick("n:" + name(q), q);
    if (!found)
        found = pick("h:" + contentHash(q), q);
    if (found)
        m_claimed[*found] = true;
    return found;
}

std::optional<std::size_t> QuestionIndex::pick(const std::string& key, const Question& q)
{
    auto entry = m_byKey.find(key);
    if (entry == m_byKey.end())
        return std::nullopt;
    const std::string id = sourceId(q);
    const bool byId = key[0] == '#';
    // Claimed questions at the front are never candidates again: skip them once, so 10,000
    // questions of one name are matched in linear time, not quadratic.
    std::vector<std::size_t>& candidates = entry->second.indexes;
    std::size_t& start = entry->second.firstUnclaimed;
    while (start < candidates.size() && m_claimed[candidates[start]])
        ++start;
    std::optional<std::size_t> first;
    for (std::size_t at = start; at < candidates.size(); ++at)
    {
        const std::size_t i = candidates[at];
        if (m_claimed[i] || (!byId && !m_sourceIds[i].empty() && m_sourceIds[i] != id))
            continue;
        if (m_topicIds[i] == q.topicId)
            return i;
        if (!first)
            first = i;
    }
    return first;
}

} // namespace quiz::core::import
