// SPDX-License-Identifier: GPL-3.0-or-later
// Key slot encoding, validation and AAD.
#include "core/access/KeySlot.h"

#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"
#include "core/crypto/Aead.h"

#include <algorithm>

namespace cc::access {

namespace {

constexpr std::uint8_t kFlagPatient = 0x01;
constexpr std::uint8_t kFlagSuspended = 0x02;
constexpr std::uint8_t kFlagMustChange = 0x04;
constexpr std::uint8_t kKdfArgon2id13 = 1;
constexpr std::string_view kAadLabel = "CipherChart key slot v1";

} // namespace

Status validateUserName(std::string_view name)
{
    if (name.empty() || name.size() > kMaxUserNameLength)
        return makeError(ErrorCode::InvalidArgument, "a user name has 1 to 64 characters");
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok)
            return makeError(ErrorCode::InvalidArgument,
                             "a user name may contain only a-z, 0-9, dot, underscore and hyphen");
    }
    return {};
}

Status validateKdfParams(const crypto::Argon2Params& params)
{
    if (params.memoryKiB < 8 || params.memoryKiB > 1024U * 1024U)
        return malformed("Argon2id memory out of bounds", {}, 0, "kdf.memory");
    if (params.iterations < 1 || params.iterations > 32)
        return malformed("Argon2id iterations out of bounds", {}, 0, "kdf.iterations");
    if (params.parallelism != 1)
        return malformed("Argon2id parallelism must be 1", {}, 0, "kdf.parallelism");
    return {};
}

std::vector<std::uint8_t> KeySlot::aad(const ClinicId& clinic) const
{
    std::vector<std::uint8_t> out;
    BinaryWriter w(out);
    w.text(kAadLabel);
    w.bytes(clinic);
    w.bytes(userId);
    w.u8(static_cast<std::uint8_t>(role));
    w.u8(patientId ? 1 : 0);
    w.bytes(patientId ? *patientId : PatientId{});
    w.u32(slotVersion);
    return out;
}

void KeySlot::encodeIdentity(BinaryWriter& w) const
{
    w.bytes(userId);
    w.u8(static_cast<std::uint8_t>(userName.size()));
    w.text(userName);
    w.u8(static_cast<std::uint8_t>(role));
    w.u8(patientId ? kFlagPatient : 0);
    if (patientId)
        w.bytes(*patientId);
    w.bytes(boxPublicKey);
    w.i64(createdAt);
}

void KeySlot::encode(BinaryWriter& w, bool forMac) const
{
    w.bytes(userId);
    w.u8(static_cast<std::uint8_t>(userName.size()));
    w.text(userName);
    w.u8(static_cast<std::uint8_t>(role));
    std::uint8_t flags = 0;
    if (patientId)
        flags |= kFlagPatient;
    if (suspended && !forMac)
        flags |= kFlagSuspended;
    if (mustChangePassword)
        flags |= kFlagMustChange;
    w.u8(flags);
    if (patientId)
        w.bytes(*patientId);
    w.u8(kKdfArgon2id13);
    w.u32(kdf.memoryKiB);
    w.u32(kdf.iterations);
    w.u32(kdf.parallelism);
    w.bytes(salt);
    w.bytes(boxPublicKey);
    w.u32(slotVersion);
    w.u32(forMac ? 0 : failedAttempts);
    w.i64(forMac ? 0 : lockedUntil);
    w.i64(createdAt);
    w.i64(changedAt);
    w.u32(static_cast<std::uint32_t>(wrapped.size()));
    w.bytes(wrapped);
}

