// SPDX-License-Identifier: GPL-3.0-or-later
// One open clinic: its folder, lock and files, and after login its database and the stores over it.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "db/ClinicFolder.h"

#include <memory>
#include <string>

namespace cc::db {

class Database;
class FileAnchorSink;
class FileKeySlotStore;
class PendingAuditFile;
class SqlAuditStore;
class SqlCareTeamStore;
class SqlClinicMetaStore;
class SqlTransactionFactory;

/// The composition of db/ for one clinic folder, in two stages. Before login (openFolder): the
/// clinic lock is held, clinic.json is read and the key-slot file (and anchor, if any) are checked
/// to belong to this clinic. After login (openDatabase, with the DBK from the user's key ring):
/// clinic.db is open and migrated, and the stores implementing core/ports are available.
/// Move-only; destroying it closes the database and releases the lock.
class ClinicStore
{
public:
    /// Opens an existing clinic folder without any key. Order: clinic.json must exist (NotFound
    /// otherwise, before anything is written to the folder), the lock is taken, clinic.json parsed,
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
    [[nodiscard]] Status openDatabase(const crypto::SecureBytes& dbk);

    ~ClinicStore();
    ClinicStore(ClinicStore&& other) noexcept;
    ClinicStore& operator=(ClinicStore&& other) noexcept;
    ClinicStore(const ClinicStore&) = delete;
    ClinicStore& operator=(const ClinicStore&) = delete;

    /// Paths of the clinic's files.
    [[nodiscard]] const ClinicFolder& folder() const noexcept;
    /// clinic.json as read (or written by create()).
    [[nodiscard]] const ClinicDescriptor& descriptor() const noexcept;
    /// The key-slot file store (usable before login).
    [[nodiscard]] FileKeySlotStore& keySlots() noexcept;
    /// Failed logins waiting for the next successful login (usable before login).
    [[nodiscard]] PendingAuditFile& pendingAudit() noexcept;

    /// True after openDatabase() (or create()) succeeded. The accessors below require it.
    [[nodiscard]] bool databaseOpen() const noexcept;
    /// The audit chain's tables (requires databaseOpen()).
    [[nodiscard]] SqlAuditStore& auditStore() noexcept;
    /// The audit anchor file (requires databaseOpen(): the anchor is written with the chain).
    [[nodiscard]] FileAnchorSink& anchorSink() noexcept;
    /// The meta table (requires databaseOpen()).
    [[nodiscard]] SqlClinicMetaStore& meta() noexcept;
    /// Care teams (requires databaseOpen()).
    [[nodiscard]] SqlCareTeamStore& careTeams() noexcept;
    /// Units of work over the database (requires databaseOpen()).
    [[nodiscard]] SqlTransactionFactory& transactions() noexcept;
    /// The connection itself, for backup and rekey (requires databaseOpen()).
    [[nodiscard]] Database& database() noexcept;

private:
    struct Impl;
    explicit ClinicStore(std::unique_ptr<Impl> impl) noexcept;

    std::unique_ptr<Impl> m_impl;
};

} // namespace cc::db
