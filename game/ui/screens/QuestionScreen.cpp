#include "NumericParts.hpp"
#include "ProgressScreens.hpp"
#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "core/pack/Numeric.hpp"
#include "core/util/ImageSniffer.hpp"
#include "ui/Audio.hpp"
#include "ui/GameContext.hpp"

#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <algorithm>
#include <cmath>

namespace quiz::ui
{
namespace
{

std::string figurePath(const GameContext& context, const core::PlannedQuestion& planned)
{
    for (const core::Pack& pack : context.packs)
    {
        if (pack.id == planned.packId)
            return (pack.baseDir.empty() ? std::string(".") : pack.baseDir) + "/" +
                   planned.question.figure->src;
    }
    return {};
}

} // namespace

QuestionScreen::QuestionScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const core::Session& session = *context.session;
    m_index = session.getCurrentIndex();
    const core::PlannedQuestion& planned = session.getCurrent();
    const core::Question& question = planned.question;
    const bool multiple = question.type == core::QuestionType::Multiple;

    if (planned.caseSize > 0)
        m_case = &m_body.add(makeCasePanel(theme(), planned));
    auto stem = std::make_unique<TextBlock>();
    stem->setText(question.stem);
    m_stem = &m_body.add(std::move(stem));
    if (question.figure)
    {
        // The checker's caps hold here too: a file that changed since the pack was checked
        // is not decoded when it is no image or over the caps; its alt text is shown instead.
        auto texture = std::make_shared<sf::Texture>();
        std::string bytes;
        bool tooLarge = false;
        if (core::readImageFile(figurePath(context, planned), core::ImageLimits{}, bytes, tooLarge)
                .empty() &&
            texture->loadFromMemory(bytes.data(), bytes.size()))
        {
            texture->setSmooth(true);
            m_figure = texture;
        }
        m_figureAlt = question.figure->alt;
    }
    for (std::size_t position = 0; position < planned.optionOrder.size(); ++position)
    {
        const core::Option& option = question.options[planned.optionOrder[position]];
        const std::string badge = optionBadgeFor(question, position);
        core::RichText text = option.text;
        if (question.type == core::QuestionType::TrueFalse && text.isEmpty())
            text = core::RichText::fromPlain(option.id == "true" ? "True" : "False");
        auto button = std::make_unique<OptionButton>(badge, text, multiple,
                                                     [this, position] { pick(position); });
        m_options.push_back(&m_body.add(std::move(button)));
    }
    if (question.type == core::QuestionType::Numeric)
    {
        auto rule = std::make_unique<TextBlock>();
        rule->setText(core::RichText::fromPlain(numericInstructions(question)));
        m_rule = &m_body.add(std::move(rule));
        auto field =
            std::make_unique<NumberField>(question.numeric ? question.numeric->unit : std::string(),
                                          [this](const std::string& refused) { refuse(refused); });
        m_number = &m_body.add(std::move(field));
    }
    m_widgets.push_back(&m_body);
    for (OptionButton* option : m_options)
        m_focus.add(option);
    if (m_number != nullptr)
        m_focus.add(m_number);

    // Leaving must not need the keyboard: the same question as Esc, one click away.
    m_leaveButton =
        std::make_unique<Button>("Leave", [this] { requestPush(ScreenId::ConfirmQuit); });
    m_leaveButton->setShortcut("Esc");
    m_hintButton = std::make_unique<Button>("Hint", [this] { showHint(); });
    m_hintButton->setShortcut(question.type == core::QuestionType::Numeric ? "Ctrl+H" : "H");
    m_hintButton->setVisible(!question.hints.empty());
    m_submitButton = std::make_unique<Button>(
        "Submit", [this] { submit(); }, Button::Kind::Primary);
    m_submitButton->setShortcut("Enter");
    m_widgets.push_back(m_leaveButton.get());
    m_widgets.push_back(m_hintButton.get());
    m_widgets.push_back(m_submitButton.get());
    m_focus.add(m_hintButton.get());
    m_focus.add(m_submitButton.get());
    m_focus.add(m_leaveButton.get());
    m_focus.setOnFocus(
        [this](Widget& widget)
        {
            if (std::find(m_options.begin(), m_options.end(), &widget) != m_options.end() ||
                &widget == m_number)
                m_body.ensureVisible(widget.getBounds());
        });
    // Typing goes straight into the number: nothing needs a click first.
    if (m_number != nullptr)
        m_focus.focus(m_number);
}

void QuestionScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const core::Session& session = *context().session;
    const core::Question& question = session.getCurrent().question;
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t);
    const float barHeight = t.px(6.0F);
    m_progress.setBounds({0.0F, top, size.x, barHeight});
    m_progress.setValue(static_cast<float>(m_index) /
                        static_cast<float>(session.getQuestionCount()));
    float bodyTop = top + barHeight + t.px(18.0F);
    if (session.getConfig().timerSeconds > 0)
    {
        m_timerBar.setBounds(
            {left + t.px(200.0F), bodyTop + t.px(4.0F), content - t.px(200.0F), t.px(14.0F)});
        bodyTop += t.px(44.0F);
    }
    const float buttonHeight = t.px(54.0F);
    m_footerTop = size.y - buttonHeight - t.px(28.0F);
    m_body.setBounds({left, bodyTop, content, m_footerTop - bodyTop - t.px(12.0F)});

    const float inner = content - t.px(20.0F); // room for the scroll bar
    float y = bodyTop;
    if (m_case != nullptr)
        y += m_case->layout(left, y, inner, t) + t.px(14.0F);
    TextStyle stemStyle;
    stemStyle.size = t.textSize(25.0F);
    stemStyle.color = t.colors().text;
    m_stem->setStyle(stemStyle);
    m_stem->layout(inner, t);
    m_stem->setPosition(left, y);
    y += m_stem->getLayoutHeight() + t.px(16.0F);
    if (question.figure)
    {
        const float maxHeight = std::max(t.px(120.0F), m_body.getBounds().height * 0.45F);
        if (m_figure)
        {
            const auto* texture = static_cast<const sf::Texture*>(m_figure.get());
            const sf::Vector2f natural(texture->getSize());
            const float scale =
                std::min({inner / natural.x, maxHeight / natural.y, 2.0F * t.px(1.0F)});
            m_figureBox = {left, y, natural.x * scale, natural.y * scale};
        }
        else
        {
            m_figureBox = {left, y, inner, t.bodySize() * 2.5F};
        }
        y += m_figureBox.height + t.px(16.0F);
    }
    if (question.type == core::QuestionType::Multiple)
        y += t.bodySize() * 1.6F; // "Select all that apply"
    for (Panel* hint : m_hints)
    {
        y += hint->layout(left, y, inner, t) + t.px(10.0F);
    }
    if (m_number != nullptr)
    {
        TextStyle ruleStyle;
        ruleStyle.size = t.bodySize();
        ruleStyle.color = t.colors().text;
        ruleStyle.bold = true;
        m_rule->setStyle(ruleStyle);
        m_rule->setPosition(left, y);
        y += m_rule->layout(inner, t) + t.px(12.0F);
        y += m_number->layout(left, y, inner, t) + t.px(16.0F);
    }
    y = layoutOptions(left, y, inner, bodyTop + m_body.getBounds().height);
    m_body.setContentHeight(y - bodyTop);

    const float leaveWidth = m_leaveButton->preferredWidth(t);
    m_leaveButton->setBounds({left, m_footerTop, leaveWidth, buttonHeight});
    const float hintWidth = m_hintButton->preferredWidth(t);
    m_hintButton->setBounds(
        {left + leaveWidth + t.px(12.0F), m_footerTop, hintWidth, buttonHeight});
    const float submitWidth = std::max(t.px(200.0F), m_submitButton->preferredWidth(t));
    m_submitButton->setBounds(
        {left + content - submitWidth, m_footerTop, submitWidth, buttonHeight});
}

