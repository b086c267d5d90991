// SPDX-License-Identifier: GPL-3.0-or-later
// A streaming homomorphic sum: ciphertexts multiplied in one at a time, as a report reads its rows.
#pragma once

#include "core/Result.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/PublicKey.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cc::paillier {

/// E(Σ) = Π c_i mod n², built one ciphertext at a time: the Montgomery engine of sum() without
/// holding the values. Each term costs one Montgomery product; several products over disjoint parts
/// of a sum (one per thread) are joined with merge(). The value is corrected by R^(N−1) once, in
/// value().
///
/// Validation: every term passes Ciphertext::fromBytes's checks (header, key id, layout, length,
/// 0 < c < n²) except gcd(c, n) = 1, which value() checks once on the product instead: a product
/// is a unit modulo n exactly when every factor is (a prime factor of n dividing one factor divides
/// the product), so the same ciphertexts are refused, for one gcd per sum instead of one per term.
/// Not thread-safe; the key must outlive the product.
class RunningProduct
{
public:
    /// The empty product (no terms yet) of ciphertexts of `key` with packed layout `layoutId`.
    /// Errors: InvalidArgument (no key).
    [[nodiscard]] static Result<RunningProduct> start(const PublicKey& key, std::uint16_t layoutId);

    /// Multiplies in a ciphertext in wire form. Errors: as Ciphertext::fromBytes with the product's
    /// layout expected (MalformedInput, Unsupported, KeyMismatch); nothing changes on an error.
    [[nodiscard]] Status multiplyBytes(std::span<const std::uint8_t> blob);
    /// Multiplies in a parsed ciphertext. Errors: KeyMismatch (other key or layout), InvalidArgument.
    [[nodiscard]] Status multiply(const Ciphertext& c);
    /// Multiplies in another product of the same key and layout (its terms count here too).
    /// Errors: KeyMismatch.
    [[nodiscard]] Status merge(const RunningProduct& other);

    [[nodiscard]] std::uint64_t terms() const noexcept { return m_terms; }
    [[nodiscard]] std::uint16_t layoutId() const noexcept { return m_layoutId; }

    /// Π c_i mod n². Errors: InvalidArgument (no terms), MalformedInput (the product shares a
    /// factor with n: some term was not a unit), Overflow (more than PLAIN_SUM_MAX_TERMS plain
    /// numbers; packed layouts bound their own counts).
    [[nodiscard]] Result<Ciphertext> value() const;

private:
    RunningProduct(const PublicKey& key, std::uint16_t layoutId);

    const PublicKey* m_key = nullptr;
    std::uint16_t m_layoutId = 0;
    std::uint64_t m_terms = 0;
    std::vector<std::uint64_t> m_acc;     // Π c_i · R^−(terms − 1) mod n² (R itself when empty)
    std::vector<std::uint64_t> m_term;    // the term being multiplied in
    std::vector<std::uint64_t> m_scratch; // Montgomery scratch
};

} // namespace cc::paillier
