// SPDX-License-Identifier: GPL-3.0-or-later
// Keyed source ids of imported records in `source_index`.
#include "db/SqlSourceIndexStore.h"

#include "db/Database.h"

#include <algorithm>

namespace cc::db {

Result<std::optional<ports::SourceIndexEntry>> SqlSourceIndexStore::find(const std::vector<std::uint8_t>& key) const
{
    auto stmt = m_db.prepare("SELECT row_id, digest FROM source_index WHERE key = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, key));
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return std::optional<ports::SourceIndexEntry>{};
    ports::SourceIndexEntry entry;
    entry.key = key;
    const std::vector<std::uint8_t> id = stmt->columnBlob(0);
    if (id.size() != entry.rowId.size())
        return makeError(ErrorCode::IntegrityFailure, "a source index row has a malformed row id");
    std::copy(id.begin(), id.end(), entry.rowId.begin());
    entry.digest = stmt->columnBlob(1);
    return std::optional<ports::SourceIndexEntry>(std::move(entry));
}

Status SqlSourceIndexStore::put(const ports::SourceIndexEntry& entry)
{
    if (entry.key.size() != 32 || entry.digest.size() != 32)
        return makeError(ErrorCode::InvalidArgument, "a source index entry needs a 32-byte key and digest");
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO source_index (key, row_id, digest) VALUES (?1, ?2, ?3);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, entry.key));
    CC_TRY(stmt->bindBlob(2, entry.rowId));
    CC_TRY(stmt->bindBlob(3, entry.digest));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

} // namespace cc::db
