#pragma once

#include <cstddef>
#include <string>

namespace quiz::ui
{

/// Questions in a round the home screen's Continue starts of a topic, of new questions or of
/// everything.
inline constexpr std::size_t kHomeRoundSize = 10;
/// Weakest topics shown on the home screen's card.
inline constexpr std::size_t kHomeShownTopics = 3;

/// "40%" of a fraction 0..1.
[[nodiscard]] std::string percentText(double fraction);
/// "1 question", "3 questions".
[[nodiscard]] std::string countText(std::size_t count, const std::string& one,
                                    const std::string& many);

} // namespace quiz::ui
