#pragma once

#include "core/pack/XmlDocument.hpp"

#include <string>
#include <vector>

namespace quiz::core::import
{

/// Where one QTI `modalFeedback` goes in a pack.
struct ModalFeedbackTarget
{
    const tinyxml2::XMLElement* element = nullptr;
    std::string on;     ///< "correct", "partial" or "incorrect"; empty when it cannot be mapped
    std::string reason; ///< why it cannot be mapped (for the warning)
};

/// Decides, for each `modalFeedback` of `item`, which answer outcome shows it. The outcome
/// variable it names (usually FEEDBACK) is followed through `responseProcessing`: a value set
/// where the response matches the correct response is "correct", one set in the branch where it
/// does not (`responseElse`, or `not(match)`) is "incorrect". Without such a rule the
/// identifier decides: "correct", "incorrect" or "partial" by name, or the identifier of the
/// only correct choice of a single-choice item (feedback set to the response). `showHide="hide"`
/// turns correct into incorrect and back. Anything else is left unmapped, with a reason.
[[nodiscard]] std::vector<ModalFeedbackTarget>
mapModalFeedback(const tinyxml2::XMLElement& item, const std::vector<std::string>& correctChoices,
                 bool single);

} // namespace quiz::core::import
