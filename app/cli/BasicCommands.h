// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `selftest`: runs every known-answer check and prints each result.
void registerBasicCommands(CommandRegistry& registry);

} // namespace cc::cli
