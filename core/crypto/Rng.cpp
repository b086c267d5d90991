// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Rng.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <mutex>

namespace cc::crypto {

std::uint64_t Rng::uniform(std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    // Reject values in the incomplete last block of [0, 2^64) so every residue is equally likely.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - (std::numeric_limits<std::uint64_t>::max() % bound);
    for (;;) {
        std::uint64_t v = 0;
        fill({reinterpret_cast<std::uint8_t*>(&v), sizeof v});
        if (v < limit)
            return v % bound;
    }
}

SecureBytes Rng::secureBytes(std::size_t n)
{
    SecureBytes out(n);
    fill(out.span());
    return out;
}

std::vector<std::uint8_t> Rng::bytes(std::size_t n)
{
    std::vector<std::uint8_t> out(n);
    fill(out);
    return out;
}

void SystemRng::fill(std::span<std::uint8_t> out)
{
    // RAND_priv_bytes takes an int length: feed large requests in pieces.
    constexpr std::size_t chunk = 1 << 20;
    for (std::size_t off = 0; off < out.size(); off += chunk) {
        const std::size_t len = std::min(chunk, out.size() - off);
        if (RAND_priv_bytes(out.data() + off, static_cast<int>(len)) != 1) {
            std::fputs("cipherchart: fatal: the system random generator failed\n", stderr);
            std::abort();
        }
    }
}

SystemRng& SystemRng::instance()
{
    static SystemRng rng;
    return rng;
}

DeterministicRng::DeterministicRng(std::uint64_t seed) : m_seed(seed) {}

void DeterministicRng::fill(std::span<std::uint8_t> out)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    for (auto& b : out) {
        if (m_used == sizeof m_block) {
            std::uint8_t input[16];
            for (int i = 0; i < 8; ++i) {
                input[i] = static_cast<std::uint8_t>(m_seed >> (8 * i));
                input[8 + i] = static_cast<std::uint8_t>(m_counter >> (8 * i));
            }
            ++m_counter;
            unsigned int len = 0;
            EVP_Digest(input, sizeof input, m_block, &len, EVP_sha256(), nullptr);
            m_used = 0;
        }
        b = m_block[m_used++];
    }
}

} // namespace cc::crypto
