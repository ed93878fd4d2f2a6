#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"

#include <cmath>
#include <optional>

namespace quiz::ui
{

float buildAnswerReview(ScrollArea& area, const Theme& t, const core::PlannedQuestion& planned,
                        const core::AnswerRecord& answer, float x, float y, float width,
                        bool showStem);

namespace
{

std::string percentText(double percent)
{
    return std::to_string(static_cast<int>(std::lround(percent))) + " %";
}

/// A topic's row: title, "3 of 4 correct · 75 %" and a bar.
class TopicRow : public Widget
{
public:
    TopicRow(std::string title, std::string detail, float value)
        : m_title(std::move(title)), m_detail(std::move(detail))
    {
        m_bar.setValue(value);
    }
    float layout(float x, float y, float width, const Theme& t)
    {
        const float height = t.bodySize() * 1.4F + t.smallSize() * 1.4F + t.px(16.0F);
        setBounds({x, y, width, height});
        m_bar.setBounds({x, y + t.bodySize() * 1.4F + t.smallSize() * 1.4F, width, t.px(10.0F)});
        return height;
    }
    void draw(sf::RenderTarget& target, const Theme& t) const override
    {
        const sf::FloatRect box = getBounds();
        drawLabel(target, t, fitText(t.fonts().regular, m_title, t.bodySize(), box.width), box.left,
                  box.top, t.bodySize(), t.colors().text);
        drawLabel(target, t, m_detail, box.left, box.top + t.bodySize() * 1.4F, t.smallSize(),
                  t.colors().muted);
        m_bar.draw(target, t);
    }

private:
    std::string m_title;
    std::string m_detail;
    ProgressBar m_bar;
};

const char* confidenceWord(core::Confidence confidence)
{
    switch (confidence)
    {
    case core::Confidence::Sure:
        return "Sure";
    case core::Confidence::Unsure:
        return "Unsure";
    case core::Confidence::Guess:
        return "Guess";
    case core::Confidence::None:
        break;
    }
    return "";
}

} // namespace

/// One answered question in the compact review: number, verdict, confidence, time and the
/// start of the stem; activating it opens (or closes) its full feedback below it.
class ReviewRow : public Widget
{
public:
    ReviewRow(std::string verdict, sf::Color color, std::string detail, std::string stem, bool open,
              std::function<void()> onToggle)
        : m_verdict(std::move(verdict)), m_color(color), m_detail(std::move(detail)),
          m_stem(std::move(stem)), m_open(open), m_onToggle(std::move(onToggle))
    {
    }
    [[nodiscard]] bool isFocusable() const override { return isVisible(); }
    void activate() override { m_onToggle(); }
    float layout(float x, float y, float width, const Theme& t)
    {
        const float height = t.bodySize() * 1.35F + t.smallSize() * 1.35F + t.px(16.0F);
        setBounds({x, y, width, height});
        return height;
    }
    void draw(sf::RenderTarget& target, const Theme& t) const override
    {
        const Palette& c = t.colors();
        const sf::FloatRect box = getBounds();
        drawBox(target, box, mixColor(c.panel, c.selected, getHighlight() * 0.6F),
                m_open ? c.accent : c.border, m_open ? t.borderWidth() + 1.0F : 1.0F);
        drawBox(target, {box.left, box.top, t.px(6.0F), box.height}, m_color);
        const float pad = t.px(14.0F);
        const std::string action = m_open ? "▾ Hide" : "▸ Feedback";
        const float actionWidth = measureText(t.fonts().regular, action, t.smallSize());
        const float y = box.top + t.px(8.0F);
        const float verdictWidth = measureText(t.fonts().bold, m_verdict + "   ", t.bodySize());
        drawLabel(target, t, m_verdict, box.left + pad, y, t.bodySize(), m_color, true);
        drawLabel(target, t,
                  fitText(t.fonts().regular, m_detail, t.bodySize(),
                          box.width - 3 * pad - verdictWidth - actionWidth),
                  box.left + pad + verdictWidth, y, t.bodySize(), c.text);
        drawLabel(target, t, action, box.left + box.width - pad - actionWidth,
                  y + (t.bodySize() - t.smallSize()) / 2.0F, t.smallSize(), c.accent);
        drawLabel(target, t, fitText(t.fonts().regular, m_stem, t.smallSize(), box.width - 2 * pad),
                  box.left + pad, y + t.bodySize() * 1.35F, t.smallSize(), c.muted);
        if (isFocused())
            drawFocusRing(target, t, box);
    }

private:
    std::string m_verdict;
    sf::Color m_color;
    std::string m_detail;
    std::string m_stem;
    bool m_open;
    std::function<void()> m_onToggle;
};

ResultsScreen::ResultsScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const core::SessionSummary summary = context.session->summarize();
    const auto add = [this](const std::string& label, std::function<void()> action,
                            Button::Kind kind = Button::Kind::Secondary)
    {
        m_buttons.push_back(std::make_unique<Button>(label, std::move(action), kind));
        return m_buttons.back().get();
    };
    m_retry = add("Retry missed (" + std::to_string(summary.missed.size()) + ")",
                  [this] { retryMissed(); });
    m_retry->setEnabled(!summary.missed.empty());
    m_filter = std::make_unique<Button>("", [this] { toggleFilter(); });
    m_filter->setShortcut("M");
    m_filter->setVisible(!summary.missed.empty() &&
                         summary.missed.size() < static_cast<std::size_t>(summary.questions));
    add(
        "New game", [this] { requestReplace(ScreenId::Setup); }, Button::Kind::Primary)
        ->setShortcut("Enter");
    add("Title", [this] { requestPop(); });
    m_widgets.push_back(&m_summary);
    m_widgets.push_back(&m_review);
    m_widgets.push_back(m_filter.get());
    for (const auto& button : m_buttons)
        m_widgets.push_back(button.get());
    m_focus.setArrowsAcross(true);
    m_focus.setOnFocus(
        [this](Widget& widget)
        {
            for (const auto& child : m_review.getChildren())
                if (child.get() == &widget)
                    m_review.ensureVisible(widget.getBounds());
        });
    rebuildFocus(m_buttons[1].get());
    m_notice = context.lastError;
    context.lastError.clear();
}

