// SPDX-License-Identifier: GPL-3.0-or-later
// RAII transactions: roll back unless committed.
#include "db/Transaction.h"

#include "db/Database.h"

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
    if (auto committed = m_db->exec("COMMIT;"); !committed) {
        Error error = std::move(committed).error();
        // A COMMIT that fails on the disk may have written its commit frame to the write-ahead log
        // before the failing write (WAL padding, the shared-memory index): the next opening then
        // replays it. Found by tests/faults/TestGuiDiskFull.cpp (a note said "not saved" was there
        // after the next login). Say so, or the user repeats the action and stores it twice.
        if (error.code == ErrorCode::StorageFull || error.code == ErrorCode::StorageReadOnly ||
            error.code == ErrorCode::StorageError)
            error.message += "; the change may be in the clinic all the same: look before doing it again";
        return error;
    }
    std::exchange(m_db, nullptr)->transactionEnded(true);
    return {};
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
