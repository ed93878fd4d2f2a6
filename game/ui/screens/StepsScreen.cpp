#include "StepsScreen.hpp"

#include "ScreenKit.hpp"
#include "ui/Audio.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>

namespace quiz::ui
{
namespace
{

bool isArrow(const sf::Event& event, sf::Keyboard::Key key)
{
    return event.type == sf::Event::KeyPressed && event.key.code == key;
}

bool inside(const sf::FloatRect& box, float x, float y)
{
    return box.contains(x, y);
}

} // namespace

StepsScreen::StepsScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const core::Session& session = *context.session;
    m_index = session.getCurrentIndex();
    const core::PlannedQuestion& planned = session.getCurrent();
    m_stem.setText(planned.question.stem);
    m_order = planned.itemOrder;
    for (std::size_t i = 0; i < planned.question.pairs.size(); ++i)
    {
        if (!planned.question.pairs[i].isDistractor())
            m_prompts.push_back(i);
    }
    m_choice.assign(m_prompts.size(), -1);
    m_leaveButton =
        std::make_unique<Button>("Leave", [this] { requestPush(ScreenId::ConfirmQuit); });
    m_leaveButton->setShortcut("Esc");
    m_submitButton = std::make_unique<Button>(
        "Submit", [this] { submit(); }, Button::Kind::Primary);
    m_submitButton->setShortcut("Enter");
    m_widgets.push_back(m_leaveButton.get());
    m_widgets.push_back(m_submitButton.get());
}

bool StepsScreen::isOrdering() const
{
    return context().session->getQuestion(m_index).question.type == core::QuestionType::Ordering;
}

std::size_t StepsScreen::rowCount() const
{
    return isOrdering() ? m_order.size() : m_prompts.size();
}

void StepsScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    float y = headerHeight(t) + t.px(22.0F);
    TextStyle stemStyle;
    stemStyle.size = t.textSize(25.0F);
    stemStyle.color = t.colors().text;
    m_stem.setStyle(stemStyle);
    m_stem.layout(content, t);
    m_stem.setPosition(left, y);
    y += m_stem.getLayoutHeight() + t.px(10.0F);
    m_helpY = y;
    y += t.smallSize() * 1.5F * 3.0F + t.px(8.0F);
    const float buttonHeight = t.px(54.0F);
    m_footerTop = size.y - buttonHeight - t.px(28.0F);
    const std::size_t rows = rowCount();
    const std::size_t legendLines =
        isOrdering() ? 0 : context().session->getQuestion(m_index).answerOrder.size() + 1;
    const float room =
        m_footerTop - y - t.px(12.0F) - static_cast<float>(legendLines) * t.smallSize() * 1.35F;
    const float gap = t.px(8.0F);
    const float rowHeight = std::clamp((room - gap * static_cast<float>(rows)) /
                                           static_cast<float>(std::max<std::size_t>(rows, 1)),
                                       t.bodySize() * 1.6F, t.bodySize() * 2.6F);
    m_rows.clear();
    for (std::size_t i = 0; i < rows; ++i)
    {
        m_rows.push_back({left, y, content, rowHeight});
        y += rowHeight + gap;
    }
    m_legendY = y + t.px(4.0F);
    const float leaveWidth = m_leaveButton->preferredWidth(t);
    m_leaveButton->setBounds({left, m_footerTop, leaveWidth, buttonHeight});
    const float submitWidth = std::max(t.px(200.0F), m_submitButton->preferredWidth(t));
    m_submitButton->setBounds(
        {left + content - submitWidth, m_footerTop, submitWidth, buttonHeight});
}

int StepsScreen::rowAt(float y) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
    {
        if (y >= m_rows[i].top && y < m_rows[i].top + m_rows[i].height)
            return static_cast<int>(i);
    }
    if (!m_rows.empty() && y < m_rows.front().top)
        return 0;
    return m_rows.empty() ? -1 : static_cast<int>(m_rows.size()) - 1;
}

