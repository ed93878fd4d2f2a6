// Layout and drawing of the instructor's class screen, one part per class phase.
#include "ClassScreens.hpp"
#include "NumericParts.hpp"
#include "ScreenKit.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"
#include "ui/widgets/ClassCharts.hpp"

#include <algorithm>
#include <cmath>

namespace quiz::ui
{

void ClassHostScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(20.0F);
    const float buttonHeight = t.px(54.0F);
    m_footerTop = size.y - buttonHeight - t.px(24.0F);
    const float bottom = m_footerTop - t.smallSize() * 1.8F;

    // The pacing bar: the main action at the right, the others from the left, narrowed
    // together when they would not fit beside it.
    const float gap = t.px(10.0F);
    const float mainWidth = std::max(t.px(220.0F), m_bar[0]->preferredWidth(t));
    m_bar[0]->setBounds({left + content - mainWidth, m_footerTop, mainWidth, buttonHeight});
    float wanted = 0.0F;
    for (std::size_t i = 1; i < m_bar.size(); ++i)
        wanted += m_bar[i]->isVisible() ? m_bar[i]->preferredWidth(t) + gap : 0.0F;
    const float room = content - mainWidth - gap;
    const float shrink = wanted > room ? room / wanted : 1.0F;
    float x = left;
    for (std::size_t i = 1; i < m_bar.size(); ++i)
    {
        if (!m_bar[i]->isVisible())
            continue;
        const float width = m_bar[i]->preferredWidth(t) * shrink;
        m_bar[i]->setBounds({x, m_footerTop, width, buttonHeight});
        x += width + gap * shrink;
    }

    const core::ClassPhase phase = context().classGame->getClassroom().getPhase();
    const float sideWidth = content * 0.34F;
    const float sideLeft = left + content - sideWidth;
    m_sideBox = {sideLeft, top, sideWidth, bottom - top};
    m_chartBox = {left, top, content, bottom - top};
    if (phase == core::ClassPhase::Lobby)
    {
        const ClassGame& game = *context().classGame;
        // The QR code reads from the back of a room at a little over a third of the height.
        const float codeHeight = game.isLive() ? std::round(size.y * 0.36F) + t.px(16.0F) : 0.0F;
        m_join.setJoin(game.getAddresses(), game.getCode());
        m_join.setBounds({left, top, content, codeHeight - t.px(16.0F)});
        m_join.arrange();
        m_sideBox = {left, top + codeHeight + t.bodySize() * 2.0F, content,
                     bottom - top - codeHeight - t.bodySize() * 2.0F};
    }
    else if (phase == core::ClassPhase::Question)
    {
        layoutQuestion(size, top, bottom);
    }
    else if (phase == core::ClassPhase::Reveal)
    {
        const float chartWidth = content * 0.52F;
        m_chartBox = {left, top + t.bodySize() * 2.0F, chartWidth,
                      bottom - top - t.bodySize() * 2.0F};
        const float bodyLeft = left + chartWidth + t.px(32.0F);
        const float bodyWidth = left + content - bodyLeft;
        m_body.setBounds({bodyLeft, top, bodyWidth, bottom - top});
        float y = top;
        const float inner = bodyWidth - t.px(16.0F);
        for (const auto& child : m_body.getChildren())
        {
            if (auto* stem = dynamic_cast<TextBlock*>(child.get()))
            {
                stem->setStyle({t.textSize(26.0F), t.colors().text, true});
                y += stem->layout(inner, t) + t.px(16.0F);
                stem->setPosition(bodyLeft, top);
            }
            else if (auto* panel = dynamic_cast<Panel*>(child.get()))
            {
                y += panel->layout(bodyLeft, y, inner, t);
            }
        }
        m_body.setContentHeight(y - top);
    }
    else if (phase == core::ClassPhase::Finished)
    {
        m_chartBox = {left, top, content * 0.55F, bottom - top};
        m_sideBox = {left + content * 0.58F, top, content * 0.42F, bottom - top};
    }
}

