#include "Classroom.hpp"
#include "core/session/Scoring.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::core
{

AnswerScore Classroom::scoreClassAnswer(std::size_t index, PlayerAnswer& answer) const
{
    const Question& question = m_questions[index];
    if (question.type == QuestionType::Ordering || question.type == QuestionType::Matching)
    {
        // The solo game's rules, so a class and a student alone score an order alike.
        const AnswerScore score = question.type == QuestionType::Ordering
                                      ? scoreOrder(question, answer.order)
                                      : scoreMatches(question, answer.matches);
        answer.partsRight = score.partsRight;
        answer.partsTotal = score.partsTotal;
        return score;
    }
    if (question.type != QuestionType::Numeric)
        return scoreAnswer(question, answer.optionIds);
    AnswerScore score;
    score.maxPoints = question.points;
    const Draw* draw = getDraw(index);
    if (draw == nullptr || !answer.typedValue)
        return score;
    const NumericVerdict verdict = judgeNumeric(question, *draw, *answer.typedValue);
    answer.mistakeIndex = verdict.mistakeIndex;
    score.correct = verdict.correct;
    score.critical = verdict.critical;
    score.points = verdict.correct ? question.points : 0.0;
    return score;
}

// Scores are rebuilt from the recorded answers of every closed question, in order, so that
// going back and skipping can never count a question twice or leave a stale streak.
void Classroom::recomputeScores()
{
    std::vector<std::vector<NumericVerdict>> verdicts(m_questions.size());
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> parts(m_questions.size());
    for (std::size_t q = 0; q < m_stats.size(); ++q)
    {
        QuestionStats& stats = m_stats[q];
        stats = QuestionStats{};
        stats.optionCounts.assign(m_questions[q].options.size(), 0);
    }
    for (ClassPlayer& player : m_players)
    {
        player.score = 0;
        player.correctCount = 0;
        player.answeredCount = 0;
        player.streak = 0;
        player.bestStreak = 0;
        for (std::size_t q = 0; q < m_questions.size(); ++q)
        {
            if (m_states[q] != QuestionState::Closed)
                continue;
            const Question& question = m_questions[q];
            PlayerAnswer& answer = player.answers[q];
            QuestionStats& stats = m_stats[q];
            if (!answer.answered)
            {
                player.streak = 0;
                continue;
            }
            const AnswerScore score = scoreClassAnswer(q, answer);
            answer.correct = score.correct;
            answer.partial = score.partial;
            answer.critical = score.critical;
            long long points = std::llround(static_cast<double>(kClassBasePoints) * score.points);
            player.streak = score.correct ? player.streak + 1 : 0;
            player.bestStreak = std::max(player.bestStreak, player.streak);
            if (score.correct && m_settings.speedBonus)
            {
                const auto window = m_settings.timeLimit.count() > 0 ? m_settings.timeLimit
                                                                     : m_settings.speedWindow;
                const double left =
                    1.0 - static_cast<double>(answer.elapsed.count()) /
                              static_cast<double>(std::max<long long>(1, window.count()));
                points += std::llround(static_cast<double>(kClassBasePoints) * question.points *
                                       0.5 * std::clamp(left, 0.0, 1.0));
            }
            if (score.correct && m_settings.streaks && player.streak >= 2)
                points += kClassStreakStep * std::min(player.streak - 1, 5);
            answer.points = points;
            player.score += points;
            ++player.answeredCount;
            player.correctCount += score.correct ? 1 : 0;
            ++stats.answered;
            stats.correct += score.correct ? 1 : 0;
            stats.partial += score.partial ? 1 : 0;
            stats.critical += score.critical ? 1 : 0;
            if (question.type == QuestionType::Numeric)
            {
                NumericVerdict verdict;
                verdict.correct = score.correct;
                verdict.mistakeIndex = answer.mistakeIndex;
                verdicts[q].push_back(verdict);
            }
            if (question.type == QuestionType::Ordering || question.type == QuestionType::Matching)
                parts[q].emplace_back(answer.partsRight, answer.partsTotal);
            for (std::size_t o = 0; o < question.options.size(); ++o)
            {
                const std::vector<std::string>& ids = answer.optionIds;
                if (std::find(ids.begin(), ids.end(), question.options[o].id) != ids.end())
                    ++stats.optionCounts[o];
            }
        }
    }
    for (std::size_t q = 0; q < m_questions.size(); ++q)
    {
        if (m_states[q] != QuestionState::Closed)
            continue;
        if (m_questions[q].type == QuestionType::Numeric)
            m_stats[q].answerGroups = groupNumericAnswers(m_questions[q], verdicts[q]);
        else if (m_questions[q].type == QuestionType::Ordering ||
                 m_questions[q].type == QuestionType::Matching)
            m_stats[q].answerGroups = groupStepsAnswers(parts[q]);
    }
}

std::vector<ClassStanding> Classroom::getStandings() const
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_players.size(); ++i)
    {
        if (!m_players[i].kicked && !m_players[i].gone)
            order.push_back(i);
    }
    const auto better = [this](std::size_t a, std::size_t b)
    {
        const ClassPlayer& pa = m_players[a];
        const ClassPlayer& pb = m_players[b];
        if (pa.score != pb.score)
            return pa.score > pb.score;
        if (pa.correctCount != pb.correctCount)
            return pa.correctCount > pb.correctCount;
        return pa.key < pb.key;
    };
    std::stable_sort(order.begin(), order.end(), better);
    std::vector<ClassStanding> standings;
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        ClassStanding standing;
        standing.player = order[i];
        const ClassPlayer& p = m_players[order[i]];
        const bool tied = i > 0 && m_players[order[i - 1]].score == p.score &&
                          m_players[order[i - 1]].correctCount == p.correctCount;
        standing.rank = tied ? standings.back().rank : i + 1;
        standings.push_back(standing);
    }
    return standings;
}

} // namespace quiz::core
