#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace quiz::core
{

/// Seeded randomness that gives the same sequence on every standard library: std::mt19937's
/// output is specified, but std::shuffle and the distributions are not, and golden images and
/// replayed sessions need the same order everywhere.
class Random
{
public:
    explicit Random(std::uint32_t seed) : m_engine(seed) {}

    /// Uniform integer in [0, bound) by rejection sampling; bound must be > 0.
    [[nodiscard]] std::uint32_t below(std::uint32_t bound);

    /// Fisher-Yates shuffle of the whole vector.
    template <typename T> void shuffle(std::vector<T>& items)
    {
        for (std::size_t i = items.size(); i > 1; --i)
        {
            const std::size_t j = below(static_cast<std::uint32_t>(i));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    std::mt19937 m_engine;
};

/// A permutation of 0..count-1 that leaves the positions flagged in `fixed` in place and
/// shuffles the others among the remaining positions.
[[nodiscard]] std::vector<std::size_t> shuffledOrder(const std::vector<bool>& fixed,
                                                     Random& random);

/// The order an ordering question's `count` items are first shown in (position -> item index):
/// shuffled, and never the right order when there are two or more (it is turned one step).
[[nodiscard]] std::vector<std::size_t> shuffledItemOrder(std::size_t count, Random& random);

/// The seed of the round after one played with `seed` when the player chose none: a different
/// round, yet the whole sequence follows from the first seed (shown on the set-up screen).
/// Stays below 1e9, so it fits the set-up screen's nine-digit field.
[[nodiscard]] std::uint32_t nextRoundSeed(std::uint32_t seed);

} // namespace quiz::core
