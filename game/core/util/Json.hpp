#pragma once

#include <string>
#include <vector>

namespace quiz::core
{

/// `text` as a JSON string literal, quotes included. Control characters are escaped; invalid
/// UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON.
[[nodiscard]] std::string jsonQuote(const std::string& text);

/// A number as JSON: finite values with up to 6 significant decimals, trailing zeros
/// trimmed; NaN and infinities become null (JSON has no spelling for them).
[[nodiscard]] std::string jsonNumber(double value);

/// Builds compact, valid JSON by appending members and elements in order; the caller keeps
/// the nesting balanced. Commas are inserted automatically.
class JsonWriter
{
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// Writes a member name inside an object; the next value call gives its value.
    JsonWriter& key(const std::string& name);
    JsonWriter& value(const std::string& text);
    JsonWriter& value(const char* text);
    JsonWriter& value(double number);
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    JsonWriter& stringArray(const std::vector<std::string>& items);

    [[nodiscard]] const std::string& str() const { return m_out; }

private:
    void separate();

    std::string m_out;
    std::vector<bool> m_first; ///< per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace quiz::core
