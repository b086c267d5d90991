// SPDX-License-Identifier: GPL-3.0-or-later
// Port: the per-clinic keyed index of imported source ids (re-import without duplicates).
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace cc::ports {

/// One imported record: a keyed hash of its source id (HMAC under the index key, so the table
/// names no source id), the row it was stored as, and a keyed hash of its document (to tell an
/// unchanged record from a changed one without decrypting). Opaque bytes only.
struct SourceIndexEntry
{
    std::vector<std::uint8_t> key;    ///< 32 bytes
    IdBytes rowId{};                  ///< a patient's id or a clinical row's id
    std::vector<std::uint8_t> digest; ///< 32 bytes
};

/// The source index table.
class SourceIndexStore
{
public:
    virtual ~SourceIndexStore() = default;
    /// The entry of `key`, or nullopt. Errors: StorageError.
    [[nodiscard]] virtual Result<std::optional<SourceIndexEntry>> find(const std::vector<std::uint8_t>& key) const = 0;
    /// Inserts or replaces the entry of `entry.key`. Errors: InvalidArgument (key or digest not 32
    /// bytes), StorageFull, StorageError.
    [[nodiscard]] virtual Status put(const SourceIndexEntry& entry) = 0;
};

} // namespace cc::ports
