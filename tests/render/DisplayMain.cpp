// Catch2 main for tests that need a display: without one (no xvfb-run) SFML would abort, so
// the run reports "skipped" to CTest (exit 77) instead of crashing or passing silently.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef QUIZ_KEEP_GL_CONTEXT
#include <SFML/Window/Context.hpp>
#endif

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace
{

/// Listing the cases (CTest's discovery does at build time) draws nothing, so it needs no display.
bool isListing(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--list", 6) == 0 || std::strcmp(argv[i], "-l") == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (isListing(argc, argv))
        return Catch::Session().run(argc, argv);
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || display[0] == '\0')
    {
        std::cerr << "no DISPLAY: run these tests under 'xvfb-run -a'; skipping\n";
        return 77;
    }
#ifdef QUIZ_KEEP_GL_CONTEXT
    // One context for the whole run keeps SFML's display connection open; otherwise every
    // test closes and reopens it, and a failed reopen makes SFML abort.
    const sf::Context keepAlive;
#endif
    return Catch::Session().run(argc, argv);
}
