// SPDX-License-Identifier: GPL-3.0-or-later
// Private to core/crypto: makes sure libsodium is initialised before it is used.
#pragma once

namespace cc::crypto::detail {

/// Calls sodium_init() (idempotent and thread-safe per libsodium's documentation). Returns false
/// only if libsodium could not initialise, in which case callers report CryptoFailure.
[[nodiscard]] bool ensureSodium() noexcept;

} // namespace cc::crypto::detail
