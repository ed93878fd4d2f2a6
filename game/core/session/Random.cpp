#include "Random.hpp"

#include <algorithm>

namespace quiz::core
{

std::uint32_t Random::below(std::uint32_t bound)
{
    if (bound <= 1)
        return 0;
    // Reject the top sliver of the 32-bit range so every residue is equally likely.
    const std::uint32_t limit = static_cast<std::uint32_t>(0x100000000ULL % bound);
    for (;;)
    {
        const std::uint32_t value = static_cast<std::uint32_t>(m_engine());
        if (value >= limit)
            return value % bound;
    }
}

std::vector<std::size_t> shuffledOrder(const std::vector<bool>& fixed, Random& random)
{
    std::vector<std::size_t> movable;
    for (std::size_t i = 0; i < fixed.size(); ++i)
    {
        if (!fixed[i])
            movable.push_back(i);
    }
    std::vector<std::size_t> shuffled = movable;
    random.shuffle(shuffled);
    std::vector<std::size_t> order(fixed.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i < fixed.size(); ++i)
        order[i] = fixed[i] ? i : shuffled[next++];
    return order;
}

std::vector<std::size_t> shuffledItemOrder(std::size_t count, Random& random)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < count; ++i)
        order.push_back(i);
    random.shuffle(order);
    // Shown already in order, there would be nothing to do: turn it one step.
    if (order.size() > 1 && std::is_sorted(order.begin(), order.end()))
        std::rotate(order.begin(), order.begin() + 1, order.end());
    return order;
}

std::uint32_t nextRoundSeed(std::uint32_t seed)
{
    // One step of the classic 32-bit linear congruential generator (Numerical Recipes).
    const std::uint32_t next = seed * 1664525U + 1013904223U;
    return next % 1000000000U;
}

} // namespace quiz::core
