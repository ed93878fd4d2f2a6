#include "NumericAnswers.hpp"

#include <cctype>

namespace quiz::core
{

std::string firstSentence(const RichText& text, std::size_t maxCharacters)
{
    const std::string plain = text.toPlain();
    std::size_t end = plain.size();
    for (std::size_t i = 0; i < plain.size(); ++i)
    {
        const char c = plain[i];
        if (c != '.' && c != '!' && c != '?')
            continue;
        const bool last = i + 1 == plain.size();
        if (last || std::isspace(static_cast<unsigned char>(plain[i + 1])))
        {
            end = i + 1;
            break;
        }
    }
    std::string sentence = plain.substr(0, end);
    while (!sentence.empty() && std::isspace(static_cast<unsigned char>(sentence.back())))
        sentence.pop_back();
    // Cut between characters, never inside one.
    std::size_t characters = 0;
    for (std::size_t i = 0; i < sentence.size(); ++i)
    {
        if ((static_cast<unsigned char>(sentence[i]) & 0xC0U) == 0x80U)
            continue;
        if (characters++ == maxCharacters)
            return sentence.substr(0, i) + "…";
    }
    return sentence;
}

std::vector<AnswerGroup> groupNumericAnswers(const Question& question,
                                             const std::vector<NumericVerdict>& verdicts)
{
    std::vector<AnswerGroup> groups;
    AnswerGroup correct;
    correct.kind = AnswerGroup::Kind::Correct;
    correct.label = "Correct";
    groups.push_back(correct);
    for (std::size_t i = 0; i < question.mistakes.size(); ++i)
    {
        AnswerGroup group;
        group.kind = AnswerGroup::Kind::Mistake;
        group.mistakeIndex = static_cast<int>(i);
        group.label = firstSentence(question.mistakes[i].rationale);
        if (group.label.empty())
            group.label = "Known mistake " + std::to_string(i + 1);
        group.critical = question.mistakes[i].severity == OptionSeverity::Critical;
        groups.push_back(group);
    }
    AnswerGroup other;
    other.label = "Other answers";
    groups.push_back(other);
    for (const NumericVerdict& verdict : verdicts)
    {
        if (verdict.correct)
            ++groups.front().count;
        else if (verdict.mistakeIndex >= 0 &&
                 static_cast<std::size_t>(verdict.mistakeIndex) < question.mistakes.size())
            ++groups[static_cast<std::size_t>(verdict.mistakeIndex) + 1].count;
        else
            ++groups.back().count;
    }
    return groups;
}

Question withCase(const Question& question, const Pack& pack)
{
    const Case* owner = question.caseId.empty() ? nullptr : pack.findCase(question.caseId);
    if (owner == nullptr)
        return question;
    Question copy = question;
    RichText stem;
    stem.append(owner->title, true);
    stem.appendBreak();
    for (const TextRun& run : owner->stem.runs)
        stem.runs.push_back(run);
    stem.appendBreak();
    stem.appendBreak();
    for (const TextRun& run : question.stem.runs)
        stem.runs.push_back(run);
    copy.stem = std::move(stem);
    copy.variables = owner->variables;
    copy.variables.insert(copy.variables.end(), question.variables.begin(),
                          question.variables.end());
    copy.caseId.clear();
    return copy;
}

std::optional<Draw> drawClassQuestion(Question& question, std::uint32_t seed)
{
    if (question.type != QuestionType::Numeric)
        return std::nullopt;
    std::string error;
    std::optional<Draw> draw = drawValues(question, nullptr, seed, error);
    if (draw)
        question = instantiate(question, *draw);
    return draw;
}

} // namespace quiz::core
