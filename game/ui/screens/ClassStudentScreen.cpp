#include "ClassScreens.hpp"
#include "ScreenKit.hpp"
#include "ui/ClassGame.hpp"
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

std::string place(const net::Place& standing)
{
    return "You are " + std::to_string(standing.rank) + " of " + std::to_string(standing.of) +
           " with " + std::to_string(standing.score) + " points (" +
           std::to_string(standing.correctCount) + " correct).";
}

} // namespace

ClassStudentScreen::ClassStudentScreen(ScreenStack& stack, GameContext& context)
    : Screen(stack, context)
{
    m_send = std::make_unique<Button>(
        "Send answer", [this] { send(); }, Button::Kind::Primary);
    m_send->setShortcut("Enter");
    m_rejoin = std::make_unique<Button>("Rejoin",
                                        [this]
                                        {
                                            this->context().student->startConnect(
                                                std::chrono::milliseconds(3000));
                                            rebuild();
                                        });
    m_leave = std::make_unique<Button>("Leave", [this] { requestPop(); });
    rebuild();
}

std::string ClassStudentScreen::signature() const
{
    const StudentState& s = *context().student;
    if (s.isConnecting())
        return "connecting";
    std::string sig = s.isConnected() ? "c" : "d:" + s.problem;
    if (s.end)
        return sig + "|end";
    if (s.question)
        sig += "|q" + std::to_string(s.question->index);
    if (s.ack)
        sig += s.ack->accepted ? "|ack" : "|no";
    if (s.paused)
        sig += "|paused";
    if (s.reveal)
        sig += "|rev";
    if (s.leaderboard)
        sig += "|lb";
    if (s.lobby)
        sig += "|l" + std::to_string(s.lobby->playerCount);
    return sig;
}

