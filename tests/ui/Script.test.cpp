#include "ui/Script.hpp"

#include <SFML/Window/Keyboard.hpp>
#include <catch2/catch.hpp>

using namespace quiz::ui;

TEST_CASE("Script: every command is parsed with its arguments", "[ui][script]")
{
    std::vector<ScriptCommand> commands;
    std::string error;
    REQUIRE(parseScript("# comment\n\nkey Enter\nkey shift+Tab\ntext 12 34\nclick 10 20\n"
                        "wait 250\nshot question-1\nresize 800 600\nframes 30\nquit\n",
                        "s.txt", commands, error));
    REQUIRE(commands.size() == 9);
    CHECK(commands[0].kind == ScriptCommand::Kind::Key);
    CHECK(commands[0].text == "Enter");
    CHECK(commands[0].line == 3);
    CHECK(commands[1].shift);
    CHECK(commands[1].text == "Tab");
    CHECK(commands[2].kind == ScriptCommand::Kind::Text);
    CHECK(commands[2].text == "12 34");
    CHECK(commands[3].a == 10);
    CHECK(commands[3].b == 20);
    CHECK(commands[4].a == 250);
    CHECK(commands[5].text == "question-1");
    CHECK(commands[6].kind == ScriptCommand::Kind::Resize);
    CHECK(commands[7].kind == ScriptCommand::Kind::Frames);
    CHECK(commands[8].kind == ScriptCommand::Kind::Quit);
}

TEST_CASE("Script: a bad line is reported with the file and line number", "[ui][script]")
{
    std::vector<ScriptCommand> commands;
    std::string error;
    CHECK_FALSE(parseScript("key Enter\nkey Banana\n", "s.txt", commands, error));
    CHECK(error == "s.txt:2: unknown key 'Banana'");
    CHECK_FALSE(parseScript("click 10\n", "s.txt", commands, error));
    CHECK(error == "s.txt:1: 'click' needs X Y in pixels");
    CHECK_FALSE(parseScript("wait -5\n", "s.txt", commands, error));
    CHECK_FALSE(parseScript("shot ../escape\n", "s.txt", commands, error));
    CHECK(error.find("letters, digits") != std::string::npos);
    CHECK_FALSE(parseScript("fly 1 2\n", "s.txt", commands, error));
    CHECK(error.find("unknown command 'fly'") != std::string::npos);
}

TEST_CASE("Script: key names map to SFML keys, case-insensitively", "[ui][script]")
{
    CHECK(keyFromName("a") == sf::Keyboard::A);
    CHECK(keyFromName("H") == sf::Keyboard::H);
    CHECK(keyFromName("3") == sf::Keyboard::Num3);
    CHECK(keyFromName("F11") == sf::Keyboard::F11);
    CHECK(keyFromName("escape") == sf::Keyboard::Escape);
    CHECK(keyFromName("PageDown") == sf::Keyboard::PageDown);
    CHECK(keyFromName("nothing") == -1);
}

TEST_CASE("Script: 'number' types its text into a numeric question's field, and needs some",
          "[ui][script][dose]")
{
    std::vector<ScriptCommand> commands;
    std::string error;
    REQUIRE(parseScript("number 12,5\nnumber 7 kg\n", "s.txt", commands, error));
    REQUIRE(commands.size() == 2);
    CHECK(commands[0].kind == ScriptCommand::Kind::Number);
    CHECK(commands[0].text == "12,5");
    CHECK(commands[1].text == "7 kg");
    CHECK_FALSE(parseScript("key Enter\nnumber\n", "s.txt", commands, error));
    CHECK(error == "s.txt:2: 'number' needs the text to type");
}
