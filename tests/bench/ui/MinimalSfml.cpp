// The baseline for the budgets: opens a window, presents one frame, exits. With
// `--frames N W H` it instead clears and presents N frames at WxH and prints the frame-time
// percentiles, the floor any screen of the game is compared with.
#include <SFML/Graphics.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc == 5 && std::string(argv[1]) == "--frames")
    {
        const int count = std::max(1, std::atoi(argv[2]));
        sf::RenderWindow window(sf::VideoMode(static_cast<unsigned>(std::atoi(argv[3])),
                                              static_cast<unsigned>(std::atoi(argv[4]))),
                                "minimal");
        std::vector<double> times;
        sf::Clock clock;
        for (int i = 0; i < count; ++i)
        {
            clock.restart();
            window.clear(sf::Color(22, 30, 44));
            window.display();
            times.push_back(static_cast<double>(clock.getElapsedTime().asMicroseconds()) / 1000.0);
        }
        std::sort(times.begin(), times.end());
        const auto at = [&times](double q)
        {
            return times[std::min(times.size() - 1,
                                  static_cast<std::size_t>(q * static_cast<double>(times.size())))];
        };
        std::printf("figure frame_time_p50 %.3f ms\nfigure frame_time_p99 %.3f ms\n", at(0.5),
                    at(0.99));
        return 0;
    }
    sf::RenderWindow window(sf::VideoMode(1280, 720), "minimal");
    window.clear(sf::Color(22, 30, 44));
    window.display();
    return 0;
}
