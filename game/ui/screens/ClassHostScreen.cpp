// The instructor's class screen: pacing, team answers and show of hands. Drawing of each
// phase lives in ClassHostDraw.cpp.
#include "ClassScreens.hpp"
#include "ScreenKit.hpp"
#include "core/pack/Numeric.hpp"
#include "core/util/AtomicFile.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>
#include <filesystem>

namespace quiz::ui
{
namespace
{

enum Bar
{
    kMain,
    kPause,
    kSkip,
    kBack,
    kEnd,
    kLock,
    kKick,
    kHands,
    kLockAnswer,
    kLeave,
    kBarCount
};

} // namespace

ClassHostScreen::ClassHostScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const auto add =
        [this](const std::string& label, const std::string& key, std::function<void()> action)
    {
        auto button = std::make_unique<Button>(label, std::move(action));
        button->setShortcut(key);
        m_bar.push_back(button.get());
        m_owned.push_back(std::move(button));
    };
    add("Start", "Space",
        [this]
        {
            switch (this->context().classGame->getClassroom().getPhase())
            {
            case core::ClassPhase::Lobby:
                pace(core::HostCommand::Start);
                break;
            case core::ClassPhase::Question:
                pace(core::HostCommand::Reveal);
                break;
            case core::ClassPhase::Reveal:
            case core::ClassPhase::Leaderboard:
                pace(core::HostCommand::Next);
                break;
            case core::ClassPhase::Finished:
                exportCsv();
                break;
            }
        });
    add("Pause", "P",
        [this]
        {
            pace(this->context().classGame->getClassroom().isPaused() ? core::HostCommand::Resume
                                                                      : core::HostCommand::Pause);
        });
    add("Skip", "S",
        [this]
        {
            if (confirmFirst(kSkip, "Skip question?", "Skip this question for everyone?"))
                pace(core::HostCommand::Skip);
        });
    add("Back", "⌫", [this] { pace(core::HostCommand::Back); });
    add("End", "End",
        [this]
        {
            if (confirmFirst(kEnd, "End the game?", "End the game now and show the final results?"))
                pace(core::HostCommand::End);
        });
    add("Lock lobby", "L",
        [this]
        {
            pace(this->context().classGame->getClassroom().isLocked() ? core::HostCommand::Unlock
                                                                      : core::HostCommand::Lock);
        });
    add("Kick", "K",
        [this]
        {
            ClassGame& game = *this->context().classGame;
            const auto standings = game.getClassroom().getStandings();
            if (m_selectedPlayer < standings.size())
            {
                const std::string name =
                    game.getClassroom().getPlayers()[standings[m_selectedPlayer].player].nickname;
                if (!confirmFirst(kKick, "Remove " + name + "?",
                                  "Remove " + name + " from the class?"))
                    return;
                const core::ClassRefusal refusal = game.kick(name);
                m_notice = refusal == core::ClassRefusal::None ? name + " was removed."
                                                               : core::toString(refusal);
                m_selectedPlayer = 0;
                rebuild();
            }
        });
    add("Show of hands", "T",
        [this]
        {
            m_hands = !m_hands;
            rebuild();
        });
    add("Lock answer", "Enter", [this] { lockTeam(); });
    add("Leave", "Esc",
        [this]
        {
            this->context().classGame.reset();
            requestPop();
        });
    m_bar[kMain]->setLabel("Start");
    rebuild();
}

bool ClassHostScreen::confirmFirst(int which, const std::string& label, const std::string& question)
{
    if (m_confirming == which)
    {
        m_confirming = -1;
        return true;
    }
    cancelConfirmation();
    m_confirming = which;
    m_bar[static_cast<std::size_t>(which)]->setLabel(label);
    m_bar[static_cast<std::size_t>(which)]->setKind(Button::Kind::Primary);
    m_notice = question + " Press it again to confirm; any other key cancels.";
    if (getSize().x > 0.0F)
        layout(getSize());
    return false;
}

void ClassHostScreen::cancelConfirmation()
{
    if (m_confirming < 0)
        return;
    m_confirming = -1;
    m_notice.clear();
    for (Button* button : m_bar)
        button->setKind(Button::Kind::Secondary);
    m_bar[kSkip]->setLabel("Skip");
    m_bar[kEnd]->setLabel("End");
    m_bar[kKick]->setLabel("Kick");
    if (getSize().x > 0.0F)
        layout(getSize());
}

