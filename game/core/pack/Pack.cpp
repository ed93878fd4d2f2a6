#include "Pack.hpp"

namespace quiz::core
{

std::vector<std::string> Question::getCorrectOptionIds() const
{
    std::vector<std::string> ids;
    for (const Option& option : options)
    {
        if (option.correct)
            ids.push_back(option.id);
    }
    return ids;
}

const Option* Question::findOption(const std::string& optionId) const
{
    for (const Option& option : options)
    {
        if (option.id == optionId)
            return &option;
    }
    return nullptr;
}

const OrderItem* Question::findItem(const std::string& itemId) const
{
    for (const OrderItem& item : items)
    {
        if (item.id == itemId)
            return &item;
    }
    return nullptr;
}

const MatchPair* Question::findPair(const std::string& pairId) const
{
    for (const MatchPair& pair : pairs)
    {
        if (pair.id == pairId)
            return &pair;
    }
    return nullptr;
}

const Topic* Pack::findTopic(const std::string& topicId) const
{
    for (const Topic& topic : topics)
    {
        if (topic.id == topicId)
            return &topic;
    }
    return nullptr;
}

const Source* Pack::findSource(const std::string& sourceId) const
{
    for (const Source& source : sources)
    {
        if (source.id == sourceId)
            return &source;
    }
    return nullptr;
}

const Question* Pack::findQuestion(const std::string& questionId) const
{
    for (const Question& question : questions)
    {
        if (question.id == questionId)
            return &question;
    }
    return nullptr;
}

const Case* Pack::findCase(const std::string& caseId) const
{
    for (const Case& item : cases)
    {
        if (item.id == caseId)
            return &item;
    }
    return nullptr;
}

std::vector<std::string> Pack::getTopicSubtree(const std::string& topicId) const
{
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < topics.size(); ++i)
    {
        if (topics[i].id != topicId)
            continue;
        ids.push_back(topics[i].id);
        // Descendants follow their parent in document order, at a greater depth.
        for (std::size_t j = i + 1; j < topics.size() && topics[j].depth > topics[i].depth; ++j)
            ids.push_back(topics[j].id);
        break;
    }
    return ids;
}

std::size_t Pack::countPlayableQuestions(const std::string& topicId) const
{
    const std::vector<std::string> subtree = getTopicSubtree(topicId);
    std::size_t count = 0;
    for (const Question& question : questions)
    {
        if (question.status != QuestionStatus::Published)
            continue;
        for (const std::string& memberId : subtree)
        {
            if (question.topicId == memberId)
            {
                ++count;
                break;
            }
        }
    }
    return count;
}

std::size_t Pack::countPlayableQuestions() const
{
    std::size_t count = 0;
    for (const Question& question : questions)
    {
        if (question.status == QuestionStatus::Published)
            ++count;
    }
    return count;
}

const char* toString(QuestionType type)
{
    switch (type)
    {
    case QuestionType::Single:
        return "single";
    case QuestionType::Multiple:
        return "multiple";
    case QuestionType::TrueFalse:
        return "truefalse";
    case QuestionType::Numeric:
        return "numeric";
    case QuestionType::Ordering:
        return "ordering";
    case QuestionType::Matching:
        return "matching";
    }
    return "single";
}

const char* toString(ScoringRule rule)
{
    switch (rule)
    {
    case ScoringRule::PlusMinus:
        return "plusMinus";
    case ScoringRule::AllOrNothing:
        return "allOrNothing";
    case ScoringRule::Weighted:
        return "weighted";
    case ScoringRule::Partial:
        return "partial";
    }
    return "plusMinus";
}

std::string optionLabel(const std::string& numbering, std::size_t position)
{
    if (numbering == "none")
        return {};
    if (numbering == "123" || position >= 26)
        return std::to_string(position + 1);
    const char base = numbering == "abc" ? 'a' : 'A';
    return std::string(1, static_cast<char>(base + static_cast<char>(position)));
}

} // namespace quiz::core
