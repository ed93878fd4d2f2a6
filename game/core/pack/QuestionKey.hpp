#pragma once

#include <string>
#include <tuple>

namespace quiz::core
{

/// Identifies a question across packs and pack versions: sessions, progress and review
/// schedules are keyed by ids, never by text.
struct QuestionKey
{
    std::string packId;
    std::string questionId;

    bool operator==(const QuestionKey& other) const
    {
        return packId == other.packId && questionId == other.questionId;
    }
    bool operator!=(const QuestionKey& other) const { return !(*this == other); }
    bool operator<(const QuestionKey& other) const
    {
        return std::tie(packId, questionId) < std::tie(other.packId, other.questionId);
    }
};

} // namespace quiz::core
