// SPDX-License-Identifier: GPL-3.0-or-later
// The audit chain's storage in the clinic database: tables audit_events and audit_state.
#pragma once

#include "core/ports/AuditStore.h"

namespace cc::db {

class Database;

/// AuditStore over the append-only `audit_events` table and the one-row `audit_state` table of
/// schema version 1. Writes compose with a caller's transaction: inside one (Database::
/// inTransaction()) they use a SAVEPOINT, so a service's own writes and its audit event commit
/// or roll back together; otherwise they take their own IMMEDIATE transaction. The store checks
/// no MAC (AuditVerifier does); it refuses only what cannot continue the stored head.
class SqlAuditStore final : public audit::AuditStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 1.
    explicit SqlAuditStore(Database& db) noexcept : m_db(db) {}

    /// Inserts the state row. Errors: AlreadyExists, InvalidArgument (key not 32 bytes), storage errors.
    [[nodiscard]] Status initialise(const audit::AuditState& initial) override;
    /// Inserts `record` and overwrites the state row, atomically. Errors: NotFound (no state
    /// row), AlreadyExists (record.seq does not follow the stored head, or is taken),
    /// InvalidArgument (key not 32 bytes), StorageFull, StorageReadOnly, StorageBusy, StorageError.
    [[nodiscard]] Status append(const audit::AuditRecord& record, const audit::AuditState& newState) override;
    /// The state row; the key is read straight into wiped memory. Errors: NotFound,
    /// IntegrityFailure (a column of the wrong size: altered outside the application), StorageError.
    [[nodiscard]] Result<audit::AuditState> state() const override;
    /// Records from `firstSeq`, ascending, at most `maxCount`. Errors: IntegrityFailure naming the
    /// seq and column (a hash column not 32 bytes: altered outside the application), StorageError.
    [[nodiscard]] Result<std::vector<audit::AuditRecord>> read(std::uint64_t firstSeq,
                                                               std::size_t maxCount) const override;
    /// Number of records. Errors: StorageError.
    [[nodiscard]] Result<std::uint64_t> count() const override;
    /// Database::inTransaction().
    [[nodiscard]] bool insideTransaction() const override;
    /// Database::setTransactionListener().
    void setCommitListener(std::function<void(bool committed)> listener) override;
    /// Database::checkpoint() (wal_checkpoint(TRUNCATE)). Errors: StorageBusy, storage errors.
    [[nodiscard]] Status purgeOverwritten() override;

private:
    Status appendLocked(const audit::AuditRecord& record, const audit::AuditState& newState);
    Status initialiseLocked(const audit::AuditState& initial);

    Database& m_db;
};

} // namespace cc::db
