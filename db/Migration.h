// SPDX-License-Identifier: GPL-3.0-or-later
// Numbered, transactional schema migrations tracked in PRAGMA user_version.
#pragma once

#include "core/Result.h"

#include <functional>
#include <string>
#include <vector>

namespace cc::db {

class Database;

/// One schema step. Versions start at 1 and are contiguous; version N takes the schema from
/// N - 1 to N. `apply` runs inside an IMMEDIATE transaction that migrate() owns: it must not
/// BEGIN, COMMIT or change PRAGMA foreign_keys itself.
///
/// SQLite 3.15 (SQLCipher 3.4.1) has no DROP COLUMN, RENAME COLUMN, UPSERT or RETURNING. To
/// change a table's columns or constraints, rebuild it (https://www.sqlite.org/lang_altertable.html,
/// "Making Other Kinds Of Table Schema Changes"), with `rebuildsTables = true`:
///   1. CREATE TABLE new_X (... the new definition ...);
///   2. INSERT INTO new_X (cols) SELECT cols FROM X;
///   3. DROP TABLE X;   (drops X's indexes and triggers too; the DROP's implicit delete fires no triggers)
///   4. ALTER TABLE new_X RENAME TO X;
///   5. recreate X's indexes, triggers (e.g. the audit append-only triggers) and views;
/// migrate() then runs PRAGMA foreign_key_check before committing. rebuildsTables makes migrate()
/// turn foreign_keys OFF around the transaction (the pragma is a no-op inside one), because with
/// it ON, step 3 would cascade or fail and step 4 would rewrite other tables' REFERENCES.
struct Migration
{
    int version = 0;
    std::string description;
    std::function<Status(Database&)> apply;
    bool rebuildsTables = false;
};

/// Brings `db` to the last version in `migrations`, one transaction per migration, each together
/// with its PRAGMA user_version bump: a failing migration leaves the database at the previous
/// version. Errors: InvalidArgument (list empty, versions not 1, 2, 3 ..., or no apply),
/// Unsupported (the database is newer than the list: written by a newer CipherChart),
/// StorageReadOnly, StorageBusy, IntegrityFailure (foreign_key_check after a rebuild), or the
/// failing migration's own error, its message prefixed with the migration's number.
Status migrate(Database& db, const std::vector<Migration>& migrations);

/// Checks the list is usable: non-empty, versions 1..N in order, every apply set.
Status validateMigrations(const std::vector<Migration>& migrations);

} // namespace cc::db