void ResultsScreen::rebuildFocus(Widget* focused)
{
    m_focus.clear();
    m_focus.add(&m_summary);
    m_focus.add(m_filter.get());
    for (ReviewRow* row : m_rows)
        m_focus.add(row);
    for (const auto& button : m_buttons)
        m_focus.add(button.get());
    m_focus.focus(focused);
}

void ResultsScreen::toggleFilter()
{
    m_missedOnly = !m_missedOnly;
    m_open.reset();
    m_focus.focus(m_filter.get());
    m_rebuild = true;
}

void ResultsScreen::retryMissed()
{
    core::SessionConfig config = context().session->getConfig();
    config.onlyQuestions = context().session->summarize().missed;
    config.count = 0;
    const std::string error = context().startSession(config);
    if (!error.empty())
        m_notice = error;
}

void ResultsScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const Palette& c = t.colors();
    const core::Session& session = *context().session;
    const core::SessionSummary summary = session.summarize();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(20.0F);
    const float buttonHeight = t.px(54.0F);
    m_footerTop = size.y - buttonHeight - t.px(28.0F);
    const float summaryWidth = std::floor(content * 0.36F);
    const float gap = t.px(28.0F);

    TextStyle big;
    big.size = t.textSize(44.0F);
    big.bold = true;
    big.color = c.text;
    TextStyle body;
    body.size = t.bodySize();
    body.color = c.text;
    TextStyle muted = body;
    muted.color = c.muted;
    TextStyle strong = body;
    strong.bold = true;

    m_summary.clear();
    m_summary.setBounds({left, top, summaryWidth, m_footerTop - top - t.px(12.0F)});
    const float inner = summaryWidth - t.px(20.0F);
    float y = top;
    auto score = std::make_unique<Panel>();
    score->addText(core::RichText::fromPlain(percentText(summary.percent)), big);
    score->addText(core::RichText::fromPlain(formatPoints(summary.points) + " of " +
                                             formatPoints(summary.maxPoints) + " points"),
                   strong);
    score->addText(core::RichText::fromPlain(std::to_string(summary.correct) + " of " +
                                             std::to_string(summary.questions) + " fully correct"),
                   body);
    score->addText(core::RichText::fromPlain(
                       "Time " + formatDuration(summary.totalTime.count()) +
                       (session.getConfig().mode == core::Mode::Exam ? " · Exam" : " · Tutor")),
                   muted);
    score->setColors(c.panel, c.border, 1.0F);
    y += m_summary.add(std::move(score)).layout(left, y, inner, t) + t.px(12.0F);

    auto critical = std::make_unique<Panel>();
    TextStyle criticalStyle = strong;
    criticalStyle.color = summary.criticalErrors > 0 ? c.critical : c.text;
    critical->addText(core::RichText::fromPlain((summary.criticalErrors > 0 ? "⚠  " : "✔  ") +
                                                std::string("Critical safety errors: ") +
                                                std::to_string(summary.criticalErrors)),
                      criticalStyle);
    if (summary.criticalErrors > 0)
    {
        critical->setColors(c.backgroundAccent, c.critical, t.borderWidth());
        critical->setStripe(c.critical);
    }
    y += m_summary.add(std::move(critical)).layout(left, y, inner, t) + t.px(16.0F);

    auto heading = std::make_unique<Panel>();
    heading->addText(core::RichText::fromPlain("By topic"), strong);
    y += m_summary.add(std::move(heading)).layout(left, y, inner, t) + t.px(8.0F);
    for (const core::TopicSummary& topic : summary.topics)
    {
        const double percent = topic.maxPoints > 0.0 ? 100.0 * topic.points / topic.maxPoints : 0.0;
        auto row = std::make_unique<TopicRow>(topic.title,
                                              std::to_string(topic.correct) + " of " +
                                                  std::to_string(topic.questions) + " correct · " +
                                                  percentText(percent),
                                              static_cast<float>(percent / 100.0));
        y += m_summary.add(std::move(row)).layout(left, y, inner, t) + t.px(10.0F);
    }
    m_summary.setContentHeight(y - top);

    layoutReview({left + summaryWidth + gap, top, content - summaryWidth - gap,
                  m_footerTop - top - t.px(12.0F)});

    float x = left + content;
    for (auto it = m_buttons.rbegin(); it != m_buttons.rend(); ++it)
    {
        const float width = std::max(t.px(150.0F), (*it)->preferredWidth(t));
        x -= width;
        (*it)->setBounds({x, m_footerTop, width, buttonHeight});
        x -= t.px(14.0F);
    }
}

