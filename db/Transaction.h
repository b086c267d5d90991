// SPDX-License-Identifier: GPL-3.0-or-later
// A transaction that rolls back unless committed (RAII).
#pragma once

#include "core/Result.h"

namespace cc::db {

class Database;

/// An explicit transaction on a Database. Move-only; the destructor rolls back if commit() did
/// not succeed, so an early return or error leaves nothing half-written. Not nestable.
class Transaction
{
public:
    /// How the transaction takes its lock (SQLite BEGIN DEFERRED / BEGIN IMMEDIATE).
    enum class Mode {
        Deferred, ///< lock on first read or write
        Immediate ///< take the write lock now: use for every transaction that will write
    };

    /// Begins a transaction. Errors: StorageBusy (another connection writes, after the busy
    /// timeout), StorageError (a transaction is already open), other storage errors.
    [[nodiscard]] static Result<Transaction> begin(Database& db, Mode mode);

    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Commits. On failure (StorageBusy, StorageFull, ...) the transaction stays open and the
    /// destructor rolls it back. InvalidArgument if already committed or rolled back.
    Status commit();
    /// Rolls back now. InvalidArgument if no longer active.
    Status rollback();
    /// True until commit() or rollback() succeeded.
    [[nodiscard]] bool active() const noexcept { return m_db != nullptr; }

private:
    explicit Transaction(Database& db) noexcept : m_db(&db) {}
    void rollbackQuietly() noexcept;

    Database* m_db = nullptr;
};

} // namespace cc::db
