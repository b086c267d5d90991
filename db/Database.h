// SPDX-License-Identifier: GPL-3.0-or-later
// One connection to an encrypted clinic database (SQLCipher 3.4.1, DESIGN.md section 5).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "db/OpenMode.h"
#include "db/Statement.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

struct sqlite3;

namespace cc::db {

/// An open, keyed SQLCipher connection. Move-only; closed by the destructor.
/// Stores and returns opaque bytes only. Not for use from two threads at once: the connection is
/// opened in SQLite's multi-thread mode (SQLITE_OPEN_NOMUTEX), without a mutex of its own.
class Database
{
public:
    /// SQLCipher page size of every file written now (new clinics, exports, backups, restores):
    /// each page costs an AES-256-CBC decryption, an HMAC-SHA1 and a read call, and a report reads
    /// the whole observation index (docs/STORAGE.md, "Page size").
    static constexpr int kPageSize = 32768;
    /// The page size of clinics created before 2026-12-07; still opened, and moved to kPageSize
    /// by a backup and its restore (both go through an export).
    static constexpr int kLegacyPageSize = 4096;
    /// What the files beside a database say of its page size in the clear (a hot rollback
    /// journal's header, a write-ahead log's header, a length that is whole legacy pages but not
    /// whole current ones): 0 when they say nothing. `hotJournal`: the size came from a rollback
    /// journal, and the database must be opened at that size and no other.
    struct PageSizeHint
    {
        int pageSize = 0;
        bool hotJournal = false;
    };
    [[nodiscard]] static PageSizeHint pageSizeHint(const std::string& path);

    /// Opens (or, with CreateIfMissing, creates with mode 0600) the database at `path` under the
    /// raw 256-bit `key` (32 bytes; SQLCipher raw-key form, no passphrase KDF), sets
    /// cipher_page_size (kPageSize for a new file; an existing one is tried with kPageSize, then
    /// kLegacyPageSize, since SQLCipher 3 cannot read it from the encrypted header), checks
    /// PRAGMA cipher_version, forces a read, then sets WAL,
    /// synchronous = FULL, temp_store = MEMORY, secure_delete = ON, foreign_keys = ON and a
    /// 5-second busy timeout. Errors: InvalidArgument (key not 32 bytes), NotFound (missing file
    /// with ExistingOnly/ReadOnly), KeyMismatch (wrong key or not a CipherChart database),
    /// CryptoFailure (the library is not SQLCipher), StorageReadOnly, StorageBusy, StorageError.
    [[nodiscard]] static Result<Database> open(const std::string& path, const crypto::SecureBytes& key, OpenMode mode);

    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more SQL statements without results (schema, pragmas). Never put values in
    /// `sql`: bind them through prepare(). Errors mapped as in docs/STORAGE.md.
    Status exec(const std::string& sql);
    /// Compiles one statement. Errors: StorageError for bad SQL, or the mapped storage errors.
    [[nodiscard]] Result<Statement> prepare(std::string_view sql);

    /// Row id of the most recent successful INSERT on this connection.
    [[nodiscard]] std::int64_t lastInsertRowId() const noexcept;
    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    [[nodiscard]] int changes() const noexcept;

    /// PRAGMA user_version: the schema version the migrations have reached.
    [[nodiscard]] Result<int> userVersion();
    /// Sets PRAGMA user_version (transactional). InvalidArgument if negative.
    Status setUserVersion(int version);

    /// Re-encrypts the whole database under `newKey` (32 bytes) with SQLCipher's rekey, in WAL
    /// mode (SQLCipher 3.4.1 keeps the salt and rewrites every page in one transaction), with a
    /// TRUNCATE checkpoint before (StorageBusy if readers prevent it; nothing is changed then) and
    /// a best-effort one after, so no page under the old key stays in the WAL or the main file;
    /// then verifies the new key opens the file from a second connection.
    /// SQLCipher 3.4.1 returns SQLITE_OK from a rekey whose commit failed (a full disk, an I/O
    /// error) and leaves the connection writing pages under the new key while reading them under
    /// the old one; so after any failure the connection is closed and reopened under the key it
    /// had, and is never used in that mixed state (found by tests/faults/TestDiskFaults.cpp).
    /// Errors: InvalidArgument (bad key size, open transaction), StorageReadOnly, StorageBusy,
    /// StorageFull/StorageError (the rekey did not complete; the file keeps its previous key),
    /// IntegrityFailure (afterwards the file opens under neither key), storage errors.
    Status rekey(const crypto::SecureBytes& newKey);

    /// Writes an encrypted copy of this database to the new file `path` under `key` (32 bytes)
    /// with sqlcipher_export() (never a plaintext copy or VACUUM INTO), including user_version.
    /// The copy is built under a temporary name in the same folder and renamed into place.
    /// Errors: InvalidArgument, AlreadyExists (path exists), StorageFull, StorageReadOnly, storage errors.
    Status exportTo(const std::string& path, const crypto::SecureBytes& key);

    /// Moves a file opened at kLegacyPageSize to kPageSize, under the same key: checkpoints,
    /// exports a copy (exportTo) beside the file under a temporary name, opens the copy and runs
    /// integrity_check on it and compares user_version, closes this connection (the last one, so
    /// SQLite empties and removes the WAL), renames the copy over the file, syncs the folder and
    /// reopens. A crash at any point leaves either the old file or the complete new one (the same
    /// rows under the same key), plus perhaps a temporary copy that the clinic's opening removes.
    /// Returns false if the file already had kPageSize (nothing done).
    /// Errors: StorageReadOnly, InvalidArgument (open transaction), StorageBusy (an unfinished
    /// statement or a reader keeps the WAL), IntegrityFailure (the copy failed its check; the file
    /// is unchanged), StorageFull and storage errors (the file is unchanged, this connection open).
    [[nodiscard]] Result<bool> upgradePageSize();

