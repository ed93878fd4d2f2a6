#include "ClassScreens.hpp"
#include "ScreenKit.hpp"
#include "ui/ClassGame.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>

namespace quiz::ui
{
namespace
{

constexpr unsigned short kDefaultClassPort = 47100;

} // namespace

ClassJoinScreen::ClassJoinScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    const auto field = [this](std::size_t length)
    {
        auto owned = std::make_unique<TextField>("", length, nullptr);
        owned->setAcceptsAnyText(true);
        TextField* raw = owned.get();
        m_owned.push_back(std::move(owned));
        return raw;
    };
    const auto button = [this](const std::string& label, std::function<void()> action,
                               Button::Kind kind = Button::Kind::Secondary)
    {
        auto owned = std::make_unique<Button>(label, std::move(action), kind);
        Button* raw = owned.get();
        m_owned.push_back(std::move(owned));
        return raw;
    };
    m_address = field(60);
    m_code = field(16);
    m_nickname = field(24);
    m_search = button("Find classes on this network",
                      [this]
                      {
                          ClassSearch& state = this->search();
                          state.error = state.finder.search();
                          state.started = state.error.empty();
                          m_message = state.started ? "Looking for classes…" : state.error;
                      });
    m_back = button("Back", [this] { requestPop(); });
    m_join = button(
        "Join", [this] { join(); }, Button::Kind::Primary);
    m_join->setShortcut("Enter");
    // A student who dropped comes back with the same details already filled in.
    if (context.student)
    {
        const net::ClientConfig& last = context.student->config;
        m_address->setText(last.address.toString() + ":" + std::to_string(last.port));
        m_code->setText(last.classCode);
        m_nickname->setText(last.nickname);
    }
    for (const auto& owned : m_owned)
    {
        m_widgets.push_back(owned.get());
        m_focus.add(owned.get());
    }
    m_focus.focus(m_address);
}

ClassJoinScreen::~ClassJoinScreen()
{
    // Gone back while still connecting: drop the attempt (its thread closes the connection).
    if (m_connecting)
        context().student.reset();
}

ClassSearch& ClassJoinScreen::search()
{
    if (!m_searchState)
        m_searchState = std::make_unique<ClassSearch>();
    return *m_searchState;
}

void ClassJoinScreen::setFields(const std::string& address, const std::string& code,
                                const std::string& nickname)
{
    m_address->setText(address);
    m_code->setText(code);
    m_nickname->setText(nickname);
}

void ClassJoinScreen::rebuildFound()
{
    if (!m_searchState || !m_searchState->started)
        return;
    const std::vector<net::ClassAnnouncement>& found = m_searchState->finder.poll();
    if (found.size() == m_foundCount)
        return;
    m_foundCount = found.size();
    m_found.clear();
    for (const net::ClassAnnouncement& announcement : found)
    {
        const std::string address = announcement.address + ":" + std::to_string(announcement.port);
        std::string label = (announcement.title.empty() ? "Class" : announcement.title) + " — " +
                            address + " (" + std::to_string(announcement.players) + " joined)";
        m_found.push_back(std::make_unique<Button>(label,
                                                   [this, address]
                                                   {
                                                       m_address->setText(address);
                                                       m_focus.focus(m_code);
                                                   }));
    }
    m_widgets.clear();
    m_focus.clear();
    for (const auto& owned : m_owned)
    {
        m_widgets.push_back(owned.get());
        m_focus.add(owned.get());
    }
    for (const auto& button : m_found)
    {
        m_widgets.push_back(button.get());
        m_focus.add(button.get());
    }
    m_message =
        std::to_string(found.size()) + (found.size() == 1 ? " class found" : " classes found");
    layout(getSize());
}

