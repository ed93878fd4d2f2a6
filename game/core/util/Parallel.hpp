#pragma once

#include <cstddef>
#include <functional>

namespace quiz::core
{

/// Runs task(0) to task(count - 1) on up to every hardware thread, the calling one included,
/// each worker taking the next index until none is left; returns when all have run. Tasks
/// must not share mutable state: each writes only what belongs to its index. The first
/// exception a task throws is rethrown here once every worker has stopped.
void runInParallel(std::size_t count, const std::function<void(std::size_t)>& task);

} // namespace quiz::core
