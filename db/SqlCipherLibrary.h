// SPDX-License-Identifier: GPL-3.0-or-later
// Facts about the SQLCipher library this process uses, checked at start-up.
#pragma once

#include "core/Result.h"

#include <string>

namespace cc::db {

/// The SQLite version SQLCipher embeds (e.g. "3.15.2"), from the linked library.
[[nodiscard]] std::string sqliteLibraryVersion();

/// Opens an in-memory database with a random key and returns `PRAGMA cipher_version`.
/// Fails with CryptoFailure if the pragma is empty: the library is plain SQLite, not SQLCipher.
[[nodiscard]] Result<std::string> cipherVersion();

/// Fails with Internal if a plain libsqlite3 is mapped into this process (a second SQLite copy
/// would write plaintext or corrupt files, DESIGN.md section 5). Reads /proc/self/maps.
[[nodiscard]] Status checkNoPlainSqliteMapped();

} // namespace cc::db
