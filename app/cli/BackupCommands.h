// SPDX-License-Identifier: GPL-3.0-or-later
// `backup create|inspect|restore`: whole-clinic backups with a signed manifest (docs/BACKUP.md).
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `backup create`, `backup inspect` and `backup restore`.
void registerBackupCommands(CommandRegistry& registry);

} // namespace cc::cli