void ClassHostScreen::pace(core::HostCommand command)
{
    const core::ClassRefusal refusal = context().classGame->command(command);
    m_notice = refusal == core::ClassRefusal::None
                   ? ""
                   : std::string("Not now: ") + core::toString(refusal);
    m_confirmLeave = false;
    cancelConfirmation();
    rebuild();
}

void ClassHostScreen::exportCsv()
{
    const ClassGame& game = *context().classGame;
    const std::string dir = context().profileDir.empty() ? "." : context().profileDir;
    std::error_code ignored;
    std::filesystem::create_directories(dir, ignored); // a failure shows in the message below
    const std::string path =
        core::classResultsPath(dir, game.isLive() ? game.getCode() : "projector", context().now(),
                               context().utcOffsetMinutes);
    const std::string error = core::writeFileAtomically(path, game.formatCsv());
    m_notice = error.empty() ? "Results saved to " + path : "Could not save: " + error;
}

void ClassHostScreen::pickOption(std::size_t position)
{
    ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    if (!room.isAnswering() || game.isLive())
        return;
    if (m_hands)
    {
        game.adjustHands(position, 1);
        return;
    }
    const core::Question& question = room.getQuestion(room.getCurrentIndex());
    if (!m_teamChosen || position >= question.options.size())
    {
        m_notice = "Pick a team first (its number), then its answer.";
        return;
    }
    const std::string& id = question.options[position].id;
    if (question.type == core::QuestionType::Multiple)
    {
        const auto found = std::find(m_pending.begin(), m_pending.end(), id);
        if (found == m_pending.end())
            m_pending.push_back(id);
        else
            m_pending.erase(found);
        for (std::size_t i = 0; i < m_options.size(); ++i)
            m_options[i]->setSelected(std::find(m_pending.begin(), m_pending.end(),
                                                question.options[i].id) != m_pending.end());
        return;
    }
    m_pending = {id};
    lockTeam();
}

void ClassHostScreen::lockTeam()
{
    ClassGame& game = *context().classGame;
    if (m_numberField != nullptr)
    {
        lockTeamNumber();
        return;
    }
    if (!m_teamChosen || m_pending.empty())
        return;
    const core::ClassRefusal refusal = game.answer(m_team, m_pending);
    const std::string& name = game.getClassroom().getPlayers()[m_team].nickname;
    m_notice = refusal == core::ClassRefusal::None ? name + " locked an answer."
                                                   : name + ": " + core::toString(refusal);
    m_teamChosen = false;
    m_pending.clear();
    rebuild();
}

void ClassHostScreen::lockTeamNumber()
{
    ClassGame& game = *context().classGame;
    if (!m_teamChosen)
    {
        m_notice = "Pick a team first (its number), then type its answer and press Enter.";
        return;
    }
    const core::QuestionType type =
        game.getClassroom().getQuestion(game.getClassroom().getCurrentIndex()).type;
    if (type == core::QuestionType::Ordering || type == core::QuestionType::Matching)
    {
        lockTeamSteps();
        return;
    }
    std::string message;
    const std::optional<double> value = core::parseTypedNumber(m_numberField->getText(), message);
    if (!value)
    {
        m_numberField->setMessage(message);
        m_notice = message;
        return;
    }
    closeTyping(game.answerNumber(m_team, *value));
}

void ClassHostScreen::closeTyping(core::ClassRefusal refusal)
{
    const std::string& name = context().classGame->getClassroom().getPlayers()[m_team].nickname;
    m_notice = refusal == core::ClassRefusal::None ? name + " locked an answer."
                                                   : name + ": " + core::toString(refusal);
    m_teamChosen = false;
    m_numberField->setText("");
    m_numberField->setMessage("");
    rebuild();
}

bool ClassHostScreen::isTypingNumber() const
{
    return m_numberField != nullptr && m_teamChosen && !m_hands;
}

