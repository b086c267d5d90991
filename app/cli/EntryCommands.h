// SPDX-License-Identifier: GPL-3.0-or-later
// Commands that enter chart data: problems, medications, allergies and research consent.
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `condition add|list`, `medication add|list`, `allergy add|list`, `consent set`.
void registerEntryCommands(CommandRegistry& registry);

} // namespace cc::cli
