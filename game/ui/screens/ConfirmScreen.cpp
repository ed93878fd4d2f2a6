#include "ProgressScreens.hpp"
#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"

namespace quiz::ui
{
namespace
{

std::string plural(std::size_t count, const std::string& word)
{
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

} // namespace

std::string leaveMessage(const GameContext& context)
{
    // Say what really happens: each answer is written to the player's history when it is given.
    std::size_t answered = 0;
    std::size_t left = 0;
    if (context.session)
    {
        answered = context.session->getAnswers().size();
        left = context.session->getQuestionCount() - answered;
    }
    const std::string ending = "The round ends here with no results screen" +
                               (left > 0 ? "; " + plural(left, "question") + " not asked." : ".");
    if (!context.progress || !context.progress->hasPlayer())
        return ending + " No player is chosen, so no answer is kept.";
    if (answered == 0)
        return ending + " Nothing was answered yet, so nothing is added to " +
               context.progress->getPlayerName() + "'s history.";
    return ending + " " + (answered == 1 ? "The answer" : "The " + plural(answered, "answer")) +
           " given so far " + (answered == 1 ? "is" : "are") + " already saved in " +
           context.progress->getPlayerName() +
           "'s history and count toward statistics and reviews.";
}

ConfirmScreen::ConfirmScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    ConfirmRequest request;
    if (context.confirmRequest)
    {
        request = std::move(*context.confirmRequest);
        context.confirmRequest.reset();
    }
    else
    {
        request = {"Leave the round?", leaveMessage(context), "Leave round", "Keep playing",
                   [&context]
                   {
                       context.session.reset();
                       context.screens->clear();
                       context.screens->push(ScreenId::Title);
                   }};
    }
    m_title = request.title;
    m_stay = std::make_unique<Button>(
        request.cancelLabel, [this] { requestPop(); }, Button::Kind::Primary);
    m_leave = std::make_unique<Button>(request.confirmLabel,
                                       [this, action = std::move(request.onConfirm)]
                                       {
                                           requestPop();
                                           if (action)
                                               action();
                                       });
    m_widgets = {m_stay.get(), m_leave.get()};
    m_focus.add(m_stay.get());
    m_focus.add(m_leave.get());
    m_focus.setArrowsAcross(true);
    m_focus.focus(m_stay.get());
    m_message.setText(core::RichText::fromPlain(request.message));
}

void ConfirmScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float width = std::min(size.x - t.px(48.0F), t.px(620.0F));
    TextStyle style;
    style.size = t.bodySize();
    style.color = t.colors().text;
    m_message.setStyle(style);
    const float pad = t.px(28.0F);
    const float textHeight = m_message.layout(width - 2 * pad, t);
    const float buttonHeight = t.px(54.0F);
    const float height =
        pad + t.headingSize() * 1.5F + textHeight + t.px(24.0F) + buttonHeight + pad;
    m_box = {(size.x - width) / 2.0F, (size.y - height) / 2.0F, width, height};
    m_message.setPosition(m_box.left + pad, m_box.top + pad + t.headingSize() * 1.5F);
    const float buttonWidth = (width - 2 * pad - t.px(16.0F)) / 2.0F;
    const float buttonY = m_box.top + height - pad - buttonHeight;
    m_leave->setBounds({m_box.left + pad, buttonY, buttonWidth, buttonHeight});
    m_stay->setBounds({m_box.left + width - pad - buttonWidth, buttonY, buttonWidth, buttonHeight});
}

bool ConfirmScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
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
    return false; // modal: nothing reaches the round underneath
}

void ConfirmScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const sf::Vector2f size = getSize();
    sf::Color dim = t.colors().background;
    dim.a = 210;
    drawBox(target, {0.0F, 0.0F, size.x, size.y}, dim);
    drawBox(target, m_box, t.colors().panel, t.colors().focus, t.borderWidth() + 1.0F);
    drawLabel(target, t, m_title, m_box.left + t.px(28.0F), m_box.top + t.px(28.0F),
              t.headingSize(), t.colors().text, true);
    m_message.draw(target, t);
    drawWidgets(target);
}

} // namespace quiz::ui