float QuestionScreen::layoutOptions(float left, float top, float width, float bottom)
{
    const Theme& t = theme();
    // One column as usual; many options get tighter rows, then two columns (A-D down the left,
    // the rest down the right) when the window is wide, so they fit without scrolling.
    const auto column =
        [&](bool compact, float x, float y, float w, std::size_t from, std::size_t to)
    {
        const float gap = compact ? t.px(6.0F) : t.px(10.0F);
        for (std::size_t i = from; i < to; ++i)
        {
            m_options[i]->setCompact(compact);
            y += m_options[i]->layout(x, y, w, t) + gap;
        }
        return y;
    };
    float y = column(false, left, top, width, 0, m_options.size());
    if (y <= bottom || m_options.size() < 5)
        return y;
    y = column(true, left, top, width, 0, m_options.size());
    if (y <= bottom || width < t.px(860.0F))
        return y;
    const std::size_t half = (m_options.size() + 1) / 2;
    const float gap = t.px(14.0F);
    const float halfWidth = (width - gap) / 2.0F;
    const float leftEnd = column(true, left, top, halfWidth, 0, half);
    const float rightEnd =
        column(true, left + halfWidth + gap, top, halfWidth, half, m_options.size());
    return std::max(leftEnd, rightEnd);
}

bool QuestionScreen::handleEvent(const sf::Event& event)
{
    core::Session& session = *context().session;
    if (session.getPhase() != core::Phase::Asking)
        return false;
    const core::Question& question = session.getCurrent().question;
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPush(ScreenId::ConfirmQuit);
        return false;
    }
    if (m_number != nullptr && handleNumberEvent(event))
        return false;
    // H asks for a hint when there is one (an eighth option H is then reached with 8).
    if (isKey(event, sf::Keyboard::H) && !question.hints.empty() && m_number == nullptr)
    {
        showHint();
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        // Enter submits what is selected (a focused option is chosen with Space or its key).
        Widget* focused = m_focus.getFocused();
        if (focused == m_hintButton.get() || focused == m_leaveButton.get())
            focused->activate();
        else
            submit();
        return false;
    }
    const int key = m_number != nullptr ? -1 : optionKey(event);
    if (key >= 0)
    {
        if (static_cast<std::size_t>(key) < m_options.size())
            pick(static_cast<std::size_t>(key));
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void QuestionScreen::pick(std::size_t position)
{
    core::Session& session = *context().session;
    const core::Option* option = session.getShownOption(position);
    if (option == nullptr || session.getCurrentIndex() != m_index ||
        session.getPhase() != core::Phase::Asking)
        return;
    // A pick only selects; Submit answers, as on licensing exams and the live-class page.
    if (session.getCurrent().question.type == core::QuestionType::Multiple)
    {
        if (!session.pick(option->id))
            return;
        m_options[position]->setSelected(session.isSelected(option->id));
    }
    else
    {
        m_selected = position;
        for (std::size_t i = 0; i < m_options.size(); ++i)
            m_options[i]->setSelected(i == position);
    }
    setBlankWarning(false);
}

std::vector<std::string> QuestionScreen::chosenIds() const
{
    const core::Session& session = *context().session;
    std::vector<std::string> ids;
    for (std::size_t position = 0; position < m_options.size(); ++position)
    {
        const core::Option* option = session.getShownOption(position);
        const bool multiple = session.getCurrent().question.type == core::QuestionType::Multiple;
        if (option != nullptr &&
            (multiple ? session.isSelected(option->id) : m_selected == position))
            ids.push_back(option->id);
    }
    return ids;
}

void QuestionScreen::setBlankWarning(bool on)
{
    if (m_blankWarning == on)
        return;
    m_blankWarning = on;
    m_submitButton->setLabel(on ? "Leave unanswered" : "Submit");
    if (getSize().x > 0.0F)
        layout(getSize());
}

bool QuestionScreen::handleNumberEvent(const sf::Event& event)
{
    // A numeric question has no option keys: every character goes to the number (where a
    // letter is refused with a message), and Ctrl+H asks for a hint.
    if (event.type == sf::Event::TextEntered)
    {
        m_number->type(event.text.unicode);
        layout(getSize());
        return true;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::BackSpace)
    {
        m_number->erase(event.key.control);
        layout(getSize());
        return true;
    }
    if (isKey(event, sf::Keyboard::H) && event.key.control &&
        !context().session->getCurrent().question.hints.empty())
    {
        showHint();
        return true;
    }
    return false;
}

void QuestionScreen::refuse(const std::string& refused)
{
    // The core words it, so the game, the class host and the browser say the same thing.
    std::string message;
    if (core::parseTypedNumber(m_number->getText() + refused, message) || message.empty())
        message = "Type digits only; letters are not part of the number.";
    m_number->setMessage("“" + refused + "” was not typed. " + message);
}

void QuestionScreen::submitNumber()
{
    core::Session& session = *context().session;
    std::string message;
    const std::optional<double> value = core::parseTypedNumber(m_number->getText(), message);
    if (!value)
    {
        m_number->setMessage(message.empty() ? "Type a number." : message);
        m_focus.focus(m_number);
        layout(getSize());
        return;
    }
    if (askConfidence(context()))
    {
        context().pendingNumber = value;
        requestPush(ScreenId::Confidence);
        return;
    }
    if (session.answerNumber(*value))
        goOnAfterAnswer();
}

void QuestionScreen::submit()
{
    core::Session& session = *context().session;
    if (session.getPhase() != core::Phase::Asking || session.getCurrentIndex() != m_index)
        return;
    if (m_number != nullptr)
    {
        submitNumber();
        return;
    }
    const std::vector<std::string> ids = chosenIds();
    if (ids.empty() && !m_blankWarning)
    {
        setBlankWarning(true); // a second Submit leaves it blank on purpose
        return;
    }
    if (askConfidence(context()))
    {
        // Asked before the answer is given, so Esc on that step comes back here.
        context().pendingChoice = ids;
        requestPush(ScreenId::Confidence);
        return;
    }
    if (giveAnswer(session, ids))
        goOnAfterAnswer();
}

void QuestionScreen::showHint()
{
    core::Session& session = *context().session;
    const int index = session.useHint();
    if (index < 0)
        return;
    const Theme& t = theme();
    auto panel = std::make_unique<Panel>();
    TextStyle style;
    style.size = t.bodySize();
    style.color = t.colors().text;
    TextStyle label = style;
    label.bold = true;
    label.color = t.colors().critical;
    const auto total = session.getCurrent().question.hints.size();
    panel->addText(core::RichText::fromPlain(total > 1 ? "Hint " + std::to_string(index + 1) +
                                                             " of " + std::to_string(total)
                                                       : "Hint"),
                   label);
    panel->addText(session.getCurrent().question.hints[static_cast<std::size_t>(index)], style);
    panel->setColors(t.colors().backgroundAccent, t.colors().critical, 1.0F);
    m_hints.push_back(&m_body.add(std::move(panel)));
    if (session.getHintsShown() >= static_cast<int>(total))
        m_hintButton->setEnabled(false);
    layout(getSize());
}

bool QuestionScreen::update(std::chrono::milliseconds elapsed)
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
        if (const auto left = session.getTimeLeft())
        {
            const float total = static_cast<float>(session.getConfig().timerSeconds) * 1000.0F;
            m_timerBar.setValue(static_cast<float>(left->count()) / total);
            const bool low = left->count() <= 5000;
            m_timerBar.setFillColor(low ? theme().colors().critical : theme().colors().accent);
        }
    }
    return updateWidgets(elapsed);
}

