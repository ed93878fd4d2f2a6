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
    show.kind = question.type == core::QuestionType::Multiple  ? QuestionKind::Multiple
                : question.type == core::QuestionType::Numeric ? QuestionKind::Numeric
                                                               : QuestionKind::Single;
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
    if (question.type == core::QuestionType::Numeric)
    {
        if (const core::Draw* draw = room.getDraw(index))
            reveal.answerText = withUnit(question, draw->answer);
        std::vector<RevealGroup> groups;
        for (const core::NumericGroup& group : stats.numericGroups)
        {
            const char* kind = group.kind == core::NumericGroup::Kind::Correct   ? "correct"
                               : group.kind == core::NumericGroup::Kind::Mistake ? "mistake"
                                                                                 : "other";
            groups.push_back(
                {kind, group.label, static_cast<std::uint32_t>(group.count), group.critical});
        }
        reveal.groups = std::move(groups);
    }
    reveal.answeredCount = static_cast<std::uint32_t>(stats.answered);
    if (player < room.getPlayers().size())
    {
        const core::ClassPlayer& p = room.getPlayers()[player];
        const core::PlayerAnswer& a = p.answers[index];
        reveal.you = {a.optionIds, a.correct, a.partial, a.critical, a.points, {}, {}};
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
