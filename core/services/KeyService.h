// SPDX-License-Identifier: GPL-3.0-or-later
// Key status for administrators (never a key), and the clinic's session settings.
#pragma once

#include "core/Result.h"
#include "core/access/KeyKind.h"
#include "core/access/KeyRing.h"
#include "core/services/AccountService.h"
#include "core/services/ClinicService.h"
#include "core/services/Revocation.h"

#include <chrono>
#include <string>
#include <vector>

namespace cc::services {

/// One key's public facts.
struct KeyStatus
{
    std::string name; ///< "DatabaseKey", "ClinicalCategory", "ReportKey", ...
    std::string id;   ///< the key id written into what it protects
    unsigned version = 0;
    std::int64_t createdAt = 0; ///< Unix seconds
    std::int64_t ageDays = 0;
    std::vector<std::string> holders; ///< accounts whose slot holds it (or a description)
};

/// Re-wraps the per-patient keys of one category when its category key is rotated (DESIGN.md
/// section 4: "rotating a category key re-wraps the per-patient keys"). A port: patient records
/// do not exist yet, so the only implementation today, NoPatientKeys, has nothing to do.
class PatientKeyRewrapper
{
public:
    virtual ~PatientKeyRewrapper() = default;
    /// Re-wraps every per-patient key of category `kind` from `oldKey` to `newKey`, all or
    /// nothing. Errors: storage errors, IntegrityFailure.
    [[nodiscard]] virtual Status rewrap(access::KeyKind kind, const access::KeyEntry& oldKey,
                                        const access::KeyEntry& newKey) = 0;
    /// Makes the re-wrap durable. Called after the key-slot file with the new key was saved, so
    /// the rows never name a key nobody received. Errors: storage errors.
    [[nodiscard]] virtual Status commit() { return {}; }
    /// Rolls back what rewrap() wrote, so a failed rotation's audit event is not written inside
    /// (and lost with) the abandoned re-wrap transaction.
    virtual void abandon() {}
};

/// Re-wraps the per-patient keys stored in the clinic (ports::PatientStore) inside one database
/// transaction that commit() ends; destroying it uncommitted rolls the rows back.
class StoredPatientKeys final : public PatientKeyRewrapper
{
public:
    StoredPatientKeys(ports::ClinicBackend& backend, crypto::Rng& rng) : m_backend(backend), m_rng(rng) {}
    [[nodiscard]] Status rewrap(access::KeyKind kind, const access::KeyEntry& oldKey,
                                const access::KeyEntry& newKey) override;
    [[nodiscard]] Status commit() override;
    void abandon() override { m_transaction.reset(); }

private:
    ports::ClinicBackend& m_backend;
    crypto::Rng& m_rng;
    std::unique_ptr<ports::StorageTransaction> m_transaction;
};

/// The clinic holds no per-patient keys yet: nothing to re-wrap.
class NoPatientKeys final : public PatientKeyRewrapper
{
public:
    /// Does nothing and succeeds.
    [[nodiscard]] Status rewrap(access::KeyKind, const access::KeyEntry&, const access::KeyEntry&) override
    {
        return {};
    }
};

/// Key management for administrators (ManageKeys).
class KeyService
{
public:
    explicit KeyService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Every key: id, version, age and holders. Audited. Errors: AccessDenied, storage errors.
    [[nodiscard]] Result<std::vector<KeyStatus>> status();
    /// Sets the clinic's idle lock timeout (2 to 30 minutes; SetIdleTimeout). Audited.
    [[nodiscard]] Status setIdleTimeout(std::chrono::minutes minutes);

    /// Rotates a key without anyone's password (docs/KEYS.md section 8): a new random key with a
    /// new id and version + 1 is sealed into the key-slot file's mailbox for every enabled account
    /// whose role holds it and for the recovery ring; each account picks it up at its next login.
    /// DatabaseKey: the file (with the mailbox) is written first, then the database is rekeyed
    /// (on a rekey failure the previous file is put back); the administrator's session then ends,
    /// since it holds the old DBK. ClinicalCategory needs `sponsor` (a doctor's name and password;
    /// administrators never hold that key) whose ring supplies the old key for `rewrapper`.
    /// IdentityCategory and ClinicalCategory call `rewrapper` (NoPatientKeys if null) before the
    /// file is written. ManageKeys; one audit event, denials too. Errors: AccessDenied, Unsupported
    /// (Index, AuditRoot, ClinicSigning and the other kinds, with the reason), InvalidArgument
    /// (sponsor missing or not a doctor), WrongPassword (sponsor), IntegrityFailure, storage errors.
    [[nodiscard]] Result<RotationResult> rotate(access::KeyKind kind, const Sponsor* sponsor = nullptr,
                                                PatientKeyRewrapper* rewrapper = nullptr);

