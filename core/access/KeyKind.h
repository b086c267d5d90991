// SPDX-License-Identifier: GPL-3.0-or-later
// The kinds of key a key ring can hold (DESIGN.md section 4) and which role receives which.
#pragma once

#include "core/access/Role.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cc::access {

/// One kind of key. The numeric values are serialised: never renumber them.
enum class KeyKind : std::uint8_t {
    DatabaseKey = 1,      ///< DBK: raw 256-bit SQLCipher key
    IdentityCategory = 2, ///< wraps every patient's identity key
    ClinicalCategory = 3, ///< wraps every patient's clinical key
    Index = 4,            ///< HMAC key for blind tokens and Paillier row MACs
    AuditRoot = 5,        ///< A0, verifies the whole audit chain
    ClinicSigning = 6,    ///< Ed25519 seed (RFC 8032) of the clinic signing key
    PaillierShare = 7,    ///< one custodian's threshold decryption share, opaque bytes
    PatientIdentity = 8,  ///< a patient account's own identity key
    PatientClinical = 9,  ///< a patient account's own clinical key
    UserBox = 10,         ///< the account's own X25519 secret key: opens key updates sealed to it (docs/KEYS.md 8)
    /// A patient account's two research-consent blind token values, "yes" ‖ "no" (16 + 16 bytes),
    /// computed by the sponsor at account creation: never the index key itself (docs/RECORDS.md).
    ConsentTokens = 11,
    /// SHA-256 of the clinic's report-key record (services/ReportKeyPin.h), pinned at the key
    /// ceremony in every administrator's and doctor's ring: not a secret, but only the account's
    /// own password opens it, so nobody who writes the database can swap the report key.
    ReportKeyPin = 12,
    /// The Ed25519 public key of the clinic's index writer (services/IndexSealing.h) at the time
    /// the ring was issued: not a secret, but only the account's password opens it, so an
    /// administrator can verify the signed index seal without being able to forge it. Following
    /// the writer chain from it reaches the current writer after clinical key rotations.
    IndexWriterPin = 13
};

/// Every kind, in code order.
inline constexpr KeyKind kAllKeyKinds[] = {KeyKind::DatabaseKey,   KeyKind::IdentityCategory, KeyKind::ClinicalCategory,
                                           KeyKind::Index,         KeyKind::AuditRoot,        KeyKind::ClinicSigning,
                                           KeyKind::PaillierShare, KeyKind::PatientIdentity,  KeyKind::PatientClinical,
                                           KeyKind::UserBox,       KeyKind::ConsentTokens,    KeyKind::ReportKeyPin,
                                           KeyKind::IndexWriterPin};

/// Largest Paillier share accepted (a 3072-bit share with its verification data is under 2 KiB).
inline constexpr std::size_t kMaxPaillierShareSize = 16384;

/// Stable name ("ClinicalCategory") for messages and docs; never a key value.
[[nodiscard]] std::string_view keyKindName(KeyKind kind) noexcept;

/// The kind with this stable name (keyKindName), or nothing.
[[nodiscard]] std::optional<KeyKind> keyKindFromName(std::string_view name) noexcept;

/// The kind with this serialised code, or nothing.
[[nodiscard]] std::optional<KeyKind> keyKindFromCode(std::uint8_t code) noexcept;

/// True if a secret of `size` bytes is valid for `kind`: 32 bytes for every symmetric key and
/// the Ed25519 seed; 1..kMaxPaillierShareSize for a Paillier share.
[[nodiscard]] bool keySizeValid(KeyKind kind, std::size_t size) noexcept;

/// The kinds a role receives, exactly as DESIGN.md section 4's table: patients DBK and their own
/// two keys; doctors DBK, identity, clinical and index; administrators DBK, identity, index, A0,
/// signing key, plus a Paillier share if `custodian`. Never the clinical category key for an
/// administrator. Every role also holds its own UserBox key (never copied between accounts).
/// Sorted by code. `custodian` is ignored for other roles.
[[nodiscard]] std::vector<KeyKind> keyKindsForRole(Role role, bool custodian);

/// The kinds a role may hold beyond keyKindsForRole(): a patient's ConsentTokens, optional because
/// patient accounts issued before research consent existed lack it (ConsentService says so); an
/// administrator's or doctor's ReportKeyPin, optional because accounts from before report keys were
/// pinned lack it (ReportKeyPin::trustOnFirstUse adds it); and their IndexWriterPin, optional for
/// the same reason (accounts from before the index seal).
[[nodiscard]] std::vector<KeyKind> optionalKeyKindsForRole(Role role);

} // namespace cc::access
