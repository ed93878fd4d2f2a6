#pragma once

#include "core/pack/XmlDocument.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quiz::core::import
{

/// QTI 2.1 and 3.0 name the same things differently ("choiceInteraction",
/// "qti-choice-interaction"); the QTI reader compares names in one normalised form.

/// "qti-choice-interaction" -> "choiceInteraction"; "m:math" -> "math"; others unchanged.
[[nodiscard]] std::string normaliseName(const std::string& name);

/// Whether an element or attribute name as written normalises to `name`.
[[nodiscard]] bool isNamed(const char* written, std::string_view name);

/// The first child element named `name` (normalised), or nullptr.
[[nodiscard]] const tinyxml2::XMLElement* qtiChild(const tinyxml2::XMLElement& parent,
                                                   std::string_view name);

/// Every child element named `name` (normalised), in document order.
[[nodiscard]] std::vector<const tinyxml2::XMLElement*>
qtiChildren(const tinyxml2::XMLElement& parent, std::string_view name);

/// Namespace declarations and xml: attributes keep their names; others are normalised.
[[nodiscard]] std::string attributeName(const tinyxml2::XMLAttribute& attribute);

/// The decoded value of the attribute named `name` (normalised), or `fallback`.
[[nodiscard]] std::string qtiAttribute(const tinyxml2::XMLElement& element, std::string_view name,
                                       std::string_view fallback = {});

} // namespace quiz::core::import
