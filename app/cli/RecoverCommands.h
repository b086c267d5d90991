// SPDX-License-Identifier: GPL-3.0-or-later
// `keys recover`: access restored with k printed recovery shares when passwords are lost (docs/KEYS.md 8).
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `keys recover`.
void registerRecoverCommands(CommandRegistry& registry);

} // namespace cc::cli
