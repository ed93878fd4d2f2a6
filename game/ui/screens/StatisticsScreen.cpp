#include "ProgressScreens.hpp"
#include "ScreenKit.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

/// Days shown in the charts: the most recent ones with answers.
constexpr std::size_t kChartDays = 14;

/// Fewer answers than this in a topic say too little for a mastery figure: one right answer
/// would read as 100%.
constexpr std::int64_t kMinAnswersForMastery = 3;

std::string percent(double fraction)
{
    return std::to_string(static_cast<int>(std::lround(fraction * 100.0))) + "%";
}

bool hasMastery(const core::TopicMastery& topic)
{
    return topic.answeredCount >= kMinAnswersForMastery;
}

/// "75%", or "1 answer" / "2 answers" while there are too few to tell.
std::string masteryText(const core::TopicMastery& topic)
{
    if (hasMastery(topic))
        return percent(topic.mastery);
    return std::to_string(topic.answeredCount) +
           (topic.answeredCount == 1 ? " answer" : " answers");
}

} // namespace

StatisticsScreen::StatisticsScreen(ScreenStack& stack, GameContext& context)
    : Screen(stack, context)
{
    if (core::ProgressStore* store = context.progress->getStore())
    {
        const core::Outcome<core::Statistics> stats =
            store->computeStatistics(context.now(), {context.utcOffsetMinutes});
        if (stats.isOk())
            m_stats = stats.getValue();
        else
            m_error = stats.getMessage();
    }
    else
    {
        m_error = "No player chosen: choose one on the Players screen.";
    }
    for (const core::TopicMastery& topic : m_stats.weakestTopics)
    {
        const std::string label =
            topicTitle(topic.packId, topic.topicId) + " (" + masteryText(topic) + ")";
        m_buttons.push_back(std::make_unique<Button>(label, [this, topic] { practise(topic); }));
    }
    m_more = std::make_unique<Button>("", [this] { showMoreTopics(); });
    m_widgets.push_back(m_more.get());
    m_focus.add(m_more.get());
    m_buttons.push_back(std::make_unique<Button>(
        "Back", [this] { requestPop(); }, Button::Kind::Primary));
    m_buttons.back()->setShortcut("Esc");
    m_back = m_buttons.back().get();
    for (const auto& button : m_buttons)
    {
        m_widgets.push_back(button.get());
        m_focus.add(button.get());
    }
    m_focus.focus(m_buttons.front().get());

    const std::size_t first =
        m_stats.days.size() > kChartDays ? m_stats.days.size() - kChartDays : 0;
    std::vector<float> accuracy;
    std::vector<long long> critical;
    for (std::size_t i = first; i < m_stats.days.size(); ++i)
    {
        accuracy.push_back(static_cast<float>(m_stats.days[i].accuracy));
        critical.push_back(m_stats.days[i].criticalCount);
    }
    const std::string from = m_stats.days.empty() ? "" : m_stats.days[first].date.substr(5);
    const std::string to = m_stats.days.empty() ? "" : m_stats.days.back().date.substr(5);
    m_accuracyChart.setValues(accuracy, from, to);
    m_criticalChart.setValues(critical, from, to);
}

std::string StatisticsScreen::topicTitle(const std::string& packId,
                                         const std::string& topicId) const
{
    for (const core::Pack& pack : context().packs)
    {
        if (pack.id != packId)
            continue;
        if (const core::Topic* topic = pack.findTopic(topicId))
            return topic->title;
    }
    return topicId.empty() ? "Other" : topicId;
}

void StatisticsScreen::practise(const core::TopicMastery& topic)
{
    core::SessionConfig config;
    config.selections = {{topic.packId, topic.topicId}};
    config.mode = core::Mode::Tutor;
    config.count = 10;
    config.seed = context().setup.seed;
    context().roundMode.clear();
    context().lastError = context().startSession(config);
}

void StatisticsScreen::showMoreTopics()
{
    m_topicOffset += m_shownTopics;
    if (m_topicOffset >= m_stats.topics.size())
        m_topicOffset = 0;
    layout(getSize());
}

void StatisticsScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    // The same content column and footer as the other screens.
    const float content = t.contentWidth(size.x);
    const float margin = (size.x - content) / 2.0F;
    const float gap = t.px(28.0F);
    m_contentTop = headerHeight(t) + t.px(20.0F);
    const float buttonHeight = std::max(t.px(54.0F), Button::preferredHeight(t));
    // The weakest-topic and paging buttons are smaller, but never shorter than their text.
    const float smallButton = std::max(t.px(54.0F) * 0.8F, Button::preferredHeight(t));
    const float footer = size.y - buttonHeight - t.px(28.0F);
    const float backWidth = std::max(t.px(160.0F), m_back->preferredWidth(t));
    m_back->setBounds({size.x - margin - backWidth, footer, backWidth, buttonHeight});
    const float columnWidth = (content - gap) / 2.0F;
    m_leftColumn = {margin, m_contentTop, columnWidth, footer - m_contentTop - t.px(12.0F)};
    m_rightColumn = {margin + columnWidth + gap, m_contentTop, columnWidth, m_leftColumn.height};

    // Left: the summary lines, then one bar per topic as far as they fit.
    m_labels.clear();
    const float line = t.bodySize() * 1.45F;
    float y = m_contentTop + line * 4.0F + t.px(8.0F);
    m_labels.push_back({"Mastery by topic", {margin, y}});
    y += t.bodySize() * 1.5F;
    const float row = t.smallSize() * 1.3F + t.px(22.0F);
    const std::size_t weakRows = m_buttons.size() - 1;
    const float weakHeight = weakRows == 0 ? 0.0F
                                           : t.bodySize() * 1.6F + static_cast<float>(weakRows) *
                                                                       (smallButton + t.px(8.0F));
    const float moreHeight = smallButton;
    float barsBottom = m_leftColumn.top + m_leftColumn.height;
    std::size_t fits = static_cast<std::size_t>(std::max(0.0F, (barsBottom - y) / row));
    if (fits < m_stats.topics.size())
    {
        // Not all fit: a button pages through the rest.
        barsBottom -= moreHeight + t.px(8.0F);
        fits = static_cast<std::size_t>(std::max(1.0F, (barsBottom - y) / row));
    }
    if (m_topicOffset >= m_stats.topics.size())
        m_topicOffset = 0;
    m_shownTopics = std::min(fits, m_stats.topics.size() - m_topicOffset);
    m_bars.assign(m_shownTopics, ProgressBar());
    for (std::size_t i = 0; i < m_shownTopics; ++i)
    {
        const core::TopicMastery& topic = m_stats.topics[m_topicOffset + i];
        const std::string value = masteryText(topic);
        const float valueWidth = measureText(t.fonts().regular, value, t.smallSize());
        const std::string name = fitText(t.fonts().regular, topicTitle(topic.packId, topic.topicId),
                                         t.smallSize(), columnWidth - valueWidth - t.px(12.0F));
        m_labels.push_back({name, {margin, y}});
        m_labels.push_back({value, {margin + columnWidth - valueWidth, y}});
        m_bars[i].setValue(hasMastery(topic) ? static_cast<float>(topic.mastery) : 0.0F);
        m_bars[i].setBounds({margin, y + t.smallSize() * 1.3F, columnWidth, t.px(14.0F)});
        y += row;
    }
    const bool paged = m_shownTopics < m_stats.topics.size();
    m_more->setVisible(paged);
    if (paged)
    {
        const std::size_t after = m_stats.topics.size() - m_topicOffset - m_shownTopics;
        m_more->setLabel(after > 0 ? "Next topics (" + std::to_string(after) + " more)"
                                   : "Back to the first topics");
        m_more->setBounds({margin, m_leftColumn.top + m_leftColumn.height - moreHeight,
                           std::min(columnWidth, m_more->preferredWidth(t)), moreHeight});
    }

    m_noteY = y + t.px(4.0F);

    // Right: the two charts, then the weakest topics with their buttons.
    const float chartsHeight = m_rightColumn.height - weakHeight;
    const float chartHeight =
        std::max(t.px(60.0F), (chartsHeight - 2 * t.bodySize() * 1.5F) / 2.0F);
    float right = m_contentTop;
    m_labels.push_back({"Accuracy per day", {m_rightColumn.left, right}});
    right += t.bodySize() * 1.3F;
    m_accuracyChart.setBounds({m_rightColumn.left, right, columnWidth, chartHeight});
    right += chartHeight + t.px(6.0F);
    m_labels.push_back({"Critical safety errors per day", {m_rightColumn.left, right}});
    right += t.bodySize() * 1.3F;
    m_criticalChart.setBounds({m_rightColumn.left, right, columnWidth, chartHeight});
    right += chartHeight + t.px(10.0F);
    if (weakRows > 0)
    {
        m_labels.push_back({"Weakest topics: practice one", {m_rightColumn.left, right}});
        right += t.bodySize() * 1.5F;
    }
    for (std::size_t i = 0; i < weakRows; ++i)
    {
        m_buttons[i]->setBounds({m_rightColumn.left, right, columnWidth, smallButton});
        right += smallButton + t.px(8.0F);
    }
}

