// SPDX-License-Identifier: GPL-3.0-or-later
// Opening and keying a SQLCipher connection, following DESIGN.md section 5 step by step.
#include "db/Database.h"

#include "db/FileSystem.h"
#include "db/RawKey.h"
#include "db/SqliteError.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

namespace cc::db {

namespace {

constexpr int kDefaultBusyTimeoutMs = 5000;

// SQLITE_OPEN_NOMUTEX: no per-connection mutex, which SQLite's default (serialised) mode takes and
// releases around every step and every column read (about 20 times per observation index row: a
// tenth of a report reader's CPU, tests/bench/reports/RESULTS.md). A Database, like the services
// above it, is used by one thread at a time (Database.h; ui::runInBackground's contract), which is
// what SQLite's multi-thread mode asks; it still locks its own shared state.
int openFlags(OpenMode mode) noexcept
{
    return (mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_PRIVATECACHE |
           SQLITE_OPEN_NOMUTEX;
}

} // namespace

Database::Database(sqlite3* db, std::string path, OpenMode mode) noexcept
    : m_db(db), m_path(std::move(path)), m_mode(mode)
{}

Database::~Database()
{
    // close_v2 defers the close until any forgotten statement is finalised instead of leaking.
    sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_mode(other.m_mode)
    , m_transactionListener(std::move(other.m_transactionListener))
    , m_key(std::move(other.m_key))
    , m_pageSize(other.m_pageSize)
    , m_commitMarker(other.m_commitMarker)
    , m_needsReopen(other.m_needsReopen)
{}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_mode = other.m_mode;
        m_transactionListener = std::move(other.m_transactionListener);
        m_key = std::move(other.m_key);
        m_pageSize = other.m_pageSize;
        m_commitMarker = other.m_commitMarker;
        m_needsReopen = other.m_needsReopen;
    }
    return *this;
}

namespace {

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

/// The first `n` bytes of `path`, or fewer if it is shorter or cannot be read.
std::vector<unsigned char> head(const std::string& path, std::size_t n)
{
    std::vector<unsigned char> out(n);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        return {};
    out.resize(std::fread(out.data(), 1, n, f));
    std::fclose(f);
    return out;
}

bool knownPageSize(std::uint32_t size)
{
    return size == Database::kPageSize || size == Database::kLegacyPageSize;
}

} // namespace

Database::PageSizeHint Database::pageSizeHint(const std::string& path)
{
    // A rollback journal's header (SQLite's file format, "The Rollback Journal"): 8 magic bytes,
    // then page count, nonce, initial size, sector size and page size, big-endian; never encrypted.
    static constexpr unsigned char kJournalMagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
    if (const auto j = head(path + "-journal", 28);
        j.size() == 28 && std::equal(j.begin(), j.begin() + 8, kJournalMagic)) {
        if (const std::uint32_t size = bigEndian32(j.data() + 24); knownPageSize(size))
            return {static_cast<int>(size), true};
    }
    // A write-ahead log's header ("The WAL File Format"): magic 0x377f0682 or 0x377f0683, version,
    // page size; in the clear too.
    if (const auto w = head(path + "-wal", 12); w.size() == 12 && (bigEndian32(w.data()) | 1u) == 0x377f0683u) {
        if (const std::uint32_t size = bigEndian32(w.data() + 8); knownPageSize(size))
            return {static_cast<int>(size), false};
    }
    // A file of whole 4 KB pages that are not whole 32 KB pages.
    struct stat info
    {};
    if (::stat(path.c_str(), &info) == 0 && info.st_size > 0 && info.st_size % kPageSize != 0 &&
        info.st_size % kLegacyPageSize == 0)
        return {kLegacyPageSize, false};
    return {};
}

Result<Database> Database::open(const std::string& path, const crypto::SecureBytes& key, OpenMode mode)
{
    if (key.size() != detail::kRawKeySize)
        return makeError(ErrorCode::InvalidArgument, "a database key must be 32 bytes");
    if (path.empty())
        return makeError(ErrorCode::InvalidArgument, "no database path given");

    struct stat info
    {};
    const bool exists = ::stat(path.c_str(), &info) == 0;
    if (!exists && mode != OpenMode::CreateIfMissing)
        return makeError(ErrorCode::NotFound, "no clinic database at " + path);
    if (exists && !S_ISREG(info.st_mode))
        return makeError(ErrorCode::KeyMismatch, std::string(detail::kKeyMismatchMessage) + " — " + path);
    // An empty file would silently become a fresh database: only CreateIfMissing may do that.
    if (exists && info.st_size == 0 && mode != OpenMode::CreateIfMissing)
        return makeError(ErrorCode::KeyMismatch, std::string(detail::kKeyMismatchMessage) + " — " + path);
    if (!exists) {
        // SQLite would create the file 0644 and give -wal/-shm the same mode; 0600 from the start.
        auto created = detail::createPrivateFile(path);
        if (!created.ok() && created.error().code != ErrorCode::AlreadyExists)
            return std::move(created).error();
    }

    Database db(nullptr, path, mode);
    // A file with content was written at one of two page sizes, and SQLCipher 3 cannot tell which
    // from its encrypted header: what the files say in the clear comes first (pageSizeHint), then
    // the current size, then the legacy one. A wrong key fails each. A hot rollback journal's size
    // is the only one tried: SQLCipher 3.4 plays a journal back at the journal's page size with
    // buffers of the size it was given, and reads past them when the two differ (a crash on a
    // clinic that lost power while SQLite switched a legacy file to WAL; test_db_maintenance).
    const PageSizeHint hint = pageSizeHint(path);
    const int first = hint.pageSize != 0 ? hint.pageSize : Database::kPageSize;
    Status opened = db.openHandle(key, first);
    if (!opened.ok() && opened.error().code == ErrorCode::KeyMismatch && !hint.hotJournal)
        opened = db.openHandle(key, first == Database::kPageSize ? Database::kLegacyPageSize : Database::kPageSize);
    CC_TRY(opened);
    db.m_key = key.clone();
    return db;
}

Status Database::openHandle(const crypto::SecureBytes& key, int pageSize)
{
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    // Until configure() has run whole, the handle lacks pragmas the clinic relies on (WAL,
    // secure_delete, foreign_keys): it must not be used, only opened again (ensureOpen).
    m_needsReopen = true;
    const int rc = sqlite3_open_v2(m_path.c_str(), &m_db, openFlags(m_mode), nullptr);
    if (rc != SQLITE_OK)
        return detail::sqliteError(m_db, rc, "opening the clinic database", m_path);
    sqlite3_extended_result_codes(m_db, 1);
    m_needsReopen = false; // configure() itself runs statements
    if (auto configured = configure(key, pageSize); !configured) {
        m_needsReopen = true;
        return configured;
    }
    m_pageSize = pageSize;
    return {};
}

Status Database::ensureOpen()
{
    if (!m_needsReopen)
        return {};
    // A reopening after a failed rekey or COMMIT failed (the disk failing, full or read-only): try
    // again now, so that a session goes on once the disk works, and never on a half-set-up handle.
    Status reopened = openHandle(m_key, m_pageSize);
    if (!reopened) {
        Error error = std::move(reopened).error();
        error.message = "the connection to the clinic database was lost after a failed write and could not be "
                        "opened again: " +
                        error.message;
        return error;
    }
    return {};
}

Status Database::reopen(const crypto::SecureBytes& key)
{
    return openHandle(key, m_pageSize);
}

Status Database::configure(const crypto::SecureBytes& key, int pageSize)
{
    // Key through the C API with the raw-key form: the key never passes through SQL text, which
    // SQLite would copy into unwiped statement memory. SQLCipher copies and later wipes it.
    {
        auto spec = detail::rawKeySpec(key);
        CC_TRY(spec);
        const int rc = sqlite3_key(m_db, spec->data(), static_cast<int>(spec->size()));
        if (rc != SQLITE_OK)
            return detail::sqliteError(m_db, rc, "keying the clinic database", m_path, false);
    }
    // Must precede the first read: the page size is part of how every page is decrypted.
    CC_TRY(exec("PRAGMA cipher_page_size = " + std::to_string(pageSize) + ";"));

    auto version = queryText("PRAGMA cipher_version;", "reading PRAGMA cipher_version");
    CC_TRY(version);
    if (version->empty())
        return makeError(ErrorCode::CryptoFailure,
                         "the linked SQLite library is not SQLCipher (PRAGMA cipher_version is empty)");

    // A wrong key shows only at the first page read, as SQLITE_NOTADB: force that read now.
    {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, "SELECT count(*) FROM sqlite_master;", -1, &stmt, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW) {
            if ((rc & 0xff) == SQLITE_NOTADB)
                return makeError(ErrorCode::KeyMismatch,
                                 std::string(detail::kKeyMismatchMessage) + " (" + m_path + ")");
            return detail::sqliteError(m_db, rc, "reading the clinic database", m_path);
        }
    }

