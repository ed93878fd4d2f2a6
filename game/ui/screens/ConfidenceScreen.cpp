#include "NumericParts.hpp"
#include "ProgressScreens.hpp"
#include "ScreenKit.hpp"
#include "ui/Audio.hpp"
#include "ui/GameContext.hpp"
#include "ui/PlayerProgress.hpp"

#include <algorithm>
#include <utility>

namespace quiz::ui
{

bool askConfidence(const GameContext& context)
{
    return context.settings.askConfidence && context.session &&
           context.session->getConfig().mode == core::Mode::Tutor && context.progress &&
           context.progress->hasPlayer();
}

bool giveAnswer(core::Session& session, const std::vector<std::string>& ids)
{
    if (session.getPhase() != core::Phase::Asking)
        return false;
    // A single answer is given by picking it; a selection (or nothing) by submitting it.
    if (session.getCurrent().question.type != core::QuestionType::Multiple && ids.size() == 1)
        return session.pick(ids.front());
    return session.submit();
}

ConfidenceScreen::ConfidenceScreen(ScreenStack& stack, GameContext& context)
    : Screen(stack, context)
{
    const auto add = [this](const std::string& label, const std::string& key, core::Confidence c)
    {
        m_buttons.push_back(std::make_unique<Button>(label, [this, c] { choose(c); }));
        m_buttons.back()->setShortcut(key);
        m_widgets.push_back(m_buttons.back().get());
        m_focus.add(m_buttons.back().get());
    };
    add("Sure", "S", core::Confidence::Sure);
    add("Unsure", "U", core::Confidence::Unsure);
    add("Guess", "G", core::Confidence::Guess);
    m_focus.setArrowsAcross(true);
    m_focus.focus(m_buttons.front().get());

    // Say what was chosen: a single answer's options lose their highlight once it is given.
    const core::Session& session = *context.session;
    const core::PlannedQuestion& planned = session.getCurrent();
    std::string chosen;
    const std::vector<std::string>& ids = context.pendingChoice;
    for (std::size_t position = 0; position < planned.optionOrder.size(); ++position)
    {
        const core::Option& option = planned.question.options[planned.optionOrder[position]];
        if (std::find(ids.begin(), ids.end(), option.id) == ids.end())
            continue;
        chosen += (chosen.empty() ? "" : ", ") + optionBadgeFor(planned.question, position);
        if (ids.size() == 1)
            chosen += " (" + option.text.toPlain() + ")";
    }
    if (context.pendingNumber)
        chosen = formatWithUnit(planned.question, *context.pendingNumber);
    m_chosenText = (chosen.empty() ? "Left unanswered." : "Your answer: " + chosen) +
                   "\nEsc: back to the question";
}

void ConfidenceScreen::choose(core::Confidence confidence)
{
    if (m_chosen)
        return; // a double click must not record the answer twice
    m_chosen = true;
    core::Session& session = *context().session;
    const std::vector<std::string> ids = std::exchange(context().pendingChoice, {});
    const std::optional<double> number = std::exchange(context().pendingNumber, std::nullopt);
    if (number ? !session.answerNumber(*number) : !giveAnswer(session, ids))
    {
        requestPop();
        return;
    }
    context().roundConfidence[session.getCurrentIndex()] = confidence;
    context().recordAnswer(session.getCurrentIndex(), confidence);
    const core::AnswerRecord* answer = session.getAnswer(session.getCurrentIndex());
    context().audio->play(answer != nullptr && answer->score.correct ? Cue::Correct : Cue::Wrong);
    requestPop();                       // this overlay
    requestReplace(ScreenId::Feedback); // the question under it
}

void ConfidenceScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float pad = t.px(24.0F);
    const float width = std::min(size.x - t.px(32.0F), t.px(720.0F));
    // The question and the answer wrap inside the box, and the box grows to hold them.
    TextStyle heading;
    heading.size = t.headingSize();
    heading.color = t.colors().text;
    heading.bold = true;
    heading.lineSpacing = 1.25F;
    m_heading.setStyle(heading);
    m_heading.setText(core::RichText::fromPlain("How sure are you of that answer?"));
    TextStyle help;
    help.size = t.smallSize();
    help.color = t.colors().muted;
    m_help.setStyle(help);
    m_help.setText(core::RichText::fromPlain(m_chosenText));
    const float inner = width - 2 * pad;
    const float headingHeight = m_heading.layout(inner, t);
    const float helpHeight = m_help.layout(inner, t);
    const float buttonHeight = std::max(t.px(54.0F), Button::preferredHeight(t));
    const float height =
        pad + headingHeight + t.px(8.0F) + helpHeight + t.px(16.0F) + buttonHeight + pad;
    m_box = {(size.x - width) / 2.0F, std::max(0.0F, size.y - height - t.px(24.0F)), width, height};
    m_heading.setPosition(m_box.left + pad, m_box.top + pad);
    m_help.setPosition(m_box.left + pad, m_box.top + pad + headingHeight + t.px(8.0F));
    const float gap = t.px(14.0F);
    const float buttonWidth = (width - 2 * pad - 2 * gap) / 3.0F;
    float x = m_box.left + pad;
    for (const auto& button : m_buttons)
    {
        button->setBounds({x, m_box.top + height - pad - buttonHeight, buttonWidth, buttonHeight});
        x += buttonWidth + gap;
    }
}

bool ConfidenceScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        // Nothing was answered yet: back to the question with the selection as it was.
        context().pendingChoice.clear();
        context().pendingNumber.reset();
        m_chosen = true;
        requestPop();
    }
    else if (isKey(event, sf::Keyboard::S))
        choose(core::Confidence::Sure);
    else if (isKey(event, sf::Keyboard::U))
        choose(core::Confidence::Unsure);
    else if (isKey(event, sf::Keyboard::G))
        choose(core::Confidence::Guess);
    else if (isKey(event, sf::Keyboard::Enter))
    {
        if (Widget* focused = m_focus.getFocused())
            focused->activate();
    }
    else
        dispatchToWidgets(event);
    return false; // modal: the answered question underneath takes no more input
}

void ConfidenceScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const sf::Vector2f size = getSize();
    sf::Color dim = t.colors().background;
    dim.a = 150;
    drawBox(target, {0.0F, 0.0F, size.x, size.y}, dim);
    drawBox(target, m_box, t.colors().panel, t.colors().focus, t.borderWidth() + 1.0F);
    m_heading.draw(target, t);
    m_help.draw(target, t);
    drawWidgets(target);
}

} // namespace quiz::ui
