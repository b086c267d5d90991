// SPDX-License-Identifier: GPL-3.0-or-later
// Clinic schema migrations. Columns hold opaque bytes only (DESIGN.md section 5).
#include "db/ClinicSchema.h"

#include "db/Database.h"

namespace cc::db {

namespace {

Status createStorageTables(Database& db)
{
    // meta: non-PHI bookkeeping (clinic id, creation time, format versions).
    CC_TRY(db.exec("CREATE TABLE meta ("
                   "  name TEXT PRIMARY KEY,"
                   "  value BLOB NOT NULL"
                   ");"));
    // audit_events: the hash-chained, MACed audit trail (DESIGN.md section 7); bodies are opaque.
    CC_TRY(db.exec("CREATE TABLE audit_events ("
                   "  seq INTEGER PRIMARY KEY,"
                   "  body BLOB NOT NULL,"
                   "  prev_hash BLOB NOT NULL,"
                   "  hash BLOB NOT NULL,"
                   "  mac BLOB NOT NULL"
                   ");"));
    // Append-only in the database itself, not just in the code that writes it.
    CC_TRY(db.exec("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
                   "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;"));
    CC_TRY(db.exec("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
                   "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;"));
    // INSERT OR REPLACE deletes the old row without firing DELETE triggers (SQLite fires them only
    // with recursive_triggers on): refuse any insert that reuses an existing sequence number.
    CC_TRY(db.exec("CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events "
                   "WHEN EXISTS (SELECT 1 FROM audit_events WHERE seq = NEW.seq) "
                   "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;"));
    // audit_state: exactly one row; the MAC key evolves after every event and the previous one
    // is overwritten in place (secure_delete = ON zeroes the freed cell content).
    CC_TRY(db.exec("CREATE TABLE audit_state ("
                   "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                   "  seq INTEGER NOT NULL,"
                   "  hash BLOB NOT NULL,"
                   "  mac_key BLOB NOT NULL"
                   ");"));
    return {};
}

} // namespace

const std::vector<Migration>& clinicMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, "storage tables: meta, audit_events (append-only), audit_state", createStorageTables, false},
    };
    return migrations;
}

} // namespace cc::db
