// SPDX-License-Identifier: GPL-3.0-or-later
// The key-slot file beside the database (DESIGN.md section 4, like LUKS key slots); format in docs/KEYS.md.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/KeyRing.h"
#include "core/access/KeySlot.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/Rng.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::access {

/// The one answer to a wrong password and to an unknown or disabled user name (no account enumeration).
inline constexpr const char* kWrongPasswordMessage = "wrong user name or password";

/// What an account list shows: never a key, salt or wrapped ring.
/// Choices for a new slot beyond its keys.
struct NewSlotOptions
{
    /// Keep this user id (an account re-enabled, reset or given a new role keeps its identity in
    /// the audit trail and on care teams); a random id if empty.
    std::optional<UserId> userId;
    /// A temporary password set by an administrator: the user must change it at first login.
    bool mustChangePassword = false;
    /// The ring that authenticates the change (verifies and recomputes the file MAC) when the new
    /// slot's own ring cannot: a patient's holds no DBK. Default: the new slot's ring.
    const KeyRing* actor = nullptr;
};

/// What unlock() did besides unwrapping: the mailbox entries it applied to the returned ring.
struct UnlockDetail
{
    std::size_t updatesPending = 0; ///< entries addressed to the account (applied or stale)
    std::size_t updatesApplied = 0; ///< keys replaced by newer versions
    /// The DBK the slot held before a DatabaseKey update replaced it (for a login that finds the
    /// database still under it after an interrupted rotation; see docs/KEYS.md section 8).
    std::optional<KeyEntry> previousDbk;
    /// Every category key (identity, clinical) that a mailbox update replaced, in the order they
    /// were replaced (a slot behind by two rotations lists both): a login whose database still
    /// records one of them finishes the interrupted rotation (docs/KEYS.md section 8).
    std::vector<KeyEntry> previousCategoryKeys;
    /// A patient slot issued before the portal held the DBK: dropped from the ring; re-wrap the slot.
    bool legacyKeysDropped = false;
};

struct AccountInfo
{
    UserId userId{};
    std::string userName;
    Role role = Role::Doctor;
    std::optional<PatientId> patientId;
    std::uint32_t failedAttempts = 0;
    std::int64_t lockedUntil = 0;
    bool suspended = false;
    bool mustChangePassword = false;
    std::int64_t createdAt = 0;
    std::int64_t changedAt = 0;
};

/// Vets one recipient of a key update before anything is sealed to it: the recipient's user id
/// (kRecoveryRecipient for the recovery ring), role (none for the recovery ring), user name (empty
/// for the recovery ring) and the box public key the update would be sealed to.
using RecipientCheck = std::function<Status(const UserId& recipient, const std::optional<Role>& role,
                                            std::string_view userName, const std::array<std::uint8_t, 32>& publicKey)>;

/// All key slots of one clinic. Pure: the caller reads and writes the bytes (atomically, through
/// db/AtomicFile) and persists whenever dirty() is true.
///
/// Three protections, three errors: a SHA-256 checksum over the whole file (damage or truncation
/// -> MalformedInput "key-slot file is damaged"), AES-256-GCM per slot (wrong password, or a slot
/// moved to another user, role, patient or clinic -> WrongPassword), and an HMAC under a key
/// derived from the DBK over everything except the throttling counters (an edit by someone without
/// the keys, e.g. a raised generation or a renamed slot -> IntegrityFailure, checked after unlock).
class KeySlotFile
{
public:
    /// 3: the file MAC covers only the identity of patient slots (their owners re-wrap them without
    /// the DBK, issue 10 item 1). 2 is read, and becomes 3 at the first staff change.
    static constexpr std::uint16_t kFormatVersion = 3;
    static constexpr std::size_t kMaxSlots = 1024;
    /// Most mailbox entries a file may hold (every account times a few pending rotations).
    static constexpr std::size_t kMaxUpdates = 8192;
    /// Shortest password a slot accepts, in bytes (UTF-8).
    static constexpr std::size_t kMinPasswordLength = 8;

    /// An empty file for a new clinic with a random clinic id and generation 0.
    [[nodiscard]] static KeySlotFile create(crypto::Rng& rng);

    /// The clinic id from the header.
    [[nodiscard]] const ClinicId& clinicId() const noexcept { return m_clinicId; }
    /// The generation counter: incremented by every authenticated change (slot added, removed,
    /// re-wrapped, lock-out cleared). The database stores the last value it saw.
    [[nodiscard]] std::uint64_t generation() const noexcept { return m_generation; }
    /// The format version read (2 or 3) or to be written.
    [[nodiscard]] std::uint16_t formatVersion() const noexcept { return m_formatVersion; }
    /// True if the file changed since parse/create or the last markClean(): persist it.
    [[nodiscard]] bool dirty() const noexcept { return m_dirty; }
    /// Call after the bytes were written durably.
    void markClean() noexcept { m_dirty = false; }

