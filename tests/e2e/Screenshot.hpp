#pragma once

#include <SFML/Graphics/Image.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>

/// What is wrong with the screenshot `png` of a `width` x `height` window, or "" when nothing
/// is: it must load, have the window's size and show a drawn screen rather than a blank or
/// one-colour frame. A drawn screen has at least 100 colours (anti-aliased text alone brings
/// many) and at least 3% of its pixels differ from the commonest colour, the background; the
/// sparsest screen the round tests take (the settings) has 380 colours and 8%.
inline std::string screenshotProblem(const std::filesystem::path& png, unsigned width,
                                     unsigned height)
{
    sf::Image image;
    if (!std::filesystem::exists(png) || !image.loadFromFile(png.string()))
        return png.filename().string() + " is missing or is not an image";
    const sf::Vector2u size = image.getSize();
    if (size.x != width || size.y != height)
        return png.filename().string() + " is " + std::to_string(size.x) + "x" +
               std::to_string(size.y) + ", not the window's " + std::to_string(width) + "x" +
               std::to_string(height);
    std::unordered_map<std::uint32_t, std::size_t> counts;
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x)
            ++counts[image.getPixel(x, y).toInteger()];
    std::size_t background = 0;
    for (const auto& [colour, count] : counts)
        background = count > background ? count : background;
    const std::size_t total = static_cast<std::size_t>(size.x) * size.y;
    const std::size_t drawn = total - background;
    if (counts.size() < 100 || drawn * 100 < total * 3)
        return png.filename().string() + " looks blank: " + std::to_string(counts.size()) +
               " colours, " + std::to_string(drawn * 100 / total) + "% off the background";
    return {};
}