void ClassJoinScreen::join()
{
    if (m_connecting)
        return;
    std::string host = m_address->getText();
    unsigned short port = kDefaultClassPort;
    const std::size_t colon = host.rfind(':');
    if (colon != std::string::npos)
    {
        const std::string digits = host.substr(colon + 1);
        host.erase(colon);
        const bool numeric =
            !digits.empty() && digits.size() <= 5 &&
            std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        const unsigned long value = numeric ? std::stoul(digits) : 0;
        if (value == 0 || value > 65535)
        {
            m_message = "The port after ':' must be a number from 1 to 65535.";
            return;
        }
        port = static_cast<unsigned short>(value);
    }
    const sf::IpAddress address(host);
    if (host.empty() || address == sf::IpAddress::None)
    {
        m_message = "Type the address shown on the projector, e.g. 192.168.1.20:47100.";
        return;
    }
    if (core::cleanNickname(m_nickname->getText(), 24).empty())
    {
        m_message = "Choose a nickname (up to 24 characters).";
        return;
    }
    auto student = std::make_shared<StudentState>();
    student->config.address = address;
    student->config.port = port;
    student->config.classCode = core::normalizeClassCode(m_code->getText());
    student->config.nickname = core::cleanNickname(m_nickname->getText(), 24);
    student->startConnect(std::chrono::milliseconds(3000));
    context().student = student;
    m_connecting = true;
    m_join->setEnabled(false);
    m_message = "Connecting to " + address.toString() + ":" + std::to_string(port) + " ...";
}

void ClassJoinScreen::finishJoining()
{
    const std::optional<std::string> outcome =
        context().student ? context().student->finishConnect() : std::optional<std::string>();
    if (!outcome)
        return;
    m_connecting = false;
    m_join->setEnabled(true);
    if (!outcome->empty())
    {
        m_message = "Could not reach the class: " + *outcome;
        return;
    }
    m_message.clear();
    requestPush(ScreenId::ClassStudent);
}

void ClassJoinScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const float content = std::min(t.contentWidth(size.x), t.px(760.0F));
    const float left = (size.x - content) / 2.0F;
    const float row = std::max(t.px(46.0F), t.bodySize() * 2.0F);
    const float caption = t.bodySize() * 1.5F;
    float y = headerHeight(t) + t.px(24.0F);
    m_labels.clear();
    const auto place = [&](const std::string& label, Widget* widget)
    {
        m_labels.push_back({label, {left, y}});
        y += caption;
        widget->setBounds({left, y, content, row});
        y += row + t.px(16.0F);
    };
    place("Address (from the projector)", m_address);
    m_search->setBounds({left, y, m_search->preferredWidth(t), row});
    y += row + t.px(16.0F);
    m_foundPos = {left, y};
    for (const auto& button : m_found)
    {
        button->setBounds({left, y, content, row});
        y += row + t.px(6.0F);
    }
    if (!m_found.empty())
        y += t.px(10.0F);
    place("Class code", m_code);
    place("Nickname", m_nickname);
    const float buttonHeight = t.px(54.0F);
    const float footer = size.y - buttonHeight - t.px(24.0F);
    m_back->setBounds({left, footer, t.px(160.0F), buttonHeight});
    const float joinWidth = std::max(t.px(200.0F), m_join->preferredWidth(t));
    m_join->setBounds({left + content - joinWidth, footer, joinWidth, buttonHeight});
    m_messagePos = {left, footer - t.bodySize() * 1.8F};
}

bool ClassJoinScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    if (event.type == sf::Event::MouseButtonReleased)
    {
        for (TextField* field : {m_address, m_code, m_nickname})
        {
            if (field->getBounds().contains(static_cast<float>(event.mouseButton.x),
                                            static_cast<float>(event.mouseButton.y)))
                m_focus.focus(field);
        }
    }
    if (isKey(event, sf::Keyboard::Enter))
    {
        Widget* focused = m_focus.getFocused();
        const bool typing = focused == m_address || focused == m_code || focused == m_nickname;
        pressEnter(focused, typing, [this] { join(); });
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

bool ClassJoinScreen::update(std::chrono::milliseconds elapsed)
{
    if (m_connecting)
        finishJoining();
    rebuildFound();
    return updateWidgets(elapsed);
}

void ClassJoinScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    const Palette& c = t.colors();
    drawHeader(target, t, "Join a class", "Esc: back");
    for (const auto& [text, pos] : m_labels)
        drawLabel(target, t, text, pos.x, pos.y, t.bodySize(), c.muted, true);
    drawWidgets(target);
    const float width = m_join->getBounds().left + m_join->getBounds().width - m_messagePos.x;
    drawLabel(target, t, fitText(t.fonts().regular, m_message, t.bodySize(), width), m_messagePos.x,
              m_messagePos.y, t.bodySize(), c.text);
}

} // namespace quiz::ui
