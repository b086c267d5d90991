// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `report run|verify|show|csv|decrypt-share|publish|set-minimum-cell-size` (docs/REPORTS.md).
void registerReportCommands(CommandRegistry& registry);

} // namespace cc::cli
