// SPDX-License-Identifier: GPL-3.0-or-later
// Port: the append-only audit table and the audit writer's state row (db/ implements it).
#pragma once

#include "core/Result.h"
#include "core/audit/AuditRecord.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace cc::audit {

/// Storage of the audit chain: `audit_events(seq, body, prev_hash, hash, mac)` (append-only) and
/// `audit_state(id = 1, seq, hash, mac_key)`. The store sees only opaque bytes; it checks no MAC.
class AuditStore
{
public:
    virtual ~AuditStore() = default;

    /// Creates the state row of a new clinic. Errors: AlreadyExists (a state row exists),
    /// StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status initialise(const AuditState& initial) = 0;

    /// In one transaction: inserts `record` and replaces the state row by `newState` (overwriting
    /// the previous key; the database runs with secure_delete). Nothing is written on failure.
    /// Errors: AlreadyExists (the stored state's seq is not record.seq - 1, or the seq is taken:
    /// another writer was first), NotFound (no state row), StorageFull, StorageReadOnly,
    /// StorageBusy, StorageError.
    [[nodiscard]] virtual Status append(const AuditRecord& record, const AuditState& newState) = 0;

    /// The state row. Errors: NotFound (not initialised), StorageError.
    [[nodiscard]] virtual Result<AuditState> state() const = 0;

    /// Up to `maxCount` records with seq >= firstSeq, in ascending seq order, as stored (no
    /// check). Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<AuditRecord>> read(std::uint64_t firstSeq, std::size_t maxCount) const = 0;

    /// Number of stored records. Errors: StorageError.
    [[nodiscard]] virtual Result<std::uint64_t> count() const = 0;

    /// True while append() would write inside a transaction the caller opened: the records become
    /// durable only when that transaction commits (the default: never, every append commits).
    [[nodiscard]] virtual bool insideTransaction() const { return false; }
    /// Sets the one listener told when the caller's transaction ends (true: committed, false: rolled
    /// back), so the writer anchors an event only once it is durable. nullptr removes it.
    virtual void setCommitListener(std::function<void(bool committed)> listener) { (void)listener; }
    /// Removes overwritten MAC keys from every file of the store (SQLCipher in WAL mode: a
    /// TRUNCATE checkpoint, so older audit_state pages do not survive as WAL frames).
    /// Errors: StorageBusy (a reader holds the log; the next call retries), storage errors.
    [[nodiscard]] virtual Status purgeOverwritten() { return {}; }
};

} // namespace cc::audit
