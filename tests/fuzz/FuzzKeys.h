// SPDX-License-Identifier: GPL-3.0-or-later
// Fixed test keys shared by the fuzz targets and fuzz_seeds, so the generated seeds carry
// signatures the targets accept. Test data only: never a clinic's key.
#pragma once

#include "core/crypto/Ed25519PrivateKey.h"

#include <cstdlib>
#include <vector>

namespace cc::fuzz {

/// The Ed25519 key that signs the report-file seeds and the bodies the report_file target wraps.
inline crypto::Ed25519PrivateKey reportSigner()
{
    const std::vector<std::uint8_t> seed(32, 0x52);
    auto key = crypto::Ed25519PrivateKey::fromSeed(seed);
    if (!key)
        std::abort();
    return std::move(*key);
}

} // namespace cc::fuzz
