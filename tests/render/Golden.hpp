#pragma once

#include <SFML/Graphics/Image.hpp>

#include <string>

namespace quiz::test
{

/// Compares `actual` with tests/golden/NAME.png exactly: rendering is bit-identical run to
/// run, so any pixel whose colour differs fails the image. On failure the actual
/// image and a diff (differing pixels in magenta) are saved under the build folder and the
/// test fails naming them. A missing golden fails with a clear message. Goldens are written
/// only when QUIZ_UPDATE_GOLDENS=1 is set. Returns "" when the image matches.
[[nodiscard]] std::string compareWithGolden(const sf::Image& actual, const std::string& name);

} // namespace quiz::test
