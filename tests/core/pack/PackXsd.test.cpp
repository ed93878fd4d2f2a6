#include "core/pack/PackXsd.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

TEST_CASE("PackXsd: the committed questions/pack.xsd is the one the format tables give",
          "[core][xsd]")
{
    std::ifstream in(std::string(QUIZ_SOURCE_DIR) + "/questions/pack.xsd", std::ios::binary);
    std::ostringstream committed;
    committed << in.rdbuf();
    INFO("regenerate it with: heparin-quiz schema -o questions/pack.xsd");
    CHECK(committed.str() == quiz::core::writePackXsd());
}

TEST_CASE("PackXsd: every element and attribute of the format is in the schema", "[core][xsd]")
{
    const std::string xsd = quiz::core::writePackXsd();
    for (const char* needle :
         {"name=\"pack\"", "name=\"questions\"", "name=\"question\" type=\"Question\"",
          "name=\"option\" type=\"Option\" minOccurs=\"2\" maxOccurs=\"10\"",
          "name=\"rationale\" type=\"TrueFalseRationale\" minOccurs=\"2\" maxOccurs=\"2\"",
          "name=\"ref\" type=\"Ref\" maxOccurs=\"unbounded\"", "name=\"topic\" type=\"Topic\"",
          "name=\"difficulty\"", "name=\"reviewBy\" type=\"Date\" use=\"required\"",
          "<xs:enumeration value=\"allOrNothing\"/>", "name=\"uniqueTopicId\""})
    {
        INFO(needle);
        CHECK(xsd.find(needle) != std::string::npos);
    }
}
