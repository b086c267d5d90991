// SPDX-License-Identifier: GPL-3.0-or-later
// Units of work over the clinic database: IMMEDIATE transactions behind the core port.
#pragma once

#include "core/ports/StorageTransaction.h"

namespace cc::db {

class Database;
class IndexChangeTracker;

/// TransactionFactory over one Database. While a transaction it made is open, the db/ stores
/// write through the same connection, so their writes (and an audit event's SAVEPOINT) belong to it.
class SqlTransactionFactory final : public ports::TransactionFactory
{
public:
    /// `db` must outlive the factory and every transaction it makes.
    /// `indexChanges`, if given, is opened with each transaction; a transaction that changed the
    /// index calls its sealer before COMMIT (and fails with AccessDenied without one).
    explicit SqlTransactionFactory(Database& db, IndexChangeTracker* indexChanges = nullptr) noexcept
        : m_db(db), m_indexChanges(indexChanges)
    {}

    /// BEGIN IMMEDIATE (the write lock is taken now, so a later write cannot fail with a busy
    /// upgrade). Errors: StorageBusy, StorageError (a transaction is already open on the connection).
    [[nodiscard]] Result<std::unique_ptr<ports::StorageTransaction>> begin() override;

private:
    Database& m_db;
    IndexChangeTracker* m_indexChanges;
};

} // namespace cc::db
