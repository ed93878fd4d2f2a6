#include "Golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace quiz::test
{

std::string compareWithGolden(const sf::Image& actual, const std::string& name)
{
    const fs::path golden = fs::path(QUIZ_SOURCE_DIR) / "tests" / "golden" / (name + ".png");
    const fs::path outDir = fs::path(QUIZ_BINARY_DIR) / "render-output";
    const char* update = std::getenv("QUIZ_UPDATE_GOLDENS");
    if (update != nullptr && std::string(update) == "1")
    {
        fs::create_directories(golden.parent_path());
        if (!actual.saveToFile(golden.string()))
            return "cannot write golden " + golden.string();
        return {};
    }
    sf::Image expected;
    if (!fs::exists(golden) || !expected.loadFromFile(golden.string()))
    {
        fs::create_directories(outDir);
        actual.saveToFile((outDir / (name + ".actual.png")).string());
        return "missing golden image " + golden.string() + ": look at the actual image in " +
               (outDir / (name + ".actual.png")).string() +
               " and, if it is right, create it with QUIZ_UPDATE_GOLDENS=1";
    }
    if (expected.getSize() != actual.getSize())
    {
        std::ostringstream message;
        message << "size differs from golden " << golden.string() << ": expected "
                << expected.getSize().x << "x" << expected.getSize().y << ", got "
                << actual.getSize().x << "x" << actual.getSize().y;
        return message.str();
    }
    const sf::Vector2u size = actual.getSize();
    sf::Image diff;
    diff.create(size.x, size.y, sf::Color::Black);
    std::size_t different = 0;
    for (unsigned y = 0; y < size.y; ++y)
    {
        for (unsigned x = 0; x < size.x; ++x)
        {
            const sf::Color a = actual.getPixel(x, y);
            const sf::Color e = expected.getPixel(x, y);
            if (a != e)
            {
                ++different;
                diff.setPixel(x, y, sf::Color::Magenta);
            }
            else
            {
                diff.setPixel(x, y, sf::Color(e.r / 4, e.g / 4, e.b / 4));
            }
        }
    }
    if (different == 0)
        return {};
    const double fraction = static_cast<double>(different) / (static_cast<double>(size.x) * size.y);
    fs::create_directories(outDir);
    const fs::path actualPath = outDir / (name + ".actual.png");
    const fs::path diffPath = outDir / (name + ".diff.png");
    actual.saveToFile(actualPath.string());
    diff.saveToFile(diffPath.string());
    std::ostringstream message;
    message << name << ": " << different << " pixels (" << fraction * 100.0 << "%) differ from "
            << golden.string() << "; actual: " << actualPath.string()
            << ", diff: " << diffPath.string();
    return message.str();
}

} // namespace quiz::test
