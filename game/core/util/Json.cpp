#include "Json.hpp"

#include "Utf8.hpp"

#include <cmath>
#include <cstdio>

namespace quiz::core
{

std::string jsonQuote(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size();)
    {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t length = validUtf8Length(text, i);
        if (length == 0)
        {
            out += "\\ufffd";
            ++i;
            continue;
        }
        if (length > 1)
        {
            out.append(text, i, length);
            i += length;
            continue;
        }
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20)
            {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned int>(c));
                out += buffer;
            }
            else
            {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
    return out;
}

std::string jsonNumber(double value)
{
    if (!std::isfinite(value))
        return "null";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

void JsonWriter::separate()
{
    if (m_afterKey)
    {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty())
    {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
    }
}

JsonWriter& JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    m_out += '}';
    m_first.pop_back();
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    m_out += ']';
    m_first.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(const std::string& name)
{
    separate();
    m_out += jsonQuote(name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(const std::string& text)
{
    separate();
    m_out += jsonQuote(text);
    return *this;
}

JsonWriter& JsonWriter::value(const char* text)
{
    return value(std::string(text));
}

JsonWriter& JsonWriter::value(double number)
{
    separate();
    m_out += jsonNumber(number);
    return *this;
}

JsonWriter& JsonWriter::value(long long number)
{
    separate();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::stringArray(const std::vector<std::string>& items)
{
    beginArray();
    for (const std::string& item : items)
        value(item);
    return endArray();
}

} // namespace quiz::core
