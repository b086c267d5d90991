// SPDX-License-Identifier: GPL-3.0-or-later
// Port: one open clinic as the services see it. db/ implements it over the clinic folder.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/audit/AnchorSink.h"
#include "core/audit/AuditWitness.h"
#include "core/crypto/SecureBytes.h"
#include "core/ports/AttachmentStore.h"
#include "core/ports/AuditStore.h"
#include "core/ports/CareTeamStore.h"
#include "core/ports/ClinicMetaStore.h"
#include "core/ports/ClinicalStore.h"
#include "core/ports/KeySlotStore.h"
#include "core/ports/PatientStore.h"
#include "core/ports/PendingAuditLog.h"
#include "core/ports/PortalStore.h"
#include "core/ports/RecoveryRingStore.h"
#include "core/ports/SourceIndexStore.h"
#include "core/ports/StorageTransaction.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc::ports {

/// Non-secret facts about a clinic, readable before login.
struct ClinicDescriptor
{
    access::ClinicId clinicId{};
    std::string name;
    bool demo = false;
    std::int64_t createdAt = 0;
};

/// Database maintenance the services need for keys and backups. Secrets pass in wiped memory only.
class DatabaseMaintenance
{
public:
    virtual ~DatabaseMaintenance() = default;
    /// SQLCipher rekey to `newKey`. Errors: StorageBusy, StorageError, IntegrityFailure.
    [[nodiscard]] virtual Status rekey(const crypto::SecureBytes& newKey) = 0;
    /// sqlcipher_export into a new file at `path` under `key`. Errors: AlreadyExists, StorageFull, StorageError.
    [[nodiscard]] virtual Status exportTo(const std::string& path, const crypto::SecureBytes& key) = 0;
    /// Reads every page of the database file and its log afresh under `key` (SQLCipher checks each
    /// page's HMAC as it decrypts it) and checks the b-trees. Errors: IntegrityFailure naming the
    /// problem, KeyMismatch, Unsupported (the default: a backend without page authentication), storage errors.
    [[nodiscard]] virtual Status checkPages(const crypto::SecureBytes& key)
    {
        (void)key;
        return makeError(ErrorCode::Unsupported, "this storage backend cannot check its pages");
    }
    /// The size in bytes of the pages the database is stored in (0: not a paged backend).
    [[nodiscard]] virtual int pageSize() const { return 0; }
    /// Rewrites a database stored at an older, smaller page size at the current one, under the same
    /// key and with the same rows, replacing the file atomically (docs/STORAGE.md, "Page size").
    /// Returns false if there was nothing to do. Errors: StorageReadOnly, StorageBusy,
    /// IntegrityFailure (the copy failed its check; nothing changed), StorageFull, StorageError.
    [[nodiscard]] virtual Result<bool> upgradePageSize() { return false; }
};

/// The files a restore puts in place, already verified and decrypted by the backup service.
struct RestoreFiles
{
    std::vector<std::uint8_t> database;   ///< clinic.db as exported, under the backup's export key
    std::vector<std::uint8_t> keySlots;   ///< keyslots.ccks
    std::vector<std::uint8_t> anchor;     ///< audit.anchor
    std::vector<std::uint8_t> descriptor; ///< clinic.json
};

/// A restore that a crash or a kill interrupted, as the opening of the clinic folder found and
/// settled it (docs/BACKUP.md, "An interrupted restore").
struct InterruptedRestore
{
    enum class Outcome {
        Finished,  ///< its journal was there: the swap was rolled forward, the clinic is the backup's
        Abandoned, ///< staged but never committed: the staging was removed, the clinic is as before
        Unknown,   ///< an earlier opening's record of which (restore.settled) is damaged: the clinic
                   ///< opens, and what happened must be told from its folders and its trail
    };
    Outcome outcome = Outcome::Finished;
    std::string label; ///< the backup id of a finished restore; empty otherwise
};

