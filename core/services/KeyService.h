// SPDX-License-Identifier: GPL-3.0-or-later
// Key status for administrators (never a key), and the clinic's session settings.
#pragma once

#include "core/Result.h"
#include "core/access/KeyKind.h"
#include "core/access/KeyRing.h"
#include "core/services/AccountService.h"
#include "core/services/ClinicService.h"

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

/// What a rotation did (never a key).
struct RotationResult
{
    std::string name;           ///< "DatabaseKey", "IdentityCategory", "ClinicalCategory"
    std::uint32_t keyId = 0;    ///< the new key's id
    std::uint32_t version = 0;  ///< the new key's version
    std::size_t recipients = 0; ///< mailbox entries written (accounts plus the recovery ring)
    bool sessionEnded = false;  ///< the administrator must log in again to take the new key
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

private:
    Result<RotationResult> rotateUnaudited(access::KeyKind kind, const Sponsor* sponsor,
                                           PatientKeyRewrapper& rewrapper);

    ClinicService& m_clinic;
};

} // namespace cc::services
