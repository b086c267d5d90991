// SPDX-License-Identifier: GPL-3.0-or-later
// Private to BackupService.cpp: the backup file's container and signed manifest (docs/BACKUP.md,
// "Format"): their encoding, their bounds-checked parsing (every failure names the field) and the
// manifest's Ed25519 signature. The key derivation and the sealed payload stay in the service.
#pragma once

#include "core/Result.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Ed25519PublicKey.h"
#include "core/services/BackupService.h"

#include <QByteArray>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::services::backup {

// Container layout (docs/BACKUP.md, "Format"); every integer big-endian.
inline constexpr std::uint8_t kMagic[4] = {'C', 'C', 'B', 'K'};
inline constexpr std::uint16_t kFormatVersion = 1;
inline constexpr std::size_t kMaxManifestSize = 65536;
inline constexpr std::size_t kMaxKeySlotSize = std::size_t{4} << 20;
inline constexpr std::size_t kMaxWrappedKeySize = 256;
// Domain separation: a manifest signature can never be mistaken for a report or anchor signature.
inline constexpr std::string_view kSignatureContext = "CipherChart backup manifest v1";
/// Members stored in the clear after the signature, and members sealed inside the payload.
inline constexpr std::string_view kStoredMembers[] = {"keySlots", "wrappedKey", "payload"};
inline constexpr std::string_view kSealedMembers[] = {"database", "anchor", "descriptor"};

std::span<const std::uint8_t> bytesOf(std::string_view s);
void putBig(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes);
void append(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> data);

/// Bounds-checked reading of the container; every failure names the field.
class Reader
{
public:
    explicit Reader(std::span<const std::uint8_t> data) : m_data(data) {}
    Result<std::uint64_t> number(int bytes, const char* field)
    {
        CC_TRY(need(static_cast<std::size_t>(bytes), field));
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | m_data[m_pos++];
        return v;
    }
    Result<std::span<const std::uint8_t>> take(std::uint64_t size, std::size_t max, const char* field)
    {
        if (size > max)
            return malformed("the backup's " + std::string(field) + " is too large", {}, 0, field);
        CC_TRY(need(static_cast<std::size_t>(size), field));
        auto out = m_data.subspan(m_pos, static_cast<std::size_t>(size));
        m_pos += static_cast<std::size_t>(size);
        return out;
    }
    Result<std::span<const std::uint8_t>> sized(int lengthBytes, std::size_t max, const char* field)
    {
        auto size = number(lengthBytes, field);
        CC_TRY(size);
        return take(*size, max, field);
    }
    [[nodiscard]] bool atEnd() const noexcept { return m_pos == m_data.size(); }
    [[nodiscard]] std::size_t position() const noexcept { return m_pos; }

private:
    Status need(std::size_t n, const char* field) const
    {
        if (m_data.size() - m_pos < n)
            return malformed("the backup is truncated", {}, 0, field);
        return {};
    }
    std::span<const std::uint8_t> m_data;
    std::size_t m_pos = 0;
};

struct Container
{
    std::span<const std::uint8_t> signedPart; ///< header and manifest
    BackupManifest manifest;
    std::span<const std::uint8_t> signature, keySlots, wrappedKey, payload;
};

/// Lower-case hex SHA-256, as the manifest names each member.
std::string sha256Hex(std::span<const std::uint8_t> data);
/// The manifest as signed: compact JSON.
QByteArray encodeManifest(const BackupManifest& m);
/// Errors: MalformedInput naming the field, Unsupported (another manifest format).
Result<BackupManifest> parseManifest(std::span<const std::uint8_t> bytes);
/// The whole file, split into its parts (nothing verified but sizes and the manifest's form).
/// Errors: MalformedInput naming the field, Unsupported (another container version).
Result<Container> parseContainer(std::span<const std::uint8_t> bytes);
/// The header and manifest, and the signature over them, then the stored members.
std::vector<std::uint8_t> encodeContainer(const QByteArray& manifest, const crypto::Ed25519PrivateKey& signer,
                                          std::span<const std::uint8_t> keySlots,
                                          std::span<const std::uint8_t> wrappedKey,
                                          std::span<const std::uint8_t> payload);
/// Errors: IntegrityFailure.
Status verifySignature(const Container& c, const crypto::Ed25519PublicKey& key);
/// The manifest's signer. Errors: MalformedInput.
Result<crypto::Ed25519PublicKey> keyFromHex(const std::string& hex);
/// The member's signed size and hash. Errors: IntegrityFailure naming the member.
Status checkMember(const BackupManifest& m, std::string_view name, std::span<const std::uint8_t> data);

} // namespace cc::services::backup