void ClassHostScreen::rebuild()
{
    const ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    m_serial = room.getPhaseSerial();
    m_playerCount = room.getPlayers().size();
    const core::ClassPhase phase = room.getPhase();
    const bool asking = phase == core::ClassPhase::Question;
    const bool live = game.isLive();
    const core::Question* question =
        room.getQuestionCount() > 0 ? &room.getQuestion(room.getCurrentIndex()) : nullptr;

    m_body.clear();
    m_options.clear();
    m_stem = nullptr;
    m_numberField = nullptr;
    m_numberRule = nullptr;
    m_prompts = nullptr;
    m_stepsTyping = false;
    m_stepsHint.clear();
    if (question != nullptr && (asking || phase == core::ClassPhase::Reveal))
    {
        auto stem = std::make_unique<TextBlock>();
        stem->setText(question->stem);
        m_stem = &m_body.add(std::move(stem));
    }
    if (question != nullptr && asking)
    {
        const bool multiple = question->type == core::QuestionType::Multiple;
        for (std::size_t i = 0; i < question->options.size(); ++i)
        {
            core::RichText text = question->options[i].text;
            if (question->type == core::QuestionType::TrueFalse && text.isEmpty())
                text =
                    core::RichText::fromPlain(question->options[i].id == "true" ? "True" : "False");
            auto option = std::make_unique<OptionButton>(optionBadgeFor(*question, i), text,
                                                         multiple, [this, i] { pickOption(i); });
            option->setEnabled(!live);
            m_options.push_back(&m_body.add(std::move(option)));
        }
    }
    if (question != nullptr && asking &&
        (question->type == core::QuestionType::Ordering ||
         question->type == core::QuestionType::Matching))
        addStepsQuestion(*question, live);
    if (question != nullptr && asking && question->type == core::QuestionType::Numeric)
    {
        auto rule = std::make_unique<TextBlock>();
        const int round = question->numeric ? question->numeric->round : 0;
        const std::string unit = question->numeric ? question->numeric->unit : std::string();
        rule->setText(core::RichText::fromPlain(core::roundingRule(round) + "." +
                                                (unit.empty() ? "" : " Answer in " + unit + ".")));
        m_numberRule = &m_body.add(std::move(rule));
    }
    if (question != nullptr && asking && !live && question->type == core::QuestionType::Numeric)
    {
        // The instructor types what a team calls out: its number key, the number, Enter.
        auto field = std::make_unique<NumberField>(
            question->numeric ? question->numeric->unit : std::string(),
            [this](const std::string& refused)
            {
                m_notice = "\u201C" + refused + "\u201D was not typed: type digits only.";
                if (m_numberField != nullptr)
                    m_numberField->setMessage(m_notice);
            });
        field->setEnabled(m_teamChosen);
        m_numberField = &m_body.add(std::move(field));
    }
    if (question != nullptr && phase == core::ClassPhase::Reveal)
        m_body.add(buildRevealPanel(*question));

    m_teamButtons.clear();
    m_handButtons.clear();
    m_owned.erase(
        std::remove_if(m_owned.begin(), m_owned.end(),
                       [this](const std::unique_ptr<Widget>& w)
                       { return std::find(m_bar.begin(), m_bar.end(), w.get()) == m_bar.end(); }),
        m_owned.end());
    if (asking && !live && !m_hands)
    {
        for (std::size_t i = 0; i < room.getPlayers().size(); ++i)
        {
            auto button = std::make_unique<Button>(room.getPlayers()[i].nickname,
                                                   [this, i]
                                                   {
                                                       m_team = i;
                                                       m_teamChosen = true;
                                                       m_pending.clear();
                                                       if (m_numberField != nullptr)
                                                       {
                                                           m_numberField->setText("");
                                                           m_numberField->setMessage("");
                                                           m_numberField->setEnabled(true);
                                                       }
                                                       for (OptionButton* o : m_options)
                                                           o->setSelected(false);
                                                   });
            button->setShortcut(std::to_string(i + 1));
            m_teamButtons.push_back(button.get());
            m_owned.push_back(std::move(button));
        }
    }
    if (asking && !live && m_hands && question != nullptr)
    {
        for (std::size_t i = 0; i < question->options.size(); ++i)
        {
            for (int delta : {-1, 1})
            {
                auto button =
                    std::make_unique<Button>(delta < 0 ? "−" : "+", [this, i, delta]
                                             { context().classGame->adjustHands(i, delta); });
                m_handButtons.push_back(button.get());
                m_owned.push_back(std::move(button));
            }
        }
    }

    static const char* mainLabels[] = {"Start", "Reveal", "Leaderboard", "Next question",
                                       "Export CSV"};
    std::string mainLabel = mainLabels[static_cast<int>(phase)];
    if (phase == core::ClassPhase::Leaderboard &&
        room.getCurrentIndex() + 1 >= room.getQuestionCount())
        mainLabel = "Final results";
    m_bar[kMain]->setLabel(mainLabel);
    m_bar[kMain]->setShortcut(phase == core::ClassPhase::Finished ? "X" : "Space");
    m_bar[kMain]->setEnabled(phase != core::ClassPhase::Lobby || room.countConnected() > 0);
    m_bar[kPause]->setLabel(room.isPaused() ? "Resume" : "Pause");
    m_bar[kPause]->setVisible(asking);
    m_bar[kSkip]->setVisible(asking);
    m_bar[kBack]->setVisible(phase != core::ClassPhase::Lobby &&
                             phase != core::ClassPhase::Finished);
    m_bar[kEnd]->setVisible(phase != core::ClassPhase::Lobby &&
                            phase != core::ClassPhase::Finished);
    m_bar[kLock]->setLabel(room.isLocked() ? "Unlock lobby" : "Lock lobby");
    m_bar[kLock]->setVisible(live && phase != core::ClassPhase::Finished);
    m_bar[kKick]->setVisible(live && phase != core::ClassPhase::Finished &&
                             !room.getStandings().empty());
    m_bar[kHands]->setLabel(m_hands ? "Team answers" : "Show of hands");
    // Hands count options; an order or a matching has none to count.
    m_bar[kHands]->setVisible(asking && !live && !m_stepsTyping);
    // While the class plays, Esc twice or End leads out; the button would crowd the bar.
    m_bar[kLeave]->setVisible(phase == core::ClassPhase::Lobby ||
                              phase == core::ClassPhase::Finished);
    m_bar[kLockAnswer]->setVisible(asking && !live && !m_hands && question != nullptr &&
                                   (question->type == core::QuestionType::Multiple ||
                                    question->type == core::QuestionType::Numeric ||
                                    question->type == core::QuestionType::Ordering ||
                                    question->type == core::QuestionType::Matching));

    m_widgets.clear();
    m_focus.clear();
    m_widgets.push_back(&m_body);
    for (OptionButton* option : m_options)
        m_focus.add(option);
    for (const auto& owned : m_owned)
    {
        if (std::find(m_bar.begin(), m_bar.end(), owned.get()) != m_bar.end())
            continue;
        m_widgets.push_back(owned.get());
        m_focus.add(owned.get());
    }
    for (Button* button : m_bar)
    {
        m_widgets.push_back(button);
        m_focus.add(button);
    }
    m_focus.setArrowsAcross(true);
    m_focus.focus(m_bar[kMain]);
    if (getSize().x > 0.0F)
        layout(getSize());
}

