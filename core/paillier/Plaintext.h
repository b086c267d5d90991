// SPDX-License-Identifier: GPL-3.0-or-later
// A signed Paillier plaintext, encoded as v mod n with an overflow band between the signs.
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::paillier {

class PublicKey;

/// A signed integer of any size. Encoding (as python-paillier's EncodedNumber): v ≥ 0 maps to v,
/// v < 0 to n + v; valid values satisfy |v| ≤ ⌊n/3⌋. A decrypted residue in (⌊n/3⌋, n − ⌊n/3⌋) is an
/// overflow (a sum or product left the band) and decodes to an Overflow error, not a wrong number.
class Plaintext
{
public:
    Plaintext() = default;
    /// From a 64-bit signed value.
    explicit Plaintext(std::int64_t v);
    /// From a big-endian magnitude and a sign.
    [[nodiscard]] static Plaintext fromMagnitude(std::span<const std::uint8_t> magnitude, bool negative);
    /// From decimal text with an optional leading '-'. Errors: MalformedInput.
    [[nodiscard]] static Result<Plaintext> fromDecimal(std::string_view text);

    [[nodiscard]] bool isNegative() const noexcept { return m_negative; }
    [[nodiscard]] bool isZero() const noexcept { return m_magnitude.empty(); }
    /// Big-endian magnitude, no leading zeros (empty for 0).
    [[nodiscard]] const std::vector<std::uint8_t>& magnitude() const noexcept { return m_magnitude; }
    /// Decimal text with '-' for negatives.
    [[nodiscard]] std::string toDecimal() const;
    /// The value as int64. Errors: Overflow if it does not fit.
    [[nodiscard]] Result<std::int64_t> toInt64() const;

    /// Checks |v| ≤ ⌊n/3⌋ for `key`. Errors: Overflow.
    [[nodiscard]] Status checkFits(const PublicKey& key) const;
    /// Checks |v| ≤ ⌊⌊n/3⌋ / PLAIN_SUM_MAX_TERMS⌋ (Paillier.h): the bound for a plain number, so that
    /// any allowed sum of them stays in the band. Errors: Overflow.
    [[nodiscard]] Status checkFitsPlainSum(const PublicKey& key) const;

    friend bool operator==(const Plaintext& a, const Plaintext& b) = default;

private:
    std::vector<std::uint8_t> m_magnitude;
    bool m_negative = false;
};

} // namespace cc::paillier
