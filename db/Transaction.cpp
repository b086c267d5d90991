// SPDX-License-Identifier: GPL-3.0-or-later
// RAII transactions: roll back unless committed.
#include "db/Transaction.h"

#include "core/ports/StorageTransaction.h"
#include "db/Database.h"

#include <cstdint>
#include <utility>

namespace cc::db {

Result<Transaction> Transaction::begin(Database& db, Mode mode)
{
    CC_TRY(db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE;" : "BEGIN DEFERRED;"));
    return Transaction(db);
}

Transaction::~Transaction()
{
    rollbackQuietly();
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction& Transaction::operator=(Transaction&& other) noexcept
{
    if (this != &other) {
        rollbackQuietly();
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Status Transaction::commit()
{
    if (m_db == nullptr)
        return makeError(ErrorCode::InvalidArgument, "the transaction is no longer active");
    std::int64_t marker = 0;
    if (m_db->commitMarkerEnabled()) {
        auto advanced = m_db->advanceCommitMarker();
        CC_TRY(advanced);
        marker = *advanced;
    }
    auto committed = m_db->exec("COMMIT;");
    if (committed.ok()) {
        std::exchange(m_db, nullptr)->transactionEnded(true);
        return {};
    }
    Error error = std::move(committed).error();
    const bool disk = error.code == ErrorCode::StorageFull || error.code == ErrorCode::StorageReadOnly ||
                      error.code == ErrorCode::StorageError;
    if (!disk)
        return error; // e.g. StorageBusy: the transaction stays open, the destructor rolls it back
    // A COMMIT that fails on the disk may have written its commit frame to the write-ahead log
    // before the failing sync, and the next opening then replays it. Found by tests/faults/TestGuiDiskFull.cpp
    // (a note said "not saved" was there after the next login, and the user, told to try again,
    // would have stored it twice). The marker advanced in this transaction tells which.
    if (m_db->commitMarkerEnabled()) {
        auto outcome = m_db->resolveFailedCommit(marker);
        if (outcome && *outcome == Database::CommitOutcome::Committed) {
            std::exchange(m_db, nullptr)->transactionEnded(true);
            return {};
        }
        if (outcome) {
            std::exchange(m_db, nullptr)->transactionEnded(false);
            error.message += ports::kNothingSavedSuffix;
            return error;
        }
        error.message += " (" + outcome.error().message + ")";
        if (!m_db->inTransaction())
            std::exchange(m_db, nullptr)->transactionEnded(false);
    }
    error.message += "; the change may be in the clinic all the same: look before doing it again";
    return error;
}

Status Transaction::rollback()
{
    if (m_db == nullptr)
        return makeError(ErrorCode::InvalidArgument, "the transaction is no longer active");
    Database* db = std::exchange(m_db, nullptr);
    // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); nothing to undo then.
    Status undone = db->inTransaction() ? db->exec("ROLLBACK;") : Status{};
    db->transactionEnded(false);
    return undone;
}

void Transaction::rollbackQuietly() noexcept
{
    if (m_db == nullptr)
        return;
    // A failed rollback in a destructor cannot be reported; SQLite then rolls back on close.
    auto ignored = rollback();
    (void)ignored;
}

} // namespace cc::db
