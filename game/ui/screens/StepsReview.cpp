// The review of an ordering or matching answer, for the feedback and results screens: the
// right order (or the right pairs) with every rationale, each of the player's places marked
// in words and symbols, not colour alone.
#include "ScreenKit.hpp"
#include "core/session/Scoring.hpp"
#include "ui/widgets/Panel.hpp"
#include "ui/widgets/ScrollArea.hpp"

namespace quiz::ui
{
namespace
{

core::RichText plain(const std::string& text)
{
    return core::RichText::fromPlain(text);
}

core::RichText boldLine(const std::string& lead, const core::RichText& text)
{
    core::RichText line;
    line.append(lead, true);
    for (core::TextRun run : text.runs)
    {
        run.bold = true;
        line.runs.push_back(run);
    }
    return line;
}

struct Styles
{
    TextStyle body;
    TextStyle mark;
};

Styles stylesFor(const Theme& t)
{
    Styles styles;
    styles.body.size = t.bodySize();
    styles.body.color = t.colors().text;
    styles.mark = styles.body;
    styles.mark.size = t.smallSize();
    styles.mark.bold = true;
    return styles;
}

float addOrdering(ScrollArea& area, const Theme& t, const core::Question& question,
                  const core::AnswerRecord& answer, float x, float y, float width)
{
    const Palette& c = t.colors();
    const Styles styles = stylesFor(t);
    auto title = std::make_unique<Panel>();
    title->addText(plain("✔ The right order, with why each step comes there"), styles.body);
    if (answer.order.empty())
        title->addText(
            plain(answer.timedOut ? "Time ran out before an answer was given." : "Not answered."),
            styles.body);
    y += area.add(std::move(title)).layout(x, y, width, t) + t.px(10.0F);
    for (std::size_t k = 0; k < question.items.size(); ++k)
    {
        const core::OrderItem& item = question.items[k];
        // Where the player put this step (1-based), 0 when it was not placed.
        std::size_t placed = 0;
        for (std::size_t i = 0; i < answer.order.size(); ++i)
        {
            if (answer.order[i] == item.id)
                placed = i + 1;
        }
        const bool ok = placed == k + 1;
        auto panel = std::make_unique<Panel>();
        panel->addText(boldLine(std::to_string(k + 1) + ".   ", item.text), styles.body);
        TextStyle mark = styles.mark;
        mark.color = ok ? c.correct : c.wrong;
        const std::string where = ok ? "✔ You put it here"
                                  : placed == 0
                                      ? "✘ Not placed"
                                      : "✘ You put it at " + std::to_string(placed) +
                                            " (it belongs at " + std::to_string(k + 1) + ")";
        panel->addText(plain(where), mark);
        panel->addText(item.rationale, styles.body);
        panel->setColors(c.panel, ok ? c.border : c.wrong, ok ? 1.0F : t.borderWidth() + 1.0F);
        panel->setStripe(ok ? c.correct : c.wrong);
        y += area.add(std::move(panel)).layout(x, y, width, t) + t.px(10.0F);
    }
    return y;
}

float addMatching(ScrollArea& area, const Theme& t, const core::Question& question,
                  const core::AnswerRecord& answer, float x, float y, float width)
{
    const Palette& c = t.colors();
    const Styles styles = stylesFor(t);
    auto title = std::make_unique<Panel>();
    title->addText(plain("✔ The right pairs, with why they belong together"), styles.body);
    if (answer.matches.empty())
        title->addText(
            plain(answer.timedOut ? "Time ran out before an answer was given." : "Not answered."),
            styles.body);
    y += area.add(std::move(title)).layout(x, y, width, t) + t.px(10.0F);
    for (const core::MatchPair& pair : question.pairs)
    {
        std::string chosenId;
        for (const auto& [promptId, answerId] : answer.matches)
        {
            if (promptId == pair.id)
                chosenId = answerId;
        }
        const bool ok = !pair.isDistractor() && core::isRightMatch(question, pair.id, chosenId);
        auto panel = std::make_unique<Panel>();
        TextStyle mark = styles.mark;
        if (pair.isDistractor())
        {
            panel->addText(boldLine("No prompt:   ", pair.answer), styles.body);
            mark.color = c.muted;
            panel->addText(plain("○ This answer matches no prompt"), mark);
        }
        else
        {
            core::RichText line = boldLine("", pair.prompt);
            line.append("   →   ", true);
            for (core::TextRun run : pair.answer.runs)
            {
                run.bold = true;
                line.runs.push_back(run);
            }
            panel->addText(line, styles.body);
            const core::MatchPair* chosen = question.findPair(chosenId);
            mark.color = ok ? c.correct : c.wrong;
            panel->addText(plain(ok                  ? "✔ You matched it"
                                 : chosen == nullptr ? "✘ You gave no answer"
                                                     : "✘ You chose: " + chosen->answer.toPlain()),
                           mark);
        }
        panel->addText(pair.rationale, styles.body);
        const bool wrong = !pair.isDistractor() && !ok;
        panel->setColors(c.panel, wrong ? c.wrong : c.border,
                         wrong ? t.borderWidth() + 1.0F : 1.0F);
        panel->setStripe(pair.isDistractor() ? sf::Color::Transparent : ok ? c.correct : c.wrong);
        y += area.add(std::move(panel)).layout(x, y, width, t) + t.px(10.0F);
    }
    return y;
}

} // namespace

/// The right order or pairs of an ordering or matching answer, from `y` on; returns the new y.
float addStepsReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                     const core::AnswerRecord& answer, float x, float y, float width);

float addStepsReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                     const core::AnswerRecord& answer, float x, float y, float width)
{
    if (planned.question.type == core::QuestionType::Ordering)
        return addOrdering(area, t, planned.question, answer, x, y, width);
    return addMatching(area, t, planned.question, answer, x, y, width);
}

} // namespace quiz::ui
