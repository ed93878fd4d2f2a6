#include "NumericParts.hpp"
#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "core/session/Feedback.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>

namespace quiz::ui
{
namespace
{

core::RichText plain(const std::string& text)
{
    return core::RichText::fromPlain(text);
}

bool contains(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

struct ReviewStyles
{
    TextStyle body;
    TextStyle small;
    TextStyle strong;
};

ReviewStyles reviewStyles(const Theme& t)
{
    ReviewStyles styles;
    styles.body.size = t.bodySize();
    styles.body.color = t.colors().text;
    styles.small = styles.body;
    styles.small.size = t.smallSize();
    styles.small.color = t.colors().muted;
    styles.strong = styles.body;
    styles.strong.bold = true;
    return styles;
}

/// The option's text as shown, with a stand-in for an empty true/false label.
core::RichText optionText(const core::Option& option)
{
    if (!option.text.isEmpty())
        return option.text;
    return plain(option.id == "true" ? "True" : option.id == "false" ? "False" : option.id);
}

/// "Correct answer: B  Platelet count ..." (every correct option), led by "You gave no answer"
/// when nothing was chosen.
std::unique_ptr<Panel> correctAnswerPanel(const Theme& t, const core::PlannedQuestion& planned,
                                          const core::AnswerRecord& answer)
{
    const ReviewStyles styles = reviewStyles(t);
    const core::Question& question = planned.question;
    auto panel = std::make_unique<Panel>();
    if (answer.chosenOptionIds.empty())
        panel->addText(plain(answer.timedOut ? "Time ran out before an answer was given."
                                             : "Not answered: no option was chosen."),
                       styles.strong);
    const auto correct = question.getCorrectOptionIds();
    TextStyle label = styles.small;
    label.bold = true;
    label.color = t.colors().correct;
    panel->addText(plain(correct.size() == 1 ? "✔ Correct answer" : "✔ Correct answers"), label);
    for (std::size_t position = 0; position < planned.optionOrder.size(); ++position)
    {
        const core::Option& option = question.options[planned.optionOrder[position]];
        if (!option.correct)
            continue;
        core::RichText line;
        const std::string badge = optionBadgeFor(question, position);
        if (!badge.empty())
            line.append(badge + "   ", true);
        for (core::TextRun run : optionText(option).runs)
        {
            run.bold = true;
            line.runs.push_back(run);
        }
        panel->addText(line, styles.body);
    }
    panel->setColors(t.colors().panel, t.colors().correct, t.borderWidth() + 1.0F);
    panel->setStripe(t.colors().correct);
    return panel;
}

float addOptionPanels(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                      const core::AnswerRecord& answer, float x, float y, float width)
{
    const Palette& c = t.colors();
    const ReviewStyles styles = reviewStyles(t);
    const core::Question& question = planned.question;
    for (std::size_t position = 0; position < planned.optionOrder.size(); ++position)
    {
        const core::Option& option = question.options[planned.optionOrder[position]];
        const bool chosen = contains(answer.chosenOptionIds, option.id);
        // Words and symbols, not colour alone, say what each option was.
        std::string marks = option.correct ? "✔ Correct answer" : "✘ Not correct";
        if (option.severity == core::OptionSeverity::Critical)
            marks += "  ·  ⚠ Critical safety error";
        if (chosen)
            marks = "● Your choice  ·  " + marks;

        auto panel = std::make_unique<Panel>();
        const std::string badge = optionBadgeFor(question, position);
        core::RichText title;
        if (!badge.empty())
            title.append(badge + "   ", true);
        for (core::TextRun run : optionText(option).runs)
        {
            run.bold = true;
            title.runs.push_back(run);
        }
        panel->addText(title, styles.body);
        TextStyle markStyle = styles.small;
        markStyle.bold = true;
        markStyle.color = option.correct                                      ? c.correct
                          : option.severity == core::OptionSeverity::Critical ? c.critical
                          : chosen                                            ? c.wrong
                                                                              : c.muted;
        panel->addText(plain(marks), markStyle);
        panel->addText(option.rationale, styles.body);
        const sf::Color border = chosen ? c.accent : c.border;
        panel->setColors(chosen ? c.selected : c.panel, border,
                         chosen ? t.borderWidth() + 1.0F : 1.0F);
        panel->setStripe(option.correct ? c.correct : chosen ? c.wrong : sf::Color::Transparent);
        y += area.add(std::move(panel)).layout(x, y, width, t) + t.px(10.0F);
    }
    return y;
}

float addExplanation(ScrollArea& area, const Theme& t, const core::Question& question,
                     const core::AnswerRecord& answer, float x, float y, float width)
{
    const ReviewStyles styles = reviewStyles(t);
    if (!question.explanation.isEmpty())
    {
        auto panel = std::make_unique<Panel>();
        panel->addText(plain("Explanation"), styles.strong);
        panel->addText(question.explanation, styles.body);
        y += area.add(std::move(panel)).layout(x, y, width, t) + t.px(10.0F);
    }
    for (const core::OutcomeFeedback* feedback : core::feedbackFor(question, answer.score))
    {
        auto panel = std::make_unique<Panel>();
        panel->addText(feedback->text, styles.body);
        y += area.add(std::move(panel)).layout(x, y, width, t) + t.px(10.0F);
    }
    return y;
}

float addReferences(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned, float x,
                    float y, float width)
{
    const core::Question& question = planned.question;
    if (question.refs.empty())
        return y;
    const ReviewStyles styles = reviewStyles(t);
    auto panel = std::make_unique<Panel>();
    panel->addText(plain(question.refs.size() == 1 ? "Reference" : "References"), styles.strong);
    for (const core::Reference& ref : question.refs)
    {
        std::string line = ref.sourceId;
        for (const core::Source& source : planned.sources)
        {
            if (source.id == ref.sourceId)
                line = source.citation.empty() ? source.id : source.citation;
        }
        if (!ref.locator.empty())
            line += " — " + ref.locator;
        panel->addText(plain(line), styles.small);
    }
    return y + area.add(std::move(panel)).layout(x, y, width, t) + t.px(6.0F);
}

} // namespace

float addStepsReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                     const core::AnswerRecord& answer, float x, float y, float width);

/// Builds the review of one answered question into `area` from `y` on; shared by the feedback
/// and results screens. A wrong, partial or blank answer leads with the right answer and the
/// explanation, then every option's rationale; a right one with the options. Returns the new y.
float buildAnswerReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                        const core::AnswerRecord& answer, float x, float y, float width,
                        bool showStem);

float buildAnswerReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                        const core::AnswerRecord& answer, float x, float y, float width,
                        bool showStem)
{
    const core::Question& question = planned.question;
    if (showStem && planned.caseSize > 0)
        y += area.add(makeCasePanel(t, planned)).layout(x, y, width, t) + t.px(10.0F);
    if (showStem)
    {
        auto stem = std::make_unique<Panel>();
        stem->addText(question.stem, reviewStyles(t).body);
        y += area.add(std::move(stem)).layout(x, y, width, t) + t.px(10.0F);
    }
    if (question.type == core::QuestionType::Numeric)
    {
        y = buildNumericReview(area, t, planned, answer, x, y, width);
        return addReferences(area, t, planned, x, y, width);
    }
    if (question.type == core::QuestionType::Ordering ||
        question.type == core::QuestionType::Matching)
    {
        y = addStepsReview(area, t, planned, answer, x, y, width);
        y = addExplanation(area, t, question, answer, x, y, width);
    }
    else if (!answer.score.correct)
    {
        y += area.add(correctAnswerPanel(t, planned, answer)).layout(x, y, width, t) + t.px(10.0F);
        y = addExplanation(area, t, question, answer, x, y, width);
        y = addOptionPanels(area, t, planned, answer, x, y, width);
    }
    else
    {
        y = addOptionPanels(area, t, planned, answer, x, y, width);
        y = addExplanation(area, t, question, answer, x, y, width);
    }
    return addReferences(area, t, planned, x, y, width);
}

FeedbackScreen::FeedbackScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const core::Session& session = *context.session;
    const bool last = session.getCurrentIndex() + 1 >= session.getQuestionCount();
    m_next = std::make_unique<Button>(
        last ? "See results" : "Next question", [this] { next(); }, Button::Kind::Primary);
    m_next->setShortcut("Enter");
    m_leave = std::make_unique<Button>("Leave", [this] { requestPush(ScreenId::ConfirmQuit); });
    m_leave->setShortcut("Esc");
    m_widgets.push_back(&m_body);
    m_widgets.push_back(m_leave.get());
    m_widgets.push_back(m_next.get());
    m_focus.add(&m_body);
    m_focus.add(m_next.get());
    m_focus.add(m_leave.get());
}

void FeedbackScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const Palette& c = t.colors();
    const core::Session& session = *context().session;
    const core::AnswerRecord& answer = session.getAnswers().back();
    const core::PlannedQuestion& planned = session.getCurrent();
    if (answer.timedOut)
    {
        m_verdict = "✘  Time ran out";
        m_verdictColor = c.wrong;
    }
    else if (answer.score.correct)
    {
        m_verdict = "✔  Correct";
        m_verdictColor = c.correct;
    }
    else if (planned.question.type == core::QuestionType::Numeric
                 ? !answer.typedValue
                 : answer.chosenOptionIds.empty() && answer.order.empty() && answer.matches.empty())
    {
        m_verdict = "✘  Not answered";
        m_verdictColor = c.wrong;
    }
    else if (answer.score.partial)
    {
        m_verdict = "◐  Partly correct";
        m_verdictColor = c.critical;
    }
    else
    {
        m_verdict = "✘  Incorrect";
        m_verdictColor = c.wrong;
    }
    m_points = formatPoints(answer.score.points) + " of " + formatPoints(answer.score.maxPoints) +
               (answer.score.maxPoints == 1.0 ? " point" : " points");

    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(16.0F);
    m_bannerHeight = t.textSize(34.0F) * 1.6F;
    const float buttonHeight = t.px(54.0F);
    m_footerTop = size.y - buttonHeight - t.px(28.0F);
    const float bodyTop = top + m_bannerHeight + t.px(12.0F);
    m_body.clear();
    m_body.setBounds({left, bodyTop, content, m_footerTop - bodyTop - t.px(12.0F)});
    const float inner = content - t.px(20.0F);
    float y = bodyTop;
    if (answer.score.critical)
    {
        auto banner = std::make_unique<Panel>();
        TextStyle style;
        style.size = t.bodySize();
        style.color = c.text;
        style.bold = true;
        const bool numeric = planned.question.type == core::QuestionType::Numeric;
        banner->addText(
            core::RichText::fromPlain(
                numeric ? "⚠  Critical safety error: this dose could harm a patient (at least "
                          "twice the right dose, or a known dangerous slip)."
                        : "⚠  Critical safety error: the option you chose could harm a patient."),
            style);
        banner->setColors(c.backgroundAccent, c.critical, t.borderWidth() + 1.0F);
        banner->setStripe(c.critical);
        y += m_body.add(std::move(banner)).layout(left, y, inner, t) + t.px(12.0F);
    }
    y = buildAnswerReview(m_body, t, planned, answer, left, y, inner, true);
    m_body.setContentHeight(y - bodyTop);
    const float nextWidth = std::max(t.px(240.0F), m_next->preferredWidth(t));
    m_next->setBounds({left + content - nextWidth, m_footerTop, nextWidth, buttonHeight});
    m_leave->setBounds({left, m_footerTop, m_leave->preferredWidth(t), buttonHeight});
}

bool FeedbackScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPush(ScreenId::ConfirmQuit);
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        if (m_focus.getFocused() == m_leave.get())
            m_leave->activate();
        else
            next();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void FeedbackScreen::next()
{
    core::Session& session = *context().session;
    if (!session.next())
        return;
    if (session.isFinished())
    {
        context().finishSession();
        requestReplace(ScreenId::Results);
    }
    else
    {
        requestReplace(ScreenId::Question);
    }
}

void FeedbackScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const core::Session& session = *context().session;
    const std::string progress = std::to_string(session.getCurrentIndex() + 1) + " / " +
                                 std::to_string(session.getQuestionCount());
    drawHeader(target, t, roundLabel(session) + progress + "   " + session.getCurrent().topicTitle,
               "Feedback");
    const sf::FloatRect body = m_body.getBounds();
    const float top = headerHeight(t) + t.px(16.0F);
    drawBox(target, {body.left, top, body.width, m_bannerHeight}, c.panel, m_verdictColor,
            t.borderWidth() + 1.0F);
    drawBox(target, {body.left, top, t.px(10.0F), m_bannerHeight}, m_verdictColor);
    const float size = t.textSize(34.0F);
    drawLabel(target, t, m_verdict, body.left + t.px(28.0F),
              top + (m_bannerHeight - size * 1.25F) / 2.0F, size, m_verdictColor, true);
    const float pointsWidth = measureText(t.fonts().regular, m_points, t.bodySize());
    drawLabel(target, t, m_points, body.left + body.width - pointsWidth - t.px(20.0F),
              top + (m_bannerHeight - t.bodySize() * 1.25F) / 2.0F, t.bodySize(), c.text);
    drawWidgets(target);
    if (m_body.isScrollable())
        drawLabel(target, t, "Scroll: wheel, PageUp/PageDown",
                  m_leave->getBounds().left + m_leave->getBounds().width + t.px(16.0F),
                  m_footerTop + (m_next->getBounds().height - t.smallSize() * 1.25F) / 2.0F,
                  t.smallSize(), c.muted);
}

} // namespace quiz::ui