void ResultsScreen::layoutReview(const sf::FloatRect& area)
{
    const Theme& t = theme();
    const core::Session& session = *context().session;
    const core::SessionSummary summary = session.summarize();
    const float filterHeight = t.px(44.0F);
    m_filter->setLabel(m_missedOnly
                           ? "Show all " + std::to_string(summary.questions)
                           : "Missed only (" + std::to_string(summary.missed.size()) + ")");
    const float filterWidth = m_filter->preferredWidth(t);
    m_filter->setBounds(
        {area.left + area.width - filterWidth, area.top, filterWidth, filterHeight});
    m_reviewTitle = m_missedOnly ? "Missed questions" : "Every question";
    const float reviewTop = area.top + filterHeight + t.px(10.0F);
    const float scroll = m_review.getScroll();
    // The rows are made again: keep the focus on the same question (or the same other widget).
    Widget* focused = m_focus.getFocused();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
    {
        if (m_rows[i] == focused && !m_focusRow)
            m_focusRow = m_rowIndex[i];
    }
    if (m_focusRow)
        focused = m_filter.get();
    m_focus.clear(); // it must not keep pointers to the rows about to go
    m_review.clear();
    m_rows.clear();
    m_rowIndex.clear();
    m_review.setBounds({area.left, reviewTop, area.width, area.top + area.height - reviewTop});
    const float inner = area.width - t.px(20.0F);
    float y = reviewTop;
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
    {
        const core::AnswerRecord* answer = session.getAnswer(i);
        if (answer == nullptr || (m_missedOnly && answer->score.correct))
            continue;
        y += addReviewRow(i, *answer, area.left, y, inner) + t.px(8.0F);
        if (m_open == i)
            y = buildAnswerReview(m_review, t, session.getQuestion(i), *answer,
                                  area.left + t.px(16.0F), y, inner - t.px(16.0F), true) +
                t.px(10.0F);
    }
    m_review.setContentHeight(y - reviewTop);
    m_review.scrollTo(scroll);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
    {
        if (m_focusRow && m_rowIndex[i] == *m_focusRow)
            focused = m_rows[i];
    }
    m_focusRow.reset();
    rebuildFocus(focused);
}

