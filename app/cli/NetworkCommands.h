// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `network init|show|decrypt-share|publish|show-report`: research networks (docs/REPORTS.md, federation).
void registerNetworkCommands(CommandRegistry& registry);

} // namespace cc::cli
