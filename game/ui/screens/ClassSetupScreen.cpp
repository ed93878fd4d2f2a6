#include "ClassScreens.hpp"
#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "net/LanAddresses.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>
#include <random>

namespace quiz::ui
{
namespace
{

constexpr unsigned short kClassPort = 47100;

int stepCount(int count, int step)
{
    // 0 means all questions and sits after 50.
    const int shown = count == 0 ? 55 : count;
    const int next = std::clamp(shown + 5 * step, 5, 55);
    return next == 55 ? 0 : next;
}

int stepTimer(int seconds, int step)
{
    static const int choices[] = {0, 10, 15, 20, 30, 45, 60, 90};
    int index = 0;
    for (int i = 0; i < 8; ++i)
    {
        if (choices[i] == seconds)
            index = i;
    }
    return choices[std::clamp(index + step, 0, 7)];
}

} // namespace

ClassSetupScreen::ClassSetupScreen(ScreenStack& stack, GameContext& context)
    : Screen(stack, context), m_picker(m_topics, context.setup.selections, [this] { refresh(); })
{
    if (context.setup.selections.empty() && !context.packs.empty())
        context.setup.selections.push_back({context.packs.front().id, ""});
    m_picker.rebuild(context.packs);
    m_widgets.push_back(&m_topics);

    const auto own = [this](std::unique_ptr<Widget> widget)
    {
        m_owned.push_back(std::move(widget));
        m_widgets.push_back(m_owned.back().get());
        return m_owned.back().get();
    };
    const auto button = [&](const std::string& label, std::function<void()> action,
                            Button::Kind kind = Button::Kind::Secondary)
    { return static_cast<Button*>(own(std::make_unique<Button>(label, std::move(action), kind))); };
    const auto box = [&](const std::string& label, bool on)
    {
        return static_cast<Checkbox*>(
            own(std::make_unique<Checkbox>(label, on, [this](bool) { refresh(); })));
    };

    m_projector = button("Projector",
                         [this]
                         {
                             m_isLive = false;
                             refresh();
                         });
    m_live = button("Live class",
                    [this]
                    {
                        m_isLive = true;
                        refresh();
                    });
    const std::vector<std::string> names = core::defaultTeamNames(8);
    m_steppers.push_back(button("−",
                                [this]
                                {
                                    m_teamCount = std::max<std::size_t>(2, m_teamCount - 1);
                                    refresh();
                                }));
    m_steppers.push_back(button("+",
                                [this]
                                {
                                    m_teamCount = std::min<std::size_t>(8, m_teamCount + 1);
                                    refresh();
                                }));
    for (const std::string& name : names)
    {
        auto field = std::make_unique<TextField>(name, 24, nullptr);
        field->setAcceptsAnyText(true);
        m_teamFields.push_back(static_cast<TextField*>(own(std::move(field))));
    }
    m_steppers.push_back(button("−", [this] { m_count = stepCount(m_count, -1); }));
    m_steppers.push_back(button("+", [this] { m_count = stepCount(m_count, 1); }));
    m_steppers.push_back(button("−", [this] { m_timer = stepTimer(m_timer, -1); }));
    m_steppers.push_back(button("+", [this] { m_timer = stepTimer(m_timer, 1); }));
    m_speed = box("Speed bonus", false);
    m_streaks = box("Streak bonus", false);
    m_autoReveal = box("Reveal when all answered", false);
    m_back = button("Back", [this] { requestPop(); });
    m_start = button(
        "Start", [this] { start(); }, Button::Kind::Primary);
    m_start->setShortcut("Enter");

    // Reading order: topics, mode, teams, options, then the footer.
    m_picker.joinFocus(m_focus, m_widgets);
    m_focus.focus(m_start);
    refresh();
}

void ClassSetupScreen::refresh()
{
    m_matching =
        context().setup.selections.empty()
            ? 0
            : core::pickClassQuestions(context().packs, context().setup.selections, 0, 1).size();
    m_projector->setLabel(std::string(m_isLive ? "○ " : "● ") + "Projector");
    m_live->setLabel(std::string(m_isLive ? "● " : "○ ") + "Live class");
    for (std::size_t i = 0; i < m_teamFields.size(); ++i)
        m_teamFields[i]->setVisible(!m_isLive && i < m_teamCount);
    m_steppers[0]->setVisible(!m_isLive);
    m_steppers[1]->setVisible(!m_isLive);
    m_start->setEnabled(m_matching > 0);
    m_message = m_matching == 0 ? "Tick at least one pack or topic."
                                : std::to_string(m_matching) + " matching questions";
}

void ClassSetupScreen::start()
{
    if (m_matching == 0)
        return;
    GameContext& c = context();
    core::ClassSettings settings;
    settings.speedBonus = m_speed->isChecked();
    settings.streaks = m_streaks->isChecked();
    settings.timeLimit = std::chrono::milliseconds(m_timer * 1000);
    settings.closeWhenAllAnswered = m_autoReveal->isChecked();
    settings.seed = c.setup.seed;
    std::vector<core::Question> questions = core::pickClassQuestions(
        c.packs, c.setup.selections, static_cast<std::size_t>(m_count), c.setup.seed);
    c.notePlayedSeed(c.setup.seed);
    if (!m_isLive)
    {
        std::vector<std::string> teams;
        for (std::size_t i = 0; i < m_teamCount; ++i)
        {
            const std::string name = core::cleanNickname(m_teamFields[i]->getText(), 24);
            const std::string fallback = "Team " + std::to_string(i + 1);
            // Two teams with the same name would be one player: the second keeps its number.
            const bool taken = std::find(teams.begin(), teams.end(), name) != teams.end();
            teams.push_back(name.empty() || taken ? fallback : name);
        }
        c.classGame = std::make_shared<ClassGame>(std::move(questions), settings, teams);
        requestPush(ScreenId::ClassHost);
        return;
    }
    net::HostConfig config;
    std::random_device device;
    config.classCode = core::makeClassCode(device());
    config.discoveryPort = net::kDefaultDiscoveryPort;
    config.title = c.packs.empty() ? "Heparin class" : c.packs.front().title;
    // The usual port first; the server moves to the next free one if another program has it.
    config.port = kClassPort;
    auto server = std::make_unique<net::HostServer>(questions, settings, config);
    const core::Outcome<unsigned short> port = server->listen();
    if (!port.isOk())
    {
        m_message = "Cannot start the class: " + port.getMessage();
        return;
    }
    const std::vector<std::string> addresses = net::getLanAddresses();
    const std::string address = (addresses.empty() ? std::string("127.0.0.1") : addresses.front()) +
                                ":" + std::to_string(server->getPort());
    std::vector<std::string> every; // each LAN interface, for the lobby
    for (const std::string& lan : addresses)
        every.push_back(lan + ":" + std::to_string(server->getPort()));
    c.classGame = std::make_shared<ClassGame>(std::move(server), address, config.classCode);
    if (!every.empty())
        c.classGame->setAddresses(std::move(every));
    requestPush(ScreenId::ClassHost);
}

void ClassSetupScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float content = t.contentWidth(size.x);
    const float left = (size.x - content) / 2.0F;
    const float top = headerHeight(t) + t.px(20.0F);
    const float footer = size.y - t.px(84.0F);
    const float gap = t.px(24.0F);
    const float listWidth = content * 0.36F;
    const float teamX = left + listWidth + gap;
    const float teamWidth = content * 0.28F;
    const float optX = teamX + teamWidth + gap;
    const float optWidth = left + content - optX;
    const float row = std::max(t.px(42.0F), t.bodySize() * 1.9F);
    const float captionStep = t.bodySize() * 1.5F;
    const float step = t.px(8.0F);
    m_labels.clear();

