// SPDX-License-Identifier: GPL-3.0-or-later
// A whole Paillier private key in CRT form: for tests, interop files and single-custodian clinics.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/paillier/PublicKey.h"

#include <memory>

namespace cc::paillier {

/// p, q and the CRT decryption constants, held in OpenSSL BIGNUMs that are cleared on release
/// (BN_clear_free). Move-only. A clinic normally never holds this after the key ceremony: the
/// threshold dealer (ThresholdDealer.h) consumes it and hands out shares instead.
class PrivateKey
{
public:
    struct Impl;

    /// A key from big-endian primes p and q. Checks: equal length of at least 512 bits, n = p·q of
    /// exactly twice that length (primes as large as the key needs), both prime (OpenSSL
    /// BN_check_prime), |p − q| ≥ 2^(|p| − 100), and n as PublicKey::fromModulus accepts it (≤ 4096
    /// bits). Report-key sizes are checked by the load paths (PublicKey::checkReportKeySize).
    /// Errors: MalformedInput naming "p" or "q" (or "n"), CryptoFailure (OpenSSL failed).
    [[nodiscard]] static Result<PrivateKey> fromPrimes(const crypto::SecureBytes& p, const crypto::SecureBytes& q);

    PrivateKey(PrivateKey&&) noexcept;
    PrivateKey& operator=(PrivateKey&&) noexcept;
    PrivateKey(const PrivateKey&) = delete;
    PrivateKey& operator=(const PrivateKey&) = delete;
    ~PrivateKey();

    /// The matching public key.
    [[nodiscard]] const PublicKey& publicKey() const noexcept { return m_public; }
    /// p, big-endian (a secret: only for the key file and the AEAD container).
    [[nodiscard]] crypto::SecureBytes primeP() const;
    /// q, big-endian (a secret: only for the key file and the AEAD container).
    [[nodiscard]] crypto::SecureBytes primeQ() const;

    /// Module-internal state (defined in KeyImpl.h).
    [[nodiscard]] const Impl& impl() const { return *m_impl; }

private:
    PrivateKey(PublicKey pub, std::unique_ptr<Impl> impl);
    PublicKey m_public;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cc::paillier
