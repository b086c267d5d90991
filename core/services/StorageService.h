// SPDX-License-Identifier: GPL-3.0-or-later
// Maintenance of the clinic database's storage format: moving a clinic created with SQLCipher's
// 4 KB pages to the larger pages every new file gets (docs/STORAGE.md, "Page size").
#pragma once

#include "core/Result.h"

namespace cc::services {

class ClinicService;

/// What upgradePageSize() found and did.
struct PageSizeUpgrade
{
    int before = 0;         ///< page size in bytes before (0: the backend has no pages)
    int after = 0;          ///< page size in bytes now
    bool rewritten = false; ///< false: already at the current size, nothing written
};

class StorageService
{
public:
    explicit StorageService(ClinicService& clinic) : m_clinic(clinic) {}
    /// Rewrites the database at the current page size if it has an older one (administrator,
    /// ManageKeys: the file is rewritten under the clinic's DBK, as a DBK rotation does). The rows,
    /// the key and the audit trail are unchanged; the copy is checked (integrity_check) before it
    /// replaces the file atomically. One audit event (Security Alert, security configuration), also
    /// when nothing needed doing. The whole file is read and written once: minutes for a clinic of
    /// several GB, with as much free disk space as the database takes.
    /// Errors: AccessDenied, SessionLocked, StorageBusy, IntegrityFailure, StorageFull, storage errors.
    [[nodiscard]] Result<PageSizeUpgrade> upgradePageSize();

private:
    ClinicService& m_clinic;
};

} // namespace cc::services
