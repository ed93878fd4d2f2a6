#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"

#include <cmath>

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

} // namespace

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
    add(
        "New game", [this] { requestReplace(ScreenId::Setup); }, Button::Kind::Primary)
        ->setShortcut("Enter");
    add("Title", [this] { requestPop(); });
    m_widgets.push_back(&m_summary);
    m_widgets.push_back(&m_review);
    m_focus.add(&m_summary);
    m_focus.add(&m_review);
    for (const auto& button : m_buttons)
    {
        m_widgets.push_back(button.get());
        m_focus.add(button.get());
    }
    m_focus.setArrowsAcross(true);
    m_focus.focus(m_buttons[1].get());
    m_notice = context.lastError;
    context.lastError.clear();
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

    const float reviewLeft = left + summaryWidth + gap;
    const float reviewWidth = content - summaryWidth - gap;
    m_review.clear();
    const float reviewTop = top + t.bodySize() * 1.6F;
    m_review.setBounds({reviewLeft, reviewTop, reviewWidth, m_footerTop - reviewTop - t.px(12.0F)});
    const float reviewInner = reviewWidth - t.px(20.0F);
    y = reviewTop;
    for (std::size_t i = 0; i < session.getQuestionCount(); ++i)
    {
        const core::AnswerRecord* answer = session.getAnswer(i);
        if (answer == nullptr)
            continue;
        const core::PlannedQuestion& planned = session.getQuestion(i);
        auto title = std::make_unique<Panel>();
        TextStyle verdict = strong;
        std::string word;
        if (answer->score.correct)
        {
            word = "✔ Correct";
            verdict.color = c.correct;
        }
        else if (answer->score.partial)
        {
            word = "◐ Partly correct";
            verdict.color = c.critical;
        }
        else
        {
            word = answer->timedOut ? "✘ Time ran out" : "✘ Incorrect";
            verdict.color = c.wrong;
        }
        title->addText(core::RichText::fromPlain("Question " + std::to_string(i + 1) + " · " +
                                                 planned.topicTitle),
                       muted);
        title->addText(core::RichText::fromPlain(word + " · " + formatPoints(answer->score.points) +
                                                 " of " + formatPoints(answer->score.maxPoints)),
                       verdict);
        title->addText(planned.question.stem, body);
        title->setColors(c.backgroundAccent, c.border, 1.0F);
        y += m_review.add(std::move(title)).layout(reviewLeft, y, reviewInner, t) + t.px(8.0F);
        y = buildAnswerReview(m_review, t, planned, *answer, reviewLeft + t.px(16.0F), y,
                              reviewInner - t.px(16.0F), false);
        y += t.px(18.0F);
    }
    m_review.setContentHeight(y - reviewTop);

    float x = left + content;
    for (auto it = m_buttons.rbegin(); it != m_buttons.rend(); ++it)
    {
        const float width = std::max(t.px(150.0F), (*it)->preferredWidth(t));
        x -= width;
        (*it)->setBounds({x, m_footerTop, width, buttonHeight});
        x -= t.px(14.0F);
    }
}

bool ResultsScreen::handleEvent(const sf::Event& event)
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
    drawLabel(target, t, "Review of every question", review.left, review.top - t.bodySize() * 1.6F,
              t.bodySize(), c.muted, true);
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
