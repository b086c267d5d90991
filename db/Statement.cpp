// SPDX-License-Identifier: GPL-3.0-or-later
// Prepared statements over the SQLCipher C API.
#include "db/Statement.h"

#include "db/SqliteError.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <utility>

namespace cc::db {

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string operation, std::string path) noexcept
    : m_db(db), m_stmt(stmt), m_operation(std::move(operation)), m_path(std::move(path))
{}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_operation(std::move(other.m_operation))
    , m_path(std::move(other.m_path))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_operation = std::move(other.m_operation);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Status Statement::bindResult(int rc, int index)
{
    if (rc == SQLITE_OK)
        return {};
    if (rc == SQLITE_RANGE)
        return makeError(ErrorCode::InvalidArgument,
                         m_operation + ": no parameter number " + std::to_string(index) + " to bind");
    if (rc == SQLITE_TOOBIG)
        return makeError(ErrorCode::InvalidArgument, m_operation + ": bound value is too large");
    return detail::sqliteError(m_db, rc, "binding a parameter of the " + m_operation, m_path);
}

Status Statement::bindInt64(int index, std::int64_t value)
{
    return bindResult(sqlite3_bind_int64(m_stmt, index, static_cast<sqlite3_int64>(value)), index);
}

Status Statement::bindDouble(int index, double value)
{
    return bindResult(sqlite3_bind_double(m_stmt, index, value), index);
}

Status Statement::bindText(int index, std::string_view value)
{
    if (value.size() > static_cast<std::size_t>(INT_MAX))
        return bindResult(SQLITE_TOOBIG, index);
    return bindResult(sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT),
                      index);
}

Status Statement::bindBlob(int index, std::span<const std::uint8_t> value)
{
    if (value.size() > static_cast<std::size_t>(INT_MAX))
        return bindResult(SQLITE_TOOBIG, index);
    // A null pointer would bind NULL; an empty blob must stay a (zero-length) blob.
    static constexpr std::uint8_t empty = 0;
    const void* data = value.empty() ? &empty : value.data();
    return bindResult(sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(value.size()), SQLITE_TRANSIENT), index);
}

Status Statement::bindSecret(int index, const crypto::SecureBytes& value)
{
    if (value.size() > static_cast<std::size_t>(INT_MAX))
        return bindResult(SQLITE_TOOBIG, index);
    static constexpr std::uint8_t empty = 0;
    const void* data = value.empty() ? &empty : value.data();
    // SQLITE_STATIC: SQLite reads the caller's wiped buffer instead of copying it into its heap,
    // whose freed blocks are not wiped.
    return bindResult(sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(value.size()), SQLITE_STATIC), index);
}

Status Statement::bindNull(int index)
{
    return bindResult(sqlite3_bind_null(m_stmt, index), index);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return detail::sqliteError(m_db, rc, m_operation, m_path);
}

void Statement::reset() noexcept
{
    // sqlite3_reset repeats the last step's error, which step() already reported.
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const noexcept
{
    return sqlite3_column_count(m_stmt);
}

std::int64_t Statement::columnInt64(int column) const noexcept
{
    return static_cast<std::int64_t>(sqlite3_column_int64(m_stmt, column));
}

double Statement::columnDouble(int column) const noexcept
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (text == nullptr)
        return {};
    const int size = sqlite3_column_bytes(m_stmt, column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::vector<std::uint8_t> Statement::columnBlob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr || size <= 0)
        return {};
    return std::vector<std::uint8_t>(data, data + size);
}

std::span<const std::uint8_t> Statement::columnSpan(int column) const noexcept
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr || size <= 0)
        return {};
    return {data, static_cast<std::size_t>(size)};
}

bool Statement::columnBlobInto(int column, std::span<std::uint8_t> out) const noexcept
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr || size < 0 || static_cast<std::size_t>(size) != out.size())
        return false;
    std::copy(data, data + size, out.begin());
    return true;
}

crypto::SecureBytes Statement::columnSecureBlob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (data == nullptr || size <= 0)
        return {};
    return crypto::SecureBytes(std::span<const std::uint8_t>(data, static_cast<std::size_t>(size)));
}

bool Statement::isNull(int column) const noexcept
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace cc::db
