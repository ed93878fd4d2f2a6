// Ordering and matching questions in a class game: their shown order, answers in the letters
// the class saw, and the room's answers grouped. Scoring itself is core/session/Scoring's.
#include "StepsAnswers.hpp"

#include "Classroom.hpp"
#include "core/session/Random.hpp"

#include <algorithm>
#include <cctype>

namespace quiz::core
{

ClassSteps planClassSteps(const Question& question, std::uint32_t seed)
{
    ClassSteps steps;
    Random random(seed);
    if (question.type == QuestionType::Ordering)
    {
        steps.itemOrder = shuffledItemOrder(question.items.size(), random);
    }
    else if (question.type == QuestionType::Matching)
    {
        for (std::size_t i = 0; i < question.pairs.size(); ++i)
        {
            steps.choiceOrder.push_back(i);
            if (!question.pairs[i].isDistractor())
                steps.prompts.push_back(i);
        }
        random.shuffle(steps.choiceOrder);
    }
    return steps;
}

std::optional<std::size_t> letterPosition(std::string_view letter)
{
    if (letter.size() != 1 || !std::isalpha(static_cast<unsigned char>(letter[0])))
        return std::nullopt;
    return static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(letter[0])) - 'A');
}

std::optional<std::vector<std::string>> orderFromLetters(const Question& question,
                                                         const ClassSteps& steps,
                                                         const std::vector<std::string>& letters)
{
    std::vector<std::string> ids;
    for (const std::string& letter : letters)
    {
        const std::optional<std::size_t> position = letterPosition(letter);
        if (!position || *position >= steps.itemOrder.size() ||
            steps.itemOrder[*position] >= question.items.size())
            return std::nullopt;
        ids.push_back(question.items[steps.itemOrder[*position]].id);
    }
    return ids;
}

