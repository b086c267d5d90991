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
    /// Opens (or, with CreateIfMissing, creates with mode 0600) the database at `path` under the
    /// raw 256-bit `key` (32 bytes; SQLCipher raw-key form, no passphrase KDF), sets
    /// cipher_page_size = 4096, checks PRAGMA cipher_version, forces a read, then sets WAL,
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

    /// The file this connection opened.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

private:
    Database(sqlite3* db, std::string path, OpenMode mode) noexcept;
    Status configure(const crypto::SecureBytes& key);
    /// Closes the handle and opens the same file again under `key` (after a failed rekey).
    Status reopen(const crypto::SecureBytes& key);
    Result<std::string> queryText(const char* sql, std::string_view operation);

    sqlite3* m_db = nullptr;
    std::string m_path;
    OpenMode m_mode = OpenMode::ExistingOnly;
    std::function<void(bool)> m_transactionListener;
    crypto::SecureBytes m_key; // the key the file is under, to reopen after a failed rekey
};

} // namespace cc::db