    /// The rotations still owed after accounts were disabled. Needs an active staff session.
    /// Errors: SessionLocked, SessionExpired, AccessDenied (no session, patient), IntegrityFailure
    /// (the stored list is damaged), storage errors.
    [[nodiscard]] Result<std::vector<PendingRotation>> pendingRotations();

    /// Revokes what a former holder could still unwrap from an old copy of their slot, after
    /// AccountService deleted or replaced it (issue 10 item 7): records an obligation for every
    /// rotatable kind in `held`, then rotates at once each one an administrator's session can —
    /// IdentityCategory, then DatabaseKey, and ClinicalCategory if `sponsor` (a doctor) is given —
    /// and the session adopts the new keys, so it goes on. The clinical key otherwise stays pending
    /// until the next doctor's login performs it (performPending). Each rotation writes its own
    /// audit event naming `reason`; the caller's event summarises. Errors: AccessDenied (not an
    /// administrator), storage errors; a failed rotation is reported in Revocation::problem and
    /// stays pending.
    [[nodiscard]] Result<Revocation> revoke(const std::vector<access::KeyKind>& held, const std::string& reason,
                                            const Sponsor* sponsor = nullptr);

    /// Trust on first use for recipients without a pin (a clinic created before pins existed, an
    /// account a failed step left unpinned): pins the box public key each such recipient has *now*
    /// under the pin key this session holds — an administrator (ManageKeys) the administrators' pins
    /// of every slot and the recovery ring, a doctor (WriteChart) the clinical pins of every doctor
    /// and the recovery ring. Existing pins are never replaced. One audit event, flagged for review
    /// when anything was pinned, names the accounts. Returns their names ("recovery ring" for it).
    /// Errors: AccessDenied, IntegrityFailure (damaged pins or recovery record), storage errors.
    [[nodiscard]] Result<std::vector<std::string>> pinUnpinned();

    /// Performs the pending rotations this session's role is charged with: a doctor the clinical
    /// category key (with the key their own ring holds), an administrator the database and identity
    /// keys. The session adopts the new keys. Called by ClinicService::login; each rotation writes one
    /// audit event, failures too (they stay pending). Returns what was rotated. Errors: the first
    /// failure (earlier rotations stay done), storage errors.
    [[nodiscard]] Result<std::vector<RotationResult>> performPending();

    /// Finishes identity and clinical category rotations that were interrupted after the key-slot
    /// file took the new key and before the patients' keys were re-wrapped under it (a crash or
    /// power loss between the two; docs/KEYS.md section 8). `previous` are the keys this login's
    /// mailbox updates replaced (LoginResult::previousCategoryKeys); a kind is finished only when
    /// the database still records that previous key: the patients' keys are re-wrapped from it to
    /// the session's key, the clinical pins follow (each checked under the previous key first) and
    /// the new version is recorded, in one transaction. Called by ClinicService::login before the
    /// login event, which names what was finished. Returns the names of the kinds finished.
    /// Errors: storage errors, IntegrityFailure (a row opens under neither key).
    /// Needs no session: `ring` is the logging-in account's ring, with the mailbox's keys.
    [[nodiscard]] Result<std::vector<std::string>>
    finishInterruptedRotations(const access::KeyRing& ring, const std::vector<access::KeyEntry>& previous);

private:
    Result<RotationResult> rotateUnaudited(access::KeyKind kind, const access::KeyRing* oldKeys,
                                           PatientKeyRewrapper& rewrapper, access::KeyEntry* issued = nullptr);
    Result<access::KeyRing> sponsorKeys(const Sponsor* sponsor);
    /// Rotates `kind` for a revocation and records it; the session adopts the new key if it holds the kind.
    Result<RotationResult> rotateAndAdopt(access::KeyKind kind, const access::KeyRing* oldKeys, const std::string& why,
                                          const std::string& sponsorName);
    Status addPending(const std::vector<access::KeyKind>& kinds, const std::string& reason);
    Status settlePending(access::KeyKind kind);
    /// Moves the clinical pins of every doctor and of the recovery ring to `next` (inside the
    /// caller's transaction). With `checkUnder`, each recipient's current pin is checked under that
    /// key first and a recipient whose pin does not hold keeps no clinical pin (refused later).
    Status repinClinical(const access::KeySlotFile& file, const access::KeyEntry& next,
                         const std::array<std::uint8_t, 32>& recoveryPublic, const access::KeyEntry* checkUnder);
    /// Records `next` as the current version of its kind in meta key_versions.
    Status recordVersion(const access::KeyEntry& next);

    ClinicService& m_clinic;
};

} // namespace cc::services