    if (!isReadOnly()) {
        auto journal = queryText("PRAGMA journal_mode = WAL;", "switching to WAL journal mode");
        CC_TRY(journal);
        if (*journal != "wal")
            return makeError(ErrorCode::StorageError,
                             "the clinic database cannot use WAL journal mode on this file system (" + m_path + ")");
    }
    CC_TRY(exec("PRAGMA synchronous = FULL;"));
    CC_TRY(exec("PRAGMA temp_store = MEMORY;"));
    CC_TRY(exec("PRAGMA secure_delete = ON;"));
    CC_TRY(exec("PRAGMA foreign_keys = ON;"));
    // A 64 MiB page cache (SQLite's default is about 2 MiB): SQLCipher decrypts and authenticates
    // every page it brings into the cache, so a cache that holds the working set avoids paying that
    // again on every read (tests/bench/storage: 1.8x plain SQLite with the default, about 1.3x with
    // this). The cached pages are decrypted database pages; the PHI in them is still sealed
    // documents, and the cache goes with the connection.
    CC_TRY(exec("PRAGMA cache_size = -65536;"));
    auto foreignKeys = queryText("PRAGMA foreign_keys;", "reading PRAGMA foreign_keys");
    CC_TRY(foreignKeys);
    auto secureDelete = queryText("PRAGMA secure_delete;", "reading PRAGMA secure_delete");
    CC_TRY(secureDelete);
    if (*foreignKeys != "1" || *secureDelete != "1")
        return makeError(ErrorCode::StorageError, "the SQLite library refused foreign_keys or secure_delete");
    sqlite3_busy_timeout(m_db, kDefaultBusyTimeoutMs);
    return {};
}