    /// Another clinic's file? Errors: KeyMismatch if the header's clinic id is not `expected`
    /// (the integration reads the expected id from the audit anchor / clinic configuration).
    [[nodiscard]] Status checkClinic(const ClinicId& expected) const;
    /// Replaced by an older copy? Errors: IntegrityFailure if generation() < `lastSeen`, the value
    /// the database recorded. Run after unlock (the file MAC makes the generation trustworthy).
    [[nodiscard]] Status checkGeneration(std::uint64_t lastSeen) const;
    /// Checks the file MAC with the DBK of `ring`. Errors: IntegrityFailure (edited outside the
    /// application, or `ring` belongs to another clinic), KeyMismatch (ring has no DBK).
    [[nodiscard]] Status verifyMac(const KeyRing& ring) const;

    /// Adds an account: random user id and salt, ring wrapped under Argon2id(password, salt, params).
    /// `ring` must conform to `role` (KeyRing::conformsTo); a patient slot takes its patient link
    /// from the ring. If the file has slots, `ring`'s DBK must verify the file MAC first.
    /// Errors: InvalidArgument (name, short password, ring not matching the role), AlreadyExists
    /// (name taken), IntegrityFailure, StorageFull (kMaxSlots), CryptoFailure.
    [[nodiscard]] Result<UserId> addSlot(std::string_view userName, Role role, std::span<const std::uint8_t> password,
                                         const KeyRing& ring, const crypto::Argon2Params& params, crypto::Rng& rng,
                                         const Clock& clock, const NewSlotOptions& options = {});

    /// Opens a slot, applies the mailbox entries addressed to it (applyUpdates) to the ring in
    /// memory, then checks the file MAC with the resulting DBK; no counter or file changes
    /// (LoginThrottle and acceptUpdates do those). Errors: AccountDisabled (no slot), WrongPassword
    /// (tag failure), IntegrityFailure (file MAC; ring not matching the slot's role, patient link
    /// or box public key; a mailbox entry that does not open or does not follow from the DBK the
    /// ring holds), MalformedInput, CryptoFailure.
    [[nodiscard]] Result<KeyRing> unlock(std::string_view userName, std::span<const std::uint8_t> password,
                                         UnlockDetail* detail = nullptr) const;

    /// Seals a rotated key into the mailbox for every slot whose role holds `kind` (and for the
    /// recovery ring if `recoveryPublicKey` is given). `actor` must verify the file MAC. Every
    /// entry is authenticated under `previous`, the key of the same kind that `newKey` replaces
    /// (default: the actor's own; for the clinical key an administrator passes the sponsoring
    /// doctor's); for a DatabaseKey it must be the actor's DBK, and the file MAC is then recomputed
    /// under `newKey`. newKey.version must be greater than previous->version. Returns the number of
    /// entries written. Errors: InvalidArgument (kind not rotatable, wrong size, version not newer),
    /// KeyMismatch (no previous key), IntegrityFailure, StorageFull (kMaxUpdates), CryptoFailure.
    /// `check`, if given, is called for every recipient before anything is sealed (the pinned box
    /// public keys, issue 10 item 3); its first error aborts the post with the file unchanged.
    [[nodiscard]] Result<std::size_t>
    postKeyUpdate(const KeyRing& actor, const KeyEntry& newKey,
                  const std::optional<std::array<std::uint8_t, 32>>& recoveryPublicKey,
                  const KeyEntry* previous = nullptr, const RecipientCheck& check = {});

    /// Opens every mailbox entry addressed to `recipient` with `ring`'s UserBox key and replaces
    /// the ring's key of that kind when the entry's version is newer (older entries are stale and
    /// ignored; kinds the ring does not hold are ignored). Entries are applied DBK first, then in
    /// version order, each only if authenticated by the key of its kind the ring holds at that point. Does not
    /// check the file MAC (the caller does, with the updated DBK). Works for the recovery ring
    /// with kRecoveryRecipient. Returns the number of keys replaced. Errors: KeyMismatch (no
    /// UserBox or DBK in the ring), IntegrityFailure (an entry does not open, contradicts its
    /// header or does not follow from the ring's DBK).
    [[nodiscard]] Result<std::size_t> applyUpdates(const UserId& recipient, KeyRing& ring,
                                                   UnlockDetail* detail = nullptr) const;

