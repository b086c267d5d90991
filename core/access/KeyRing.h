// SPDX-License-Identifier: GPL-3.0-or-later
// The set of keys one account holds, by kind, with key ids and versions (DESIGN.md section 4).
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/KeyKind.h"
#include "core/access/Role.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cc::access {

/// One key of a ring. The secret never leaves SecureBytes.
struct KeyEntry
{
    KeyKind kind = KeyKind::DatabaseKey;
    std::uint32_t keyId = 0;   ///< the id written into every blob sealed under this key
    std::uint32_t version = 0; ///< bumped on rotation
    crypto::SecureBytes secret;
};

/// The keys an account holds, at most one per kind, plus the patient row id for a patient account.
/// Move-only; wiped on destruction (through SecureBytes) or explicitly with wipe().
class KeyRing
{
public:
    /// Serialisation format version written by serialise().
    static constexpr std::uint8_t kFormatVersion = 1;

    KeyRing() = default;
    KeyRing(KeyRing&&) noexcept = default;
    KeyRing& operator=(KeyRing&&) noexcept = default;
    KeyRing(const KeyRing&) = delete;
    KeyRing& operator=(const KeyRing&) = delete;
    ~KeyRing() = default;

    /// Adds a key. Errors: InvalidArgument (size wrong for the kind, see keySizeValid),
    /// AlreadyExists (the ring holds this kind already).
    [[nodiscard]] Status add(KeyKind kind, std::uint32_t keyId, std::uint32_t version, crypto::SecureBytes secret);

    /// Adds a fresh UserBox key (an X25519 secret key, crypto::BoxKeyPair::generate) with a random
    /// key id and version 1. Errors: AlreadyExists.
    [[nodiscard]] Status addUserBox(crypto::Rng& rng);

    /// Replaces the key of `kind` if `version` is newer than the one held (or adds it if the ring
    /// holds none and `addIfMissing`). Returns true if the ring changed. Errors: InvalidArgument
    /// (size wrong for the kind).
    [[nodiscard]] Result<bool> updateIfNewer(KeyKind kind, std::uint32_t keyId, std::uint32_t version,
                                             crypto::SecureBytes secret, bool addIfMissing = false);

    /// The entry of this kind, or nullptr.
    /// Removes (and wipes) the key of `kind`; false if the ring holds none.
    bool remove(KeyKind kind) noexcept;
    [[nodiscard]] const KeyEntry* find(KeyKind kind) const noexcept;
    /// True if the ring holds a key of this kind.
    [[nodiscard]] bool has(KeyKind kind) const noexcept { return find(kind) != nullptr; }
    /// The kinds held, sorted by code.
    [[nodiscard]] std::vector<KeyKind> kinds() const;
    /// Number of keys held.
    [[nodiscard]] std::size_t size() const noexcept { return m_entries.size(); }
    /// True if the ring holds no key (for example after wipe()).
    [[nodiscard]] bool empty() const noexcept { return m_entries.empty(); }

    /// The patient row id of a patient account's ring.
    [[nodiscard]] const std::optional<PatientId>& patientId() const noexcept { return m_patientId; }
    /// Links the ring to a patient row (patient accounts only).
    void setPatientId(const PatientId& id) { m_patientId = id; }

    /// Checks the ring holds exactly the kinds keyKindsForRole(role, custodian) lists, where an
    /// administrator counts as custodian if the ring holds a Paillier share, and a patient id iff
    /// the role is patient. Errors: KeyMismatch naming the missing or forbidden kind.
    [[nodiscard]] Status conformsTo(Role role) const;

    /// A new ring with copies of exactly the keys `role` receives, taken from `source` (for a
    /// patient, `source` carries the DBK, that patient's keys and patient id; for a custodian
    /// administrator, the share), plus a fresh UserBox key drawn from `rng`: an account's box key
    /// is its own and is never copied from `source`. Errors: AccessDenied if `source` lacks a
    /// needed key (e.g. an administrator cannot build a doctor's ring: only a doctor or the set-up
    /// ceremony holds the clinical category key).
    [[nodiscard]] static Result<KeyRing> selectForRole(const KeyRing& source, Role role, bool custodian,
                                                       crypto::Rng& rng);

    /// An explicit deep copy.
    [[nodiscard]] KeyRing clone() const;

    /// Versioned, length-prefixed binary form, in secure memory (see docs/KEYS.md).
    [[nodiscard]] crypto::SecureBytes serialise() const;

    /// Strict parser for serialise()'s output. Errors: MalformedInput on a bad magic, a short or
    /// over-long input, an unknown kind, a duplicate kind, a wrong key size or patient fields
    /// that do not match; Unsupported on an unknown format version. Never reads past the end.
    [[nodiscard]] static Result<KeyRing> parse(std::span<const std::uint8_t> bytes);

    /// Wipes every secret and forgets the patient link; the ring is empty afterwards.
    void wipe() noexcept;

private:
    std::vector<KeyEntry> m_entries;
    std::optional<PatientId> m_patientId;
};

} // namespace cc::access