/// Backup and restore support of a clinic folder (docs/BACKUP.md). The backup service does the
/// cryptography; this port does the file work it cannot do without SQL or the folder layout.
class BackupStorage
{
public:
    virtual ~BackupStorage() = default;
    /// Checkpoints the open database and writes an sqlcipher_export() copy under `exportKey` to a
    /// private temporary file, returns its bytes (ciphertext under `exportKey`) and removes the
    /// file. Errors: InvalidArgument (database not open), StorageFull, StorageError.
    [[nodiscard]] virtual Result<std::vector<std::uint8_t>> exportDatabase(const crypto::SecureBytes& exportKey) = 0;
    /// The open database's schema version (PRAGMA user_version). Errors: InvalidArgument (not open), StorageError.
    [[nodiscard]] virtual Result<int> schemaVersion() = 0;
    /// The bytes of clinic.json as stored. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Result<std::vector<std::uint8_t>> descriptorBytes() const = 0;
    /// Writes a new file at `path` (mode 0600) atomically and without replacing anything: a
    /// temporary file beside it, fsync, link into place, fsync of the folder. Nothing is left
    /// behind on failure. Errors: AlreadyExists, StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status writeNewFile(const std::string& path, std::span<const std::uint8_t> data) = 0;
    /// Reads a whole file of at most `maxSize` bytes. Errors: NotFound, MalformedInput (too large), StorageError.
    [[nodiscard]] virtual Result<std::vector<std::uint8_t>> readFile(const std::string& path,
                                                                     std::size_t maxSize) const = 0;
    /// Stages a restore in a private folder inside the clinic folder without touching the live
    /// files: writes `files`, opens the database copy under `exportKey`, runs integrity_check,
    /// checks its meta clinic_id is `expectedClinic`, rekeys it to `dbk` (the DBK the restored key
    /// slots hold) and closes it. Any earlier staging is discarded first; on failure nothing stays.
    /// Errors: IntegrityFailure (integrity_check, or the copy's clinic id differs), KeyMismatch
    /// (the export key does not open it), StorageFull, StorageError.
    [[nodiscard]] virtual Status stageRestore(const RestoreFiles& files, const crypto::SecureBytes& exportKey,
                                              const crypto::SecureBytes& dbk,
                                              const access::ClinicId& expectedClinic) = 0;
    /// Removes a staged restore, if any. Never fails.
    virtual void discardStagedRestore() noexcept = 0;
    /// Swaps the staged files into place (database closed first): writes a journal, moves the live
    /// files to `pre-restore-<label>/`, renames the staged ones in. The journal stays until
    /// finishRestore(): a crash before then is completed at the next opening, which says so
    /// (interruptedRestore()). Reloads clinic.json afterwards.
    /// Errors: InvalidArgument (nothing staged, database still open, bad label), AlreadyExists
    /// (the pre-restore folder exists), StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status commitRestore(const std::string& label) = 0;
    /// Removes the journal of a committed restore once its last step (the restored trail's event)
    /// is done. Errors: StorageReadOnly, StorageError (the journal stays: the next opening
    /// finishes the restore again, idempotently, and says so).
    [[nodiscard]] virtual Status finishRestore() = 0;
    /// The restore a crash interrupted, as this folder's opening settled it (or an earlier opening
    /// whose record no staff login has taken), or nullopt; cleared by the call (the first staff
    /// login records it in the trail, then calls interruptedRestoreRecorded()).
    [[nodiscard]] virtual std::optional<InterruptedRestore> takeInterruptedRestore() = 0;
    /// Forgets the settled restore's record once the trail holds it, so later openings say
    /// nothing. Errors: StorageReadOnly, StorageError (it is then said and recorded again).
    [[nodiscard]] virtual Status interruptedRestoreRecorded() = 0;
};

/// The clinic: before login only the key slots, the descriptor and the pending audit log are
/// reachable; after openDatabase() with the DBK from a key ring, everything else.
class ClinicBackend
{
public:
    virtual ~ClinicBackend() = default;
    [[nodiscard]] virtual const ClinicDescriptor& descriptor() const = 0;
    [[nodiscard]] virtual KeySlotStore& keySlots() = 0;
    [[nodiscard]] virtual PendingAuditLog& pendingAudit() = 0;
    /// The patient portal files (readable before login and without the database key).
    [[nodiscard]] virtual PortalStore& portals() = 0;
    /// Opens the encrypted database. Errors: KeyMismatch (wrong key or foreign database),
    /// IntegrityFailure, Unsupported (newer schema), StorageError.
    [[nodiscard]] virtual Status openDatabase(const crypto::SecureBytes& dbk) = 0;
    /// Closes the database (idle lock, logout); the folder stays locked by this instance.
    virtual void closeDatabase() = 0;
    [[nodiscard]] virtual bool databaseOpen() const = 0;
    // The following require databaseOpen().
    [[nodiscard]] virtual ClinicMetaStore& meta() = 0;
    [[nodiscard]] virtual CareTeamStore& careTeams() = 0;
    /// Patients and break-glass grants (opaque rows).
    [[nodiscard]] virtual PatientStore& patients() = 0;
    /// Clinical rows and the observation index (opaque rows).
    [[nodiscard]] virtual ClinicalStore& clinical() = 0;
    /// Keyed source ids of imported records (opaque rows).
    [[nodiscard]] virtual SourceIndexStore& sourceIndex() = 0;
    /// Attachments and their encrypted chunks (opaque rows).
    [[nodiscard]] virtual AttachmentStore& attachments() = 0;
    [[nodiscard]] virtual audit::AuditStore& auditStore() = 0;
    [[nodiscard]] virtual audit::AnchorSink& anchors() = 0;
    [[nodiscard]] virtual TransactionFactory& transactions() = 0;
    /// Installs the sealer every later unit of work that changes the index calls at commit (an
    /// empty function removes it: such a unit of work then fails with AccessDenied and rolls back).
    virtual void setIndexSealer(IndexSealer sealer) = 0;
    /// Installs the writer of chart manifests every later unit of work that changes clinical rows
    /// calls at commit, before the index sealer (an empty function removes it: such a unit of work
    /// then fails with AccessDenied and rolls back).
    virtual void setChartSealer(ChartSealer sealer) = 0;
    [[nodiscard]] virtual DatabaseMaintenance& maintenance() = 0;
    /// Backup and restore file work, or nullptr if this backend cannot back up (the default).
    /// Usable whenever the folder is open; each method says whether it needs the database.
    [[nodiscard]] virtual BackupStorage* backupStorage() { return nullptr; }
    /// The recovery ring's files, or nullptr if this backend keeps none (the default). Usable
    /// whenever the folder is open, database or not.
    [[nodiscard]] virtual RecoveryRingStore* recoveryRing() { return nullptr; }
    /// A connection to the external audit witness at `address` (nothing is sent until the first
    /// delivery), or Unsupported if this backend has none (the default).
    [[nodiscard]] virtual Result<std::unique_ptr<audit::AuditWitness>> openWitness(const audit::WitnessAddress& address)
    {
        (void)address;
        return makeError(ErrorCode::Unsupported, "this storage backend cannot reach an audit witness");
    }
};

} // namespace cc::ports