Result<KeySlot> KeySlot::decode(BinaryReader& r)
{
    KeySlot s;
    r.into(s.userId);
    const std::size_t nameLen = r.u8();
    const auto name = r.bytes(nameLen);
    const std::uint8_t roleCode = r.u8();
    const std::uint8_t flags = r.u8();
    if (!r.ok())
        return malformed("key slot is truncated", {}, 0, "slot");
    s.userName.assign(name.begin(), name.end());
    if (!validateUserName(s.userName).ok())
        return malformed("invalid user name in key slot", {}, 0, "slot.name");
    const auto role = roleFromCode(roleCode);
    if (!role)
        return malformed("unknown role in key slot", {}, 0, "slot.role");
    s.role = *role;
    if ((flags & ~(kFlagPatient | kFlagSuspended | kFlagMustChange)) != 0)
        return malformed("unknown key slot flags", {}, 0, "slot.flags");
    if (((flags & kFlagPatient) != 0) != (s.role == Role::Patient))
        return malformed("patient link does not match the role", {}, 0, "slot.patient");
    if (flags & kFlagPatient) {
        PatientId pid{};
        r.into(pid);
        s.patientId = pid;
    }
    s.suspended = (flags & kFlagSuspended) != 0;
    s.mustChangePassword = (flags & kFlagMustChange) != 0;
    const std::uint8_t kdfAlg = r.u8();
    s.kdf.memoryKiB = r.u32();
    s.kdf.iterations = r.u32();
    s.kdf.parallelism = r.u32();
    r.into(s.salt);
    r.into(s.boxPublicKey);
    s.slotVersion = r.u32();
    s.failedAttempts = r.u32();
    s.lockedUntil = r.i64();
    s.createdAt = r.i64();
    s.changedAt = r.i64();
    const std::size_t wrappedLen = r.u32();
    if (!r.ok())
        return malformed("key slot is truncated", {}, 0, "slot");
    if (kdfAlg != kKdfArgon2id13)
        return malformed("unknown key derivation function in key slot", {}, 0, "slot.kdf");
    CC_TRY(validateKdfParams(s.kdf));
    if (wrappedLen <= crypto::Aead::kOverhead || wrappedLen > kMaxWrappedRingSize)
        return malformed("wrapped key ring has an invalid length", {}, 0, "slot.wrapped");
    const auto wrapped = r.bytes(wrappedLen);
    if (!r.ok())
        return malformed("key slot is truncated", {}, 0, "slot.wrapped");
    s.wrapped.assign(wrapped.begin(), wrapped.end());
    return s;
}

bool keyKindRotatable(KeyKind kind) noexcept
{
    switch (kind) {
    case KeyKind::DatabaseKey:
    case KeyKind::IdentityCategory:
    case KeyKind::ClinicalCategory:
    case KeyKind::Index:
    case KeyKind::AuditRoot:
    case KeyKind::ClinicSigning:
        return true;
    default:
        return false;
    }
}

std::vector<std::uint8_t> KeyUpdate::authenticatedBytes() const
{
    std::vector<std::uint8_t> out;
    BinaryWriter w(out);
    w.text("CipherChart key update v1");
    w.bytes(recipient);
    w.u8(static_cast<std::uint8_t>(kind));
    w.u32(keyId);
    w.u32(version);
    w.u32(authKeyId);
    w.bytes(sealed);
    return out;
}

void KeyUpdate::encode(BinaryWriter& w) const
{
    w.bytes(recipient);
    w.u8(static_cast<std::uint8_t>(kind));
    w.u32(keyId);
    w.u32(version);
    w.u32(authKeyId);
    w.bytes(auth);
    w.u32(static_cast<std::uint32_t>(sealed.size()));
    w.bytes(sealed);
}

Result<KeyUpdate> KeyUpdate::decode(BinaryReader& r)
{
    KeyUpdate u;
    r.into(u.recipient);
    const std::uint8_t code = r.u8();
    u.keyId = r.u32();
    u.version = r.u32();
    u.authKeyId = r.u32();
    r.into(u.auth);
    const std::size_t len = r.u32();
    if (!r.ok())
        return malformed("key update is truncated", {}, 0, "update");
    const auto kind = keyKindFromCode(code);
    if (!kind || !keyKindRotatable(*kind))
        return malformed("a key update carries a kind that is never rotated", {}, 0, "update.kind");
    u.kind = *kind;
    if (len != kSealedKeyUpdateSize)
        return malformed("sealed key update has an invalid length", {}, 0, "update.sealed");
    // Every kind carries an authenticator under the key it replaces (issue 10); it is checked when
    // the entry is applied (KeySlotFile::applyUpdates), not here.
    const auto sealed = r.bytes(len);
    if (!r.ok())
        return malformed("key update is truncated", {}, 0, "update.sealed");
    u.sealed.assign(sealed.begin(), sealed.end());
    return u;
}

} // namespace cc::access
