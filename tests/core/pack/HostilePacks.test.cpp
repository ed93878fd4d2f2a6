#include "support/HostilePacks.hpp"

#include "core/pack/PackChecker.hpp"
#include "core/pack/PackLoader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

using namespace quiz::core;

namespace
{

// The budget is for the optimised game; a sanitizer or debug build runs the same work many
// times slower, so it gets a wider bound that still catches anything quadratic.
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
constexpr double kBudgetSeconds = 1.0;
#else
constexpr double kBudgetSeconds = 20.0;
#endif

} // namespace

TEST_CASE("PackLoader: no file under the size cap takes more than a second to load and check",
          "[core][loader][hostile]")
{
    const PackLimits limits;
    for (std::size_t index = 0; index < quiz::testsupport::kHostilePackCount; ++index)
    {
        const quiz::testsupport::HostilePack hostile =
            quiz::testsupport::makeHostilePack(index, limits.maxFileBytes);
        INFO(hostile.name << " (" << hostile.xml.size() << " bytes)");
        REQUIRE(hostile.xml.size() <= limits.maxFileBytes);
        // The fastest of up to three runs, so a busy machine's pause is not taken for the cost.
        double seconds = kBudgetSeconds;
        LoadResult result;
        for (int attempt = 0; attempt < 3 && seconds >= kBudgetSeconds; ++attempt)
        {
            const auto start = std::chrono::steady_clock::now();
            result = PackLoader(limits).loadString(hostile.xml, "hostile.xml");
            if (result.pack)
            {
                CheckOptions options;
                options.today = "2026-11-25";
                options.checkFigureFiles = false;
                PackChecker(options).check(*result.pack, result.diagnostics);
            }
            seconds = std::min(
                seconds,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        CHECK(seconds < kBudgetSeconds);
        // Each is refused or warned about; none passes as a clean pack.
        CHECK(!result.diagnostics.getAll().empty());
    }
}
