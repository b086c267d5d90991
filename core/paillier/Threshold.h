// SPDX-License-Identifier: GPL-3.0-or-later
// t-of-l threshold decryption: Damgård–Jurik (2001) with Shoup's (2000) techniques, trusted dealer.
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Plaintext.h"
#include "core/paillier/PrivateKey.h"
#include "core/paillier/PublicKey.h"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace cc::paillier {

/// One custodian's secret share s_i = f(i) mod n·m (a secret: keep it in a key slot).
struct ThresholdShare
{
    KeyId keyId{};
    std::uint32_t index = 0; ///< 1 … l
    std::uint32_t threshold = 0;
    std::uint32_t parties = 0;
    crypto::SecureBytes secret; ///< s_i, big-endian
};

/// Public verification data: the base v (a random square mod n²) and v_i = v^(Δ·s_i) mod n².
struct ThresholdParameters
{
    KeyId keyId{};
    std::uint32_t threshold = 0;
    std::uint32_t parties = 0;
    std::vector<std::uint8_t> verificationBase;              ///< v, big-endian
    std::vector<std::vector<std::uint8_t>> verificationKeys; ///< v_1 … v_l, big-endian
};

/// A partial decryption c_i = c^(2Δ·s_i) mod n² with a non-interactive proof that
/// log_{c⁴}(c_i²) = log_v(v_i) (Shoup 2000, section 2.3; Fiat–Shamir with SHA-256).
struct PartialDecryption
{
    std::uint32_t index = 0;
    std::vector<std::uint8_t> value;     ///< c_i, big-endian
    std::vector<std::uint8_t> challenge; ///< e, 16 bytes
    std::vector<std::uint8_t> response;  ///< z = r + e·Δ·s_i, big-endian
};

/// What the dealer hands out; p, q, m and d are erased before it returns.
struct ThresholdKeySet
{
    PublicKey publicKey;
    ThresholdParameters parameters;
    std::vector<ThresholdShare> shares;
};

/// Deals a t-of-l sharing of the decryption exponent d (d ≡ 0 mod m, d ≡ 1 mod n, m = p'q') for a
/// key from safe primes, consuming the private key (it is destroyed on return). 1 ≤ t ≤ l ≤ 64.
/// Errors: InvalidArgument (t, l), MalformedInput (primes not safe).
[[nodiscard]] Result<ThresholdKeySet> dealThreshold(PrivateKey&& key, std::uint32_t threshold, std::uint32_t parties,
                                                    crypto::Rng& rng);

/// Checks the public parameters against `key`: key id, 1 ≤ t ≤ l ≤ 64, one verification key per
/// custodian, and v and every v_i a unit mod n² other than 0 and 1 (a v_i = 1 or a v of small order
/// would let a wrong partial pass its proof). Errors: KeyMismatch, MalformedInput naming the field
/// ("v", "vk[2]").
[[nodiscard]] Status checkThresholdParameters(const PublicKey& key, const ThresholdParameters& params);

/// Custodian i's partial decryption of `c` with its proof (constant-time exponentiations for the secret
/// exponents, OpenSSL BN_mod_exp_mont_consttime). `context` is bound into the proof's Fiat–Shamir
/// hash (a report id and cell index), so the partial cannot be replayed for another purpose.
/// Errors: KeyMismatch (share or ciphertext of another key), MalformedInput (parameters).
[[nodiscard]] Result<PartialDecryption> partialDecrypt(const PublicKey& key, const ThresholdParameters& params,
                                                       const ThresholdShare& share, const Ciphertext& c,
                                                       crypto::Rng& rng, std::span<const std::uint8_t> context = {});

/// Checks one partial decryption's proof for `c` under `context` (the same bytes the custodian
/// bound). Errors: IntegrityFailure naming the custodian's index (proof, value not a unit mod n²),
/// MalformedInput (index out of range, parameters).
[[nodiscard]] Status verifyPartial(const PublicKey& key, const ThresholdParameters& params, const Ciphertext& c,
                                   const PartialDecryption& partial, std::span<const std::uint8_t> context = {});

/// What combinePartials() did with each partial it was given.
struct CombineOutcome
{
    std::vector<std::uint32_t> used; ///< custodian indices combined (t of them)
    /// Partials left out, with the reason ("custodian 2: partial decryption … failed its proof").
    std::vector<std::pair<std::uint32_t, std::string>> rejected;
};

/// Verifies every partial, names and skips the invalid ones (a failed proof, a second partial of the
/// same custodian, a partial whose c_i² repeats another's: ±c_i both verify) and combines the first
/// t valid ones (Lagrange at 0, scaled by Δ). Every exact division is checked. Errors:
/// InvalidArgument (fewer than t valid partials; the message names the rejected ones),
/// IntegrityFailure (a combination that is not of the form 1 + k·n), MalformedInput (parameters),
/// Overflow (as decrypt()).
[[nodiscard]] Result<Plaintext> combinePartials(const PublicKey& key, const ThresholdParameters& params,
                                                const Ciphertext& c, std::span<const PartialDecryption> partials,
                                                std::span<const std::uint8_t> context = {},
                                                CombineOutcome* outcome = nullptr);

} // namespace cc::paillier
