// SPDX-License-Identifier: GPL-3.0-or-later
// The one binary form of a custodian's threshold decryption share (key rings and sealed containers).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/paillier/Threshold.h"

#include <cstdint>
#include <span>

namespace cc::paillier {

/// Current share format version written by encodeShare().
inline constexpr std::uint8_t SHARE_FORMAT_VERSION = 2;
/// Longest secret s_i accepted, in bytes (a 4096-bit key's share is under 1.1 KiB).
inline constexpr std::size_t SHARE_MAX_SECRET = 4096;
/// Most custodians a share may name.
inline constexpr std::uint32_t SHARE_MAX_PARTIES = 64;

/// "CCPS" ‖ version 2 ‖ key id (8) ‖ u32 index ‖ u32 t ‖ u32 l ‖ u32 |s_i| ‖ s_i, big-endian, in
/// secure memory. Version 2 replaced two different layouts that both called themselves version 1
/// (the key ring's, with a u32 secret length, and the sealed container's, with a u16 one);
/// decodeShare() still reads both.
[[nodiscard]] crypto::SecureBytes encodeShare(const ThresholdShare& share);

/// Strict parser for version 2 and both version-1 layouts. A version-1 secret is at most
/// SHARE_MAX_SECRET bytes, so the two layouts are told apart without guessing: the high half of
/// a u32 length is always zero, a u16 length never is. Errors: MalformedInput (magic, truncated,
/// trailing bytes, secret length 0 or too long, 1 ≤ index ≤ l, 1 ≤ t ≤ l ≤ 64), Unsupported
/// (another version).
[[nodiscard]] Result<ThresholdShare> decodeShare(std::span<const std::uint8_t> bytes);

} // namespace cc::paillier
