#pragma once

#include <string>

namespace quiz::app
{

/// The folder holding this executable (from /proc/self/exe), or "" when it cannot be read.
[[nodiscard]] std::string getExecutableDir();

/// Finds the shipped `questions/` folder relative to the executable, never the current
/// directory: an installed layout (`../share/heparin-quiz/questions`) first, then the source
/// tree the build lives in (a parent folder holding `questions/pack.xsd`). "" if none is found.
[[nodiscard]] std::string findDataDir(const std::string& executableDir);

/// Finds a file shipped under `assets/` the same way (installed, then source tree).
[[nodiscard]] std::string findAssetDir(const std::string& executableDir);

/// Today's date as YYYY-MM-DD in UTC. The app edge reads the clock; the core never does.
[[nodiscard]] std::string todayIsoDate();

} // namespace quiz::app
