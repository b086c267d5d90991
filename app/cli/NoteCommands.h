// SPDX-License-Identifier: GPL-3.0-or-later
// Commands over clinical notes and attachments.
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `note add`, `note list`, `attachment add`, `attachment list`, `attachment get`.
void registerNoteCommands(CommandRegistry& registry);

} // namespace cc::cli
