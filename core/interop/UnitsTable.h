// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in units table (private to the interop module).
#pragma once

#include "core/interop/UnitDefinition.h"

#include <vector>

namespace cc::interop {

/// The built-in definitions; UnitsCatalogue::builtIn() checks and indexes them.
[[nodiscard]] std::vector<UnitDefinition> builtInUnitDefinitions();

} // namespace cc::interop
