// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `report-key show`, `report-key trust` (docs/PAILLIER.md, report key pinning).
void registerReportKeyCommands(CommandRegistry& registry);

} // namespace cc::cli
