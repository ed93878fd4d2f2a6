#pragma once

#include "core/pack/Pack.hpp"

#include <string>
#include <vector>

namespace quiz::net::test
{

/// `count` single-answer questions q1..qN with options a, b, c, d; the correct one cycles
/// a, b, c, d, a ... Options are not shuffled, so tests can name them.
inline std::vector<core::Question> makeQuestions(int count)
{
    std::vector<core::Question> out;
    const char* ids[] = {"a", "b", "c", "d"};
    for (int i = 0; i < count; ++i)
    {
        core::Question q;
        q.id = "q" + std::to_string(i + 1);
        q.stem = core::RichText::fromPlain("Question " + std::to_string(i + 1) + "?");
        q.explanation = core::RichText::fromPlain("Because " + std::to_string(i + 1) + ".");
        for (int o = 0; o < 4; ++o)
        {
            core::Option option;
            option.id = ids[o];
            option.text = core::RichText::fromPlain(std::string("Option ") + ids[o]);
            option.rationale = core::RichText::fromPlain(std::string("Why ") + ids[o]);
            option.correct = o == i % 4;
            q.options.push_back(option);
        }
        out.push_back(q);
    }
    return out;
}

/// The correct option id of makeQuestions()'s question `index`.
inline std::string correctOf(int index)
{
    const char* ids[] = {"a", "b", "c", "d"};
    return ids[index % 4];
}

} // namespace quiz::net::test
