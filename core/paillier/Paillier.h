// SPDX-License-Identifier: GPL-3.0-or-later
// Paillier encryption (DJN and textbook), CRT decryption and homomorphic operations.
#pragma once

#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Plaintext.h"
#include "core/paillier/PrivateKey.h"
#include "core/paillier/PublicKey.h"

#include <span>
#include <vector>

namespace cc::paillier {

/// Most plain numbers (layout id 0) one sum may hold. The overflow rule for plain numbers mirrors a
/// packed layout's: every encryption of a plain number (and every addPlain constant) is limited to
/// |v| ≤ ⌊⌊n/3⌋ / PLAIN_SUM_MAX_TERMS⌋ (Plaintext::checkFitsPlainSum), and sum() refuses more terms,
/// so no sum of freshly encrypted plain numbers can leave the band |v| ≤ ⌊n/3⌋ and decrypt as a
/// wrong number (3·⌊n/3⌋ = n − (n mod 3) would otherwise decode as −1 or −2). Values still range
/// over about |n| − 26 bits. add(), multiplyScalar() and negate() are raw homomorphic operations
/// bounded only by the band check at decryption (docs/PAILLIER.md).
inline constexpr std::uint64_t PLAIN_SUM_MAX_TERMS = std::uint64_t{1} << 24;

/// DJN encryption (Damgård–Jurik–Nielsen 2010, section 2.2): c = (1 + m·n)·h_s^α mod n², α uniform of
/// ⌈|n|/2⌉ bits from `rng`, h_s^α from the key's fixed-base table (constant-time row selection).
/// Errors: InvalidArgument (no key), Overflow (|m| > n/3 for a packed layout id, |m| above the
/// plain-sum bound for layout 0, see PLAIN_SUM_MAX_TERMS).
[[nodiscard]] Result<Ciphertext> encrypt(const PublicKey& key, const Plaintext& m, crypto::Rng& rng,
                                         std::uint16_t layoutId = 0);
/// Textbook Paillier (1999): c = (1 + m·n)·r^n mod n², r uniform in Z*_n by rejection; constant-time
/// exponentiation (mpz_powm_sec). The baseline and cross-check for encrypt(). Errors: as encrypt().
[[nodiscard]] Result<Ciphertext> encryptTextbook(const PublicKey& key, const Plaintext& m, crypto::Rng& rng);
/// Many values with encrypt(); every α is drawn from `rng` first (in order), then the exponentiations
/// run on `threads` threads (0: hardware concurrency). Same output for any thread count.
[[nodiscard]] Result<std::vector<Ciphertext>> encryptBatch(const PublicKey& key, std::span<const Plaintext> values,
                                                           crypto::Rng& rng, unsigned threads = 0,
                                                           std::uint16_t layoutId = 0);
/// Known answers and interop vectors: DJN with a given α (big-endian, < 2^⌈|n|/2⌉).
[[nodiscard]] Result<Ciphertext> encryptWithAlpha(const PublicKey& key, const Plaintext& m,
                                                  std::span<const std::uint8_t> alpha, std::uint16_t layoutId = 0);
/// Known answers and interop vectors: textbook with a given r (big-endian, in Z*_n).
[[nodiscard]] Result<Ciphertext> encryptTextbookWithNonce(const PublicKey& key, const Plaintext& m,
                                                          std::span<const std::uint8_t> r);

/// CRT decryption with OpenSSL's BN_mod_exp_mont_consttime and signed decoding, blinded: the
/// ciphertext is shifted by a random plaintext β (OpenSSL's private DRBG) that is subtracted at the
/// end, so the variable-time CRT steps see only values independent of the input.
/// Errors: KeyMismatch (another key's ciphertext), Overflow (residue in the band between signs),
/// CryptoFailure (OpenSSL failed).
[[nodiscard]] Result<Plaintext> decrypt(const PrivateKey& key, const Ciphertext& c);
/// Signed decoding of a residue m mod n (big-endian). Errors: Overflow.
[[nodiscard]] Result<Plaintext> decodeResidue(const PublicKey& key, std::span<const std::uint8_t> residue);

/// E(a + b) = E(a)·E(b) mod n². Errors: KeyMismatch (different keys or layouts).
[[nodiscard]] Result<Ciphertext> add(const PublicKey& key, const Ciphertext& a, const Ciphertext& b);
/// E(a + k) = E(a)·(1 + k·n) mod n². Errors: KeyMismatch, Overflow (|k| beyond the bound encrypt()
/// applies for a's layout).
[[nodiscard]] Result<Ciphertext> addPlain(const PublicKey& key, const Ciphertext& a, const Plaintext& k);
/// E(k·a) = E(a)^k mod n² (k < 0 through the inverse). Errors: KeyMismatch, Overflow (|k| > n/3).
[[nodiscard]] Result<Ciphertext> multiplyScalar(const PublicKey& key, const Ciphertext& a, const Plaintext& k);
/// E(−a) = E(a)⁻¹ mod n². Errors: KeyMismatch.
[[nodiscard]] Result<Ciphertext> negate(const PublicKey& key, const Ciphertext& a);
/// A fresh-looking encryption of the same value: c·h_s^α mod n². Errors: KeyMismatch.
[[nodiscard]] Result<Ciphertext> rerandomise(const PublicKey& key, const Ciphertext& a, crypto::Rng& rng);

/// E(Σ) = Π c_i mod n²: Montgomery products on mpn limbs, contiguous chunks on `threads` threads
/// (0: hardware concurrency), one correction by R^(N−1) at the end. All inputs must share the key and
/// layout id. Errors: KeyMismatch, InvalidArgument (empty input), Overflow (more than
/// PLAIN_SUM_MAX_TERMS plain numbers; packed layouts bound their own counts in PackedLayout::sum).
[[nodiscard]] Result<Ciphertext> sum(const PublicKey& key, std::span<const Ciphertext> values, unsigned threads = 0);
/// Checks a plain-number sum's term count. Errors: Overflow (more than PLAIN_SUM_MAX_TERMS).
[[nodiscard]] Status checkPlainSumTerms(std::uint64_t terms);
/// The same product with mpz_mul and mpz_mod on one thread: the benchmark's baseline. Errors: as sum().
[[nodiscard]] Result<Ciphertext> sumBaseline(const PublicKey& key, std::span<const Ciphertext> values);

/// Checks that `c` belongs to `key`. Errors: KeyMismatch, InvalidArgument (empty).
[[nodiscard]] Status checkBelongs(const PublicKey& key, const Ciphertext& c);

} // namespace cc::paillier
