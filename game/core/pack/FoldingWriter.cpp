#include "FoldingWriter.hpp"

#include "core/util/Text.hpp"

namespace quiz::core
{

void FoldingWriter::add(std::string_view text, bool bold, bool italic, Script script)
{
    std::size_t i = 0;
    while (i < text.size())
    {
        if (isXmlSpace(text[i]))
        {
            if (!m_atLineStart && !m_pendingSpace)
            {
                m_pendingSpace = true;
                m_spaceBold = bold;
                m_spaceItalic = italic;
                m_spaceScript = script;
                m_spaceLink = m_link;
            }
            ++i;
            continue;
        }
        // Words joined by single plain spaces are already folded: append them as one piece.
        std::size_t end = i + 1;
        for (;;)
        {
            while (end < text.size() && !isXmlSpace(text[end]))
                ++end;
            if (end + 1 < text.size() && text[end] == ' ' && !isXmlSpace(text[end + 1]))
            {
                end += 2;
                continue;
            }
            break;
        }
        if (m_pendingSpace)
        {
            m_out.append(" ", m_spaceBold, m_spaceItalic, m_spaceScript, m_spaceLink);
            m_pendingSpace = false;
        }
        m_out.append(text.substr(i, end - i), bold, italic, script, m_link);
        m_atLineStart = false;
        i = end;
    }
}

void FoldingWriter::addBreak()
{
    m_out.appendBreak();
    m_pendingSpace = false;
    m_atLineStart = true;
}

} // namespace quiz::core