void ClassHostScreen::layoutQuestion(sf::Vector2f size, float top, float bottom)
{
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float bodyWidth = m_sideBox.left - left - t.px(32.0F);
    m_body.setBounds({left, top, bodyWidth, bottom - top});
    const float inner = bodyWidth - t.px(16.0F);
    // Lays the question out from the top; returns the height it takes.
    const auto place = [&](bool compact, float stemShare)
    {
        const float gap = compact ? t.px(6.0F) : t.px(10.0F);
        for (OptionButton* option : m_options)
            option->setCompact(compact);
        float y = top;
        if (m_stem != nullptr)
        {
            // Large type for the back of the room.
            // A list of steps needs the room a long stem would take.
            m_stem->setStyle({t.textSize((m_stepsTyping ? 30.0F : 34.0F) * stemShare),
                              t.colors().text, false, false, 1.3F});
            y += m_stem->layout(inner, t) + t.px(m_stepsTyping ? 12.0F : 24.0F);
            m_stem->setPosition(left, top);
        }
        // What to type and the typed field: after a numeric question's stem; above an ordering or
        // matching question's items, so the letters typed stay in sight however long the list.
        const auto layoutTyping = [&]
        {
            if (m_numberRule != nullptr)
            {
                m_numberRule->setStyle(
                    {t.textSize(m_stepsTyping ? 22.0F : 26.0F), t.colors().text, true});
                m_numberRule->setPosition(left, y);
                y += m_numberRule->layout(inner, t) + t.px(12.0F);
            }
            if (m_numberField != nullptr)
                y += m_numberField->layout(left, y, std::min(inner, t.px(520.0F)), t) + t.px(10.0F);
        };
        if (m_stepsTyping)
            layoutTyping();
        if (m_prompts != nullptr)
        {
            // A matching question: the numbered prompts beside their lettered choices.
            const float promptWidth = inner * 0.4F;
            m_prompts->setStyle({t.textSize(26.0F), t.colors().text, false, false, 1.3F});
            m_prompts->setPosition(left, y);
            const float promptsBottom = y + m_prompts->layout(promptWidth, t);
            const float choicesLeft = left + promptWidth + t.px(16.0F);
            for (OptionButton* option : m_options)
                y += option->layout(choicesLeft, y, left + inner - choicesLeft, t) + gap;
            y = std::max(y, promptsBottom + gap);
        }
        else
        {
            for (OptionButton* option : m_options)
                y += option->layout(left, y, inner, t) + gap;
        }
        if (!m_stepsTyping)
            layoutTyping();
        return y - top;
    };
    // The whole question in sight of the room: when it does not fit, the options tighten
    // their padding, then the stem's type steps down a size; only a list still too long
    // for that scrolls.
    const float room = bottom - top;
    float height = place(false, 1.0F);
    if (height > room)
        height = place(true, 1.0F);
    if (height > room)
        height = place(true, 0.8F);
    m_body.setContentHeight(height);

    const float rowHeight = std::max(t.px(46.0F), t.bodySize() * 1.9F);
    float sideY = m_sideBox.top + t.bodySize() * 1.8F;
    // Each team's button leaves room beside it for its state in words ("▶ choosing").
    float stateWidth = 0.0F;
    for (const char* state : {"✓ locked", "▶ choosing", "waiting"})
        stateWidth = std::max(stateWidth, measureText(t.fonts().bold, state, t.bodySize()));
    const float teamWidth =
        std::min(m_sideBox.width * 0.62F, m_sideBox.width - stateWidth - t.px(20.0F));
    for (Button* team : m_teamButtons)
    {
        team->setBounds({m_sideBox.left, sideY, teamWidth, rowHeight});
        sideY += rowHeight + t.px(8.0F);
    }
    for (std::size_t i = 0; i < m_handButtons.size(); ++i)
    {
        const float rowY = sideY + static_cast<float>(i / 2) * (rowHeight + t.px(8.0F));
        const float x = m_sideBox.left + m_sideBox.width -
                        static_cast<float>(2 - i % 2) * (rowHeight + t.px(8.0F));
        m_handButtons[i]->setBounds({x, rowY, rowHeight, rowHeight});
    }
}

void ClassHostScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    const core::ClassPhase phase = room.getPhase();
    std::string title;
    std::string right = game.isLive() ? "Code " + game.getCode() : "Projector";
    const std::string counter = "Question " + std::to_string(room.getCurrentIndex() + 1) + " of " +
                                std::to_string(room.getQuestionCount());
    switch (phase)
    {
    case core::ClassPhase::Lobby:
        title = game.isLive() ? "Class lobby" : "Teams ready";
        break;
    case core::ClassPhase::Question:
        title = counter;
        if (room.getSettings().timeLimit.count() > 0)
            right = formatDuration(room.getTimeLeft(game.getNow()).count() + 999) + " left";
        if (room.isPaused())
            right = "Paused";
        break;
    case core::ClassPhase::Reveal:
        title = counter + ": answers";
        break;
    case core::ClassPhase::Leaderboard:
        title = "Leaderboard after question " + std::to_string(room.getCurrentIndex() + 1);
        break;
    case core::ClassPhase::Finished:
        title = "Final results";
        break;
    }
    const float top = drawHeader(target, t, title, right) + t.px(20.0F);
    if (phase == core::ClassPhase::Lobby)
        drawLobby(target, top);
    else if (phase == core::ClassPhase::Question)
        drawQuestion(target, top);
    else if (phase == core::ClassPhase::Reveal)
        drawReveal(target, top);
    else if (phase == core::ClassPhase::Leaderboard)
        drawStandings(target, t, m_chartBox, makeStandingRows(room));
    else
    {
        drawPodium(target, t, m_chartBox, makeStandingRows(room));
        drawLabel(target, t, "Every place", m_sideBox.left, m_sideBox.top, t.bodySize(), c.muted,
                  true);
        drawStandings(target, t,
                      {m_sideBox.left, m_sideBox.top + t.bodySize() * 1.8F, m_sideBox.width,
                       m_sideBox.height - t.bodySize() * 1.8F},
                      makeStandingRows(room));
    }
    if (phase == core::ClassPhase::Question && room.isPaused())
    {
        // Text is drawn after every box of the screen, so the question is left out, not
        // covered: the panel stands where it was.
        for (const Widget* widget : m_widgets)
        {
            if (widget != &m_body)
                widget->draw(target, t);
        }
        drawPaused(target);
    }
    else
    {
        drawWidgets(target);
    }
    if (!m_notice.empty())
    {
        const float width = t.contentWidth(getSize().x);
        drawLabel(target, t, fitText(t.fonts().regular, m_notice, t.smallSize(), width),
                  (getSize().x - width) / 2.0F, m_footerTop - t.smallSize() * 1.6F, t.smallSize(),
                  c.muted);
    }
}

void ClassHostScreen::drawLobby(sf::RenderTarget& target, float /*top*/) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    if (game.isLive())
        m_join.draw(target, t);
    const std::vector<core::ClassStanding> players = room.getStandings();
    std::string caption =
        std::to_string(players.size()) +
        (game.isLive() ? (players.size() == 1 ? " student joined" : " students joined") : " teams");
    if (room.isLocked())
        caption += "  ·  lobby locked: nobody new can join";
    drawLabel(target, t, caption, m_sideBox.left, m_sideBox.top - t.bodySize() * 1.8F, t.bodySize(),
              c.text, true);
    const float rowHeight = std::max(t.px(40.0F), t.bodySize() * 1.7F);
    const float columnWidth = m_sideBox.width / 3.0F;
    const std::size_t rows = static_cast<std::size_t>(m_sideBox.height / rowHeight);
    for (std::size_t i = 0; i < players.size(); ++i)
    {
        const std::size_t row = i / 3;
        if (row >= rows)
        {
            drawLabel(target, t, "… and " + std::to_string(players.size() - i) + " more",
                      m_sideBox.left, m_sideBox.top + static_cast<float>(rows) * rowHeight,
                      t.smallSize(), c.muted);
            break;
        }
        const core::ClassPlayer& player = room.getPlayers()[players[i].player];
        const sf::FloatRect cell{m_sideBox.left + static_cast<float>(i % 3) * columnWidth,
                                 m_sideBox.top + static_cast<float>(row) * rowHeight,
                                 columnWidth - t.px(10.0F), rowHeight - t.px(6.0F)};
        const bool selected = game.isLive() && i == m_selectedPlayer;
        drawBox(target, cell, c.panel, selected ? c.focus : c.border,
                selected ? std::max(2.0F, t.px(3.0F)) : 1.0F);
        std::string name = (game.isLive() ? "" : std::to_string(i + 1) + ". ") + player.nickname;
        if (!player.connected)
            name += " (away)";
        drawLabel(target, t,
                  fitText(t.fonts().regular, name, t.bodySize(), cell.width - t.px(20.0F)),
                  cell.left + t.px(10.0F), cell.top + (cell.height - t.bodySize() * 1.25F) / 2.0F,
                  t.bodySize(), player.connected ? c.text : c.muted);
    }
    if (players.empty())
        drawLabel(target, t, "Waiting for students…", m_sideBox.left, m_sideBox.top, t.bodySize(),
                  c.muted);
}

