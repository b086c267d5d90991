// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/SqlCipherLibrary.h"

#include "core/crypto/Rng.h"

#include <sqlite3.h>

#include <fstream>
#include <string>

namespace cc::db {

std::string sqliteLibraryVersion()
{
    return sqlite3_libversion();
}

Result<std::string> cipherVersion()
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return makeError(ErrorCode::StorageError, "cannot open an in-memory SQLCipher database");
    }
    crypto::SecureBytes key = crypto::SystemRng::instance().secureBytes(32);
    std::string version;
    if (sqlite3_key(db, key.data(), static_cast<int>(key.size())) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA cipher_version;", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(stmt, 0);
            if (text != nullptr)
                version = reinterpret_cast<const char*>(text);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    if (version.empty())
        return makeError(ErrorCode::CryptoFailure,
                         "the linked SQLite library is not SQLCipher (PRAGMA cipher_version is empty)");
    return version;
}

Status checkNoPlainSqliteMapped()
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        if (line.find("libsqlite3.so") != std::string::npos)
            return makeError(ErrorCode::Internal,
                             "a plain libsqlite3 is loaded into this process next to SQLCipher; refusing to run");
    }
    return {};
}

} // namespace cc::db
