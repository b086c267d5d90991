// SPDX-License-Identifier: GPL-3.0-or-later
// Port: audit events that happen before anyone holds the database key (failed logins, lock-outs).
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cc::ports {

/// One event waiting to enter the audit chain. No password and no PHI: a user name, a time, a kind.
struct PendingAuditEntry
{
    std::int64_t timeMs = 0;
    std::string userName;
    std::string workstation;
    std::string kind;     ///< "login-failed", "account-locked", "account-suspended", "unknown-account"
    bool damaged = false; ///< the stored line did not parse; `line` says which
    long line = 0;
};

/// An append-only side file, imported into the chain at the next successful login. Unauthenticated
/// by necessity (nobody holds a key before login): whoever can edit the folder can delete entries.
class PendingAuditLog
{
public:
    virtual ~PendingAuditLog() = default;
    /// Appends one entry durably. Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status append(const PendingAuditEntry& entry) = 0;
    /// Every stored entry, damaged ones marked. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<PendingAuditEntry>> readAll() const = 0;
    /// Removes every entry (after they were recorded in the chain). Errors: StorageError.
    [[nodiscard]] virtual Status clear() = 0;
};

} // namespace cc::ports