bool QuestionScreen::needsTicks() const
{
    const core::Session& session = *context().session;
    return session.getPhase() == core::Phase::Asking && session.getConfig().timerSeconds > 0;
}

void QuestionScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const core::Session& session = *context().session;
    if (m_index >= session.getQuestionCount())
        return;
    const core::PlannedQuestion& planned = session.getQuestion(m_index);
    const std::string progress =
        std::to_string(m_index + 1) + " / " + std::to_string(session.getQuestionCount());
    const std::string mode = session.getConfig().mode == core::Mode::Tutor ? "Tutor" : "Exam";
    // The pack, not the topic: a topic such as "Misconceptions corrected" gives the answer away.
    drawHeader(target, t, roundLabel(session) + progress + "   " + planned.packTitle,
               mode + " · Esc: leave");
    m_progress.draw(target, t);
    if (const auto left = session.getTimeLeft())
    {
        const long long seconds = (left->count() + 999) / 1000;
        const sf::FloatRect bar = m_timerBar.getBounds();
        drawLabel(target, t, "Time left: " + std::to_string(seconds) + " s",
                  bar.left - t.px(200.0F), bar.top + bar.height / 2.0F - t.smallSize() * 0.7F,
                  t.smallSize(), seconds <= 5 ? c.critical : c.text, seconds <= 5);
        m_timerBar.draw(target, t);
    }
    // The figure and the prompt scroll with the body, so draw them in its view.
    const sf::FloatRect body = m_body.getBounds();
    const sf::View saved = target.getView();
    target.setView(clippedView(target, body, m_body.getScroll()));
    if (planned.question.figure)
    {
        if (m_figure)
        {
            sf::Sprite sprite(*static_cast<const sf::Texture*>(m_figure.get()));
            const sf::Vector2f natural(sprite.getTexture()->getSize());
            sprite.setScale(m_figureBox.width / natural.x, m_figureBox.height / natural.y);
            sprite.setPosition(m_figureBox.left, m_figureBox.top);
            target.draw(sprite);
        }
        else
        {
            drawBox(target, m_figureBox, c.panel, c.border, 1.0F);
            drawLabel(target, t,
                      fitText(t.fonts().italic(), "[Figure: " + m_figureAlt + "]", t.bodySize(),
                              m_figureBox.width - t.px(24.0F)),
                      m_figureBox.left + t.px(12.0F), m_figureBox.top + t.px(12.0F), t.bodySize(),
                      c.muted);
        }
    }
    if (planned.question.type == core::QuestionType::Multiple)
    {
        const float y = m_stem->getBounds().top + m_stem->getLayoutHeight() + t.px(16.0F) +
                        (planned.question.figure ? m_figureBox.height + t.px(16.0F) : 0.0F);
        drawLabel(target, t, "Select all that apply, then Submit.", body.left, y, t.bodySize(),
                  c.accent, true);
    }
    target.setView(saved);
    drawWidgets(target);
    drawFooterNote(target);
}

