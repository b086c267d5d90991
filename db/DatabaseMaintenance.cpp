// SPDX-License-Identifier: GPL-3.0-or-later
// Rekey, encrypted export, checkpoint and integrity check of an open clinic database.
#include "db/Database.h"

#include "db/FileSystem.h"
#include "db/RawKey.h"
#include "db/SqliteError.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

namespace cc::db {

Status Database::checkpoint()
{
    CC_TRY(ensureOpen());
    int logFrames = 0;
    int copiedFrames = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copiedFrames);
    if (rc != SQLITE_OK)
        return detail::sqliteError(m_db, rc, "checkpointing the write-ahead log", m_path);
    return {};
}

Status Database::integrityCheck()
{
    // SQLCipher 3.4.1 has no PRAGMA cipher_integrity_check (added in 4.x; an unknown pragma is a
    // silent no-op), so this runs SQLite's integrity_check, which reads every b-tree page through
    // the codec and so also fails on any page whose HMAC does not verify.
    auto stmt = prepare("PRAGMA integrity_check;");
    CC_TRY(stmt);
    std::string first;
    int problems = 0;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok()) {
            // A disk that fails the reads is a storage problem, not a damaged file (found by
            // tests/faults/TestDiskFaults.cpp: an I/O error during a restore's check was reported
            // as tampering).
            const bool disk = detail::isDiskFailure(sqlite3_extended_errcode(m_db));
            if (!disk && (row.error().code == ErrorCode::KeyMismatch || row.error().code == ErrorCode::StorageError))
                return makeError(ErrorCode::IntegrityFailure,
                                 "the clinic database failed its integrity check: " + row.error().message);
            return std::move(row).error();
        }
        if (!*row)
            break;
        std::string line = stmt->columnText(0);
        if (line == "ok")
            continue;
        if (problems++ == 0)
            first = std::move(line);
    }
    if (problems > 0)
        return makeError(ErrorCode::IntegrityFailure, "the clinic database failed its integrity check (" +
                                                          std::to_string(problems) + " problem(s), first: " + first +
                                                          ")");
    return {};
}

Status Database::rekey(const crypto::SecureBytes& newKey)
{
    CC_TRY(ensureOpen());
    if (newKey.size() != detail::kRawKeySize)
        return makeError(ErrorCode::InvalidArgument, "a database key must be 32 bytes");
    if (isReadOnly())
        return makeError(ErrorCode::StorageReadOnly, "cannot rekey a database opened read-only (" + m_path + ")");
    if (inTransaction())
        return makeError(ErrorCode::InvalidArgument, "cannot rekey inside a transaction");

    // Empty the WAL first so the rekey transaction rewrites every page from the main file alone.
    CC_TRY(checkpoint());
    int rekeyed = SQLITE_OK;
    int cause = SQLITE_OK; // what the connection last reported, for a rekey that says it succeeded
    {
        auto spec = detail::rawKeySpec(newKey);
        CC_TRY(spec);
        // SQLCipher 3.4.1 rewrites every page under the new key in one write transaction and keeps
        // the file's salt, so in WAL mode the change commits atomically with the last WAL frame
        // (tests/db/TestDatabase.cpp rekeyIsAtomicInWal opens a copy taken before any checkpoint).
        rekeyed = sqlite3_rekey(m_db, spec->data(), static_cast<int>(spec->size()));
        cause = sqlite3_extended_errcode(m_db);
    }
    if (rekeyed == SQLITE_OK) {
        // Copy the new-key pages into the main file and drop the WAL, so no old-key page remains.
        // The rekey has committed by now: if a reader blocks this checkpoint, reporting failure would
        // be false (the old key no longer opens the file); the next checkpoint, at the latest on
        // close, finishes the job.
        auto flushed = checkpoint();
        (void)flushed;
    }

    // sqlite3_rekey reports few failures; prove the new key opens the file from a fresh connection.
    int rc = rekeyed;
    if (rc == SQLITE_OK) {
        sqlite3* probe = nullptr;
        rc = sqlite3_open_v2(m_path.c_str(), &probe, SQLITE_OPEN_READONLY | SQLITE_OPEN_PRIVATECACHE, nullptr);
        if (rc == SQLITE_OK) {
            auto spec = detail::rawKeySpec(newKey);
            CC_TRY(spec);
            rc = sqlite3_key(probe, spec->data(), static_cast<int>(spec->size()));
        }
        if (rc == SQLITE_OK) {
            const std::string probeSql =
                "PRAGMA cipher_page_size = " + std::to_string(m_pageSize) + "; SELECT count(*) FROM sqlite_master;";
            rc = sqlite3_exec(probe, probeSql.c_str(), nullptr, nullptr, nullptr);
        }
        sqlite3_close_v2(probe);
    }
    if (rc == SQLITE_OK) {
        m_key = newKey.clone();
        return {};
    }

    // The rekey did not take: this connection may now write under the new key and read under the
    // old one. Never use it again; reopen under the key the file still has.
    if (auto reopened = reopen(m_key); !reopened) {
        Error error = std::move(reopened).error();
        if (error.code == ErrorCode::KeyMismatch)
            return makeError(ErrorCode::IntegrityFailure,
                             "after a failed rekey the clinic database opens under neither its previous nor its new "
                             "key (" +
                                 m_path + "): restore the latest backup");
        // The disk that failed the rekey fails the reopening too (e.g. read-only: no WAL file).
        error.message = "rekeying the clinic database did not complete, and reopening it failed: " + error.message;
        return error;
    }
    const int reported = rekeyed != SQLITE_OK ? rekeyed : cause;
    if (detail::isDiskFailure(reported))
        return detail::sqliteError(nullptr, reported,
                                   "rekeying the clinic database (not done: the file keeps its previous key)", m_path,
                                   false);
    return makeError(ErrorCode::StorageError,
                     "rekeying the clinic database did not complete (" + m_path +
                         "): a write failed (a full, read-only or failing disk?); the file keeps its previous key");
}