bool ClassHostScreen::update(std::chrono::milliseconds elapsed)
{
    ClassGame& game = *context().classGame;
    game.advance(elapsed);
    const core::Classroom& room = game.getClassroom();
    if (room.getPhaseSerial() != m_serial || room.getPlayers().size() != m_playerCount)
        rebuild();
    updateWidgets(elapsed);
    return false;
}

bool ClassHostScreen::needsTicks() const
{
    const ClassGame& game = *context().classGame;
    if (game.isLive())
        return true;
    const core::Classroom& room = game.getClassroom();
    return room.isAnswering() && !room.isPaused() && room.getSettings().timeLimit.count() > 0;
}

bool ClassHostScreen::handleKey(const sf::Event& event)
{
    ClassGame& game = *context().classGame;
    const core::Classroom& room = game.getClassroom();
    const sf::Keyboard::Key key = event.key.code;
    const auto press = [this](int which)
    {
        if (m_bar[static_cast<std::size_t>(which)]->isVisible() &&
            m_bar[static_cast<std::size_t>(which)]->isEnabled())
            m_bar[static_cast<std::size_t>(which)]->activate();
        return true;
    };
    if (room.isAnswering() && !game.isLive() && isTypingNumber())
    {
        // While a team's number is typed, keys type (through the text events) instead of
        // pacing the class: only Enter locks it and Backspace corrects it.
        if (key == sf::Keyboard::Enter)
            return press(kLockAnswer);
        if (key == sf::Keyboard::BackSpace)
            m_numberField->erase(event.key.control);
        return key != sf::Keyboard::Escape && key != sf::Keyboard::Tab;
    }
    if (key == sf::Keyboard::Space)
        return room.getPhase() == core::ClassPhase::Finished || press(kMain);
    if (key == sf::Keyboard::X && room.getPhase() == core::ClassPhase::Finished)
        return press(kMain);
    if (key == sf::Keyboard::P)
        return press(kPause);
    if (key == sf::Keyboard::S)
        return press(kSkip);
    if (key == sf::Keyboard::BackSpace)
        return press(kBack);
    if (key == sf::Keyboard::End)
        return press(kEnd);
    if (key == sf::Keyboard::L)
        return press(kLock);
    if (key == sf::Keyboard::K)
        return press(kKick);
    if (key == sf::Keyboard::T)
        return press(kHands);
    if (key == sf::Keyboard::Enter && m_bar[kLockAnswer]->isVisible())
        return press(kLockAnswer);
    if (room.getPhase() == core::ClassPhase::Lobby && game.isLive() &&
        (key == sf::Keyboard::Up || key == sf::Keyboard::Down))
    {
        const std::size_t count = room.getStandings().size();
        if (count > 0)
            m_selectedPlayer =
                (m_selectedPlayer + (key == sf::Keyboard::Up ? count - 1 : 1)) % count;
        return true;
    }
    if (!room.isAnswering() || game.isLive())
        return false;
    if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num8)
    {
        const std::size_t team = static_cast<std::size_t>(key - sf::Keyboard::Num1);
        if (team < m_teamButtons.size())
        {
            m_teamButtons[team]->activate();
            // The digit's own character follows this key event; it chose the team.
            m_swallowText = m_numberField != nullptr;
        }
        return true;
    }
    if (key >= sf::Keyboard::A && key <= sf::Keyboard::H)
    {
        const std::size_t position = static_cast<std::size_t>(key - sf::Keyboard::A);
        if (m_hands && event.key.shift)
            game.adjustHands(position, -1);
        else
            pickOption(position);
        return true;
    }
    return false;
}

