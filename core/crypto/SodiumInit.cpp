// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/SodiumInit.h"

#include <sodium.h>

namespace cc::crypto::detail {

bool ensureSodium() noexcept
{
    // sodium_init() returns 0 on first success, 1 if already initialised, -1 on failure.
    static const bool ok = sodium_init() >= 0;
    return ok;
}

} // namespace cc::crypto::detail
