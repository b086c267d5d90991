// SPDX-License-Identifier: GPL-3.0-or-later
// The commit marker: whether a COMMIT reported as failed took effect (docs/STORAGE.md, "A COMMIT
// that fails").
#include "db/Database.h"

#include "db/FileSystem.h"
#include "db/SqliteError.h"

#include <sqlite3.h>

#include <string>

namespace cc::db {

Result<std::int64_t> Database::readCommitMarker()
{
    auto stmt = prepare(std::string("SELECT n FROM ") + kCommitMarkerTable + " WHERE id = 1;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return makeError(ErrorCode::IntegrityFailure, "the commit marker of " + m_path + " is missing");
    return stmt->columnInt64(0);
}

Result<std::int64_t> Database::advanceCommitMarker()
{
    if (!inTransaction())
        return makeError(ErrorCode::InvalidArgument, "the commit marker is advanced inside a transaction only");
    CC_TRY(exec(std::string("UPDATE ") + kCommitMarkerTable + " SET n = n + 1 WHERE id = 1;"));
    if (changes() != 1)
        return makeError(ErrorCode::IntegrityFailure, "the commit marker of " + m_path + " is missing");
    return readCommitMarker();
}

Result<Database::CommitOutcome> Database::resolveFailedCommit(std::int64_t marker)
{
    const auto unknown = [&](Error error) {
        error.message = "whether the change was saved could not be found out: " + error.message;
        return error;
    };
    // What failed, before anything else runs on the connection: a write of a frame (a full disk, a
    // failed write) or something after the frames (the log's sync, the growth of its index).
    const int failed = sqlite3_extended_errcode(m_db);
    // SQLite keeps a transaction open after some failed COMMITs (a busy lock); what it holds is not
    // in the file, and this connection must be out of it to read the file's state.
    if (inTransaction())
        if (auto undone = exec("ROLLBACK;"); !undone)
            return unknown(std::move(undone).error());
    {
        auto seen = readCommitMarker();
        if (!seen)
            return unknown(std::move(seen).error());
        // The commit frame was written, synced and indexed: what failed came after it (a library
        // whose WAL hook reports the automatic checkpoint's error as the COMMIT's; SQLCipher 3.4.1's
        // drops it).
        if (*seen == marker)
            return CommitOutcome::Committed;
    }
    // A frame's write failed. SQLite writes a transaction's frames in order and marks only the
    // last one as its commit; it stops at the first failed write, and the log's recovery replays
    // nothing after the last valid commit frame (SQLite's file format, "The WAL File Format"). So
    // nothing of this transaction can come back, and this connection, which still reads the clinic,
    // stays open: on a full disk, closing it would remove the log, and opening it again would fail
    // to create a new one (found by test_gui_disk_full, enospc). Checked at every event of a full
    // disk there: never was such a change in the clinic afterwards.
    if (failed == SQLITE_FULL || failed == SQLITE_IOERR_WRITE)
        return CommitOutcome::NotCommitted;

    // Not visible to this connection. Its commit frame may still be in the write-ahead log past what
    // this connection's index knows (a failed sync, or a failed write of the index after the frame),
    // and the next opening would replay it. Close (the clinic's only connection, under the clinic
    // lock: SQLite checkpoints what its index knows and removes the log, and with it any such
    // frame) and open again (which replays any valid commit the log still holds): then this
    // connection sees what every later opening will see.
    if (const int rc = sqlite3_close(m_db); rc != SQLITE_OK)
        return unknown(makeError(ErrorCode::StorageBusy,
                                 "the connection to " + m_path + " still has a statement open and cannot be reopened"));
    m_db = nullptr;
    if (auto reopened = openHandle(m_key, m_pageSize); !reopened)
        return unknown(std::move(reopened).error());
    auto after = readCommitMarker();
    if (!after)
        return unknown(std::move(after).error());
    if (*after == marker - 1) {
        // A log removed at the close must stay removed after a power cut, or its frame comes back.
        if (auto synced = detail::syncFolderOf(m_path); !synced)
            return unknown(std::move(synced).error());
        return CommitOutcome::NotCommitted;
    }
    if (*after != marker)
        return makeError(ErrorCode::IntegrityFailure,
                         "the commit marker of " + m_path + " reads " + std::to_string(*after) + " where " +
                             std::to_string(marker - 1) + " or " + std::to_string(marker) + " was expected");
    // In the log, replayed; perhaps not on the disk if the failure was a sync. The checkpoint writes
    // the pages into the database file again and syncs it: after it, the change is stored.
    if (auto copied = checkpoint(); !copied) {
        Error error = std::move(copied).error();
        error.message = "the change is in the clinic's write-ahead log, but copying it into the database file failed, "
                        "so the disk has not confirmed that it is stored: " +
                        error.message;
        return error;
    }
    return CommitOutcome::Committed;
}

} // namespace cc::db
