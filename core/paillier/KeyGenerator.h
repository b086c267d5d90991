// SPDX-License-Identifier: GPL-3.0-or-later
// Paillier key generation from OpenSSL safe primes, with progress for the slow 3072-bit case.
#pragma once

#include "core/Result.h"
#include "core/paillier/PrivateKey.h"

#include <functional>

namespace cc::paillier {

/// Progress of a key generation: which prime (0 for p, 1 for q) and OpenSSL's BN_GENCB event
/// (0: a candidate was tested, 1: a Miller–Rabin round passed, 2: a prime was found).
struct KeyGenProgress
{
    int prime = 0;
    int event = 0;
    int count = 0;
};

/// Called often during generation; return false to cancel.
using KeyGenProgressCallback = std::function<bool(const KeyGenProgress&)>;

/// Generates n = p·q from two safe primes (p = 2p' + 1) of |n|/2 bits each with OpenSSL's
/// BN_generate_prime_ex2 (private DRBG), retrying until |n| is exactly `bits` and |p − q| is large;
/// g = n + 1 and the DJN base is derived from n. `bits` is 3072 (default), 4096 or 2048 (tests).
/// Errors: InvalidArgument (other sizes), Cancelled (the callback returned false), CryptoFailure.
[[nodiscard]] Result<PrivateKey> generateKeyPair(unsigned bits = 3072, const KeyGenProgressCallback& progress = {});

} // namespace cc::paillier