void ClassHostScreen::drawQuestion(sf::RenderTarget& target, float /*top*/) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    const ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    const std::size_t index = room.getCurrentIndex();
    const sf::FloatRect side = m_sideBox;
    drawBox(target, {side.left - t.px(16.0F), side.top - t.px(8.0F), 2.0F, side.height}, c.border);
    const std::string answered = "Answered " + std::to_string(room.countAnswered()) + " of " +
                                 std::to_string(room.countConnected());
    if (game.isLive() || !m_hands)
        drawLabel(target, t, answered, side.left, side.top, t.bodySize(), c.text, true);
    if (game.isLive())
    {
        ProgressBar bar;
        const float share = room.countConnected() == 0
                                ? 0.0F
                                : static_cast<float>(room.countAnswered()) /
                                      static_cast<float>(room.countConnected());
        bar.setValue(share);
        bar.setBounds({side.left, side.top + t.bodySize() * 1.8F, side.width, t.px(18.0F)});
        bar.draw(target, t);
        drawLabel(target, t, "Students answer on their own screens.", side.left,
                  side.top + t.bodySize() * 1.8F + t.px(34.0F), t.smallSize(), c.muted);
        return;
    }
    if (m_hands)
    {
        drawLabel(target, t, "Show of hands: " + std::to_string(game.getHands().total(index)),
                  side.left, side.top, t.bodySize(), c.text, true);
        const core::Question& question = room.getQuestion(index);
        for (std::size_t i = 0; i * 2 < m_handButtons.size(); ++i)
        {
            const sf::FloatRect row = m_handButtons[i * 2]->getBounds();
            drawOptionMark(target, t, i, optionBadgeFor(question, i), side.left, row.top,
                           row.height);
            drawLabel(target, t, std::to_string(game.getHands().get(index, i)),
                      side.left + row.height + t.px(16.0F),
                      row.top + (row.height - t.headingSize() * 1.25F) / 2.0F, t.headingSize(),
                      c.text, true);
        }
        drawLabel(target, t,
                  fitText(t.fonts().regular, "Letter: one more hand. Shift+letter: one less.",
                          t.smallSize(), side.width),
                  side.left, side.top + side.height - t.smallSize() * 1.4F, t.smallSize(), c.muted);
        return;
    }
    // Each team's state in words: whether it locked, never what it chose.
    for (std::size_t i = 0; i < m_teamButtons.size(); ++i)
    {
        const sf::FloatRect row = m_teamButtons[i]->getBounds();
        const bool locked = room.getPlayers()[i].answers[index].answered;
        const bool picking = m_teamChosen && m_team == i;
        drawLabel(target, t, locked ? "✓ locked" : (picking ? "▶ choosing" : "waiting"),
                  row.left + row.width + t.px(14.0F),
                  row.top + (row.height - t.bodySize() * 1.25F) / 2.0F, t.bodySize(),
                  locked ? c.correct : (picking ? c.focus : c.muted), locked || picking);
        if (picking)
            drawFocusRing(target, t, row);
    }
    // An ordering or matching question: what to type, large, under the teams.
    float hintY = m_teamButtons.empty()
                      ? side.top + t.bodySize() * 1.8F
                      : m_teamButtons.back()->getBounds().top +
                            m_teamButtons.back()->getBounds().height + t.px(24.0F);
    for (const std::string& line : m_stepsHint)
    {
        drawLabel(target, t, fitText(t.fonts().bold, line, t.bodySize(), side.width), side.left,
                  hintY, t.bodySize(), c.text, true);
        hintY += t.bodySize() * 1.5F;
    }
    drawLabel(target, t,
              m_numberField != nullptr ? "Team number, then its answer and Enter."
                                       : "Team number, then its letter.",
              side.left, side.top + side.height - t.smallSize() * 1.4F, t.smallSize(), c.muted);
}