    /// PRAGMA wal_checkpoint(TRUNCATE): copies the WAL into the main file and empties it.
    /// Errors: StorageBusy if readers prevent a complete checkpoint, storage errors.
    Status checkpoint();

    /// PRAGMA integrity_check (SQLCipher 3.4.1 has no cipher_integrity_check); reading every
    /// b-tree page also verifies each page's HMAC. IntegrityFailure on any problem.
    Status integrityCheck();

    /// Sets how long a locked database is retried before StorageBusy (default 5 s).
    void setBusyTimeout(std::chrono::milliseconds timeout) noexcept;

    /// True if the connection was opened ReadOnly or the file could only be opened read-only.
    [[nodiscard]] bool isReadOnly() const noexcept;
    /// True while an explicit transaction is open.
    [[nodiscard]] bool inTransaction() const noexcept;
    /// Sets the one listener told when an explicit transaction (db::Transaction) ends: true after
    /// its COMMIT succeeded, false after a rollback. The audit store uses it to anchor events only
    /// once the service's transaction holding them is durable. nullptr removes it.
    void setTransactionListener(std::function<void(bool committed)> listener);
    /// Tells the listener, if any, that a transaction ended (called by db::Transaction).
    void transactionEnded(bool committed);

    /// The one-row table whose counter every transaction on a clinic database advances (clinic
    /// schema version 11), so that a COMMIT reported as failed can be found to have taken effect or
    /// not (resolveFailedCommit; docs/STORAGE.md, "A COMMIT that fails").
    static constexpr const char* kCommitMarkerTable = "commit_marker";
    /// Makes every db::Transaction advance the commit marker before its COMMIT. Only for a file
    /// that has the table (the clinic store turns it on after the migrations).
    void enableCommitMarker() noexcept { m_commitMarker = true; }
    [[nodiscard]] bool commitMarkerEnabled() const noexcept { return m_commitMarker; }
    /// Inside a write transaction: adds one to the commit marker and returns its new value.
    [[nodiscard]] Result<std::int64_t> advanceCommitMarker();
    /// What a COMMIT that reported an error did, as far as the files say.
    enum class CommitOutcome {
        Committed,   ///< in the clinic, and on the disk
        NotCommitted ///< not in the clinic, now or after a restart
    };
    /// After a COMMIT whose transaction advanced the marker to `marker` reported an error: finds
    /// out whether it took effect. Must be called right after the COMMIT (it reads the
    /// connection's last error). Rolls back what SQLite may still hold open; if this connection
    /// already sees `marker`, the commit took effect and what failed came after it. If what failed
    /// was the write of a frame (SQLITE_FULL, SQLITE_IOERR_WRITE), NotCommitted at once, without
    /// closing: SQLite writes the commit frame last. Otherwise its commit frame may still be in the write-ahead log,
    /// where the next opening would find it: closes this connection (the clinic's only one: SQLite then checkpoints
    /// what it knows and removes the log) and opens the file again, which replays whatever valid commit the log still
    /// holds, exactly as the next opening would. `marker` then means the change is there: a TRUNCATE checkpoint copies
    /// it into the file and syncs it before Committed is said. `marker - 1` means it is not, and the folder is synced
    /// so that a removed log cannot come back after a power cut. Errors (the outcome stays unknown): StorageBusy (a
    /// statement or blob is still open, so the connection cannot be closed; it stays usable), the
    /// storage errors of reopening, reading or syncing (if the reopening failed, every later call
    /// tries it again first and fails with a storage error until it succeeds), IntegrityFailure
    /// (the marker holds neither value).
    [[nodiscard]] Result<CommitOutcome> resolveFailedCommit(std::int64_t marker);

    /// The file this connection opened.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    /// The SQLCipher page size the file was opened with (kPageSize or kLegacyPageSize).
    [[nodiscard]] int pageSize() const noexcept { return m_pageSize; }

private:
    Database(sqlite3* db, std::string path, OpenMode mode) noexcept;
    /// Keys the handle, sets `pageSize`, forces the first read (KeyMismatch if key or page size
    /// is wrong), then the pragmas.
    Status configure(const crypto::SecureBytes& key, int pageSize);
    /// Closes the handle (if any) and opens the file again, keyed with `key` at `pageSize`.
    Status openHandle(const crypto::SecureBytes& key, int pageSize);
    /// Closes the handle and opens the same file again under `key` (after a failed rekey).
    Status reopen(const crypto::SecureBytes& key);
    Result<std::string> queryText(const char* sql, std::string_view operation);
    Result<std::int64_t> readCommitMarker();
    /// Opens the handle again if an earlier reopening (after a failed rekey or COMMIT) failed;
    /// exec(), prepare() and the maintenance operations call it first.
    Status ensureOpen();

    sqlite3* m_db = nullptr;
    std::string m_path;
    OpenMode m_mode = OpenMode::ExistingOnly;
    std::function<void(bool)> m_transactionListener;
    crypto::SecureBytes m_key; // the key the file is under, to reopen after a failed rekey
    int m_pageSize = kPageSize;
    bool m_commitMarker = false;
    bool m_needsReopen = false; // the handle is not set up whole: open it again before any use
};

} // namespace cc::db
