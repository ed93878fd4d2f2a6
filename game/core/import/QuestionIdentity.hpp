#pragma once

#include "core/pack/Pack.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quiz::core::import
{

/// A fingerprint of what a question asks: its stem and option texts, as plain text.
[[nodiscard]] std::string contentHash(const Question& q);

/// Finds the question of the pack being re-imported into that an imported question is. The
/// identity comes from the question itself, never from the file it came in (Moodle names each
/// export after the date, and `export-moodle` writes a file of its own): the source's id
/// (Moodle idnumber, QTI item identifier, GIFT `[id:]`; for a question written by hand, its
/// pack id, which `export-moodle` writes as the idnumber), else its name (Moodle name, GIFT
/// `::name::`), else the content hash. A name or hash never matches a question that carries a
/// different source id. Each existing question is matched at most once.
class QuestionIndex
{
public:
    QuestionIndex() = default;
    explicit QuestionIndex(const std::vector<Question>& existing);

    /// The index (into `existing`) of the unclaimed question `q` updates, now claimed; nullopt
    /// when `q` is new. Among equal matches the one in `q.topicId` is preferred.
    [[nodiscard]] std::optional<std::size_t> claim(const Question& q);

    [[nodiscard]] bool isClaimed(std::size_t index) const { return m_claimed.at(index); }
    [[nodiscard]] std::size_t size() const { return m_claimed.size(); }

private:
    [[nodiscard]] std::optional<std::size_t> pick(const std::string& key, const Question& q);

    /// The existing questions one key finds, in pack order.
    struct Candidates
    {
        std::vector<std::size_t> indexes;
        std::size_t firstUnclaimed = 0; ///< every index before it is claimed
    };

    std::map<std::string, Candidates> m_byKey;
    std::vector<std::string> m_sourceIds; ///< per existing question; "" when it has none
    std::vector<std::string> m_topicIds;
    std::vector<bool> m_claimed;
};

} // namespace quiz::core::import
