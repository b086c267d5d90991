// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/Ciphertext.h"

#include "core/paillier/KeyImpl.h"

#include <cctype>

namespace cc::paillier {
namespace {

// Every ciphertext from outside: 0 < c < n² and gcd(c, n) = 1 (DESIGN.md section 6, validation).
Result<Ciphertext> validated(const PublicKey& key, mpz_srcptr c, std::uint16_t layoutId)
{
    const auto& k = key.impl();
    if (mpz_sgn(c) <= 0 || mpz_cmp(c, k.n2) >= 0)
        return malformed("ciphertext is out of range (0 < c < n² required)", {}, 0, "ciphertext");
    detail::Mpz g;
    mpz_gcd(g, c, k.n);
    if (mpz_cmp_ui(g, 1) != 0)
        return malformed("ciphertext shares a factor with n", {}, 0, "ciphertext");
    return Ciphertext(k.id, layoutId, k.valueBytes, detail::toLimbs(c, k.mont->limbs()));
}

} // namespace

Ciphertext::Ciphertext(const KeyId& keyId, std::uint16_t layoutId, std::size_t valueBytes,
                       std::vector<std::uint64_t> limbs)
    : m_keyId(keyId)
    , m_layoutId(layoutId)
    , m_valueBytes(static_cast<std::uint32_t>(valueBytes))
    , m_limbs(std::move(limbs))
{}

Ciphertext Ciphertext::withLayout(std::uint16_t layoutId) const
{
    Ciphertext c = *this;
    c.m_layoutId = layoutId;
    return c;
}

std::vector<std::uint8_t> Ciphertext::toBytes() const
{
    detail::Mpz c;
    detail::fromLimbs(c, m_limbs);
    std::vector<std::uint8_t> out(HEADER_SIZE + m_valueBytes);
    out[0] = FORMAT_VERSION;
    out[1] = SCHEME_PAILLIER_DJN;
    out[2] = static_cast<std::uint8_t>(m_layoutId >> 8);
    out[3] = static_cast<std::uint8_t>(m_layoutId & 0xff);
    for (std::size_t i = 0; i < m_keyId.size(); ++i)
        out[4 + i] = m_keyId[i];
    const auto value = detail::toBytesFixed(c, m_valueBytes);
    for (std::size_t i = 0; i < value.size(); ++i)
        out[HEADER_SIZE + i] = value[i];
    return out;
}

std::string Ciphertext::toDecimal() const
{
    detail::Mpz c;
    detail::fromLimbs(c, m_limbs);
    return detail::toDecimal(c);
}

Result<std::uint16_t> Ciphertext::checkHeader(const PublicKey& key, std::span<const std::uint8_t> blob,
                                              int expectedLayout)
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    if (blob.size() < HEADER_SIZE)
        return malformed("ciphertext is truncated (shorter than its 12-byte header)", {}, 0, "ciphertext");
    if (blob[0] != FORMAT_VERSION)
        return makeError(ErrorCode::Unsupported, "unknown ciphertext format version " + std::to_string(blob[0]));
    if (blob[1] != SCHEME_PAILLIER_DJN)
        return makeError(ErrorCode::Unsupported, "unknown ciphertext scheme " + std::to_string(blob[1]));
    const auto layout = static_cast<std::uint16_t>((blob[2] << 8) | blob[3]);
    if (!std::equal(key.keyId().begin(), key.keyId().end(), blob.begin() + 4))
        return makeError(ErrorCode::KeyMismatch, "ciphertext belongs to another Paillier key");
    if (expectedLayout >= 0 && layout != expectedLayout)
        return makeError(ErrorCode::KeyMismatch, "ciphertext has packed layout " + std::to_string(layout) +
                                                     ", expected " + std::to_string(expectedLayout));
    if (blob.size() != HEADER_SIZE + key.ciphertextValueBytes())
        return malformed("ciphertext has the wrong length for its key (truncated or padded)", {}, 0, "ciphertext");
    return layout;
}

Result<Ciphertext> Ciphertext::fromBytes(const PublicKey& key, std::span<const std::uint8_t> blob, int expectedLayout)
{
    auto layout = checkHeader(key, blob, expectedLayout);
    CC_TRY(layout);
    detail::Mpz c;
    detail::fromBytes(c, blob.subspan(HEADER_SIZE));
    return validated(key, c, *layout);
}

Result<Ciphertext> Ciphertext::fromDecimal(const PublicKey& key, std::string_view text, std::uint16_t layoutId)
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    if (text.empty() || text.size() > 3 * key.ciphertextValueBytes() + 8)
        return malformed("expected a decimal ciphertext", {}, 0, "ciphertext");
    for (char ch : text)
        if (!std::isdigit(static_cast<unsigned char>(ch)))
            return malformed("expected a decimal ciphertext", {}, 0, "ciphertext");
    detail::Mpz c;
    mpz_set_str(c, std::string(text).c_str(), 10);
    return validated(key, c, layoutId);
}

} // namespace cc::paillier
