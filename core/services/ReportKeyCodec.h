// SPDX-License-Identifier: GPL-3.0-or-later
// Storage forms of the clinic's report key: a custodian's threshold share (inside a key ring, so
// only ever in wiped memory or AES-GCM-wrapped in a key slot) and the public threshold parameters.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/paillier/Threshold.h"

#include <span>
#include <string>

namespace cc::services {

/// Binary form of a share in a key ring: the one share format, paillier::encodeShare (ShareCodec.h).
[[nodiscard]] crypto::SecureBytes encodeThresholdShare(const paillier::ThresholdShare& share);
/// paillier::decodeShare: reads the current version and both older layouts.
[[nodiscard]] Result<paillier::ThresholdShare> decodeThresholdShare(std::span<const std::uint8_t> bytes);

/// JSON form of the public parameters: {"keyId", "threshold", "parties", "v", "vk": [...]} with
/// base64url integers.
[[nodiscard]] std::string encodeThresholdParameters(const paillier::ThresholdParameters& params);
/// Strict parser. Errors: MalformedInput naming the field.
[[nodiscard]] Result<paillier::ThresholdParameters> decodeThresholdParameters(std::string_view json);

} // namespace cc::services
