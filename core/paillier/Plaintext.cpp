// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/Plaintext.h"

#include "core/paillier/KeyImpl.h"
#include "core/paillier/Paillier.h"

#include <cctype>

namespace cc::paillier {

Plaintext::Plaintext(std::int64_t v) : m_negative(v < 0)
{
    // Magnitude without overflow for INT64_MIN.
    std::uint64_t mag = v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
    while (mag != 0) {
        m_magnitude.insert(m_magnitude.begin(), static_cast<std::uint8_t>(mag & 0xff));
        mag >>= 8;
    }
}

Plaintext Plaintext::fromMagnitude(std::span<const std::uint8_t> magnitude, bool negative)
{
    Plaintext p;
    std::size_t start = 0;
    while (start < magnitude.size() && magnitude[start] == 0)
        ++start;
    p.m_magnitude.assign(magnitude.begin() + static_cast<std::ptrdiff_t>(start), magnitude.end());
    p.m_negative = negative && !p.m_magnitude.empty();
    return p;
}

Result<Plaintext> Plaintext::fromDecimal(std::string_view text)
{
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || text.size() > 4000)
        return malformed("expected a decimal integer", {}, 0, "value");
    for (char ch : text)
        if (!std::isdigit(static_cast<unsigned char>(ch)))
            return malformed("expected a decimal integer", {}, 0, "value");
    detail::Mpz v;
    mpz_set_str(v, std::string(text).c_str(), 10);
    const auto mag = detail::toBytes(v);
    return fromMagnitude(mag, negative);
}

std::string Plaintext::toDecimal() const
{
    detail::Mpz v;
    detail::fromBytes(v, m_magnitude);
    return (m_negative ? "-" : "") + detail::toDecimal(v);
}

Result<std::int64_t> Plaintext::toInt64() const
{
    if (m_magnitude.size() > 8)
        return makeError(ErrorCode::Overflow, "value does not fit in 64 bits");
    std::uint64_t mag = 0;
    for (auto b : m_magnitude)
        mag = (mag << 8) | b;
    const std::uint64_t limit = m_negative ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1;
    if (mag > limit)
        return makeError(ErrorCode::Overflow, "value does not fit in 64 bits");
    return m_negative ? static_cast<std::int64_t>(~mag + 1) : static_cast<std::int64_t>(mag);
}

Status Plaintext::checkFits(const PublicKey& key) const
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    detail::Mpz v;
    detail::fromBytes(v, m_magnitude);
    if (mpz_cmp(v, key.impl().maxInt) > 0)
        return makeError(ErrorCode::Overflow, "value is outside the Paillier plaintext range (|v| ≤ n/3)");
    return {};
}

Status Plaintext::checkFitsPlainSum(const PublicKey& key) const
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    detail::Mpz v, bound;
    detail::fromBytes(v, m_magnitude);
    mpz_fdiv_q_2exp(bound, key.impl().maxInt, 24);
    static_assert(PLAIN_SUM_MAX_TERMS == std::uint64_t{1} << 24);
    if (mpz_cmp(v, bound) > 0)
        return makeError(ErrorCode::Overflow, "value is outside the range of a summable plain number (|v| ≤ "
                                              "⌊n/3⌋ / 2^24, so that sums of up to 2^24 values cannot overflow)");
    return {};
}

} // namespace cc::paillier
