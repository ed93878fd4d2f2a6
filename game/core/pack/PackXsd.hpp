#pragma once

#include <string>

namespace quiz::core
{

/// questions/pack.xsd, written from the format tables (PackFormat.hpp) for XML editors:
/// completion and inline errors while writing a pack. Deterministic, so the committed file
/// can be compared with it. `heparin-quiz check` stays the authority.
[[nodiscard]] std::string writePackXsd();

} // namespace quiz::core
