// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/Mpz.h"

#include "core/crypto/SecureBytes.h"

#include <cstring>
#include <memory>

static_assert(sizeof(mp_limb_t) == sizeof(std::uint64_t), "the Paillier module assumes 64-bit GMP limbs");

namespace cc::paillier::detail {

void Mpz::wipe() noexcept
{
    const auto alloc = static_cast<std::size_t>(m_v->_mp_alloc);
    if (alloc > 0)
        crypto::secureWipe(mpz_limbs_modify(m_v, m_v->_mp_alloc), alloc * sizeof(mp_limb_t));
    mpz_limbs_finish(m_v, 0);
}

std::vector<std::uint8_t> toBytes(mpz_srcptr v)
{
    const std::size_t size = mpz_sgn(v) == 0 ? 0 : (mpz_sizeinbase(v, 2) + 7) / 8;
    std::vector<std::uint8_t> out(size);
    std::size_t written = 0;
    if (size > 0)
        mpz_export(out.data(), &written, 1, 1, 1, 0, v);
    out.resize(written);
    return out;
}

std::vector<std::uint8_t> toBytesFixed(mpz_srcptr v, std::size_t width)
{
    const auto raw = toBytes(v);
    std::vector<std::uint8_t> out(width, 0);
    if (raw.size() <= width)
        std::memcpy(out.data() + (width - raw.size()), raw.data(), raw.size());
    return out;
}

void fromBytes(mpz_ptr v, std::span<const std::uint8_t> bytes)
{
    if (bytes.empty()) {
        mpz_set_ui(v, 0);
        return;
    }
    mpz_import(v, bytes.size(), 1, 1, 1, 0, bytes.data());
}

std::string toDecimal(mpz_srcptr v)
{
    const std::size_t size = mpz_sizeinbase(v, 10) + 2;
    std::unique_ptr<char[]> buf(new char[size]);
    mpz_get_str(buf.get(), 10, v);
    return std::string(buf.get());
}

std::vector<std::uint64_t> toLimbs(mpz_srcptr v, std::size_t limbs)
{
    std::vector<std::uint64_t> out(limbs, 0);
    const auto n = std::min(limbs, mpz_size(v));
    const mp_limb_t* src = mpz_limbs_read(v);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = src[i];
    return out;
}

void fromLimbs(mpz_ptr v, std::span<const std::uint64_t> limbs)
{
    auto n = static_cast<mp_size_t>(limbs.size());
    mp_limb_t* dst = mpz_limbs_write(v, n == 0 ? 1 : n);
    for (std::size_t i = 0; i < limbs.size(); ++i)
        dst[i] = limbs[i];
    while (n > 0 && limbs[static_cast<std::size_t>(n - 1)] == 0)
        --n;
    mpz_limbs_finish(v, n);
}

} // namespace cc::paillier::detail
