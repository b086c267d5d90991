// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `user add|list|disable|enable|reset-password|unlock|set-role` and `careteam add|remove|list`.
void registerAccountCommands(CommandRegistry& registry);

} // namespace cc::cli
