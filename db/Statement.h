// SPDX-License-Identifier: GPL-3.0-or-later
// A prepared SQLCipher statement: bind, step, read columns; finalised on destruction.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cc::db {

class Database;

/// One prepared statement. Move-only; finalised by the destructor. Parameters are bound by
/// 1-based index (as in SQLite), columns are read by 0-based index. Errors name the statement's
/// leading keywords only, never a bound value (values may be PHI ciphertext or keys).
class Statement
{
public:
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    /// Binds a 64-bit integer to parameter `index` (1-based). InvalidArgument for a bad index.
    Status bindInt64(int index, std::int64_t value);
    /// Binds a double. InvalidArgument for a bad index.
    Status bindDouble(int index, double value);
    /// Binds UTF-8 text (SQLite copies it). InvalidArgument for a bad index or text over 2 GiB.
    Status bindText(int index, std::string_view value);
    /// Binds a blob (SQLite copies it). InvalidArgument for a bad index or a blob over 2 GiB.
    Status bindBlob(int index, std::span<const std::uint8_t> value);
    /// Binds a secret blob without copying it into SQLite's heap: `value` must stay alive and
    /// unchanged until the statement is reset or destroyed. InvalidArgument for a bad index.
    Status bindSecret(int index, const crypto::SecureBytes& value);
    /// Binds SQL NULL. InvalidArgument for a bad index.
    Status bindNull(int index);

    /// Runs one step: true if a row is available, false when done. Errors are mapped as in
    /// docs/STORAGE.md (StorageBusy, StorageFull, StorageReadOnly, IntegrityFailure, KeyMismatch,
    /// StorageError — the latter also for constraint and trigger failures, with SQLite's message).
    [[nodiscard]] Result<bool> step();
    /// Resets the statement to run again and clears all bindings.
    void reset() noexcept;

    /// Number of columns in the result.
    [[nodiscard]] int columnCount() const noexcept;
    /// Column `column` (0-based) of the current row as an integer (0 for NULL).
    [[nodiscard]] std::int64_t columnInt64(int column) const noexcept;
    /// Column as a double (0.0 for NULL).
    [[nodiscard]] double columnDouble(int column) const noexcept;
    /// Column as UTF-8 text (empty for NULL).
    [[nodiscard]] std::string columnText(int column) const;
    /// Column as bytes (empty for NULL).
    [[nodiscard]] std::vector<std::uint8_t> columnBlob(int column) const;
    /// The column's bytes where SQLite keeps them (empty for NULL), valid until the next step(),
    /// reset() or the statement's end: for rows read by the 10^6 into reused buffers (a report's
    /// pass over the observation index), with no allocation per column.
    [[nodiscard]] std::span<const std::uint8_t> columnSpan(int column) const noexcept;
    /// Copies the column into `out` if it is a blob of exactly `out.size()` bytes and returns
    /// true; false otherwise (NULL, another size), `out` then unchanged. No allocation: for ids
    /// read by the 10^5 (care teams, an import's patients).
    [[nodiscard]] bool columnBlobInto(int column, std::span<std::uint8_t> out) const noexcept;
    /// Column as bytes copied straight into wiped, locked memory (for stored key material).
    [[nodiscard]] crypto::SecureBytes columnSecureBlob(int column) const;
    /// True if the column of the current row is NULL.
    [[nodiscard]] bool isNull(int column) const noexcept;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::string operation, std::string path) noexcept;
    Status bindResult(int rc, int index);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_operation;
    std::string m_path;
};

} // namespace cc::db
