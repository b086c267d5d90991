// SPDX-License-Identifier: GPL-3.0-or-later
// One account's key slot in the key-slot file (DESIGN.md section 4): metadata plus the wrapped key ring.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/KeyKind.h"
#include "core/access/Role.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/PasswordHash.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc::access {

class BinaryReader;
class BinaryWriter;

/// Longest user name accepted.
inline constexpr std::size_t kMaxUserNameLength = 64;
/// Largest wrapped key ring accepted when parsing (the largest ring, with a Paillier share, is ~16.5 KiB).
inline constexpr std::size_t kMaxWrappedRingSize = 20000;

/// Checks a user name: 1-64 characters from [a-z0-9._-]. Errors: InvalidArgument.
[[nodiscard]] Status validateUserName(std::string_view name);

/// Checks Argon2id parameters read from a file are within what this build will run: memory
/// 8 KiB..1 GiB, 1..32 iterations, parallelism 1 (libsodium). Bounds stop a doctored file from
/// making the login screen allocate gigabytes. Errors: MalformedInput.
[[nodiscard]] Status validateKdfParams(const crypto::Argon2Params& params);

/// One account's slot. No PHI: the user name is a login name, not a patient's name.
struct KeySlot
{
    UserId userId{};
    std::string userName;
    Role role = Role::Doctor;
    std::optional<PatientId> patientId; ///< set for patient accounts only
    crypto::Argon2Params kdf;
    std::array<std::uint8_t, crypto::kArgon2SaltSize> salt{};
    std::uint32_t slotVersion = 1; ///< bumped by every re-wrap; bound into the AAD
    /// X25519 public key of the ring's UserBox key, in the clear: key updates are sealed to it.
    std::array<std::uint8_t, 32> boxPublicKey{};
    std::vector<std::uint8_t> wrapped; ///< Aead blob of KeyRing::serialise()
    // Throttling state: written without a key (the failing user has none), so neither AAD nor the
    // file MAC covers it; only the file checksum does.
    std::uint32_t failedAttempts = 0;
    std::int64_t lockedUntil = 0; ///< Unix seconds; 0 = not locked
    bool suspended = false;
    bool mustChangePassword = false;
    std::int64_t createdAt = 0; ///< Unix seconds
    std::int64_t changedAt = 0; ///< Unix seconds, last authenticated change

    /// The AES-GCM associated data that binds the wrapped ring to this clinic, user, role,
    /// patient link and slot version (docs/KEYS.md).
    [[nodiscard]] std::vector<std::uint8_t> aad(const ClinicId& clinic) const;

    /// Appends the slot's binary form. With `forMac` the throttling fields are written as zeros,
    /// giving the bytes the file MAC covers.
    void encode(BinaryWriter& w, bool forMac) const;
    /// What the file MAC (format 3) covers of a patient's slot: who it is and its box public key,
    /// not the wrap (salt, parameters, version, ciphertext), which the patient re-wraps alone.
    void encodeIdentity(BinaryWriter& w) const;

    /// Reads one slot. Errors: MalformedInput (truncation, bad name, unknown role or flags, KDF
    /// parameters out of bounds, bad lengths, patient link on a non-patient role).
    [[nodiscard]] static Result<KeySlot> decode(BinaryReader& r);
};

/// Recipient id of the updates addressed to the recovery ring (no account has the all-zero id).
inline constexpr UserId kRecoveryRecipient{};
/// Size of a sealed key update: the sealed-box overhead plus the fixed 80-byte payload.
inline constexpr std::size_t kSealedKeyUpdateSize = 128;

/// One entry of the key-slot file's mailbox: a rotated key sealed (crypto_box_seal) to one
/// recipient's UserBox public key, to be picked up at that recipient's next login
/// (docs/KEYS.md section 8). DatabaseKey updates are also authenticated under the previous DBK.
struct KeyUpdate
{
    UserId recipient{}; ///< a slot's user id, or kRecoveryRecipient
    KeyKind kind = KeyKind::DatabaseKey;
    std::uint32_t keyId = 0;
    std::uint32_t version = 0;
    std::uint32_t authKeyId = 0; ///< DatabaseKey: key id of the DBK that authenticates it; else 0
    crypto::Digest256 auth{};    ///< DatabaseKey: HMAC under a key derived from that DBK; else zeros
    std::vector<std::uint8_t> sealed;

    /// The bytes the `auth` MAC covers (every field but `auth`).
    [[nodiscard]] std::vector<std::uint8_t> authenticatedBytes() const;
    /// Appends the entry's binary form.
    void encode(BinaryWriter& w) const;
    /// Reads one entry. Errors: MalformedInput (truncation, a kind that is never rotated, a
    /// sealed length other than kSealedKeyUpdateSize, authentication fields on a non-DBK entry).
    [[nodiscard]] static Result<KeyUpdate> decode(BinaryReader& r);
};

/// True for the kinds a key update may carry (32-byte clinic-wide keys; never a share, a box key
/// or a patient's own key).
[[nodiscard]] bool keyKindRotatable(KeyKind kind) noexcept;

} // namespace cc::access