void StepsScreen::moveItem(std::size_t from, std::size_t to)
{
    if (from >= m_order.size() || to >= m_order.size() || from == to)
        return;
    const std::size_t item = m_order[from];
    m_order.erase(m_order.begin() + static_cast<std::ptrdiff_t>(from));
    m_order.insert(m_order.begin() + static_cast<std::ptrdiff_t>(to), item);
    m_focusRow = to;
}

void StepsScreen::cycleAnswer(std::size_t row, int delta)
{
    if (row >= m_choice.size())
        return;
    const int count = static_cast<int>(context().session->getQuestion(m_index).answerOrder.size());
    // -1 (no answer), 0 .. count-1, round again.
    const int span = count + 1;
    m_choice[row] = ((m_choice[row] + 1 + delta) % span + span) % span - 1;
}

std::string StepsScreen::answerText(int choice) const
{
    const core::PlannedQuestion& planned = context().session->getQuestion(m_index);
    if (choice < 0 || static_cast<std::size_t>(choice) >= planned.answerOrder.size())
        return "— choose an answer —";
    const core::MatchPair& pair =
        planned.question.pairs[planned.answerOrder[static_cast<std::size_t>(choice)]];
    return std::to_string(choice + 1) + "  " + pair.answer.toPlain();
}

std::string StepsScreen::rowText(std::size_t row) const
{
    const core::Question& question = context().session->getQuestion(m_index).question;
    if (isOrdering())
        return question.items[m_order[row]].text.toPlain();
    return question.pairs[m_prompts[row]].prompt.toPlain();
}

bool StepsScreen::handleKey(const sf::Event& event)
{
    const std::size_t rows = rowCount();
    if (rows == 0 || event.type != sf::Event::KeyPressed)
        return false;
    const bool up = isArrow(event, sf::Keyboard::Up);
    const bool down = isArrow(event, sf::Keyboard::Down);
    if (isOrdering())
    {
        if (isKey(event, sf::Keyboard::Space))
        {
            m_held = !m_held;
            return true;
        }
        if ((up || down) && (m_held || event.key.alt))
        {
            if (up && m_focusRow > 0)
                moveItem(m_focusRow, m_focusRow - 1);
            else if (down && m_focusRow + 1 < rows)
                moveItem(m_focusRow, m_focusRow + 1);
            return true;
        }
    }
    else
    {
        if (isArrow(event, sf::Keyboard::Left) || isArrow(event, sf::Keyboard::Right))
        {
            cycleAnswer(m_focusRow, isArrow(event, sf::Keyboard::Left) ? -1 : 1);
            return true;
        }
        const std::size_t answers = context().session->getQuestion(m_index).answerOrder.size();
        if (event.key.code >= sf::Keyboard::Num1 && event.key.code <= sf::Keyboard::Num9)
        {
            const auto number = static_cast<std::size_t>(event.key.code - sf::Keyboard::Num1);
            if (number < answers)
                m_choice[m_focusRow] = static_cast<int>(number);
            return true;
        }
        if (isKey(event, sf::Keyboard::Tab))
        {
            m_focusRow = event.key.shift ? (m_focusRow + rows - 1) % rows : (m_focusRow + 1) % rows;
            return true;
        }
    }
    if (up || down)
    {
        if (up && m_focusRow > 0)
            --m_focusRow;
        else if (down && m_focusRow + 1 < rows)
            ++m_focusRow;
        return true;
    }
    return false;
}

void StepsScreen::handleMouse(const sf::Event& event)
{
    if (event.type == sf::Event::MouseButtonPressed)
    {
        const auto x = static_cast<float>(event.mouseButton.x);
        const auto y = static_cast<float>(event.mouseButton.y);
        for (std::size_t i = 0; i < m_rows.size(); ++i)
        {
            const sf::FloatRect row = m_rows[i];
            if (!inside(row, x, y))
                continue;
            m_focusRow = i;
            m_held = false;
            const float button = row.height;
            if (isOrdering())
            {
                const sf::FloatRect upBox{row.left + row.width - 2.0F * button, row.top, button,
                                          row.height};
                const sf::FloatRect downBox{row.left + row.width - button, row.top, button,
                                            row.height};
                if (inside(upBox, x, y))
                    moveItem(i, i > 0 ? i - 1 : i);
                else if (inside(downBox, x, y))
                    moveItem(i, i + 1 < m_rows.size() ? i + 1 : i);
                else
                    m_dragRow = static_cast<int>(i);
            }
            else
            {
                cycleAnswer(i, event.mouseButton.button == sf::Mouse::Right ? -1 : 1);
            }
            return;
        }
    }
    else if (event.type == sf::Event::MouseMoved && m_dragRow >= 0)
    {
        const int target = rowAt(static_cast<float>(event.mouseMove.y));
        if (target >= 0 && target != m_dragRow)
        {
            moveItem(static_cast<std::size_t>(m_dragRow), static_cast<std::size_t>(target));
            m_dragRow = target;
        }
    }
    else if (event.type == sf::Event::MouseButtonReleased)
    {
        m_dragRow = -1;
    }
}