bool StatisticsScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape) || isKey(event, sf::Keyboard::BackSpace))
    {
        requestPop();
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        if (Widget* focused = m_focus.getFocused())
            focused->activate();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void StatisticsScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    drawBox(target, {0.0F, 0.0F, getSize().x, getSize().y}, c.background);
    drawHeader(target, t, "Statistics", context().progress->getPlayerName());
    const float x = m_leftColumn.left;
    const float line = t.bodySize() * 1.45F;
    float y = m_contentTop;
    if (!m_error.empty())
    {
        drawLabel(target, t, fitText(t.fonts().regular, m_error, t.bodySize(), m_leftColumn.width),
                  x, y, t.bodySize(), c.critical);
        drawWidgets(target);
        return;
    }
    const auto stat = [&](const std::string& name, const std::string& value)
    {
        drawLabel(target, t, name, x, y, t.bodySize(), c.muted);
        drawLabel(target, t, value, x + m_leftColumn.width * 0.5F, y, t.bodySize(), c.text, true);
        y += line;
    };
    stat("Answered", std::to_string(m_stats.answeredCount) + " (" +
                         std::to_string(m_stats.questionCount) +
                         (m_stats.questionCount == 1 ? " question)" : " questions)"));
    stat("Accuracy", percent(m_stats.accuracy));
    stat("Study streak", std::to_string(m_stats.currentStreakDays) +
                             (m_stats.currentStreakDays == 1 ? " day" : " days") + " (best " +
                             std::to_string(m_stats.longestStreakDays) + ")");
    stat("Critical errors", std::to_string(m_stats.criticalCount));
    for (std::size_t i = 0; i < m_labels.size(); ++i)
    {
        const bool heading = i == 0 || m_labels[i].first == "Accuracy per day" ||
                             m_labels[i].first == "Critical safety errors per day" ||
                             m_labels[i].first == "Weakest topics: practice one";
        drawLabel(target, t, m_labels[i].first, m_labels[i].second.x, m_labels[i].second.y,
                  heading ? t.bodySize() : t.smallSize(), c.text, heading);
    }
    for (const ProgressBar& bar : m_bars)
        bar.draw(target, t);
    if (!m_stats.topics.empty() && m_shownTopics == m_stats.topics.size() &&
        m_noteY + t.smallSize() * 1.5F < m_leftColumn.top + m_leftColumn.height)
    {
        const std::string note = "Mastery: your latest score per question, from 3 answers on.";
        drawLabel(target, t, fitText(t.fonts().regular, note, t.smallSize(), m_leftColumn.width), x,
                  m_noteY, t.smallSize(), c.muted);
    }
    if (m_stats.topics.empty())
        drawLabel(target, t, "No answers yet: play a round first.", x,
                  m_contentTop + line * 4.0F + t.px(8.0F) + t.bodySize() * 1.5F, t.smallSize(),
                  c.muted);
    m_accuracyChart.draw(target, t);
    m_criticalChart.draw(target, t);
    drawWidgets(target);
}

} // namespace quiz::ui
