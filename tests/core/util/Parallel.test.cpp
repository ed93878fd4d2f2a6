#include "core/util/Parallel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <vector>

using namespace quiz::core;

TEST_CASE("runInParallel: every index runs once, each writing its own result",
          "[core][util][parallel]")
{
    for (const std::size_t count : {0U, 1U, 2U, 97U})
    {
        std::vector<std::size_t> squares(count, 0);
        std::vector<int> runs(count, 0);
        runInParallel(count,
                      [&](std::size_t i)
                      {
                          squares[i] = i * i;
                          ++runs[i];
                      });
        for (std::size_t i = 0; i < count; ++i)
        {
            CHECK(squares[i] == i * i);
            CHECK(runs[i] == 1);
        }
    }
}

TEST_CASE("runInParallel: a task's exception comes back to the caller after the others ran",
          "[core][util][parallel]")
{
    std::atomic<int> done{0};
    const auto run = [&]
    {
        runInParallel(50,
                      [&](std::size_t i)
                      {
                          if (i == 7)
                              throw std::runtime_error("task 7 failed");
                          ++done;
                      });
    };
    CHECK_THROWS_WITH(run(), "task 7 failed");
    CHECK(done == 49); // the failure stops no other task
}