Result<std::string> Database::queryText(const char* sql, std::string_view operation)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    std::string value;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            if (const auto* text = sqlite3_column_text(stmt, 0))
                value = reinterpret_cast<const char*>(text);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK)
        return detail::sqliteError(m_db, rc, operation, m_path);
    return value;
}

Status Database::exec(const std::string& sql)
{
    CC_TRY(ensureOpen());
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return detail::sqliteError(m_db, rc, detail::describeSql(sql), m_path);
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    CC_TRY(ensureOpen());
    if (sql.size() > static_cast<std::size_t>(INT32_MAX))
        return makeError(ErrorCode::InvalidArgument, "SQL text too long");
    sqlite3_stmt* stmt = nullptr;
    std::string operation = detail::describeSql(sql);
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return detail::sqliteError(m_db, rc, "preparing the " + operation, m_path);
    }
    if (stmt == nullptr)
        return makeError(ErrorCode::InvalidArgument, "the SQL text holds no statement");
    return Statement(m_db, stmt, std::move(operation), m_path);
}

std::int64_t Database::lastInsertRowId() const noexcept
{
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db));
}

int Database::changes() const noexcept
{
    return sqlite3_changes(m_db);
}

Result<int> Database::userVersion()
{
    auto text = queryText("PRAGMA user_version;", "reading PRAGMA user_version");
    CC_TRY(text);
    int version = 0;
    const auto* begin = text->data();
    const auto parsed = std::from_chars(begin, begin + text->size(), version);
    if (parsed.ec != std::errc() || parsed.ptr != begin + text->size())
        return makeError(ErrorCode::StorageError, "PRAGMA user_version returned no number (" + m_path + ")");
    return version;
}

Status Database::setUserVersion(int version)
{
    if (version < 0)
        return makeError(ErrorCode::InvalidArgument, "a schema version cannot be negative");
    return exec("PRAGMA user_version = " + std::to_string(version) + ";");
}

void Database::setBusyTimeout(std::chrono::milliseconds timeout) noexcept
{
    const auto ms = timeout.count();
    sqlite3_busy_timeout(m_db, ms < 0 ? 0 : (ms > INT32_MAX ? INT32_MAX : static_cast<int>(ms)));
}

bool Database::isReadOnly() const noexcept
{
    return m_mode == OpenMode::ReadOnly || sqlite3_db_readonly(m_db, "main") == 1;
}

void Database::setTransactionListener(std::function<void(bool committed)> listener)
{
    m_transactionListener = std::move(listener);
}

void Database::transactionEnded(bool committed)
{
    if (m_transactionListener)
        m_transactionListener(committed);
}

bool Database::inTransaction() const noexcept
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace cc::db
