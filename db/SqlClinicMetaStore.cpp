// SPDX-License-Identifier: GPL-3.0-or-later
// Named bookkeeping values in `meta`.
#include "db/SqlClinicMetaStore.h"

#include "db/Database.h"

namespace cc::db {

namespace {

Status checkName(std::string_view name)
{
    if (name.empty() || name.size() > SqlClinicMetaStore::kMaxNameLength)
        return makeError(ErrorCode::InvalidArgument, "a meta value needs a name of 1 to 64 bytes");
    return {};
}

} // namespace

Result<std::optional<std::vector<std::uint8_t>>> SqlClinicMetaStore::get(std::string_view name) const
{
    CC_TRY(checkName(name));
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE name = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindText(1, name));
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return std::optional<std::vector<std::uint8_t>>{};
    return std::optional<std::vector<std::uint8_t>>(stmt->columnBlob(0));
}

Status SqlClinicMetaStore::set(std::string_view name, std::span<const std::uint8_t> value)
{
    CC_TRY(checkName(name));
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindText(1, name));
    CC_TRY(stmt->bindBlob(2, value));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

} // namespace cc::db