void ClassStudentScreen::rebuild()
{
    const StudentState& s = *context().student;
    const Theme& t = theme();
    m_shown = signature();
    m_body.clear();
    m_options.clear();
    m_field = nullptr;
    TextStyle heading{t.headingSize(), t.colors().text, true};
    TextStyle body{t.bodySize(), t.colors().text};
    TextStyle muted{t.bodySize(), t.colors().muted};
    const auto text = [this](core::RichText rich, const TextStyle& style)
    { m_body.add(std::make_unique<TextBlock>(std::move(rich), style)); };

    const bool connected = s.isConnected();
    if (s.end)
    {
        text(plain("The class is over"), heading);
        text(plain(place(s.end->you)), body);
        for (const net::Standing& standing : s.end->top)
            text(plain(std::to_string(standing.rank) + ". " + standing.nickname + "  " +
                       std::to_string(standing.score)),
                 standing.nickname == s.config.nickname ? heading : body);
    }
    else if (s.isConnecting())
    {
        text(plain("Connecting ..."), heading);
        text(plain("Reaching the class at " + s.config.address.toString() + ":" +
                   std::to_string(s.config.port) + "."),
             body);
    }
    else if (!connected)
    {
        text(plain("Not connected"), heading);
        text(plain(s.problem.empty() ? "The connection to the class ended." : s.problem), body);
        text(plain("Rejoin with the same nickname to get your score back."), muted);
    }
    else if (s.question && s.reveal && s.reveal->index == s.question->index)
    {
        const net::Reveal& r = *s.reveal;
        const bool answered =
            !r.you.optionIds.empty() || r.you.value || (r.you.order && !r.you.order->empty());
        const std::string verdict = !answered       ? "– No answer sent"
                                    : r.you.correct ? "✓ Correct"
                                    : r.you.partial ? "◐ Partly correct"
                                                    : "✗ Not correct";
        TextStyle verdictStyle = heading;
        verdictStyle.color = r.you.correct ? t.colors().correct
                                           : (r.you.partial ? t.colors().text : t.colors().wrong);
        text(plain(verdict + "   +" + std::to_string(r.you.points) + " points, total " +
                   std::to_string(r.score)),
             verdictStyle);
        text(s.question->stem, body);
        if (r.answerText)
            text(plain("Answer: " + *r.answerText), heading);
        if (r.you.right && r.you.of)
            text(plain((s.question->kind == net::QuestionKind::Ordering
                            ? "Your order had " + std::to_string(*r.you.right) + " of " +
                                  std::to_string(*r.you.of) + " pairs right."
                            : "You matched " + std::to_string(*r.you.right) + " of " +
                                  std::to_string(*r.you.of) + " prompts right.")),
                 body);
        if (r.steps && !r.steps->empty())
            text(plain(s.question->kind == net::QuestionKind::Ordering ? "The right order:"
                                                                       : "The right pairs:"),
                 muted);
        for (const net::RevealStep& step : r.steps.value_or(std::vector<net::RevealStep>{}))
        {
            auto panel = std::make_unique<Panel>();
            core::RichText line = plain(step.label + ". ");
            for (const core::TextRun& run : step.text.runs)
                line.runs.push_back(run);
            if (step.choice && step.answer)
            {
                line.append(" → " + *step.choice + ". ");
                for (const core::TextRun& run : step.answer->runs)
                    line.runs.push_back(run);
            }
            panel->addText(line, TextStyle{t.bodySize(), t.colors().text, true});
            if (!step.rationale.isEmpty())
                panel->addText(step.rationale, TextStyle{t.smallSize(), t.colors().text});
            panel->setColors(t.colors().panel, t.colors().correct, 1.0F);
            m_body.add(std::move(panel));
        }
        for (const net::WireOption& option : s.question->options)
        {
            const bool right = std::find(r.correctIds.begin(), r.correctIds.end(), option.id) !=
                               r.correctIds.end();
            const bool mine =
                std::find(s.picked.begin(), s.picked.end(), option.id) != s.picked.end();
            auto panel = std::make_unique<Panel>();
            core::RichText line = plain((right ? "✓ " : "   ") + option.label + "  ");
            for (const core::TextRun& run : option.text.runs)
                line.runs.push_back(run);
            if (mine)
                line.runs.push_back({"   (your answer)"});
            panel->addText(line, right ? TextStyle{t.bodySize(), t.colors().correct, true} : body);
            for (const net::RevealOption& why : r.options)
            {
                if (why.id == option.id && !why.rationale.isEmpty())
                    panel->addText(why.rationale, TextStyle{t.smallSize(), t.colors().text});
            }
            panel->setColors(t.colors().panel, right ? t.colors().correct : t.colors().border,
                             right ? 3.0F : 1.0F);
            m_body.add(std::move(panel));
        }
        if (!r.explanation.isEmpty())
            text(r.explanation, body);
    }
    else if (s.question)
    {
        const net::QuestionShow& q = *s.question;
        text(plain("Question " + std::to_string(q.index + 1) + " of " + std::to_string(q.total)),
             muted);
        if (s.paused)
            text(plain("Paused by the instructor: wait for the question to go on."), heading);
        text(q.stem, TextStyle{t.textSize(26.0F), t.colors().text});
        const bool locked = (s.ack && s.ack->accepted) || s.paused;
        if (s.isTypedQuestion())
            addTypedQuestion(q, locked);
        for (std::size_t i = 0; i < q.options.size(); ++i)
        {
            auto button = std::make_unique<OptionButton>(q.options[i].label, q.options[i].text,
                                                         q.kind == net::QuestionKind::Multiple,
                                                         [this, i] { pick(i); });
            button->setSelected(std::find(s.picked.begin(), s.picked.end(), q.options[i].id) !=
                                s.picked.end());
            button->setEnabled(!locked);
            m_options.push_back(&m_body.add(std::move(button)));
        }
        if (s.ack && s.ack->accepted)
            text(plain("✓ Answer received. Wait for the reveal on the projector."), muted);
        else if (s.ack && s.ack->reason == net::Reason::Paused)
            text(plain("The instructor has paused the class: send your answer again when the "
                       "question goes on."),
                 body);
        else if (s.ack && !s.ack->text.empty())
            text(plain("The host did not take that answer: " + s.ack->text), muted);
        else if (s.ack)
            text(plain(std::string("The host did not take that answer (") +
                       net::toString(s.ack->reason) + "); try again."),
                 muted);
    }
    else
    {
        text(plain("You are in, " + s.config.nickname), heading);
        std::string waiting = "Wait for the instructor to start.";
        if (s.lobby)
            waiting += " " + std::to_string(s.lobby->playerCount) + " in the class.";
        if (s.leaderboard)
            waiting = place(s.leaderboard->you);
        text(plain(waiting), body);
    }
    m_send->setVisible(connected && s.question && !s.reveal && !(s.ack && s.ack->accepted) &&
                       !s.end && !s.paused);
    m_send->setEnabled(s.isTypedQuestion() ? !s.typed.empty() : !s.picked.empty());
    m_rejoin->setVisible(!connected && !s.end && !s.isConnecting());
    m_widgets = {&m_body, m_leave.get(), m_rejoin.get(), m_send.get()};
    m_focus.clear();
    for (OptionButton* option : m_options)
        m_focus.add(option);
    m_focus.add(&m_body);
    m_focus.add(m_leave.get());
    m_focus.add(m_rejoin.get());
    m_focus.add(m_send.get());
    if (!m_options.empty())
        m_focus.focus(m_options.front());
    if (getSize().x > 0.0F)
        layout(getSize());
}