float ResultsScreen::addReviewRow(std::size_t index, const core::AnswerRecord& answer, float x,
                                  float y, float width)
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const core::PlannedQuestion& planned = context().session->getQuestion(index);
    std::string verdict = "✘ Incorrect";
    sf::Color color = c.wrong;
    if (answer.score.correct)
    {
        verdict = "✔ Correct";
        color = c.correct;
    }
    else if (answer.score.partial)
    {
        verdict = "◐ Partly correct";
        color = c.critical;
    }
    else if (answer.timedOut)
        verdict = "✘ Time ran out";
    else if (answer.chosenOptionIds.empty() && answer.order.empty() && answer.matches.empty())
        verdict = "✘ Not answered";
    std::string detail = "Q" + std::to_string(index + 1);
    if (answer.score.critical)
        detail += " · ⚠ critical";
    const auto confidence = context().roundConfidence.find(index);
    if (confidence != context().roundConfidence.end() &&
        confidence->second != core::Confidence::None)
        detail += std::string(" · ") + confidenceWord(confidence->second);
    detail += " · " + formatDuration(answer.timeTaken.count());
    auto row = std::make_unique<ReviewRow>(verdict, color, detail, planned.question.stem.toPlain(),
                                           m_open == index,
                                           [this, index]
                                           {
                                               m_open = m_open == index
                                                            ? std::optional<std::size_t>()
                                                            : std::optional<std::size_t>(index);
                                               m_focusRow = index;
                                               m_rebuild = true;
                                           });
    ReviewRow& added = m_review.add(std::move(row));
    m_rows.push_back(&added);
    m_rowIndex.push_back(index);
    return added.layout(x, y, width, t);
}

bool ResultsScreen::handleEvent(const sf::Event& event)
{
    const bool handled = handleKey(event);
    if (m_rebuild)
    {
        // Rows are rebuilt after the event, never inside the callback of the row clicked.
        m_rebuild = false;
        layoutReview(
            {m_review.getBounds().left, m_filter->getBounds().top, m_review.getBounds().width,
             m_review.getBounds().top + m_review.getBounds().height - m_filter->getBounds().top});
    }
    return handled;
}

bool ResultsScreen::handleKey(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        Widget* focused = m_focus.getFocused();
        pressEnter(focused, focused == &m_review || focused == &m_summary,
                   [this] { requestReplace(ScreenId::Setup); });
        return false;
    }
    if (isKey(event, sf::Keyboard::M) && m_filter->isVisible())
    {
        toggleFilter();
        return false;
    }
    // Arrow keys scroll the review unless a button row has focus.
    dispatchToWidgets(event);
    return false;
}

void ResultsScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    drawHeader(target, t, "Round complete", "Esc: title");
    const sf::FloatRect review = m_review.getBounds();
    const sf::FloatRect filter = m_filter->getBounds();
    drawLabel(target, t, m_reviewTitle, review.left,
              filter.top + (filter.height - t.bodySize() * 1.25F) / 2.0F, t.bodySize(), c.muted,
              true);
    drawWidgets(target);
    if (!m_notice.empty())
    {
        const float room =
            m_buttons[0]->getBounds().left - (getSize().x - t.contentWidth(getSize().x)) / 2.0F;
        drawLabel(target, t,
                  fitText(t.fonts().regular, m_notice, t.smallSize(), room - t.px(16.0F)),
                  (getSize().x - t.contentWidth(getSize().x)) / 2.0F, m_footerTop + t.px(16.0F),
                  t.smallSize(), c.critical);
    }
}

} // namespace quiz::ui