std::optional<MatchList>
matchesFromLetters(const Question& question, const ClassSteps& steps,
                   const std::vector<std::pair<std::string, std::string>>& numbered)
{
    MatchList matches;
    for (const auto& [number, letter] : numbered)
    {
        std::size_t prompt = 0;
        if (number.empty() || number.size() > 2 ||
            !std::all_of(number.begin(), number.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return std::nullopt;
        prompt = static_cast<std::size_t>(std::stoi(number));
        const std::optional<std::size_t> position = letterPosition(letter);
        if (prompt == 0 || prompt > steps.prompts.size() || !position ||
            *position >= steps.choiceOrder.size())
            return std::nullopt;
        matches.emplace_back(question.pairs[steps.prompts[prompt - 1]].id,
                             question.pairs[steps.choiceOrder[*position]].id);
    }
    return matches;
}

std::optional<std::vector<std::string>> splitTypedLetters(std::string_view typed)
{
    std::vector<std::string> letters;
    for (char c : typed)
    {
        if (c == ' ' || c == ',')
            continue;
        if (!std::isalpha(static_cast<unsigned char>(c)))
            return std::nullopt;
        letters.emplace_back(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return letters;
}

std::string stepsLetters(const Question& question, const ClassSteps& steps,
                         const std::vector<std::string>& order, const MatchList& matches)
{
    const auto letterOf = [](const std::vector<std::size_t>& shown, std::size_t index)
    {
        const auto it = std::find(shown.begin(), shown.end(), index);
        return it == shown.end() ? std::string("?")
                                 : classOptionLetter(static_cast<std::size_t>(it - shown.begin()));
    };
    std::string text;
    if (question.type == QuestionType::Ordering)
    {
        for (const std::string& id : order)
        {
            const OrderItem* item = question.findItem(id);
            text += item == nullptr ? std::string("?")
                                    : letterOf(steps.itemOrder,
                                               static_cast<std::size_t>(item - &question.items[0]));
        }
        return text;
    }
    if (matches.empty())
        return text;
    for (std::size_t prompt : steps.prompts)
    {
        const std::string& promptId = question.pairs[prompt].id;
        const auto it = std::find_if(matches.begin(), matches.end(),
                                     [&](const auto& match) { return match.first == promptId; });
        const MatchPair* answer = it == matches.end() ? nullptr : question.findPair(it->second);
        text += answer == nullptr ? std::string("-")
                                  : letterOf(steps.choiceOrder,
                                             static_cast<std::size_t>(answer - &question.pairs[0]));
    }
    return text;
}

std::vector<AnswerGroup>
groupStepsAnswers(const std::vector<std::pair<std::size_t, std::size_t>>& parts)
{
    std::vector<AnswerGroup> groups(3);
    groups[0].kind = AnswerGroup::Kind::Correct;
    groups[0].label = "All right";
    groups[1].kind = AnswerGroup::Kind::Partial;
    groups[1].label = "Partly right";
    groups[2].kind = AnswerGroup::Kind::Wrong;
    groups[2].label = "Wrong";
    for (const auto& [right, total] : parts)
    {
        if (total > 0 && right == total)
            ++groups[0].count;
        else if (right > 0)
            ++groups[1].count;
        else
            ++groups[2].count;
    }
    return groups;
}

ClassRefusal Classroom::answerOrder(std::size_t player, std::size_t questionIndex,
                                    const std::vector<std::string>& itemIds,
                                    std::chrono::milliseconds now)
{
    PlayerAnswer* open = nullptr;
    if (const ClassRefusal refusal = findOpenSlot(player, questionIndex, open);
        refusal != ClassRefusal::None)
        return refusal;
    const Question& question = m_questions[m_current];
    if (question.type != QuestionType::Ordering)
        return ClassRefusal::UnknownOption;
    std::vector<std::string> placed;
    for (const std::string& id : itemIds)
    {
        if (question.findItem(id) == nullptr)
            return ClassRefusal::UnknownOption;
        if (std::find(placed.begin(), placed.end(), id) != placed.end())
            return ClassRefusal::RepeatedChoice;
        placed.push_back(id);
    }
    if (placed.empty())
        return ClassRefusal::EmptyAnswer;
    if (placed.size() != question.items.size())
        return ClassRefusal::IncompleteAnswer;
    open->answered = true;
    open->order = std::move(placed);
    open->elapsed = std::max(std::chrono::milliseconds{0}, now - m_openedAt);
    closeIfEveryoneAnswered();
    return ClassRefusal::None;
}

ClassRefusal Classroom::answerMatches(std::size_t player, std::size_t questionIndex,
                                      const MatchList& matches, std::chrono::milliseconds now)
{
    PlayerAnswer* open = nullptr;
    if (const ClassRefusal refusal = findOpenSlot(player, questionIndex, open);
        refusal != ClassRefusal::None)
        return refusal;
    const Question& question = m_questions[m_current];
    if (question.type != QuestionType::Matching)
        return ClassRefusal::UnknownOption;
    std::vector<std::string> prompts;
    for (const auto& [promptId, answerId] : matches)
    {
        const MatchPair* prompt = question.findPair(promptId);
        if (prompt == nullptr || prompt->isDistractor() ||
            (!answerId.empty() && question.findPair(answerId) == nullptr))
            return ClassRefusal::UnknownOption;
        if (std::find(prompts.begin(), prompts.end(), promptId) != prompts.end())
            return ClassRefusal::RepeatedChoice;
        if (answerId.empty())
            return ClassRefusal::IncompleteAnswer;
        prompts.push_back(promptId);
    }
    if (prompts.empty())
        return ClassRefusal::EmptyAnswer;
    if (prompts.size() != m_steps[m_current].prompts.size())
        return ClassRefusal::IncompleteAnswer;
    open->answered = true;
    open->matches = matches;
    open->elapsed = std::max(std::chrono::milliseconds{0}, now - m_openedAt);
    closeIfEveryoneAnswered();
    return ClassRefusal::None;
}

} // namespace quiz::core