std::unique_ptr<Panel> ClassHostScreen::buildRevealPanel(const core::Question& question) const
{
    auto panel = std::make_unique<Panel>();
    const Theme& t = theme();
    const TextStyle heading{t.bodySize(), t.colors().correct, true};
    const TextStyle strong{t.bodySize(), t.colors().text, true};
    const TextStyle wrong{t.bodySize(), t.colors().wrong, true};
    const TextStyle body{t.bodySize(), t.colors().text};
    const TextStyle muted{t.smallSize(), t.colors().muted};
    const auto optionLine = [&question](std::size_t i)
    {
        core::RichText text = question.options[i].text;
        if (text.isEmpty())
            text = core::RichText::fromPlain(question.options[i].id == "true" ? "True" : "False");
        return text;
    };
    if (question.type == core::QuestionType::Ordering ||
        question.type == core::QuestionType::Matching)
    {
        addStepsReveal(*panel, question);
        panel->setColors(t.colors().panel, t.colors().border, 1.0F);
        panel->setStripe(t.colors().correct);
        return panel;
    }
    if (question.type == core::QuestionType::Numeric)
    {
        addNumericReveal(*panel, question);
        panel->setColors(t.colors().panel, t.colors().border, 1.0F);
        panel->setStripe(t.colors().correct);
        return panel;
    }
    // The letter stands on its own line, so "A" never runs into an option that starts "A ...".
    for (std::size_t i = 0; i < question.options.size(); ++i)
    {
        if (!question.options[i].correct)
            continue;
        panel->addText(core::RichText::fromPlain("✓ Correct: " + optionBadgeFor(question, i)),
                       heading);
        panel->addText(optionLine(i), strong, t.px(28.0F));
        if (!question.options[i].rationale.isEmpty())
            panel->addText(question.options[i].rationale, body, t.px(28.0F));
    }
    if (!question.explanation.isEmpty())
        panel->addText(question.explanation, body);
    // Why the answers the room gave are wrong: the most chosen wrong options first.
    const std::vector<std::size_t> counts = context().classGame->getDistribution();
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < question.options.size() && i < counts.size(); ++i)
    {
        if (!question.options[i].correct && counts[i] > 0)
            chosen.push_back(i);
    }
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&counts](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    constexpr std::size_t kDistractorsShown = 2;
    for (std::size_t k = 0; k < chosen.size() && k < kDistractorsShown; ++k)
    {
        const std::size_t i = chosen[k];
        panel->addText(core::RichText::fromPlain("✗ Not " + optionBadgeFor(question, i) + " (" +
                                                 std::to_string(counts[i]) + " chose it)"),
                       wrong);
        panel->addText(optionLine(i), strong, t.px(28.0F));
        if (!question.options[i].rationale.isEmpty())
            panel->addText(question.options[i].rationale, body, t.px(28.0F));
    }
    for (const core::Reference& ref : question.refs)
    {
        std::string text = "Reference: " + ref.sourceId;
        for (const core::Pack& pack : context().packs)
        {
            for (const core::Source& source : pack.sources)
            {
                if (source.id == ref.sourceId && !source.citation.empty())
                    text = "Reference: " + source.citation;
            }
        }
        if (!ref.locator.empty())
            text += " — " + ref.locator;
        panel->addText(core::RichText::fromPlain(text), muted);
    }
    panel->setColors(t.colors().panel, t.colors().border, 1.0F);
    panel->setStripe(t.colors().correct);
    return panel;
}

