// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyImpl.h"

#include "core/crypto/Kdf.h"

#include <algorithm>
#include <cstdio>

namespace cc::paillier {
namespace detail {

std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> data)
{
    // The project's one SHA-256 (core/crypto/Kdf.h).
    return crypto::sha256(data);
}

BnPtr toBn(mpz_srcptr v)
{
    auto bytes = toBytes(v);
    BnPtr bn(BN_secure_new());
    const bool ok = bn && BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), bn.get()) != nullptr;
    crypto::secureWipe(bytes.data(), bytes.size());
    if (!ok)
        return nullptr;
    BN_set_flags(bn.get(), BN_FLG_CONSTTIME);
    return bn;
}

bool fromBn(mpz_ptr out, const BIGNUM* v)
{
    if (v == nullptr)
        return false;
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(BN_num_bytes(v)));
    const bool ok = BN_bn2bin(v, bytes.data()) == static_cast<int>(bytes.size());
    if (ok)
        fromBytes(out, bytes);
    crypto::secureWipe(bytes.data(), bytes.size());
    return ok;
}

void deriveDjnBase(mpz_ptr hs, mpz_srcptr n)
{
    // Anyone can recompute h_s from n, and nobody knows x: a hash-derived h is as good as a random one
    // for the DJN assumption (random-oracle model), and keys without an "hs" member still get DJN.
    static constexpr char label[] = "CipherChart DJN base v1";
    const auto nBytes = toBytes(n);
    const std::size_t want = nBytes.size();
    Mpz x, g;
    for (std::uint32_t counter = 0;; ++counter) {
        std::vector<std::uint8_t> stream;
        for (std::uint32_t block = 0; stream.size() < want; ++block) {
            std::vector<std::uint8_t> input(label, label + sizeof label - 1);
            input.insert(input.end(), nBytes.begin(), nBytes.end());
            for (std::uint32_t w : {counter, block})
                for (int s = 24; s >= 0; s -= 8)
                    input.push_back(static_cast<std::uint8_t>(w >> s));
            const auto digest = sha256(input);
            stream.insert(stream.end(), digest.begin(), digest.end());
        }
        stream.resize(want);
        // Clear the bits above |n| so rejection succeeds with probability ≥ 1/2.
        const auto extraBits = static_cast<unsigned>(8 * want - mpz_sizeinbase(n, 2));
        stream[0] = static_cast<std::uint8_t>(stream[0] & (0xffu >> extraBits));
        fromBytes(x, stream);
        if (mpz_sgn(x) == 0 || mpz_cmp(x, n) >= 0)
            continue;
        mpz_gcd(g, x, n);
        if (mpz_cmp_ui(g, 1) == 0)
            break;
    }
    Mpz h, n2;
    mpz_mul(h, x, x);
    mpz_neg(h, h);
    mpz_mod(h, h, n);
    mpz_mul(n2, n, n);
    mpz_powm(hs, h, n, n2);
}

} // namespace detail

PublicKey::Impl::Impl(mpz_srcptr modulus, mpz_srcptr base)
{
    mpz_set(n, modulus);
    mpz_mul(n2, n, n);
    mpz_set(hs, base);
    mpz_fdiv_q_ui(maxInt, n, 3);
    bits = static_cast<unsigned>(mpz_sizeinbase(n, 2));
    alphaBits = (bits + 1) / 2;
    valueBytes = (mpz_sizeinbase(n2, 2) + 7) / 8;
    mont = std::make_unique<detail::Montgomery>(n2);
}

const detail::DjnTable& PublicKey::Impl::table() const
{
    std::call_once(m_tableOnce, [this] { m_table = std::make_unique<detail::DjnTable>(*mont, hs, alphaBits); });
    return *m_table;
}

BN_MONT_CTX* PublicKey::Impl::opensslMont() const
{
    std::call_once(m_montOnce, [this] {
        // Any OpenSSL failure leaves no context: callers then pass nullptr, and
        // BN_mod_exp_mont_consttime builds a context itself for that call.
        auto mod = detail::toBn(n2);
        detail::BnCtxPtr ctx(BN_CTX_new());
        detail::MontCtxPtr built(BN_MONT_CTX_new());
        if (mod && ctx && built && BN_MONT_CTX_set(built.get(), mod.get(), ctx.get()) == 1)
            m_opensslMont = std::move(built);
    });
    return m_opensslMont.get();
}

PublicKey::PublicKey() = default;
PublicKey::PublicKey(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Result<PublicKey> PublicKey::fromModulus(std::span<const std::uint8_t> nBytes)
{
    detail::Mpz n, hs;
    detail::fromBytes(n, nBytes);
    const auto bits = mpz_sizeinbase(n, 2);
    if (bits < MIN_BITS || mpz_even_p(n))
        return malformed("Paillier modulus must be odd and at least 1024 bits", {}, 0, "n");
    if (bits > MAX_BITS)
        return malformed("Paillier modulus has " + std::to_string(bits) + " bits; at most 4096 are accepted", {}, 0,
                         "n");
    if (mpz_perfect_square_p(n))
        return malformed("Paillier modulus is a perfect square", {}, 0, "n");
    detail::deriveDjnBase(hs, n);
    auto impl = std::make_shared<Impl>(n, hs);
    PublicKey key(impl);
    const auto digest = detail::sha256(key.canonicalEncoding());
    std::copy_n(digest.begin(), impl->id.size(), impl->id.begin());
    return key;
}

Status PublicKey::checkReportKeySize() const
{
    if (!m_impl)
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    if (m_impl->bits != 2048 && m_impl->bits != 3072 && m_impl->bits != 4096)
        return malformed("a report key has exactly 3072 or 4096 bits (2048 for tests), not " +
                             std::to_string(m_impl->bits),
                         {}, 0, "n");
    return {};
}

unsigned PublicKey::bits() const
{
    return m_impl ? m_impl->bits : 0;
}

const KeyId& PublicKey::keyId() const
{
    static const KeyId none{};
    return m_impl ? m_impl->id : none;
}

std::string PublicKey::keyIdHex() const
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (auto b : keyId()) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

std::vector<std::uint8_t> PublicKey::modulus() const
{
    return m_impl ? detail::toBytes(m_impl->n) : std::vector<std::uint8_t>{};
}

std::vector<std::uint8_t> PublicKey::djnBase() const
{
    return m_impl ? detail::toBytes(m_impl->hs) : std::vector<std::uint8_t>{};
}

std::size_t PublicKey::ciphertextValueBytes() const
{
    return m_impl ? m_impl->valueBytes : 0;
}

std::vector<std::uint8_t> PublicKey::canonicalEncoding() const
{
    std::vector<std::uint8_t> out{'C', 'C', 'P', 'K', 1};
    for (const auto& part : {modulus(), djnBase()}) {
        const auto len = static_cast<std::uint32_t>(part.size());
        for (int s = 24; s >= 0; s -= 8)
            out.push_back(static_cast<std::uint8_t>(len >> s));
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

bool operator==(const PublicKey& a, const PublicKey& b)
{
    return a.isValid() == b.isValid() && a.keyId() == b.keyId();
}

} // namespace cc::paillier