namespace {

/// sqlcipher_export() reports an inner failure as SQLITE_ERROR with the inner code's generic text
/// ("database or disk is full"); recover the code so disk full still maps to StorageFull.
int exportResultCode(sqlite3* db, int rc)
{
    if ((rc & 0xff) != SQLITE_ERROR)
        return rc;
    const std::string message = sqlite3_errmsg(db);
    for (int inner : {SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR,
                      SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_PERM}) {
        if (message == sqlite3_errstr(inner))
            return inner;
    }
    return rc;
}

void removeQuietly(const std::string& path)
{
    ::unlink(path.c_str());
    ::unlink((path + "-journal").c_str());
}

void removeWithLogs(const std::string& path)
{
    removeQuietly(path);
    ::unlink((path + "-wal").c_str());
    ::unlink((path + "-shm").c_str());
}

} // namespace

Status Database::exportTo(const std::string& path, const crypto::SecureBytes& key)
{
    CC_TRY(ensureOpen());
    if (key.size() != detail::kRawKeySize)
        return makeError(ErrorCode::InvalidArgument, "a database key must be 32 bytes");
    if (path.empty() || path == m_path)
        return makeError(ErrorCode::InvalidArgument, "an export needs a new file name");
    if (detail::pathExists(path))
        return makeError(ErrorCode::AlreadyExists, "a file already exists at " + path);
    if (inTransaction())
        return makeError(ErrorCode::InvalidArgument, "cannot export inside a transaction");

    auto version = userVersion();
    CC_TRY(version);

    // Build under a temporary name, created 0600 before SQLite sees it, then rename into place:
    // a crash leaves either no export or a complete one, never a half-written file at `path`.
    const std::string temporary = detail::temporarySibling(path);
    CC_TRY(detail::createPrivateFile(temporary));

    auto fail = [&](Error error) -> Status {
        sqlite3_exec(m_db, "DETACH DATABASE cc_export;", nullptr, nullptr, nullptr);
        removeQuietly(temporary);
        return error;
    };

    {
        // The key is bound, not spliced into the SQL text; only SQLite's generic message is kept.
        auto attach = prepare("ATTACH DATABASE ?1 AS cc_export KEY ?2;");
        if (!attach.ok())
            return fail(std::move(attach).error());
        auto spec = detail::rawKeySpec(key);
        if (!spec.ok())
            return fail(std::move(spec).error());
        if (auto s = attach->bindText(1, temporary); !s.ok())
            return fail(std::move(s).error());
        if (auto s = attach->bindSecret(2, *spec); !s.ok())
            return fail(std::move(s).error());
        if (auto step = attach->step(); !step.ok()) {
            removeQuietly(temporary);
            return std::move(step).error();
        }
    }
    // Every export is written at the current page size, whatever this file's: a backup's restore
    // is how a clinic created with 4 KB pages moves to the larger ones.
    if (auto s = exec("PRAGMA cc_export.cipher_page_size = " + std::to_string(kPageSize) + ";"); !s.ok())
        return fail(std::move(s).error());
    if (const int rc = sqlite3_exec(m_db, "SELECT sqlcipher_export('cc_export');", nullptr, nullptr, nullptr);
        rc != SQLITE_OK)
        return fail(detail::sqliteError(m_db, exportResultCode(m_db, rc), "exporting the clinic database", path));
    if (auto s = exec("PRAGMA cc_export.user_version = " + std::to_string(*version) + ";"); !s.ok())
        return fail(std::move(s).error());
    if (auto s = exec("DETACH DATABASE cc_export;"); !s.ok()) {
        removeQuietly(temporary);
        return s;
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        removeQuietly(temporary);
        return detail::writeErrnoError(err, "cannot move the export into place", path);
    }
    return detail::syncFolderOf(path);
}

