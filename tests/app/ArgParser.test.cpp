#include "app/commands/ArgParser.hpp"

#include <catch2/catch.hpp>

using namespace quiz::app;

TEST_CASE("ArgParser: reads flags, values, lists, integers and positionals", "[cli][args]")
{
    bool flag = false;
    std::string text;
    std::vector<std::string> list;
    long long number = 0;
    std::vector<std::string> rest;
    ArgParser parser("t", "test");
    parser.addFlag("flag", &flag, "");
    parser.addOption("name", &text, "N", "");
    parser.addList("topic", &list, "ID", "");
    parser.addInt("count", &number, 1, 100, "N", "");
    parser.setPositionals(&rest, "FILE", 0, "");
    const ParseResult result = parser.parse(
        {"--flag", "--name=x", "--topic", "a", "--topic", "b", "--count", "7", "f", "--", "--g"});
    REQUIRE(result.isOk());
    CHECK(flag);
    CHECK(text == "x");
    CHECK(list == std::vector<std::string>{"a", "b"});
    CHECK(number == 7);
    CHECK(rest == std::vector<std::string>{"f", "--g"});
}

TEST_CASE("ArgParser: rejects bad input with a message", "[cli][args]")
{
    long long number = 0;
    ArgParser parser("t", "test");
    parser.addInt("count", &number, 1, 100, "N", "");
    CHECK(parser.parse({"--count", "0"}).message == "--count must be between 1 and 100, not 0");
    CHECK(parser.parse({"--count", "7x"}).message == "--count needs a whole number, not '7x'");
    CHECK(parser.parse({"--count"}).message == "--count needs a value (N)");
    CHECK(parser.parse({"--cont", "3"}).message ==
          "unknown option '--cont' (did you mean '--count'?)");
    CHECK(parser.parse({"stray"}).message == "unexpected argument 'stray'");
    CHECK(parser.parse({"--count", "99999999999999999999"}).status == ParseResult::Status::Error);
    CHECK(parser.parse({"-h"}).status == ParseResult::Status::Help);
    CHECK(number == 0);
}