void ClassStudentScreen::pick(std::size_t position)
{
    StudentState& s = *context().student;
    if (!s.question || position >= s.question->options.size() || (s.ack && s.ack->accepted) ||
        s.paused)
        return;
    const std::string& id = s.question->options[position].id;
    if (s.question->kind != net::QuestionKind::Multiple)
    {
        s.picked = {id};
        send();
        return;
    }
    const auto found = std::find(s.picked.begin(), s.picked.end(), id);
    if (found == s.picked.end())
        s.picked.push_back(id);
    else
        s.picked.erase(found);
    for (std::size_t i = 0; i < m_options.size(); ++i)
        m_options[i]->setSelected(std::find(s.picked.begin(), s.picked.end(),
                                            s.question->options[i].id) != s.picked.end());
    m_send->setEnabled(!s.picked.empty());
}

void ClassStudentScreen::send()
{
    context().student->sendAnswer();
    rebuild();
}

bool ClassStudentScreen::update(std::chrono::milliseconds elapsed)
{
    context().student->advance(elapsed);
    if (signature() != m_shown)
        rebuild();
    return updateWidgets(elapsed);
}

void ClassStudentScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(20.0F);
    const float buttonHeight = t.px(54.0F);
    m_footerTop = size.y - buttonHeight - t.px(24.0F);
    m_body.setBounds({left, top, content, m_footerTop - top - t.px(16.0F)});
    float y = top;
    const float inner = content - t.px(16.0F);
    for (const auto& child : m_body.getChildren())
    {
        if (auto* block = dynamic_cast<TextBlock*>(child.get()))
        {
            block->layout(inner, t);
            block->setPosition(left, y);
            y += block->getLayoutHeight() + t.px(14.0F);
        }
        else if (auto* option = dynamic_cast<OptionButton*>(child.get()))
            y += option->layout(left, y, inner, t) + t.px(10.0F);
        else if (auto* field = dynamic_cast<NumberField*>(child.get()))
            y += field->layout(left, y, std::min(inner, t.px(520.0F)), t) + t.px(10.0F);
        else if (auto* panel = dynamic_cast<Panel*>(child.get()))
            y += panel->layout(left, y, inner, t) + t.px(8.0F);
    }
    m_body.setContentHeight(y - top);
    m_leave->setBounds({left, m_footerTop, t.px(160.0F), buttonHeight});
    const float sendWidth = std::max(t.px(220.0F), m_send->preferredWidth(t));
    m_send->setBounds({left + content - sendWidth, m_footerTop, sendWidth, buttonHeight});
    const float rejoinWidth = std::max(t.px(200.0F), m_rejoin->preferredWidth(t));
    m_rejoin->setBounds({left + content - rejoinWidth, m_footerTop, rejoinWidth, buttonHeight});
}

bool ClassStudentScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    const StudentState& s = *context().student;
    if (m_field != nullptr && !s.reveal)
    {
        // The keys type the answer: letters and digits are not option keys here.
        if (event.type == sf::Event::TextEntered && event.text.unicode >= 0x20 &&
            event.text.unicode != 0x7F)
        {
            typeInto(event.text.unicode);
            return false;
        }
        if (isKey(event, sf::Keyboard::BackSpace))
        {
            m_field->erase(event.key.control);
            context().student->typed = m_field->getText();
            m_send->setEnabled(!m_field->getText().empty());
            return false;
        }
        if (event.type == sf::Event::KeyPressed && optionKey(event) >= 0)
            return false;
    }
    const int key = optionKey(event);
    if (key >= 0 && s.question && !s.reveal)
    {
        pick(static_cast<std::size_t>(key));
        return false;
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        if (m_rejoin->isVisible())
            m_rejoin->activate();
        else if (m_send->isVisible() && m_send->isEnabled())
            send();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void ClassStudentScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const StudentState& s = *context().student;
    drawHeader(target, t, "Class: " + s.config.nickname,
               s.isConnected() ? "Connected" : "Not connected");
    drawWidgets(target);
}

} // namespace quiz::ui