void ClassHostScreen::addNumericReveal(Panel& panel, const core::Question& question) const
{
    const Theme& t = theme();
    const TextStyle heading{t.bodySize(), t.colors().correct, true};
    const TextStyle wrong{t.bodySize(), t.colors().wrong, true};
    const TextStyle body{t.bodySize(), t.colors().text};
    const core::Classroom& room = context().classGame->getClassroom();
    const std::size_t index = room.getCurrentIndex();
    std::string answer = "✓ Correct answer";
    if (const core::Draw* draw = room.getDraw(index))
        answer +=
            ": " +
            formatWithUnit(question, core::roundTo(draw->answer,
                                                   question.numeric ? question.numeric->round : 0));
    panel.addText(core::RichText::fromPlain(answer), heading);
    if (!question.explanation.isEmpty())
        panel.addText(question.explanation, body);
    // The slips the room made, most common first, each with its explanation.
    std::vector<core::AnswerGroup> made;
    for (const core::AnswerGroup& group : room.getStats(index).answerGroups)
    {
        if (group.kind == core::AnswerGroup::Kind::Mistake && group.count > 0)
            made.push_back(group);
    }
    std::stable_sort(made.begin(), made.end(),
                     [](const core::AnswerGroup& a, const core::AnswerGroup& b)
                     { return a.count > b.count; });
    constexpr std::size_t kMistakesShown = 2;
    for (std::size_t k = 0; k < made.size() && k < kMistakesShown; ++k)
    {
        const auto mistake = static_cast<std::size_t>(made[k].mistakeIndex);
        panel.addText(core::RichText::fromPlain(
                          "✗ " + std::to_string(made[k].count) +
                          (made[k].count == 1 ? " student: " : " students: ") + made[k].label),
                      wrong);
        if (mistake < question.mistakes.size())
            panel.addText(question.mistakes[mistake].rationale, body, t.px(28.0F));
    }
}

void ClassHostScreen::drawPaused(sf::RenderTarget& target) const
{
    // Over the question, large enough to read from the back: the clock has stopped.
    const Theme& t = theme();
    const Palette& c = t.colors();
    const sf::FloatRect body = m_body.getBounds();
    const float big = t.textSize(72.0F);
    const float height = big * 1.4F + t.bodySize() * 2.4F + t.px(32.0F);
    const sf::FloatRect box{body.left + body.width * 0.1F, body.top + (body.height - height) / 2.0F,
                            body.width * 0.8F, height};
    drawBox(target, box, c.panel, c.focus, std::max(3.0F, t.px(4.0F)));
    const float centre = box.left + box.width / 2.0F;
    drawCentred(target, t, "Paused", centre, box.top + t.px(16.0F), big, c.text, true);
    drawCentred(target, t, "Clock stopped. P resumes.", centre, box.top + t.px(16.0F) + big * 1.4F,
                t.bodySize(), c.muted);
}

void ClassHostScreen::drawReveal(sf::RenderTarget& target, float top) const
{
    const Theme& t = theme();
    const ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    const core::Question& question = room.getQuestion(room.getCurrentIndex());
    const bool steps = question.type == core::QuestionType::Ordering ||
                       question.type == core::QuestionType::Matching;
    if (question.type == core::QuestionType::Numeric || steps)
    {
        const core::QuestionStats& stats = room.getStats(room.getCurrentIndex());
        drawLabel(target, t,
                  steps ? "Answers (" + std::to_string(stats.answered) +
                              (question.type == core::QuestionType::Ordering
                                   ? "), by pairs of steps in the right order"
                                   : "), by prompts matched right")
                        : "Typed answers (" + std::to_string(stats.answered) +
                              "), grouped by mistake",
                  m_chartBox.left, top, t.bodySize(), t.colors().muted, true);
        drawNumericDistribution(target, t, m_chartBox, stats.answerGroups);
        return;
    }
    const std::vector<std::size_t> counts = game.getDistribution();
    std::size_t total = 0;
    for (std::size_t count : counts)
        total += count;
    drawLabel(target, t, "How the room answered (" + std::to_string(total) + ")", m_chartBox.left,
              top, t.bodySize(), t.colors().muted, true);
    std::vector<std::string> labels;
    std::vector<bool> correct;
    for (std::size_t i = 0; i < question.options.size(); ++i)
    {
        labels.push_back(optionBadgeFor(question, i));
        correct.push_back(question.options[i].correct);
    }
    drawDistribution(target, t, m_chartBox, labels, correct, counts);
}

} // namespace quiz::ui
