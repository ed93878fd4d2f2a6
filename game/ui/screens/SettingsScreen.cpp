#include "ScreenKit.hpp"
#include "Screens.hpp"
#include "ui/GameContext.hpp"

#include <algorithm>

namespace quiz::ui
{
namespace
{

const char* const kTextSizeNames[] = {"Small", "Normal", "Large", "Largest"};

int stepTimer(int value, int step)
{
    const int count = static_cast<int>(std::size(kTimerChoices));
    int index = 0;
    for (int i = 0; i < count; ++i)
    {
        if (kTimerChoices[i] == value)
            index = i;
    }
    return kTimerChoices[std::clamp(index + step, 0, count - 1)];
}

} // namespace

SettingsScreen::SettingsScreen(ScreenStack& stack, GameContext& context) : Screen(stack, context)
{
    Settings& s = context.settings;
    const auto own = [this](std::unique_ptr<Widget> widget)
    {
        m_widgets.push_back(widget.get());
        m_focus.add(widget.get());
        m_owned.push_back(std::move(widget));
        return m_owned.back().get();
    };
    m_fullscreen = static_cast<Checkbox*>(
        own(std::make_unique<Checkbox>("Fullscreen (F11)", s.fullscreen,
                                       [this](bool on)
                                       {
                                           this->context().settings.fullscreen = on;
                                           changed();
                                       })));
    own(std::make_unique<Checkbox>("High-contrast colours", s.highContrast,
                                   [this](bool on)
                                   {
                                       this->context().settings.highContrast = on;
                                       changed();
                                   }));
    own(std::make_unique<Checkbox>("Sound effects", s.sound,
                                   [this](bool on)
                                   {
                                       this->context().settings.sound = on;
                                       changed();
                                   }));
    const auto stepper = [this, &own](std::function<void(int)> step)
    {
        own(std::make_unique<Button>("−", [step] { step(-1); }));
        own(std::make_unique<Button>("+", [step] { step(1); }));
    };
    stepper(
        [this](int d)
        {
            int& v = this->context().settings.textSize;
            v = std::clamp(v + d, 0, 3);
            changed();
        });
    stepper(
        [this](int d)
        {
            int& v = this->context().settings.volume;
            v = std::clamp(v + 10 * d, 0, 100);
            changed();
        });
    stepper(
        [this](int d)
        {
            int& v = this->context().settings.defaultTimer;
            v = stepTimer(v, d);
            this->context().setup.timerSeconds = v;
            changed();
        });
    // Index 9, after the steppers: laid out below them.
    own(std::make_unique<Checkbox>("Ask Sure / Unsure / Guess before tutor feedback",
                                   s.askConfidence,
                                   [this](bool on)
                                   {
                                       this->context().settings.askConfidence = on;
                                       changed();
                                   }));
    own(std::make_unique<Button>(
        "Back", [this] { requestPop(); }, Button::Kind::Primary));
    m_focus.focus(m_owned.front().get());
}

void SettingsScreen::changed()
{
    context().applySettings();
    layout(getSize());
}

void SettingsScreen::layout(sf::Vector2f size)
{
    setSize(size);
    const Theme& t = theme();
    const Settings& s = context().settings;
    m_fullscreen->setChecked(s.fullscreen);
    const float content = std::min(t.contentWidth(size.x), t.px(720.0F));
    const float left = (size.x - content) / 2.0F;
    const float rowHeight = std::max(t.px(50.0F), t.bodySize() * 2.0F);
    float y = headerHeight(t) + t.px(28.0F);
    for (std::size_t i = 0; i < 3; ++i)
    {
        m_owned[i]->setBounds({left, y, content, rowHeight});
        y += rowHeight + t.px(10.0F);
    }
    m_labels.clear();
    m_values.clear();
    const std::string names[] = {"Text size", "Volume", "Default timer"};
    const std::string values[] = {kTextSizeNames[std::clamp(s.textSize, 0, 3)],
                                  s.sound ? std::to_string(s.volume) + " %" : "Off",
                                  s.defaultTimer == 0 ? "Off"
                                                      : std::to_string(s.defaultTimer) + " s"};
    const float small = t.px(52.0F);
    const float valueWidth = t.px(150.0F);
    for (std::size_t row = 0; row < 3; ++row)
    {
        y += t.px(6.0F);
        m_labels.push_back(
            {names[row], {left + t.px(8.0F), y + (rowHeight - t.bodySize() * 1.25F) / 2.0F}});
        const float controlsLeft = left + content - 2 * small - valueWidth;
        m_owned[3 + 2 * row]->setBounds({controlsLeft, y, small, rowHeight});
        m_values.push_back({values[row],
                            {controlsLeft + small + valueWidth / 2.0F,
                             y + (rowHeight - t.bodySize() * 1.25F) / 2.0F}});
        m_owned[4 + 2 * row]->setBounds({controlsLeft + small + valueWidth, y, small, rowHeight});
        y += rowHeight + t.px(10.0F);
    }
    m_owned[9]->setBounds({left, y, content, rowHeight});
    y += rowHeight + t.px(10.0F);
    const float buttonHeight = t.px(54.0F);
    m_owned.back()->setBounds({left + content - t.px(200.0F),
                               std::max(y + t.px(20.0F), size.y - buttonHeight - t.px(28.0F)),
                               t.px(200.0F), buttonHeight});
}

bool SettingsScreen::handleEvent(const sf::Event& event)
{
    if (isKey(event, sf::Keyboard::Escape))
    {
        requestPop();
        return false;
    }
    dispatchToWidgets(event);
    return false;
}

void SettingsScreen::draw(sf::RenderTarget& target) const
{
    const Theme& t = theme();
    drawHeader(target, t, "Settings", "Saved as you change them");
    for (const auto& [text, pos] : m_labels)
        drawLabel(target, t, text, pos.x, pos.y, t.bodySize(), t.colors().text);
    for (const auto& [text, pos] : m_values)
        drawCentred(target, t, text, pos.x, pos.y, t.bodySize(), t.colors().text, true);
    drawWidgets(target);
}

} // namespace quiz::ui