    m_topics.setBounds({left, top + captionStep, listWidth, footer - top - captionStep - step});
    float y = m_topics.getBounds().top;
    for (Checkbox* box : m_picker.getBoxes())
    {
        box->setBounds({left, y, listWidth - t.px(14.0F), row});
        y += row + t.px(4.0F);
    }
    m_topics.setContentHeight(y - m_topics.getBounds().top);
    m_labels.push_back({"Packs and topics", {left, top}, listWidth});

    // Middle column: how the class plays, then the teams.
    y = top;
    const auto caption = [&](const std::string& text, float x, float width)
    {
        m_labels.push_back({text, {x, y}, width});
        y += std::max(captionStep, captionHeight(t, text, width) + t.bodySize() * 0.15F);
    };
    caption("Play on", teamX, teamWidth);
    const float half = (teamWidth - step) / 2.0F;
    // Side by side while both labels fit; else one above the other, full width.
    const auto labelWidth = [&t](const Button* b)
    { return measureText(t.fonts().bold, b->getLabel(), t.bodySize()) + t.px(20.0F); };
    if (std::max(labelWidth(m_projector), labelWidth(m_live)) <= half)
    {
        m_projector->setBounds({teamX, y, half, row});
        m_live->setBounds({teamX + half + step, y, half, row});
    }
    else
    {
        m_projector->setBounds({teamX, y, teamWidth, row});
        y += row + step;
        m_live->setBounds({teamX, y, teamWidth, row});
    }
    y += row + t.px(14.0F);
    m_livePos = {teamX, y};
    if (!m_isLive)
        caption("Teams or players", teamX, teamWidth);
    else
        y += captionStep;
    const float small = t.px(46.0F);
    m_steppers[0]->setBounds({teamX, y, small, row});
    m_teamBox = {teamX + small, y, t.px(80.0F), row};
    m_steppers[1]->setBounds({teamX + small + t.px(80.0F), y, small, row});
    y += row + step;
    const float fieldRow = std::min(row, (footer - y) / 4.0F - step);
    for (std::size_t i = 0; i < m_teamFields.size(); ++i)
    {
        const float x = teamX + static_cast<float>(i % 2) * (half + step);
        m_teamFields[i]->setBounds(
            {x, y + static_cast<float>(i / 2) * (fieldRow + step), half, fieldRow});
    }

