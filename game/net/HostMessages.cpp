#include "HostMessages.hpp"

#include <algorithm>

namespace quiz::net
{
namespace
{

std::uint32_t toWire(std::chrono::milliseconds ms)
{
    return static_cast<std::uint32_t>(std::max<long long>(0, ms.count()));
}

QuestionKind kindOf(core::QuestionType type)
{
    switch (type)
    {
    case core::QuestionType::Multiple:
        return QuestionKind::Multiple;
    case core::QuestionType::Numeric:
        return QuestionKind::Numeric;
    case core::QuestionType::Ordering:
        return QuestionKind::Ordering;
    case core::QuestionType::Matching:
        return QuestionKind::Matching;
    case core::QuestionType::Single:
    case core::QuestionType::TrueFalse:
        break;
    }
    return QuestionKind::Single;
}

bool isSteps(const core::Question& question)
{
    return question.type == core::QuestionType::Ordering ||
           question.type == core::QuestionType::Matching;
}

/// An answer in letters, one per item (ordering) or prompt (matching), as the class saw them.
std::vector<std::string> stepsLetterList(const core::Question& question,
                                         const core::ClassSteps& steps,
                                         const core::PlayerAnswer& answer)
{
    std::vector<std::string> letters;
    for (char c : core::stepsLetters(question, steps, answer.order, answer.matches))
        letters.emplace_back(1, c);
    return letters;
}

/// Ordering and matching questions: the items, or the prompts and choices, as shown.
void addSteps(QuestionShow& show, const core::Question& question, const core::ClassSteps& steps)
{
    const bool partial = question.scoring != core::ScoringRule::AllOrNothing;
    if (question.type == core::QuestionType::Ordering)
    {
        std::vector<WireOption> items;
        for (std::size_t position = 0; position < steps.itemOrder.size(); ++position)
        {
            const std::string letter = core::classOptionLetter(position);
            items.push_back({letter, letter, question.items[steps.itemOrder[position]].text});
        }
        show.items = std::move(items);
        show.rule = partial ? "Every two neighbouring steps in the right order earn part of the "
                              "points."
                            : "Only the whole order, every step in its place, earns the points.";
        return;
    }
    std::vector<WireOption> prompts;
    for (std::size_t n = 0; n < steps.prompts.size(); ++n)
    {
        const std::string number = std::to_string(n + 1);
        prompts.push_back({number, number, question.pairs[steps.prompts[n]].prompt});
    }
    std::vector<WireOption> choices;
    for (std::size_t position = 0; position < steps.choiceOrder.size(); ++position)
    {
        const std::string letter = core::classOptionLetter(position);
        choices.push_back({letter, letter, question.pairs[steps.choiceOrder[position]].answer});
    }
    show.prompts = std::move(prompts);
    show.choices = std::move(choices);
    show.rule = partial ? "Each prompt matched right earns part of the points."
                        : "Only every prompt matched right earns the points.";
}

} // namespace

Reason toReason(core::ClassRefusal refusal)
{
    using core::ClassRefusal;
    switch (refusal)
    {
    case ClassRefusal::None:
        return Reason::None;
    case ClassRefusal::DuplicateNickname:
        return Reason::NicknameTaken;
    case ClassRefusal::LookAlikeNickname:
        return Reason::NicknameLookAlike;
    case ClassRefusal::BadNickname:
        return Reason::BadNickname;
    case ClassRefusal::LobbyLocked:
        return Reason::LobbyLocked;
    case ClassRefusal::ClassFull:
        return Reason::ClassFull;
    case ClassRefusal::ClassFinished:
        return Reason::ClassFinished;
    case ClassRefusal::Kicked:
        return Reason::Kicked;
    case ClassRefusal::NotAnswerPhase:
        return Reason::NotAnswerPhase;
    case ClassRefusal::WrongQuestion:
        return Reason::WrongQuestion;
    case ClassRefusal::UnknownOption:
        return Reason::UnknownOption;
    case ClassRefusal::AlreadyAnswered:
        return Reason::AlreadyAnswered;
    case ClassRefusal::EmptyAnswer:
        return Reason::EmptyAnswer;
    case ClassRefusal::TooManyOptions:
        return Reason::TooManyOptions;
    case ClassRefusal::Paused:
        return Reason::Paused;
    case ClassRefusal::UnknownPlayer:
        return Reason::BadToken;
    case ClassRefusal::IncompleteAnswer:
        return Reason::WrongCount;
    case ClassRefusal::RepeatedChoice:
        return Reason::RepeatedId;
    case ClassRefusal::NotHost:
    case ClassRefusal::NothingToDo:
        break;
    }
    return Reason::BadMessage;
}

WirePhase toWirePhase(core::ClassPhase phase)
{
    switch (phase)
    {
    case core::ClassPhase::Lobby:
        return WirePhase::Lobby;
    case core::ClassPhase::Question:
        return WirePhase::Question;
    case core::ClassPhase::Reveal:
        return WirePhase::Reveal;
    case core::ClassPhase::Leaderboard:
        return WirePhase::Leaderboard;
    case core::ClassPhase::Finished:
        return WirePhase::Finished;
    }
    return WirePhase::Lobby;
}

QuestionShow makeQuestion(const core::Classroom& room, std::chrono::milliseconds now,
                          std::size_t player)
{
    QuestionShow show;
    const std::size_t index = room.getCurrentIndex();
    const core::Question& question = room.getQuestion(index);
    show.index = static_cast<std::uint32_t>(index);
    show.total = static_cast<std::uint32_t>(room.getQuestionCount());
    show.questionId = question.id;
    show.kind = kindOf(question.type);
    if (isSteps(question))
        addSteps(show, question, room.getSteps(index));
    if (question.type == core::QuestionType::Numeric && question.numeric)
    {
        show.unit = question.numeric->unit;
        show.round = static_cast<std::uint32_t>(std::max(0, question.numeric->round));
        show.rule = core::roundingRule(question.numeric->round);
    }
    show.stem = question.stem;
    for (std::size_t i = 0; i < question.options.size(); ++i)
        show.options.push_back(
            {question.options[i].id, core::classOptionLetter(i), question.options[i].text});
    show.timeLimitMs = toWire(room.getSettings().timeLimit);
    show.timeLeftMs = toWire(room.getTimeLeft(now));
    if (player < room.getPlayers().size())
    {
        const core::PlayerAnswer& answer = room.getPlayers()[player].answers[index];
        show.answered = answer.optionIds;
        if (isSteps(question) && answer.answered)
            show.answered = stepsLetterList(question, room.getSteps(index), answer);
        if (answer.typedValue && question.numeric)
            show.answeredValue = core::formatNumber(*answer.typedValue, 9);
    }
    return show;
}

namespace
{

/// "16.2 mL": rounded as the question asks, with its unit.
std::string withUnit(const core::Question& question, double value)
{
    const int round = question.numeric ? question.numeric->round : 2;
    std::string text = core::formatNumber(core::roundTo(value, round), round);
    if (question.numeric && !question.numeric->unit.empty())
        text += " " + question.numeric->unit;
    return text;
}

/// The right order (or pairs) with each rationale, and the right letters in `correct`.
void addStepsReveal(Reveal& reveal, const core::Question& question, const core::ClassSteps& steps)
{
    const auto letterOf = [](const std::vector<std::size_t>& shown, std::size_t index)
    {
        const auto it = std::find(shown.begin(), shown.end(), index);
        return core::classOptionLetter(static_cast<std::size_t>(it - shown.begin()));
    };
    std::vector<RevealStep> lines;
    reveal.correctIds.clear();
    if (question.type == core::QuestionType::Ordering)
    {
        for (std::size_t i = 0; i < question.items.size(); ++i)
        {
            const std::string letter = letterOf(steps.itemOrder, i);
            reveal.correctIds.push_back(letter);
            lines.push_back({letter, question.items[i].text, std::nullopt, std::nullopt,
                             question.items[i].rationale});
        }
    }
    else
    {
        for (std::size_t n = 0; n < steps.prompts.size(); ++n)
        {
            const core::MatchPair& pair = question.pairs[steps.prompts[n]];
            const std::string letter = letterOf(steps.choiceOrder, steps.prompts[n]);
            reveal.correctIds.push_back(letter);
            lines.push_back(
                {std::to_string(n + 1), pair.prompt, letter, pair.answer, pair.rationale});
        }
    }
    reveal.steps = std::move(lines);
}

const char* groupKind(core::AnswerGroup::Kind kind)
{
    switch (kind)
    {
    case core::AnswerGroup::Kind::Correct:
        return "correct";
    case core::AnswerGroup::Kind::Mistake:
        return "mistake";
    case core::AnswerGroup::Kind::Partial:
        return "partial";
    case core::AnswerGroup::Kind::Wrong:
        return "wrong";
    case core::AnswerGroup::Kind::Other:
        break;
    }
    return "other";
}

} // namespace

Reveal makeReveal(const core::Classroom& room, std::size_t player)
{
    Reveal reveal;
    const std::size_t index = room.getCurrentIndex();
    const core::Question& question = room.getQuestion(index);
    const core::QuestionStats& stats = room.getStats(index);
    reveal.index = static_cast<std::uint32_t>(index);
    reveal.correctIds = question.getCorrectOptionIds();
    for (std::size_t i = 0; i < question.options.size(); ++i)
    {
        const core::Option& option = question.options[i];
        const std::size_t count = i < stats.optionCounts.size() ? stats.optionCounts[i] : 0;
        reveal.options.push_back({option.id, core::classOptionLetter(i),
                                  static_cast<std::uint32_t>(count), option.rationale});
    }
    reveal.explanation = question.explanation;
    if (question.type == core::QuestionType::Numeric || isSteps(question))
    {
        if (const core::Draw* draw = room.getDraw(index))
            reveal.answerText = withUnit(question, draw->answer);
        if (isSteps(question))
            addStepsReveal(reveal, question, room.getSteps(index));
        std::vector<RevealGroup> groups;
        for (const core::AnswerGroup& group : stats.answerGroups)
            groups.push_back({groupKind(group.kind), group.label,
                              static_cast<std::uint32_t>(group.count), group.critical});
        reveal.groups = std::move(groups);
    }
    reveal.answeredCount = static_cast<std::uint32_t>(stats.answered);
    if (player < room.getPlayers().size())
    {
        const core::ClassPlayer& p = room.getPlayers()[player];
        const core::PlayerAnswer& a = p.answers[index];
        reveal.you = {a.optionIds, a.correct, a.partial, a.critical, a.points, {}, {}, {}, {}, {}};
        if (isSteps(question) && a.answered)
        {
            reveal.you.order = stepsLetterList(question, room.getSteps(index), a);
            reveal.you.right = static_cast<std::uint32_t>(a.partsRight);
            reveal.you.of = static_cast<std::uint32_t>(a.partsTotal);
        }
        if (a.typedValue)
            reveal.you.value = withUnit(question, *a.typedValue);
        if (a.mistakeIndex >= 0 &&
            static_cast<std::size_t>(a.mistakeIndex) < question.mistakes.size())
            reveal.you.mistake =
                question.mistakes[static_cast<std::size_t>(a.mistakeIndex)].rationale;
        reveal.score = p.score;
        reveal.streak = static_cast<std::uint32_t>(std::max(0, p.streak));
    }
    return reveal;
}

StandingTable::StandingTable(const core::Classroom& room)
    : m_room(room), m_standings(room.getStandings()),
      m_rowOf(room.getPlayers().size(), m_standings.size())
{
    for (std::size_t row = 0; row < m_standings.size(); ++row)
        m_rowOf[m_standings[row].player] = row;
}

std::vector<Standing> StandingTable::top(std::size_t count) const
{
    std::vector<Standing> rows;
    for (std::size_t row = 0; row < m_standings.size() && row < count; ++row)
    {
        const core::ClassPlayer& p = m_room.getPlayers()[m_standings[row].player];
        rows.push_back({static_cast<std::uint32_t>(m_standings[row].rank), p.nickname, p.score,
                        static_cast<std::uint32_t>(p.correctCount)});
    }
    return rows;
}

Place StandingTable::placeOf(std::size_t player) const
{
    Place place;
    place.of = static_cast<std::uint32_t>(m_standings.size());
    if (player >= m_rowOf.size() || m_rowOf[player] >= m_standings.size())
        return place;
    const core::ClassPlayer& p = m_room.getPlayers()[player];
    place.rank = static_cast<std::uint32_t>(m_standings[m_rowOf[player]].rank);
    place.score = p.score;
    place.correctCount = static_cast<std::uint32_t>(p.correctCount);
    return place;
}

std::string escapeForLog(std::string_view text, std::size_t maxBytes)
{
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < maxBytes; ++i)
    {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\')
            out += "\\\\";
        else if (c >= 0x20 && c < 0x7F)
            out += static_cast<char>(c);
        else
        {
            out += "\\x";
            out += kHex[c >> 4U];
            out += kHex[c & 0xFU];
        }
    }
    if (text.size() > maxBytes)
        out += "...";
    return out;
}

} // namespace quiz::net
