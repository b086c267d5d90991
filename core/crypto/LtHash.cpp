// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/LtHash.h"

#include "core/crypto/Kdf.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace cc::crypto {
namespace {

struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX* p) const noexcept { EVP_CIPHER_CTX_free(p); }
};

[[noreturn]] void fatal()
{
    std::fputs("cipherchart: fatal: ChaCha20 failed\n", stderr);
    std::abort();
}

} // namespace

void chacha20Keystream(std::span<const std::uint8_t, 32> key, std::span<std::uint8_t> out)
{
    // OpenSSL's ChaCha20 (twice libsodium's speed here), fetched once; its 16-byte IV is the block
    // counter (32-bit little-endian) followed by the 96-bit nonce, all zero. One context per thread,
    // re-keyed for each call (no allocation per element), and the whole output encrypted in place
    // in one call, so OpenSSL's widest multi-block code path is used (a report hashes every index
    // row: tests/bench/reports).
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "ChaCha20", nullptr);
    static constexpr std::array<std::uint8_t, 16> iv{};
    // The cipher is set once per thread; later calls give only the key and IV, which skips
    // OpenSSL's per-call cipher checks and reference counting.
    thread_local const std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter> ctx(EVP_CIPHER_CTX_new());
    thread_local bool cipherSet = false;
    if (cipher == nullptr || !ctx)
        fatal();
    if (!cipherSet) {
        if (EVP_EncryptInit_ex2(ctx.get(), cipher, nullptr, nullptr, nullptr) != 1)
            fatal();
        cipherSet = true;
    }
    if (EVP_EncryptInit_ex2(ctx.get(), nullptr, key.data(), iv.data(), nullptr) != 1)
        fatal();
    std::memset(out.data(), 0, out.size());
    constexpr std::size_t kMaxChunk = std::size_t{1} << 30;
    for (std::size_t done = 0; done < out.size();) {
        const std::size_t chunk = std::min(kMaxChunk, out.size() - done);
        int len = 0;
        if (EVP_EncryptUpdate(ctx.get(), out.data() + done, &len, out.data() + done, static_cast<int>(chunk)) != 1 ||
            static_cast<std::size_t>(len) != chunk)
            fatal();
        done += chunk;
    }
}

namespace {

// The element's lanes: ChaCha20Keystream(SHA-256(element)) as little-endian 16-bit values.
void lanesOf(std::span<const std::uint8_t> element, std::array<std::uint16_t, LtHash16::kLanes>& lanes)
{
    const Digest256 seed = sha256(element);
    if constexpr (std::endian::native == std::endian::little) {
        // The keystream straight into the lanes: their bytes are the little-endian values.
        chacha20Keystream(seed,
                          std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(lanes.data()), LtHash16::kBytes));
    } else {
        std::array<std::uint8_t, LtHash16::kBytes> stream{};
        chacha20Keystream(seed, stream);
        for (std::size_t i = 0; i < LtHash16::kLanes; ++i)
            lanes[i] = static_cast<std::uint16_t>(stream[2 * i] | (stream[2 * i + 1] << 8));
    }
}

} // namespace

LtHash16 LtHash16::of(std::span<const std::uint8_t> element)
{
    LtHash16 h;
    lanesOf(element, h.m_lanes);
    return h;
}

LtHash16& LtHash16::addElement(std::span<const std::uint8_t> element)
{
    std::array<std::uint16_t, kLanes> lanes; // filled whole by lanesOf
    lanesOf(element, lanes);
    for (std::size_t i = 0; i < kLanes; ++i)
        m_lanes[i] = static_cast<std::uint16_t>(m_lanes[i] + lanes[i]);
    return *this;
}

LtHash16& LtHash16::subtractElement(std::span<const std::uint8_t> element)
{
    std::array<std::uint16_t, kLanes> lanes; // filled whole by lanesOf
    lanesOf(element, lanes);
    for (std::size_t i = 0; i < kLanes; ++i)
        m_lanes[i] = static_cast<std::uint16_t>(m_lanes[i] - lanes[i]);
    return *this;
}

Result<LtHash16> LtHash16::fromBytes(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() != kBytes)
        return makeError(ErrorCode::MalformedInput, "a multiset hash is " + std::to_string(kBytes) + " bytes, not " +
                                                        std::to_string(bytes.size()));
    LtHash16 h;
    for (std::size_t i = 0; i < kLanes; ++i)
        h.m_lanes[i] = static_cast<std::uint16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
    return h;
}

LtHash16& LtHash16::add(const LtHash16& other) noexcept
{
    for (std::size_t i = 0; i < kLanes; ++i)
        m_lanes[i] = static_cast<std::uint16_t>(m_lanes[i] + other.m_lanes[i]);
    return *this;
}

LtHash16& LtHash16::subtract(const LtHash16& other) noexcept
{
    for (std::size_t i = 0; i < kLanes; ++i)
        m_lanes[i] = static_cast<std::uint16_t>(m_lanes[i] - other.m_lanes[i]);
    return *this;
}

std::vector<std::uint8_t> LtHash16::bytes() const
{
    std::vector<std::uint8_t> out(kBytes);
    for (std::size_t i = 0; i < kLanes; ++i) {
        out[2 * i] = static_cast<std::uint8_t>(m_lanes[i] & 0xff);
        out[2 * i + 1] = static_cast<std::uint8_t>(m_lanes[i] >> 8);
    }
    return out;
}

bool LtHash16::isZero() const noexcept
{
    for (std::uint16_t lane : m_lanes)
        if (lane != 0)
            return false;
    return true;
}

} // namespace cc::crypto
