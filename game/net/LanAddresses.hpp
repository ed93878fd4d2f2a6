#pragma once

#include <string>
#include <vector>

namespace quiz::net
{

/// IPv4 addresses of this machine's network interfaces other than loopback, for students to
/// type. Empty when there are none (then only 127.0.0.1 works).
[[nodiscard]] std::vector<std::string> getLanAddresses();

} // namespace quiz::net
