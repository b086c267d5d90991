// SPDX-License-Identifier: GPL-3.0-or-later
// A Paillier ciphertext that knows its key (and packed layout) and its 12-byte wire header.
#pragma once

#include "core/Result.h"
#include "core/paillier/PublicKey.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::paillier {

/// c ∈ Z*_{n²} with the id of its key and of its packed layout (0 = a plain number).
/// Operations (Paillier.h) refuse to combine ciphertexts whose key ids or layout ids differ.
/// Wire form (all big-endian): version 1 (1 byte), scheme 1 = Paillier/DJN s = 1 (1 byte), layout
/// id (2 bytes), key id (8 bytes), then c in exactly PublicKey::ciphertextValueBytes() bytes.
class Ciphertext
{
public:
    static constexpr std::size_t HEADER_SIZE = 12;
    static constexpr std::uint8_t FORMAT_VERSION = 1;
    static constexpr std::uint8_t SCHEME_PAILLIER_DJN = 1;

    /// An empty ciphertext (isValid() false).
    Ciphertext() = default;
    /// Module-internal: a value already reduced and validated, as little-endian 64-bit limbs.
    Ciphertext(const KeyId& keyId, std::uint16_t layoutId, std::size_t valueBytes, std::vector<std::uint64_t> limbs);

    [[nodiscard]] bool isValid() const noexcept { return !m_limbs.empty(); }
    [[nodiscard]] const KeyId& keyId() const noexcept { return m_keyId; }
    [[nodiscard]] std::uint16_t layoutId() const noexcept { return m_layoutId; }
    /// c as little-endian limbs (as many as n² has).
    [[nodiscard]] std::span<const std::uint64_t> limbs() const noexcept { return m_limbs; }
    /// The same value labelled with another layout id (the caller vouches for the encoding).
    [[nodiscard]] Ciphertext withLayout(std::uint16_t layoutId) const;

    /// The wire form: 12-byte header plus fixed-width big-endian c.
    [[nodiscard]] std::vector<std::uint8_t> toBytes() const;
    /// The bare integer c in decimal (for other implementations).
    [[nodiscard]] std::string toDecimal() const;

    /// Parses and validates a wire blob for `key`: length, version, scheme, key id, 0 < c < n²,
    /// gcd(c, n) = 1 and, if expectedLayout ≥ 0, the layout id. Errors: MalformedInput (length,
    /// version, range, gcd), Unsupported (scheme), KeyMismatch (key id or layout id).
    [[nodiscard]] static Result<Ciphertext> fromBytes(const PublicKey& key, std::span<const std::uint8_t> blob,
                                                      int expectedLayout = -1);
    /// The checks of fromBytes that need no arithmetic: length, version, scheme, key id and, if
    /// expectedLayout ≥ 0, the layout id; returns the layout id. Errors: as fromBytes.
    [[nodiscard]] static Result<std::uint16_t> checkHeader(const PublicKey& key, std::span<const std::uint8_t> blob,
                                                           int expectedLayout = -1);
    /// Parses a bare decimal c (as printed by other implementations) and validates it for `key`.
    /// Errors: MalformedInput.
    [[nodiscard]] static Result<Ciphertext> fromDecimal(const PublicKey& key, std::string_view text,
                                                        std::uint16_t layoutId = 0);

    friend bool operator==(const Ciphertext& a, const Ciphertext& b) = default;

private:
    KeyId m_keyId{};
    std::uint16_t m_layoutId = 0;
    std::uint32_t m_valueBytes = 0;
    std::vector<std::uint64_t> m_limbs;
};

} // namespace cc::paillier
