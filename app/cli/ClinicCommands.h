// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `init`, `login-check`, `passwd`, and the `report-key` commands.
void registerClinicCommands(CommandRegistry& registry);

} // namespace cc::cli
