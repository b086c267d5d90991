// SPDX-License-Identifier: GPL-3.0-or-later
// One open clinic: its folder, lock and files, and after login its database and the stores over it.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/ports/ClinicBackend.h"
#include "db/ClinicFolder.h"

#include <memory>
#include <string>

namespace cc::db {

class Database;

/// The composition of db/ for one clinic folder, in two stages. Before login (openFolder): the
/// clinic lock is held, clinic.json is read and the key-slot file (and anchor, if any) are checked
/// to belong to this clinic. After login (openDatabase, with the DBK from the user's key ring):
/// clinic.db is open and migrated, and the stores implementing core/ports are available.
/// Implements ports::ClinicBackend. Move-only; destroying it closes the database and releases the lock.
class ClinicStore final : public ports::ClinicBackend
{
public:
    /// Opens an existing clinic folder without any key. Order: clinic.json must exist (NotFound
    /// otherwise, before anything is written to the folder), the lock is taken, an interrupted
    /// restore swap is finished (BackupArchive::recoverInterruptedRestore), clinic.json parsed,
    /// keyslots.ccks loaded and its clinic id compared with clinic.json's, then audit.anchor's if
    /// it exists and parses (a damaged anchor is left for the audit verifier to report after login).
    /// Errors: NotFound (not a clinic folder, no key-slot file), StorageBusy (open in another
    /// instance), MalformedInput (clinic.json or keyslots.ccks damaged, naming the file),
    /// Unsupported, KeyMismatch ("keyslots.ccks belongs to another clinic", likewise the anchor),
    /// StorageReadOnly, StorageError.
    [[nodiscard]] static Result<ClinicStore> openFolder(const std::string& dir);

    /// Creates a new clinic at `dir` (for `init`): the folder (0700, or an existing one without a
    /// clinic), the lock, clinic.json and an empty clinic.db under `dbk`, migrated to the latest
    /// schema. The caller (the setup service) then writes the key slots, initialises the audit
    /// chain and fills meta. On failure after clinic.json was written, clinic.json and clinic.db
    /// are removed again so that create() can be retried. Errors: InvalidArgument (descriptor
    /// name, key size), AlreadyExists (the folder holds a clinic), NotFound (parent folder
    /// missing), StorageBusy, StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] static Result<ClinicStore> create(const std::string& dir, const ClinicDescriptor& descriptor,
                                                    const crypto::SecureBytes& dbk);

    /// After login: opens clinic.db under `dbk` (ExistingOnly), checks that its recorded clinic
    /// id (meta clinic_id, if set) is clinic.json's, and migrates it to the latest schema.
    /// Errors: InvalidArgument (already open, key size), NotFound (clinic.db missing), KeyMismatch
    /// (wrong DBK, or another clinic's database), Unsupported (written by a newer CipherChart),
    /// StorageReadOnly, StorageBusy, StorageError, IntegrityFailure.
    [[nodiscard]] Status openDatabase(const crypto::SecureBytes& dbk) override;
    /// Closes the database and drops the stores over it (idle lock, logout); the folder stays
    /// locked by this instance. Idempotent.
    void closeDatabase() override;

    ~ClinicStore() override;
    ClinicStore(ClinicStore&& other) noexcept;
    ClinicStore& operator=(ClinicStore&& other) noexcept;
    ClinicStore(const ClinicStore&) = delete;
    ClinicStore& operator=(const ClinicStore&) = delete;

    /// Paths of the clinic's files.
    [[nodiscard]] const ClinicFolder& folder() const noexcept;
    /// clinic.json as read (or written by create()).
    [[nodiscard]] const ClinicDescriptor& descriptor() const override;
    /// The key-slot file (a db::FileKeySlotStore; usable before login).
    [[nodiscard]] ports::KeySlotStore& keySlots() override;
    /// Failed logins waiting for the next successful login (a db::PendingAuditFile; usable before login).
    [[nodiscard]] ports::PendingAuditLog& pendingAudit() override;
    /// The patient portal folder (a db::PortalFolder; usable before login).
    [[nodiscard]] ports::PortalStore& portals() override;

    /// True after openDatabase() (or create()) succeeded and until closeDatabase(). The accessors
    /// below require it.
    [[nodiscard]] bool databaseOpen() const override;
    /// The audit chain's tables (db::SqlAuditStore).
    [[nodiscard]] audit::AuditStore& auditStore() override;
    /// The audit anchor file (db::FileAnchorSink).
    [[nodiscard]] audit::AnchorSink& anchors() override;
    /// The meta table (db::SqlClinicMetaStore).
    [[nodiscard]] ports::ClinicMetaStore& meta() override;
    /// Care teams (db::SqlCareTeamStore).
    [[nodiscard]] ports::CareTeamStore& careTeams() override;
    /// Patients and break-glass grants (db::SqlPatientStore).
    [[nodiscard]] ports::PatientStore& patients() override;
    /// Clinical rows and the observation index (db::SqlClinicalStore).
    [[nodiscard]] ports::ClinicalStore& clinical() override;
    /// Keyed source ids of imported records (db::SqlSourceIndexStore).
    [[nodiscard]] ports::SourceIndexStore& sourceIndex() override;
    /// Attachments and their chunks (db::SqlAttachmentStore).
    [[nodiscard]] ports::AttachmentStore& attachments() override;
    /// Units of work over the database (db::SqlTransactionFactory).
    [[nodiscard]] ports::TransactionFactory& transactions() override;
    /// The sealer of the session's index writes (docs/RECORDS.md, "The index seal").
    void setIndexSealer(ports::IndexSealer sealer) override;
    void setChartSealer(ports::ChartSealer sealer) override;
    /// Rekey and export (Database::rekey, Database::exportTo).
    [[nodiscard]] ports::DatabaseMaintenance& maintenance() override;
    /// Backup export, restore staging and the journalled swap (db::BackupArchive). Usable before
    /// login for reading files; exportDatabase needs the database open, commitRestore closed.
    [[nodiscard]] ports::BackupStorage* backupStorage() override;
    /// The restore a crash interrupted, as openFolder() settled it (finished or abandoned), until
    /// the first staff login records it: front ends tell the user at once (docs/BACKUP.md).
    [[nodiscard]] const std::optional<ports::InterruptedRestore>& interruptedRestore() const noexcept;
    /// recovery.ccr and its staged replacement (db::RecoveryRingFile; usable before login).
    [[nodiscard]] ports::RecoveryRingStore* recoveryRing() override;
    /// A db::TcpSyslogWitness for `address` (RFC 5424 over TCP, octet counting). Never fails.
    [[nodiscard]] Result<std::unique_ptr<audit::AuditWitness>>
    openWitness(const audit::WitnessAddress& address) override;
    /// The connection itself, for db/-level tools and tests.
    [[nodiscard]] Database& database() noexcept;

private:
    struct Impl;
    explicit ClinicStore(std::unique_ptr<Impl> impl) noexcept;

    std::unique_ptr<Impl> m_impl;
};

} // namespace cc::db
