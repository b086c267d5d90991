// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_db: SQLCipher's raw-key form x'<64 hex>' built in wiped memory.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

namespace cc::db::detail {

/// Size of a SQLCipher raw key.
inline constexpr std::size_t kRawKeySize = 32;

/// Returns "x'<64 lowercase hex>'" (67 bytes, no terminator) in a SecureBytes buffer, the form
/// SQLCipher takes as a raw key (skipping its passphrase KDF). InvalidArgument unless 32 bytes.
[[nodiscard]] Result<crypto::SecureBytes> rawKeySpec(const crypto::SecureBytes& key);

} // namespace cc::db::detail
