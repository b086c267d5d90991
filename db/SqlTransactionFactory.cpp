// SPDX-License-Identifier: GPL-3.0-or-later
// The core transaction port as a thin shell around db::Transaction.
#include "db/SqlTransactionFactory.h"

#include "db/Database.h"
#include "db/IndexChangeTracker.h"
#include "db/Transaction.h"

namespace cc::db {

namespace {

/// Owns a db::Transaction; its destructor rolls back unless commit() succeeded.
class SqlTransaction final : public ports::StorageTransaction
{
public:
    SqlTransaction(Transaction transaction, IndexChangeTracker* indexChanges)
        : m_transaction(std::move(transaction)), m_indexChanges(indexChanges)
    {
        if (m_indexChanges != nullptr)
            m_indexChanges->open();
    }
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;
    ~SqlTransaction() override
    {
        // The rollback (m_transaction's destructor) discards the writes; forget their change too.
        if (m_indexChanges != nullptr)
            m_indexChanges->close();
    }

    Status commit() override
    {
        if (m_indexChanges != nullptr) {
            // Chart manifests first: each is an element of the index seal written just below.
            auto charts = m_indexChanges->takeCharts();
            if (!charts.empty()) {
                if (!m_indexChanges->chartSealer())
                    return makeError(ErrorCode::AccessDenied,
                                     "only a session holding the clinical key (a doctor's) can change chart rows: "
                                     "nothing was written");
                CC_TRY(m_indexChanges->chartSealer()(charts));
            }
        }
        if (m_indexChanges != nullptr && m_indexChanges->changed()) {
            // The seal is written inside the transaction, so the index and its signed hash commit together.
            if (!m_indexChanges->sealer())
                return makeError(ErrorCode::AccessDenied,
                                 "only a session holding the index writer key (a doctor's) can change the observation "
                                 "index: nothing was written");
            CC_TRY(m_indexChanges->sealer()(m_indexChanges->delta()));
        }
        Status done = m_transaction.commit();
        if (done.ok() && m_indexChanges != nullptr)
            m_indexChanges->close();
        return done;
    }

private:
    Transaction m_transaction;
    IndexChangeTracker* m_indexChanges;
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
    return std::unique_ptr<ports::StorageTransaction>(
        std::make_unique<SqlTransaction>(std::move(transaction).value(), m_indexChanges));
}

} // namespace cc::db
