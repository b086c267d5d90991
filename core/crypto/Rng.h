// SPDX-License-Identifier: GPL-3.0-or-later
// One random source, passed in, so tests can use a fixed one (STYLE.md, Secrets).
#pragma once

#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cc::crypto {

/// A source of random bytes. Production code uses SystemRng (OpenSSL RAND_priv_bytes);
/// tests inject DeterministicRng. Implementations must be safe to call from several threads.
class Rng
{
public:
    virtual ~Rng() = default;
    /// Fills `out` with random bytes. A failing system generator terminates the process:
    /// continuing without randomness would silently produce weak keys and reused nonces.
    virtual void fill(std::span<std::uint8_t> out) = 0;

    /// A uniformly random integer in [0, bound), by rejection sampling (no modulo bias).
    /// `bound` must be > 0.
    [[nodiscard]] std::uint64_t uniform(std::uint64_t bound);
    /// `n` random bytes in secure memory.
    [[nodiscard]] SecureBytes secureBytes(std::size_t n);
    /// `n` random bytes for non-secret uses (ids, nonces, salts).
    [[nodiscard]] std::vector<std::uint8_t> bytes(std::size_t n);
};

/// OpenSSL's private DRBG (RAND_priv_bytes), return value checked.
class SystemRng final : public Rng
{
public:
    void fill(std::span<std::uint8_t> out) override;
    /// The process-wide instance.
    static SystemRng& instance();
};

/// Reproducible bytes for tests only: SHA-256 in counter mode over a seed. Not for production.
class DeterministicRng final : public Rng
{
public:
    explicit DeterministicRng(std::uint64_t seed);
    void fill(std::span<std::uint8_t> out) override;

private:
    std::uint64_t m_seed;
    std::uint64_t m_counter = 0;
    std::uint8_t m_block[32] = {};
    std::size_t m_used = 32;
};

} // namespace cc::crypto