bool ClassHostScreen::handleEvent(const sf::Event& event)
{
    // A pending "End the game?" waits for its own key (or a click on it) and nothing else.
    if (m_confirming >= 0 && event.type == sf::Event::KeyPressed)
    {
        const sf::Keyboard::Key expected = m_confirming == kEnd    ? sf::Keyboard::End
                                           : m_confirming == kSkip ? sf::Keyboard::S
                                                                   : sf::Keyboard::K;
        if (event.key.code != expected)
        {
            cancelConfirmation();
            if (event.key.code == sf::Keyboard::Escape)
                return false;
        }
    }
    if (m_confirming >= 0 && event.type == sf::Event::MouseButtonReleased &&
        !m_bar[static_cast<std::size_t>(m_confirming)]->getBounds().contains(
            static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)))
        cancelConfirmation();
    if (isKey(event, sf::Keyboard::Escape))
    {
        // A class is too costly to lose to one stray key.
        if (m_confirmLeave)
            m_bar[kLeave]->activate();
        m_confirmLeave = true;
        m_notice = "Press Esc again to leave the class.";
        return false;
    }
    if (event.type == sf::Event::TextEntered && isTypingNumber())
    {
        const bool swallow = m_swallowText;
        m_swallowText = false;
        const sf::Uint32 c = event.text.unicode;
        if (!swallow && c >= 0x20 && c != 0x7F)
            m_numberField->type(c);
        return false;
    }
    if (event.type == sf::Event::KeyPressed && handleKey(event))
        return false;
    if (event.type == sf::Event::MouseButtonReleased && context().classGame->isLive() &&
        context().classGame->getClassroom().getPhase() == core::ClassPhase::Lobby)
    {
        // Clicking a name in the lobby selects it for Kick.
        const sf::Vector2f at(static_cast<float>(event.mouseButton.x),
                              static_cast<float>(event.mouseButton.y));
        if (m_sideBox.contains(at))
        {
            const float rowHeight = std::max(theme().px(40.0F), theme().bodySize() * 1.7F);
            const float columnWidth = m_sideBox.width / 3.0F;
            const std::size_t index =
                static_cast<std::size_t>((at.y - m_sideBox.top) / rowHeight) * 3 +
                static_cast<std::size_t>((at.x - m_sideBox.left) / columnWidth);
            if (index < context().classGame->getClassroom().getStandings().size())
                m_selectedPlayer = index;
        }
    }
    dispatchToWidgets(event);
    return false;
}

} // namespace quiz::ui
