// Catch2 main for tests that need a display: without one (no xvfb-run) SFML would abort, so
// the run reports "skipped" to CTest (exit 77) instead of crashing or passing silently.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv)
{
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || display[0] == '\0')
    {
        std::cerr << "no DISPLAY: run these tests under 'xvfb-run -a'; skipping\n";
        return 77;
    }
    return Catch::Session().run(argc, argv);
}
