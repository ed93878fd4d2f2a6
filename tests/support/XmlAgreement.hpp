#pragma once

#include <string>

namespace quiz::test
{

/// How our one-pass XmlTree reader and TinyXML2 (through core::parseXml) read the same bytes.
struct XmlAgreement
{
    bool compared = false;     ///< false when the byte scan refused the bytes (no parser runs)
    bool oursAccepted = false; ///< XmlTree found the document well formed
    bool tinyAccepted = false; ///< TinyXML2 found it well formed, with one root
    std::string difference;    ///< empty when the two agree
};

/// Reads `bytes` both ways. They agree when our reader refuses the document, or when TinyXML2
/// accepts it too and both trees hold the same elements in the same places, the same
/// attributes (name, value, line) and the same text, compared with white space folded (our
/// tree keeps a blank run between elements as a flag; TinyXML2 drops it).
[[nodiscard]] XmlAgreement compareXmlReaders(const std::string& bytes);

} // namespace quiz::test
