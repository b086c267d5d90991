// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/RunningProduct.h"

#include "core/paillier/KeyImpl.h"
#include "core/paillier/Paillier.h"

#include <algorithm>

namespace cc::paillier {
namespace {

std::uint64_t loadBigEndian64(const std::uint8_t* p) noexcept
{
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | p[i];
    return v;
}

} // namespace

RunningProduct::RunningProduct(const PublicKey& key, std::uint16_t layoutId)
    : m_key(&key)
    , m_layoutId(layoutId)
    , m_acc(key.impl().mont->one())
    , m_term(key.impl().mont->limbs())
    , m_scratch(key.impl().mont->scratchLimbs())
{}

Result<RunningProduct> RunningProduct::start(const PublicKey& key, std::uint16_t layoutId)
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    return RunningProduct(key, layoutId);
}

Status RunningProduct::multiplyBytes(std::span<const std::uint8_t> blob)
{
    CC_TRY(Ciphertext::checkHeader(*m_key, blob, m_layoutId));
    const auto& k = m_key->impl();
    const auto& mont = *k.mont;
    // Big-endian bytes to little-endian 64-bit limbs (the value field is exactly valueBytes long,
    // which never exceeds the limbs of n²), then 0 < c < n².
    // Eight bytes per limb from the end (a report converts every row: tests/bench/reports), then
    // the leading bytes that do not fill a limb.
    const auto value = blob.subspan(Ciphertext::HEADER_SIZE);
    std::size_t limb = 0;
    std::size_t end = value.size();
    for (; end >= 8; end -= 8)
        m_term[limb++] = loadBigEndian64(value.data() + end - 8);
    if (end > 0) {
        std::uint64_t top = 0;
        for (std::size_t i = 0; i < end; ++i)
            top = (top << 8) | value[i];
        m_term[limb++] = top;
    }
    std::fill(m_term.begin() + static_cast<std::ptrdiff_t>(limb), m_term.end(), std::uint64_t{0});
    const bool zero = std::all_of(m_term.begin(), m_term.end(), [](std::uint64_t l) { return l == 0; });
    if (zero ||
        mpn_cmp(reinterpret_cast<const mp_limb_t*>(m_term.data()),
                reinterpret_cast<const mp_limb_t*>(mont.modulus().data()), static_cast<mp_size_t>(m_term.size())) >= 0)
        return makeError(ErrorCode::MalformedInput, "ciphertext is out of range (0 < c < n² required)");
    mont.mul(m_acc.data(), m_acc.data(), m_term.data(), m_scratch.data(), false);
    ++m_terms;
    return {};
}

Status RunningProduct::multiply(const Ciphertext& c)
{
    CC_TRY(checkBelongs(*m_key, c));
    if (c.layoutId() != m_layoutId)
        return makeError(ErrorCode::KeyMismatch, "ciphertexts have different packed layouts");
    m_key->impl().mont->mul(m_acc.data(), m_acc.data(), c.limbs().data(), m_scratch.data(), false);
    ++m_terms;
    return {};
}

Status RunningProduct::merge(const RunningProduct& other)
{
    if (other.m_key->keyId() != m_key->keyId())
        return makeError(ErrorCode::KeyMismatch, "products belong to different Paillier keys");
    if (other.m_layoutId != m_layoutId)
        return makeError(ErrorCode::KeyMismatch, "products have different packed layouts");
    // Π_a·R^−(a−1) · Π_b·R^−(b−1) · R⁻¹ = Π_a·Π_b·R^−(a+b−1): the invariant holds for the union.
    m_key->impl().mont->mul(m_acc.data(), m_acc.data(), other.m_acc.data(), m_scratch.data(), false);
    m_terms += other.m_terms;
    return {};
}

Result<Ciphertext> RunningProduct::value() const
{
    if (m_terms == 0)
        return makeError(ErrorCode::InvalidArgument, "nothing to sum");
    if (m_layoutId == 0)
        CC_TRY(checkPlainSumTerms(m_terms));
    const auto& k = m_key->impl();
    detail::Mpz result, correction, g;
    detail::fromLimbs(result, m_acc);
    k.mont->rPower(correction, m_terms - 1);
    mpz_mul(result, result, correction);
    mpz_mod(result, result, k.n2);
    mpz_gcd(g, result, k.n);
    if (mpz_cmp_ui(g, 1) != 0)
        return makeError(ErrorCode::MalformedInput,
                         "a product of ciphertexts shares a factor with n: one of them is not a unit");
    return Ciphertext(k.id, m_layoutId, k.valueBytes, detail::toLimbs(result, k.mont->limbs()));
}

} // namespace cc::paillier
