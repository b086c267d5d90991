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
    CC_TRY(m_db->exec("COMMIT;"));
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