bool StepsScreen::handleEvent(const sf::Event& event)
{
    core::Session& session = *context().session;
    if (session.getPhase() != core::Phase::Asking || session.getCurrentIndex() != m_index)
        return false;
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPush(ScreenId::ConfirmQuit);
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        if (m_held)
            m_held = false; // Enter drops a held item; a second Enter submits
        else
            submit();
        return false;
    }
    if (handleKey(event))
        return false;
    handleMouse(event);
    dispatchToWidgets(event);
    return false;
}

void StepsScreen::submit()
{
    core::Session& session = *context().session;
    if (session.getPhase() != core::Phase::Asking || session.getCurrentIndex() != m_index)
        return;
    const core::PlannedQuestion& planned = session.getCurrent();
    bool answered = false;
    if (isOrdering())
    {
        std::vector<std::string> ids;
        for (std::size_t index : m_order)
            ids.push_back(planned.question.items[index].id);
        answered = session.answerOrder(ids);
    }
    else
    {
        core::MatchList matches;
        for (std::size_t row = 0; row < m_prompts.size(); ++row)
        {
            const int choice = m_choice[row];
            const std::string answer =
                choice < 0
                    ? std::string()
                    : planned.question.pairs[planned.answerOrder[static_cast<std::size_t>(choice)]]
                          .id;
            matches.emplace_back(planned.question.pairs[m_prompts[row]].id, answer);
        }
        answered = session.answerMatches(matches);
    }
    if (answered)
        goOnAfterAnswer();
}

bool StepsScreen::update(std::chrono::milliseconds elapsed)
{
    core::Session& session = *context().session;
    if (session.getPhase() == core::Phase::Asking && session.getCurrentIndex() == m_index)
    {
        session.advance(elapsed);
        if (session.getPhase() != core::Phase::Asking || session.getCurrentIndex() != m_index)
        {
            goOnAfterAnswer();
            return true;
        }
    }
    return updateWidgets(elapsed);
}

bool StepsScreen::needsTicks() const
{
    const core::Session& session = *context().session;
    return session.getPhase() == core::Phase::Asking && session.getConfig().timerSeconds > 0;
}

void StepsScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const core::Session& session = *context().session;
    if (m_index >= session.getQuestionCount())
        return;
    const core::PlannedQuestion& planned = session.getQuestion(m_index);
    const std::string progress =
        std::to_string(m_index + 1) + " / " + std::to_string(session.getQuestionCount());
    std::string right = session.getConfig().mode == core::Mode::Tutor ? "Tutor" : "Exam";
    if (const auto left = session.getTimeLeft())
        right = "Time left: " + std::to_string((left->count() + 999) / 1000) + " s · " + right;
    drawHeader(target, t, roundLabel(session) + progress + "   " + planned.packTitle,
               right + " · Esc: leave");
    m_stem.draw(target, t);
    const bool ordering = isOrdering();
    const float width = m_rows.empty() ? t.contentWidth(getSize().x) : m_rows.front().width;
    const float left = m_rows.empty() ? 0.0F : m_rows.front().left;
    const std::vector<std::string> help =
        ordering
            ? std::vector<std::string>{"Put the steps in order, first at the top. Up/Down: choose "
                                       "a step.",
                                       "Space: pick it up, arrows move it, Space or Enter drops "
                                       "it. Alt+Up / Alt+Down: move at once.",
                                       "Mouse: drag a step, or use ▲ ▼ on its row. Enter or "
                                       "Submit: answer."}
            : std::vector<std::string>{"Match each prompt to an answer. Up/Down or Tab: choose a "
                                       "prompt.",
                                       "Left/Right or the answer's number key: change its "
                                       "answer.",
                                       "Mouse: click a row for the next answer, right-click for "
                                       "the one before. Enter or Submit: answer."};
    for (std::size_t line = 0; line < help.size(); ++line)
        drawLabel(target, t, fitText(t.fonts().regular, help[line], t.smallSize(), width), left,
                  m_helpY + t.smallSize() * 1.5F * static_cast<float>(line), t.smallSize(),
                  c.muted);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
    {
        const sf::FloatRect row = m_rows[i];
        const bool focused = i == m_focusRow;
        const bool held = focused && (m_held || m_dragRow == static_cast<int>(i));
        drawBox(target, row, held ? c.selected : c.panel, focused ? c.accent : c.border,
                focused ? t.borderWidth() + 1.0F : 1.0F);
        const float textY = row.top + (row.height - t.bodySize() * 1.25F) / 2.0F;
        const std::string number = std::to_string(i + 1) + ".";
        drawLabel(target, t, number, row.left + t.px(14.0F), textY, t.bodySize(), c.text, true);
        const float textLeft = row.left + t.px(14.0F) + t.bodySize() * 2.0F;
        if (ordering)
        {
            const float button = row.height;
            const std::string mark = held ? "● Moving:  " : focused ? "▶ " : "";
            const float textWidth = row.width - (textLeft - row.left) - 2.0F * button - t.px(8.0F);
            drawLabel(target, t,
                      fitText(t.fonts().regular, mark + rowText(i), t.bodySize(), textWidth),
                      textLeft, textY, t.bodySize(), c.text);
            const sf::FloatRect upBox{row.left + row.width - 2.0F * button, row.top, button,
                                      row.height};
            const sf::FloatRect downBox{row.left + row.width - button, row.top, button, row.height};
            drawBox(target, upBox, c.backgroundAccent, c.border, 1.0F);
            drawBox(target, downBox, c.backgroundAccent, c.border, 1.0F);
            drawCentred(target, t, "▲", upBox.left + button / 2.0F, textY, t.bodySize(),
                        i == 0 ? c.muted : c.text, true);
            drawCentred(target, t, "▼", downBox.left + button / 2.0F, textY, t.bodySize(),
                        i + 1 == m_rows.size() ? c.muted : c.text, true);
        }
        else
        {
            const float half = (row.width - (textLeft - row.left)) / 2.0F;
            drawLabel(target, t,
                      fitText(t.fonts().regular, rowText(i), t.bodySize(), half - t.px(16.0F)),
                      textLeft, textY, t.bodySize(), c.text);
            const sf::FloatRect box{textLeft + half - t.px(8.0F), row.top + t.px(5.0F),
                                    half - t.px(6.0F), row.height - t.px(10.0F)};
            drawBox(target, box, c.backgroundAccent, focused ? c.accent : c.border, 1.0F);
            drawLabel(target, t,
                      fitText(t.fonts().regular, "◀ ▶  " + answerText(m_choice[i]), t.bodySize(),
                              box.width - t.px(16.0F)),
                      box.left + t.px(8.0F), textY, t.bodySize(),
                      m_choice[i] < 0 ? c.muted : c.text, m_choice[i] >= 0);
        }
    }
    if (!ordering)
    {
        float y = m_legendY;
        drawLabel(target, t, "Answers (some match no prompt):", left, y, t.smallSize(), c.muted,
                  true);
        for (std::size_t k = 0; k < planned.answerOrder.size(); ++k)
        {
            y += t.smallSize() * 1.35F;
            drawLabel(
                target, t,
                fitText(t.fonts().regular, answerText(static_cast<int>(k)), t.smallSize(), width),
                left + t.px(14.0F), y, t.smallSize(), c.text);
        }
    }
    drawWidgets(target);
}

} // namespace quiz::ui
