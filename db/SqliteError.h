// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_db: maps SQLite result codes to typed CipherChart errors (docs/STORAGE.md).
#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>

struct sqlite3;

namespace cc::db::detail {

/// The clear message every wrong-key or foreign-file failure carries.
inline constexpr std::string_view kKeyMismatchMessage = "wrong database key or not a CipherChart database";

/// Builds the error for SQLite result `rc` from `operation` on the database at `path`.
/// NOTADB -> KeyMismatch, CORRUPT -> IntegrityFailure, FULL -> StorageFull, READONLY (and
/// CANTOPEN/PERM on a read-only medium) -> StorageReadOnly, BUSY/LOCKED -> StorageBusy,
/// others -> StorageError. `db` (may be null) supplies SQLite's own message, which names
/// tables, columns or trigger messages but never a bound value; `includeDetail` = false
/// leaves it out for statements whose text could contain key material.
[[nodiscard]] Error sqliteError(sqlite3* db, int rc, std::string_view operation, std::string_view path = {},
                                bool includeDetail = true);

/// True if SQLite result `rc` (primary or extended) says the disk or the system failed the
/// operation — full, read-only, I/O error, cannot open, permission, busy, out of memory — rather
/// than the file's content: such a failure is a storage error, never evidence of tampering.
[[nodiscard]] bool isDiskFailure(int rc) noexcept;

/// A short, value-free name for a SQL text: its leading keywords ("CREATE TABLE", "SELECT").
[[nodiscard]] std::string describeSql(std::string_view sql);

/// True if the file system holding `path` (or its folder, if `path` does not exist) is mounted
/// read-only, or the file exists and cannot be opened for writing.
[[nodiscard]] bool onReadOnlyMedium(std::string_view path);

} // namespace cc::db::detail
