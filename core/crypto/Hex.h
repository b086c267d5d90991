// SPDX-License-Identifier: GPL-3.0-or-later
// Hexadecimal text for test vectors, key-check values and diagnostics (never for secrets in logs).
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::crypto {

/// Lower-case hexadecimal of `data`.
[[nodiscard]] std::string hexEncode(std::span<const std::uint8_t> data);

/// Parses hexadecimal (either case; spaces are ignored). Errors: MalformedInput (odd length or a
/// non-hex character).
[[nodiscard]] Result<std::vector<std::uint8_t>> hexDecode(std::string_view text);

} // namespace cc::crypto
