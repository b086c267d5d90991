// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/LegacyDatabase.h"

#include "db/Database.h"
#include "db/RawKey.h"

#include <QtGlobal>

#include <cstdio>

#include <sqlite3.h>

namespace cc::test {

bool makeLegacy(const std::string& path, const crypto::SecureBytes& dbk)
{
    int version = 0;
    {
        auto db = db::Database::open(path, dbk, db::OpenMode::ExistingOnly);
        if (!db || db->pageSize() != db::Database::kPageSize || !db->checkpoint() || !db->userVersion()) {
            qWarning("makeLegacy: %s", db ? "not at the current page size" : db.error().message.c_str());
            return false;
        }
        version = *db->userVersion();
    }
    const std::string legacy = path + ".legacy";
    auto spec = db::detail::rawKeySpec(dbk);
    if (!spec)
        return false;
    sqlite3* raw = nullptr;
    sqlite3_stmt* attach = nullptr;
    const std::string pages = "PRAGMA cipher_page_size = " + std::to_string(db::Database::kPageSize) + ";";
    bool ok = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK &&
              sqlite3_key(raw, spec->data(), static_cast<int>(spec->size())) == SQLITE_OK &&
              sqlite3_exec(raw, pages.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK &&
              sqlite3_prepare_v2(raw, "ATTACH DATABASE ?1 AS legacy KEY ?2;", -1, &attach, nullptr) == SQLITE_OK &&
              sqlite3_bind_text(attach, 1, legacy.c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK &&
              sqlite3_bind_text(attach, 2, reinterpret_cast<const char*>(spec->data()), static_cast<int>(spec->size()),
                                SQLITE_TRANSIENT) == SQLITE_OK &&
              sqlite3_step(attach) == SQLITE_DONE;
    sqlite3_finalize(attach);
    const std::string sql = "PRAGMA legacy.cipher_page_size = 4096; SELECT sqlcipher_export('legacy'); "
                            "PRAGMA legacy.user_version = " +
                            std::to_string(version) + "; DETACH DATABASE legacy;";
    ok = ok && sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("makeLegacy: %s", raw != nullptr ? sqlite3_errmsg(raw) : "no connection");
    sqlite3_close(raw);
    return ok && std::rename(legacy.c_str(), path.c_str()) == 0;
}

} // namespace cc::test
