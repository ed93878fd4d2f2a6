#include "app/commands/Account.hpp"

#include <catch2/catch.hpp>

using namespace quiz::app;

TEST_CASE("Account: the name comes from USER, then LOGNAME, then the password entry",
          "[app][account]")
{
    CHECK(pickAccountName("ana", "root", "pw") == "ana");
    CHECK(pickAccountName(nullptr, "ben", "pw") == "ben");
    CHECK(pickAccountName("", "", "chloe") == "chloe");
    CHECK(pickAccountName(nullptr, nullptr, nullptr).empty());
}
