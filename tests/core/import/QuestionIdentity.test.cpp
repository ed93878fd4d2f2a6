#include "core/import/QuestionIdentity.hpp"

#include <catch2/catch.hpp>

using namespace quiz::core;
using namespace quiz::core::import;

namespace
{

Question question(const std::string& id, const std::string& format, const std::string& file,
                  const std::string& idnumber, const std::string& name, const std::string& stem)
{
    Question q;
    q.id = id;
    q.stem = RichText::fromPlain(stem);
    if (!format.empty())
    {
        Origin origin;
        origin.format = format;
        origin.file = file;
        origin.idnumber = idnumber;
        origin.name = name;
        q.origin = origin;
    }
    return q;
}

} // namespace

TEST_CASE("QuestionIndex: identity comes from the question, never from the file it came in",
          "[import][reimport]")
{
    const std::vector<Question> existing = {
        question("moodle-q", "moodle-xml", "week1.xml", "HEP-01", "aPTT", "Stem A"),
        question("qti-item", "qti", "item.xml", "i1718273645", "", "Stem B"),
        question("gift-q", "gift", "bank.gift", "", "Protamine dose", "Stem C"),
        question("plain", "gift", "bank.gift", "", "", "What reverses heparin?"),
        question("by-hand", "", "", "", "", "Stem E"),
    };
    QuestionIndex index(existing);
    CHECK(index.claim(question("", "moodle-xml", "week2.xml", "HEP-01", "renamed", "new")) ==
          std::optional<std::size_t>(0));
    CHECK(index.claim(question("", "qti", "other.xml", "i1718273645", "", "changed")) ==
          std::optional<std::size_t>(1));
    CHECK(index.claim(question("", "gift", "b2.gift", "", "Protamine dose", "changed")) ==
          std::optional<std::size_t>(2));
    CHECK(index.claim(question("", "gift", "b2.gift", "", "", "What reverses heparin?")) ==
          std::optional<std::size_t>(3));
    CHECK(index.claim(question("", "moodle-xml", "export.xml", "by-hand", "by-hand", "edited")) ==
          std::optional<std::size_t>(4));
    for (std::size_t i = 0; i < existing.size(); ++i)
        CHECK(index.isClaimed(i));
}

TEST_CASE("QuestionIndex: a name or content match never takes a question with another source id, "
          "and each question is matched once",
          "[import][reimport]")
{
    const std::vector<Question> existing = {
        question("a", "moodle-xml", "x.xml", "HEP-01", "Question 1", "Same stem"),
        question("b", "moodle-xml", "x.xml", "", "Question 2", "Other stem"),
    };
    QuestionIndex index(existing);
    CHECK_FALSE(
        index.claim(question("", "moodle-xml", "y.xml", "HEP-02", "Question 1", "Same stem")));
    CHECK(index.claim(question("", "moodle-xml", "y.xml", "", "Question 2", "x")) ==
          std::optional<std::size_t>(1));
    CHECK_FALSE(index.claim(question("", "moodle-xml", "y.xml", "", "Question 2", "x")));
}
