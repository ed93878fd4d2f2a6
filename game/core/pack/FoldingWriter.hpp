#pragma once

#include "RichText.hpp"

#include <string_view>

namespace quiz::core
{

/// Writes rich text with XML white space folded as it goes: a run of white space becomes one
/// space in the style it was written in, none at the start, at the end or next to a line break.
class FoldingWriter
{
public:
    explicit FoldingWriter(RichText& out) : m_out(out) {}

    void add(std::string_view text, bool bold, bool italic, Script script);
    void addBreak();

private:
    RichText& m_out;
    bool m_pendingSpace = false;
    bool m_atLineStart = true;
    bool m_spaceBold = false;
    bool m_spaceItalic = false;
    Script m_spaceScript = Script::Normal;
};

} // namespace quiz::core
