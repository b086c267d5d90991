// SPDX-License-Identifier: GPL-3.0-or-later
// `cipherchart-cli paillier …`: key files, encryption, sums and decryption for interop and diagnosis.
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// Registers paillier keygen, pubkey, encrypt, add and decrypt.
void registerPaillierCommands(CommandRegistry& registry);

} // namespace cc::cli
