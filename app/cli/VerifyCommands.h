// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `verify`: the whole-clinic check (pages, key slots, audit chain and anchor, sealed rows, index MACs).
void registerVerifyCommands(CommandRegistry& registry);

} // namespace cc::cli
