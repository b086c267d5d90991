// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `audit verify|list|export` and `keys status|set-idle-timeout`.
void registerAuditCommands(CommandRegistry& registry);

} // namespace cc::cli
