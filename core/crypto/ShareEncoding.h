// SPDX-License-Identifier: GPL-3.0-or-later
// A printable, typo-checked text form of a Shamir share, for custodians to keep on paper.
#pragma once

#include "core/Result.h"
#include "core/crypto/Shamir.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace cc::crypto {

/// A share read back from text, with the threshold it was printed with.
struct DecodedShare
{
    unsigned threshold = 0;
    ShamirShare share;
};

/// Encodes a share as `CC1-<k>-<index>-XXXX-XXXX-...-XXXX-CCCCCCC`: decimal threshold and index (no leading
/// zeros), then RFC 4648 base32 (upper case, no padding) of the share data in groups of 4 characters
/// (the last may be shorter), then a 7-character checksum group holding the CRC-32 (ISO-HDLC, as in zlib)
/// of the text `CC1-<k>-<index>` followed by the raw share data.
///
/// Why CRC-32 rather than a truncated hash: one mistyped base32 character changes at most 5 consecutive
/// bits, and CRC-32 detects every error burst of up to 32 bits, so every single-character mistake is
/// guaranteed to be caught (a 20-bit hash prefix would miss one in a million). The checksum protects
/// against typing errors only, not against a forger: the recombined secret must still be verified.
/// The returned string holds secret material: wipe it after printing.
[[nodiscard]] std::string encodeShare(const ShamirShare& share, unsigned threshold);

/// Parses encodeShare's text, tolerating lower case and whitespace. Errors: MalformedInput naming the
/// problem (prefix, threshold or index, group lengths, a character outside the base32 alphabet, or a
/// checksum mismatch meaning a character was mistyped).
[[nodiscard]] Result<DecodedShare> decodeShare(std::string_view text);

/// CRC-32 (ISO-HDLC: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF) of `data`,
/// continuing from `crc` (pass 0 to start).
[[nodiscard]] std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc = 0) noexcept;

} // namespace cc::crypto
