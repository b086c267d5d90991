// SPDX-License-Identifier: GPL-3.0-or-later
// The source index in `source_index` (schema version 5).
#pragma once

#include "core/ports/SourceIndexStore.h"

namespace cc::db {

class Database;

/// SourceIndexStore over `source_index`: keyed hashes and row ids, nothing in the clear.
class SqlSourceIndexStore final : public ports::SourceIndexStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 5.
    explicit SqlSourceIndexStore(Database& db) noexcept : m_db(db) {}
    /// The entry of `key`, or nullopt. Errors: StorageError, IntegrityFailure (a malformed row).
    [[nodiscard]] Result<std::optional<ports::SourceIndexEntry>>
    find(const std::vector<std::uint8_t>& key) const override;
    /// Inserts or replaces. Errors: InvalidArgument, StorageFull, StorageError.
    [[nodiscard]] Status put(const ports::SourceIndexEntry& entry) override;

private:
    Database& m_db;
};

} // namespace cc::db
