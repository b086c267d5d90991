// SPDX-License-Identifier: GPL-3.0-or-later
// Port: the sealed recovery ring's file (recovery.ccr) and the one that replaces it at a re-issue of
// the recovery shares (docs/KEYS.md 8, "Re-issuing the shares").
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cc::ports {

/// The recovery ring as the folder holds it: the current file and, between the two steps of a
/// re-issue (or after a crash between them), the staged file that replaces it. Which one the
/// clinic's database names (meta `recovery`, key id and check value) is the service's question.
struct RecoveryRingFiles
{
    std::vector<std::uint8_t> current;                ///< recovery.ccr
    std::optional<std::vector<std::uint8_t>> pending; ///< recovery.ccr.next, if present
};

/// Reads and replaces recovery.ccr without the database (a recovery runs before anyone logs in).
/// The order of a re-issue: stage() the new file, commit the database's new record, promote().
class RecoveryRingStore
{
public:
    virtual ~RecoveryRingStore() = default;
    /// Both files. Errors: NotFound (no recovery.ccr), MalformedInput (a file too large to be a
    /// sealed ring), StorageError.
    [[nodiscard]] virtual Result<RecoveryRingFiles> load() const = 0;
    /// Writes `sealed` as the pending file (mode 0600, atomically, synced), replacing an earlier
    /// pending file. Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status stage(std::span<const std::uint8_t> sealed) = 0;
    /// Renames the pending file over recovery.ccr and syncs the folder. Errors: NotFound (nothing
    /// staged), StorageError.
    [[nodiscard]] virtual Status promote() = 0;
    /// Removes the pending file, if any. Errors: StorageError.
    [[nodiscard]] virtual Status discard() = 0;
};

} // namespace cc::ports
