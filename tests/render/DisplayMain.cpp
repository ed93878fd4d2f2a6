// Catch2 main for tests that need a display: without one (no xvfb-run) SFML would abort, so
// the run reports "skipped" to CTest (exit 77) instead of crashing or passing silently.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef QUIZ_KEEP_GL_CONTEXT
#include <SFML/Window/Context.hpp>
#endif

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
#ifdef QUIZ_KEEP_GL_CONTEXT
    // One context for the whole run keeps SFML's display connection open; otherwise every
    // test closes and reopens it, and a failed reopen makes SFML abort.
    const sf::Context keepAlive;
#endif
    return Catch::Session().run(argc, argv);
}
