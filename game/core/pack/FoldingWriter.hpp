#pragma once

#include "RichText.hpp"

#include <string>
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
    /// The link address the text added from now on belongs to ("" for none).
    void setLink(std::string link) { m_link = std::move(link); }
    [[nodiscard]] const std::string& getLink() const { return m_link; }

private:
    RichText& m_out;
    bool m_pendingSpace = false;
    bool m_atLineStart = true;
    bool m_spaceBold = false;
    bool m_spaceItalic = false;
    Script m_spaceScript = Script::Normal;
    std::string m_link;
    std::string m_spaceLink;
};

} // namespace quiz::core
