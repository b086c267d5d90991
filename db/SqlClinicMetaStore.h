// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic's non-PHI bookkeeping values in the database's `meta` table.
#pragma once

#include "core/ports/ClinicMetaStore.h"

namespace cc::db {

class Database;

/// ClinicMetaStore over `meta(name TEXT PRIMARY KEY, value BLOB NOT NULL)`.
class SqlClinicMetaStore final : public ports::ClinicMetaStore
{
public:
    /// Longest name accepted (names are the constants in ports::meta).
    static constexpr std::size_t kMaxNameLength = 64;

    /// `db` must outlive the store and be migrated to at least version 1.
    explicit SqlClinicMetaStore(Database& db) noexcept : m_db(db) {}

    /// The value, or nullopt. Errors: InvalidArgument (empty or over-long name), StorageError.
    [[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>> get(std::string_view name) const override;
    /// Inserts or replaces the value (INSERT OR REPLACE: SQLite 3.15 has no UPSERT, and meta has
    /// no triggers or foreign keys a replace could upset). Errors: InvalidArgument, StorageFull,
    /// StorageReadOnly, StorageBusy, StorageError.
    [[nodiscard]] Status set(std::string_view name, std::span<const std::uint8_t> value) override;

private:
    Database& m_db;
};

} // namespace cc::db