    // Right column: questions, countdown, bonuses.
    y = top;
    caption("Questions", optX, optWidth);
    m_steppers[2]->setBounds({optX, y, small, row});
    m_countBox = {optX + small, y, t.px(90.0F), row};
    m_steppers[3]->setBounds({optX + small + t.px(90.0F), y, small, row});
    y += row + t.px(14.0F);
    caption("Countdown", optX, optWidth);
    m_steppers[4]->setBounds({optX, y, small, row});
    m_timerBox = {optX + small, y, t.px(90.0F), row};
    m_steppers[5]->setBounds({optX + small + t.px(90.0F), y, small, row});
    y += row + t.px(14.0F);
    caption("Scoring: accuracy first", optX, optWidth);
    for (Checkbox* box : {m_speed, m_streaks, m_autoReveal})
    {
        box->setBounds({optX, y, optWidth, row});
        y += row + t.px(4.0F);
    }

    const float buttonHeight = t.px(54.0F);
    const float startWidth = std::max(t.px(220.0F), m_start->preferredWidth(t));
    m_start->setBounds(
        {left + content - startWidth, footer + t.px(12.0F), startWidth, buttonHeight});
    m_back->setBounds({left, footer + t.px(12.0F), t.px(160.0F), buttonHeight});
    m_messagePos = {left + t.px(176.0F),
                    footer + t.px(12.0F) + (buttonHeight - t.bodySize() * 1.25F) / 2.0F};
}

bool ClassSetupScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Tab &&
        !event.key.control && !event.key.alt)
    {
        m_picker.tabPast(m_focus, event.key.shift ? -1 : 1);
        return false;
    }
    if (event.type == sf::Event::MouseButtonReleased)
    {
        for (TextField* field : m_teamFields)
        {
            if (field->isVisible() &&
                field->getBounds().contains(static_cast<float>(event.mouseButton.x),
                                            static_cast<float>(event.mouseButton.y)))
                m_focus.focus(field);
        }
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        Widget* focused = m_focus.getFocused();
        const bool typing =
            std::find(m_teamFields.begin(), m_teamFields.end(), focused) != m_teamFields.end();
        pressEnter(focused, typing, [this] { start(); });
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void ClassSetupScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    drawHeader(target, t, "Set up a class game", "Esc: back");
    for (const Caption& caption : m_labels)
        drawCaption(target, t, caption);
    const auto valueBox = [&](const sf::FloatRect& box, const std::string& text)
    {
        drawBox(target, box, c.background, c.border, 1.0F);
        drawCentred(target, t, text, box.left + box.width / 2.0F,
                    box.top + (box.height - t.bodySize() * 1.25F) / 2.0F, t.bodySize(), c.text,
                    true);
    };
    if (m_isLive)
    {
        TextBlock help;
        TextStyle style;
        style.size = t.bodySize();
        style.color = c.text;
        help.setStyle(style);
        help.setText(core::RichText::fromPlain(
            "Students join from their own computers with \"Join a class\": the next screen "
            "shows the address and the class code to put on the projector."));
        help.layout(m_live->getBounds().left + m_live->getBounds().width - m_livePos.x, t);
        help.setPosition(m_livePos.x, m_livePos.y);
        help.draw(target, t);
    }
    else
    {
        valueBox(m_teamBox, std::to_string(m_teamCount));
    }
    valueBox(m_countBox, m_count == 0 ? "All" : std::to_string(m_count));
    valueBox(m_timerBox, m_timer == 0 ? "Off" : std::to_string(m_timer) + " s");
    drawWidgets(target);
    const float room = m_start->getBounds().left - m_messagePos.x - t.px(16.0F);
    drawLabel(target, t, fitText(t.fonts().regular, m_message, t.bodySize(), room), m_messagePos.x,
              m_messagePos.y, t.bodySize(), m_matching == 0 ? c.critical : c.muted);
}

} // namespace quiz::ui