Result<bool> Database::upgradePageSize()
{
    CC_TRY(ensureOpen());
    if (m_pageSize == kPageSize)
        return false;
    if (isReadOnly())
        return makeError(ErrorCode::StorageReadOnly, "cannot rewrite a database opened read-only (" + m_path + ")");
    if (inTransaction())
        return makeError(ErrorCode::InvalidArgument, "cannot rewrite the database inside a transaction");
    auto version = userVersion();
    CC_TRY(version);

    // A temporarySibling() name: what a crash leaves of it is removed when the clinic next opens.
    const std::string copy = detail::temporarySibling(m_path);
    auto makeCopy = [&]() -> Status {
        CC_TRY(checkpoint());
        CC_TRY(exportTo(copy, m_key));
        auto check = Database::open(copy, m_key, OpenMode::ExistingOnly);
        CC_TRY(check);
        CC_TRY(check->integrityCheck());
        auto copied = check->userVersion();
        CC_TRY(copied);
        if (check->pageSize() != kPageSize || *copied != *version)
            return makeError(ErrorCode::IntegrityFailure, "the rewritten copy differs from the clinic database");
        return {};
    };
    if (auto made = makeCopy(); !made) {
        removeWithLogs(copy);
        Error error = std::move(made).error();
        error.message = "rewriting the clinic database at " + std::to_string(kPageSize) +
                        "-byte pages failed (the database is unchanged): " + error.message;
        return error;
    }

    // Close this connection, the clinic's only one: SQLite then checkpoints and removes the WAL,
    // which belongs to the old file and must not meet the new one.
    if (const int rc = sqlite3_close(m_db); rc != SQLITE_OK) {
        removeWithLogs(copy);
        return detail::sqliteError(m_db, rc, "closing the clinic database before replacing it", m_path);
    }
    m_db = nullptr;
    bool renamed = false;
    Status swapped;
    if (detail::pathExists(m_path + "-wal")) {
        // SQLite leaves it when another connection has the file open, or when the checkpoint or
        // the removal at close failed (an I/O error; found by test_upgrade_faults): either way it
        // belongs to the old file, which therefore stays.
        swapped = makeError(ErrorCode::StorageBusy, "the write-ahead log of " + m_path +
                                                        " was not emptied when the database was closed (another "
                                                        "connection has it open, or writing to the disk failed); "
                                                        "the database is unchanged");
    } else if (std::rename(copy.c_str(), m_path.c_str()) != 0) {
        swapped = detail::writeErrnoError(errno, "cannot move the rewritten database into place", m_path);
    } else {
        renamed = true;
        // If this sync fails, a power cut may still bring back the old file: also complete.
        swapped = detail::syncFolderOf(m_path);
    }
    if (!renamed)
        removeWithLogs(copy);
    // m_pageSize is still the old file's: openHandle sets it only once a handle opens.
    CC_TRY(openHandle(m_key, renamed ? kPageSize : m_pageSize));
    CC_TRY(swapped);
    return true;
}

} // namespace cc::db