    /// After a login that applied its mailbox: deletes the entries addressed to the account and
    /// re-wraps its slot under `password` with the updated `ring` (new salt, slot version + 1),
    /// recomputing the file MAC under the ring's DBK. Errors: as rewrap.
    [[nodiscard]] Status acceptUpdates(std::string_view userName, std::span<const std::uint8_t> password,
                                       const KeyRing& ring, const crypto::Argon2Params& params, crypto::Rng& rng,
                                       const Clock& clock);

    /// Mailbox entries addressed to `recipient`.
    [[nodiscard]] std::size_t pendingUpdates(const UserId& recipient) const noexcept;
    /// The whole mailbox, in file order.
    [[nodiscard]] const std::vector<KeyUpdate>& updates() const noexcept { return m_updates; }

    /// Re-wraps one slot under a new password and/or parameters (new salt, slot version + 1);
    /// no other slot changes. `ring` is the user's unlocked ring and must verify the file MAC.
    /// Errors: AccountDisabled, InvalidArgument, IntegrityFailure, CryptoFailure.
    [[nodiscard]] Status rewrap(std::string_view userName, std::span<const std::uint8_t> newPassword,
                                const KeyRing& ring, const crypto::Argon2Params& params, crypto::Rng& rng,
                                const Clock& clock, bool mustChangePassword = false);

    /// Disables an account by deleting its slot and any mailbox entries addressed to it. `actor`
    /// (the administrator's ring) must verify the file MAC. Errors: AccountDisabled (no such slot),
    /// IntegrityFailure.
    [[nodiscard]] Status removeSlot(std::string_view userName, const KeyRing& actor, const Clock& clock);

    /// Lifts a suspension or back-off (administrator action). Errors: AccountDisabled, IntegrityFailure.
    [[nodiscard]] Status clearLockout(std::string_view userName, const KeyRing& actor, const Clock& clock);

    /// Records throttling state for a slot. Unauthenticated by necessity (see LoginThrottle);
    /// marks the file dirty but does not bump the generation. Errors: AccountDisabled.
    [[nodiscard]] Status setThrottleState(std::string_view userName, std::uint32_t failedAttempts,
                                          std::int64_t lockedUntil, bool suspended);

    /// The slot of this user, or nullptr.
    [[nodiscard]] const KeySlot* slot(std::string_view userName) const noexcept;
    /// Names, roles and status of every account, in file order. Never keys.
    [[nodiscard]] std::vector<AccountInfo> listAccounts() const;
    /// Number of slots.
    [[nodiscard]] std::size_t slotCount() const noexcept { return m_slots.size(); }

    /// The whole file: header, slots, file MAC, SHA-256 checksum (layout in docs/KEYS.md).
    [[nodiscard]] std::vector<std::uint8_t> serialise() const;

    /// Strict parser. Errors: MalformedInput (bad magic; damaged or truncated: checksum; trailing
    /// bytes; duplicate user ids or names; counts or lengths out of bounds), Unsupported (a
    /// well-formed file of an unknown format version). Never reads past the end.
    [[nodiscard]] static Result<KeySlotFile> parse(std::span<const std::uint8_t> bytes);

private:
    Status rewrapPatient(KeySlot& slot, std::span<const std::uint8_t> password, const KeyRing& ring,
                         const crypto::Argon2Params& params, crypto::Rng& rng, const Clock& clock,
                         bool mustChangePassword);
    KeySlotFile() = default;
    KeySlot* findSlot(std::string_view userName) noexcept;
    std::vector<std::uint8_t> encode(bool forMac) const;
    Result<crypto::Digest256> computeMac(const KeyRing& ring) const;
    Result<crypto::Digest256> computeMacUnder(const crypto::SecureBytes& dbk) const;
    Result<KeyRing> unwrapSlot(const KeySlot& slot, std::span<const std::uint8_t> password) const;
    Status wrapInto(KeySlot& slot, std::span<const std::uint8_t> password, const KeyRing& ring,
                    const crypto::Argon2Params& params, crypto::Rng& rng) const;
    Status commitAuthenticated(const KeyRing& ring);

    ClinicId m_clinicId{};
    std::uint64_t m_generation = 0;
    std::uint16_t m_formatVersion = kFormatVersion;
    std::vector<KeySlot> m_slots;
    std::vector<KeyUpdate> m_updates;
    crypto::Digest256 m_mac{};
    bool m_dirty = false;
};

} // namespace cc::access
