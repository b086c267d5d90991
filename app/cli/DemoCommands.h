// SPDX-License-Identifier: GPL-3.0-or-later
// `demo init` (the demo clinic of the README) and `demo generate` (large synthetic clinics for benchmarks).
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `demo init`, `demo generate`.
void registerDemoCommands(CommandRegistry& registry);

} // namespace cc::cli
