#pragma once
// Scenes of dose practice for the goldens and the layout check: the numeric question with a
// refused letter, its feedback after a named mistake, and a question of a case.
#include "RenderHarness.hpp"
#include "core/pack/Numeric.hpp"
#include "support/DosePack.hpp"

#include <SFML/System/String.hpp>

namespace quiz::test
{

/// Types `utf8` into the top screen key by key, as a keyboard does.
inline void typeText(Harness& h, const std::string& utf8)
{
    const sf::String text = sf::String::fromUtf8(utf8.begin(), utf8.end());
    for (std::size_t i = 0; i < text.getSize(); ++i)
    {
        sf::Event event{};
        event.type = sf::Event::TextEntered;
        event.text.unicode = text[i];
        h.stack.handleEvent(event);
    }
    h.settle();
}

/// Starts a tutor round of the dose pack's questions `ids` (seed 7).
inline void startDose(Harness& h, const std::vector<std::string>& ids)
{
    h.context.packs.push_back(makeDosePack());
    h.start(ids, core::Mode::Tutor, 0, kDosePackId);
}

/// The value of the current question's mistake `index` as a student would type it (rounded
/// to the question's places, with a comma as the decimal separator).
inline std::string typedMistake(const Harness& h, std::size_t index)
{
    const core::PlannedQuestion& planned = h.context.session->getCurrent();
    const int round = planned.question.numeric->round;
    std::string text =
        core::formatNumber(core::roundTo(planned.draw->mistakeValues.at(index), round), round);
    text.erase(std::remove(text.begin(), text.end(), ','), text.end());
    const std::size_t point = text.find('.');
    if (point != std::string::npos)
        text[point] = ',';
    return text;
}

inline void doseQuestionScene(Harness& h)
{
    startDose(h, {"dose-bolus"});
    typeText(h, "7k");
}

inline void doseFeedbackScene(Harness& h)
{
    startDose(h, {"dose-bolus"});
    typeText(h, typedMistake(h, 0));
    h.key(sf::Keyboard::Enter);
}

inline void doseCaseScene(Harness& h)
{
    startDose(h, {"case-rate", "case-up"});
}

} // namespace quiz::test
