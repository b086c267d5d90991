// SPDX-License-Identifier: GPL-3.0-or-later
// GMP's allocator replaced by one that wipes every block it frees (DESIGN.md section 8).
#pragma once

namespace cc::crypto {

/// Installs wiping allocation functions with mp_set_memory_functions. Must run before any GMP
/// object exists (blocks allocated earlier would be freed with the wrong function). Idempotent.
void installWipingGmpAllocator();

/// True once installWipingGmpAllocator() has run.
[[nodiscard]] bool wipingGmpAllocatorInstalled();

} // namespace cc::crypto