float QuestionScreen::footerLeftEnd() const
{
    const Button& last = m_hintButton->isVisible() ? *m_hintButton : *m_leaveButton;
    return last.getBounds().left + last.getBounds().width;
}

void QuestionScreen::drawFooterNote(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    if (!m_blankWarning && m_body.getScroll() + 0.5F < m_body.getMaxScroll())
    {
        // More below: say so in words in the footer (text is drawn after every box, so a
        // label over the options would be crossed by their text), not only with the scroll bar.
        const sf::FloatRect submit = m_submitButton->getBounds();
        const float x = footerLeftEnd() + t.px(16.0F);
        drawLabel(target, t,
                  fitText(t.fonts().bold, "▼ More below: scroll or PageDown", t.smallSize(),
                          submit.left - x - t.px(16.0F)),
                  x, submit.top + (submit.height - t.smallSize() * 1.25F) / 2.0F, t.smallSize(),
                  c.accent, true);
    }
    if (m_blankWarning)
    {
        const sf::FloatRect submit = m_submitButton->getBounds();
        const float x = footerLeftEnd();
        const float gap = t.px(16.0F);
        drawLabel(target, t,
                  fitText(t.fonts().bold, "Nothing is selected: submit again to leave it blank.",
                          t.smallSize(), submit.left - x - 2 * gap),
                  x + gap, submit.top + (submit.height - t.smallSize() * 1.25F) / 2.0F,
                  t.smallSize(), c.critical, true);
    }
}

} // namespace quiz::ui
