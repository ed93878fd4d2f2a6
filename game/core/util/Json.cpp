#include "Json.hpp"

#include <nlohmann/json.hpp>

namespace quiz::core
{

std::string toJsonText(const nlohmann::ordered_json& value)
{
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace quiz::core
