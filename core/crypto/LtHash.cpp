// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/LtHash.h"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace cc::crypto {

namespace {

struct DigestContextDeleter
{
    void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};

[[noreturn]] void fatal()
{
    std::fputs("cipherchart: fatal: SHAKE128 failed\n", stderr);
    std::abort();
}

} // namespace

void shake128(std::span<const std::uint8_t> data, std::span<std::uint8_t> out)
{
    std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> ctx(EVP_MD_CTX_new());
    static const std::uint8_t empty = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_shake128(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), data.empty() ? &empty : data.data(), data.size()) != 1)
        fatal();
    if (!out.empty() && EVP_DigestFinalXOF(ctx.get(), out.data(), out.size()) != 1)
        fatal();
}

LtHash16 LtHash16::of(std::span<const std::uint8_t> element)
{
    std::array<std::uint8_t, kBytes> stream{};
    shake128(element, stream);
    LtHash16 h;
    for (std::size_t i = 0; i < kLanes; ++i)
        h.m_lanes[i] = static_cast<std::uint16_t>(stream[2 * i] | (stream[2 * i + 1] << 8));
    return h;
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
