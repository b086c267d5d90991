// SPDX-License-Identifier: GPL-3.0-or-later
// The core transaction port as a thin shell around db::Transaction.
#include "db/SqlTransactionFactory.h"

#include "db/Database.h"
#include "db/Transaction.h"

namespace cc::db {

namespace {

/// Owns a db::Transaction; its destructor rolls back unless commit() succeeded.
class SqlTransaction final : public ports::StorageTransaction
{
public:
    explicit SqlTransaction(Transaction transaction) : m_transaction(std::move(transaction)) {}
    Status commit() override { return m_transaction.commit(); }

private:
    Transaction m_transaction;
};

} // namespace

Result<std::unique_ptr<ports::StorageTransaction>> SqlTransactionFactory::begin()
{
    // Transaction::begin on an open transaction gives SQLite's "cannot start a transaction within
    // a transaction"; say what it means for the caller instead.
    if (m_db.inTransaction())
        return makeError(ErrorCode::StorageError, "a transaction is already open on the clinic database");
    auto transaction = Transaction::begin(m_db, Transaction::Mode::Immediate);
    CC_TRY(transaction);
    return std::unique_ptr<ports::StorageTransaction>(std::make_unique<SqlTransaction>(std::move(transaction).value()));
}

} // namespace cc::db
