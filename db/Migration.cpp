// SPDX-License-Identifier: GPL-3.0-or-later
// Runs schema migrations one transaction at a time.
#include "db/Migration.h"

#include "db/Database.h"
#include "db/Transaction.h"

namespace cc::db {

namespace {

Status foreignKeyCheck(Database& db)
{
    auto stmt = db.prepare("PRAGMA foreign_key_check;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    if (*row)
        return makeError(ErrorCode::IntegrityFailure,
                         "a migration left rows whose foreign keys point nowhere (table " + stmt->columnText(0) + ")");
    return {};
}

Status applyOne(Database& db, const Migration& migration)
{
    auto transaction = Transaction::begin(db, Transaction::Mode::Immediate);
    CC_TRY(transaction);
    // Re-read inside the write lock: if another connection got here first, there is nothing to do.
    auto current = db.userVersion();
    CC_TRY(current);
    if (*current >= migration.version)
        return transaction->commit();
    if (*current != migration.version - 1)
        return makeError(ErrorCode::Internal, "schema version changed unexpectedly during migration");

    auto applied = migration.apply(db);
    if (!applied.ok()) {
        Error error = std::move(applied).error();
        error.message = "schema migration " + std::to_string(migration.version) + " (" + migration.description +
                        ") failed: " + error.message;
        return error;
    }
    if (migration.rebuildsTables)
        CC_TRY(foreignKeyCheck(db));
    CC_TRY(db.setUserVersion(migration.version));
    return transaction->commit();
}

} // namespace

Status validateMigrations(const std::vector<Migration>& migrations)
{
    if (migrations.empty())
        return makeError(ErrorCode::InvalidArgument, "no schema migrations given");
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const auto expected = static_cast<int>(i) + 1;
        if (migrations[i].version != expected)
            return makeError(ErrorCode::InvalidArgument, "schema migrations must be numbered 1, 2, 3 ... in order; "
                                                         "position " +
                                                             std::to_string(i + 1) + " has version " +
                                                             std::to_string(migrations[i].version));
        if (!migrations[i].apply)
            return makeError(ErrorCode::InvalidArgument,
                             "schema migration " + std::to_string(expected) + " has nothing to apply");
    }
    return {};
}

Status migrate(Database& db, const std::vector<Migration>& migrations)
{
    CC_TRY(validateMigrations(migrations));
    if (db.inTransaction())
        return makeError(ErrorCode::InvalidArgument, "cannot migrate inside a transaction");
    auto current = db.userVersion();
    CC_TRY(current);
    const int latest = migrations.back().version;
    if (*current > latest)
        return makeError(ErrorCode::Unsupported, "the clinic database has schema version " + std::to_string(*current) +
                                                     ", newer than this CipherChart knows (" + std::to_string(latest) +
                                                     "); use a newer CipherChart");
    if (*current < 0)
        return makeError(ErrorCode::MalformedInput, "the clinic database has a negative schema version");
    if (*current < latest && db.isReadOnly())
        return makeError(ErrorCode::StorageReadOnly, "the clinic database needs a schema upgrade but is read-only");

    for (const auto& migration : migrations) {
        if (migration.version <= *current)
            continue;
        if (migration.rebuildsTables) {
            // PRAGMA foreign_keys is ignored inside a transaction: switch it before BEGIN.
            CC_TRY(db.exec("PRAGMA foreign_keys = OFF;"));
            auto result = applyOne(db, migration);
            auto restored = db.exec("PRAGMA foreign_keys = ON;");
            CC_TRY(result);
            CC_TRY(restored);
        } else {
            CC_TRY(applyOne(db, migration));
        }
    }
    return {};
}

} // namespace cc::db
