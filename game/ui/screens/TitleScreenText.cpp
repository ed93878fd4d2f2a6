// The home screen's words: what Continue will do, the "where you stand" card and the status
// line. The rules behind them are core's (chooseNextStep, the statistics); this only says them.
#include "TitleScreenText.hpp"

#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::ui
{

std::string percentText(double fraction)
{
    return std::to_string(static_cast<int>(std::lround(fraction * 100.0))) + "%";
}

std::string countText(std::size_t count, const std::string& one, const std::string& many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string TitleScreen::describeNextStep() const
{
    const core::NextStep& next = m_home.next;
    switch (next.kind)
    {
    case core::NextStepKind::None:
        return "No questions are loaded, so there is nothing to continue with.";
    case core::NextStepKind::Review:
        if (next.questions.size() < next.dueCount)
            return "Review the " + std::to_string(next.questions.size()) + " most urgent of " +
                   std::to_string(next.dueCount) + " questions due now.";
        {
            const std::size_t later =
                next.dueTodayCount - std::min(next.dueTodayCount, next.dueCount);
            return "Review " + countText(next.dueCount, "question", "questions") +
                   " due now, the most urgent first" +
                   (later == 0   ? "."
                    : later == 1 ? "; 1 more falls due later today."
                                 : "; " + std::to_string(later) + " more fall due later today.");
        }
    case core::NextStepKind::WeakTopic:
    {
        std::string title = next.topicId;
        for (const core::Pack& pack : context().packs)
            if (const core::Topic* topic =
                    pack.id == next.packId ? pack.findTopic(next.topicId) : nullptr)
                title = topic->title;
        return "Nothing is due now. Practise your weakest topic, " + title + " (" +
               percentText(next.mastery) + " mastered).";
    }
    case core::NextStepKind::NewQuestions:
    {
        const std::size_t count = std::min(kHomeRoundSize, next.questions.size());
        return m_home.statistics.answeredCount == 0
                   ? "Start with " + countText(count, "question", "questions") +
                         " in tutor mode, each explained as you go."
                   : "Nothing is due and no topic is weak: " +
                         countText(count, "new question", "new questions") + " you have not seen.";
    }
    case core::NextStepKind::Practice:
        return "Every question answered, nothing due: a mixed round of " +
               std::to_string(kHomeRoundSize) + " to keep it fresh.";
    }
    return {};
}

void TitleScreen::fillStanding()
{
    const PlayerProgress& progress = *context().progress;
    const core::Statistics& stats = m_home.statistics;
    if (!progress.hasPlayer())
    {
        m_standing.setContent(
            "Where you stand", {}, "", {},
            progress.isAvailable()
                ? "Nobody is playing yet. Choose your player to keep your answers and see what "
                  "is due, your study streak and your weakest topics here."
                : "No profile folder, so answers are not kept. Start the game with "
                  "--profile-dir to keep your progress.");
        return;
    }
    std::vector<StandingCard::Figure> figures;
    figures.push_back({std::to_string(m_home.next.dueTodayCount), "due for review today"});
    const int streak = stats.currentStreakDays;
    figures.push_back({countText(static_cast<std::size_t>(streak), "day", "days"),
                       streak == 0          ? "study streak: start one today"
                       : stats.studiedToday ? "study streak, today done"
                                            : "study streak: study today to keep it"});
    if (stats.answeredCount == 0)
        figures.push_back({"0", "answers so far"});
    else
        figures.push_back({percentText(stats.accuracy),
                           "right, over " + countText(static_cast<std::size_t>(stats.answeredCount),
                                                      "answer", "answers")});
    std::vector<StandingCard::Bar> bars;
    for (const core::TopicMastery& topic : stats.weakestTopics)
    {
        const core::Pack* pack = nullptr;
        for (const core::Pack& loaded : context().packs)
            pack = loaded.id == topic.packId ? &loaded : pack;
        const core::Topic* found = pack != nullptr ? pack->findTopic(topic.topicId) : nullptr;
        if (found == nullptr || bars.size() == kHomeShownTopics)
            continue;
        bars.push_back({found->title, percentText(topic.mastery) + " mastered",
                        static_cast<float>(topic.mastery)});
    }
    std::string note;
    if (stats.answeredCount == 0)
        note = "Answer a few questions and your weakest topics show here, with how well you "
               "know each.";
    else if (bars.empty())
        note = "No weak topic: every topic with three or more answers is mastered.";
    std::string barsTitle = bars.empty() ? "" : "Weakest topics";
    m_standing.setContent("Where you stand", std::move(figures), std::move(barsTitle),
                          std::move(bars), std::move(note));
}

std::string TitleScreen::statusText() const
{
    std::string status;
    if (context().packs.empty())
    {
        status = context().dataDir.empty()
                     ? "No question packs found: the questions folder is missing."
                     : "No question packs found in " + context().dataDir +
                           ". Add .xml packs there (see questions/README.md).";
    }
    else
    {
        std::size_t questions = 0;
        for (const core::Pack& pack : context().packs)
            questions += pack.countPlayableQuestions();
        const std::size_t packs = context().packs.size();
        status = countText(packs, "pack", "packs") + ", " +
                 countText(questions, "question", "questions");
    }
    if (!context().lastError.empty())
        status += "\n" + context().lastError;
    return status;
}

} // namespace quiz::ui
