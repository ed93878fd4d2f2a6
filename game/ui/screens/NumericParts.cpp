#include "NumericParts.hpp"

#include "core/pack/Numeric.hpp"
#include "ui/Theme.hpp"

namespace quiz::ui
{
namespace
{

core::RichText plain(const std::string& text)
{
    return core::RichText::fromPlain(text);
}

TextStyle bodyStyle(const Theme& t)
{
    TextStyle style;
    style.size = t.bodySize();
    style.color = t.colors().text;
    return style;
}

TextStyle labelStyle(const Theme& t, const sf::Color& color)
{
    TextStyle style = bodyStyle(t);
    style.size = t.smallSize();
    style.bold = true;
    style.color = color;
    return style;
}

float addPanel(ScrollArea& area, const Theme& t, std::unique_ptr<Panel> panel, float x, float y,
               float width)
{
    return y + area.add(std::move(panel)).layout(x, y, width, t) + t.px(10.0F);
}

} // namespace

std::string caseHeading(const core::PlannedQuestion& planned)
{
    if (planned.caseSize <= 0)
        return {};
    std::string heading =
        "Case " + std::to_string(planned.casePosition) + " of " + std::to_string(planned.caseSize);
    if (!planned.caseTitle.empty())
        heading += ": " + planned.caseTitle;
    return heading;
}

std::unique_ptr<Panel> makeCasePanel(const Theme& t, const core::PlannedQuestion& planned)
{
    auto panel = std::make_unique<Panel>();
    TextStyle heading = bodyStyle(t);
    heading.bold = true;
    panel->addText(plain("▤ " + caseHeading(planned)), heading);
    panel->addText(planned.caseStem, bodyStyle(t));
    if (planned.caseFigure && !planned.caseFigure->alt.empty())
    {
        TextStyle alt = bodyStyle(t);
        alt.italic = true;
        alt.color = t.colors().muted;
        panel->addText(plain("[Figure: " + planned.caseFigure->alt + "]"), alt);
    }
    panel->setColors(t.colors().backgroundAccent, t.colors().border, 1.0F);
    panel->setStripe(t.colors().accent);
    return panel;
}

std::string numericInstructions(const core::Question& question)
{
    if (!question.numeric)
        return {};
    std::string text = core::roundingRule(question.numeric->round) + ".";
    if (!question.numeric->unit.empty())
        text += " Answer in " + question.numeric->unit + ".";
    return text + " Type the number (a decimal point or a comma), then Enter.";
}

std::string formatWithUnit(const core::Question& question, double value)
{
    const int round = question.numeric ? question.numeric->round : 2;
    std::string text = core::formatNumber(value, round);
    if (question.numeric && !question.numeric->unit.empty())
        text += " " + question.numeric->unit;
    return text;
}

float buildNumericReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                         const core::AnswerRecord& answer, float x, float y, float width)
{
    const Palette& c = t.colors();
    const core::Question& question = planned.question;
    const double correct =
        planned.draw
            ? core::roundTo(planned.draw->answer, question.numeric ? question.numeric->round : 0)
            : 0.0;
    {
        auto panel = std::make_unique<Panel>();
        TextStyle strong = bodyStyle(t);
        strong.bold = true;
        if (answer.typedValue)
            panel->addText(plain("● Your answer: " + formatWithUnit(question, *answer.typedValue)),
                           strong);
        else
            panel->addText(plain(answer.timedOut ? "Time ran out before an answer was given."
                                                 : "Not answered: no number was given."),
                           strong);
        panel->addText(plain(answer.score.correct ? "✔ Correct answer" : "✔ The correct answer"),
                       labelStyle(t, c.correct));
        panel->addText(plain(formatWithUnit(question, correct)), strong);
        panel->setColors(c.panel, c.correct, t.borderWidth() + 1.0F);
        panel->setStripe(c.correct);
        y = addPanel(area, t, std::move(panel), x, y, width);
    }
    const bool named = answer.mistakeIndex >= 0 &&
                       static_cast<std::size_t>(answer.mistakeIndex) < question.mistakes.size();
    if (named && !answer.score.correct)
    {
        const core::Mistake& mistake =
            question.mistakes[static_cast<std::size_t>(answer.mistakeIndex)];
        auto panel = std::make_unique<Panel>();
        panel->addText(
            plain("✘ A known mistake: what gives " + formatWithUnit(question, *answer.typedValue)),
            labelStyle(t, c.wrong));
        panel->addText(mistake.rationale, bodyStyle(t));
        panel->setColors(c.selected, c.accent, t.borderWidth() + 1.0F);
        panel->setStripe(c.wrong);
        y = addPanel(area, t, std::move(panel), x, y, width);
    }
    else if (!answer.score.correct && answer.typedValue)
    {
        auto panel = std::make_unique<Panel>();
        panel->addText(plain("✘ Not one of the known mistakes: compare your steps with the "
                             "worked solution below."),
                       labelStyle(t, c.wrong));
        panel->setColors(c.panel, c.border, 1.0F);
        y = addPanel(area, t, std::move(panel), x, y, width);
    }
    if (!question.explanation.isEmpty())
    {
        auto panel = std::make_unique<Panel>();
        TextStyle strong = bodyStyle(t);
        strong.bold = true;
        panel->addText(plain("Worked solution"), strong);
        panel->addText(question.explanation, bodyStyle(t));
        y = addPanel(area, t, std::move(panel), x, y, width);
    }
    return y;
}

} // namespace quiz::ui
