// SPDX-License-Identifier: GPL-3.0-or-later
// Port: one open clinic as the services see it. db/ implements it over the clinic folder.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/audit/AnchorSink.h"
#include "core/crypto/SecureBytes.h"
#include "core/ports/AuditStore.h"
#include "core/ports/CareTeamStore.h"
#include "core/ports/ClinicMetaStore.h"
#include "core/ports/KeySlotStore.h"
#include "core/ports/PendingAuditLog.h"
#include "core/ports/StorageTransaction.h"

#include <string>

namespace cc::ports {

/// Non-secret facts about a clinic, readable before login.
struct ClinicDescriptor
{
    access::ClinicId clinicId{};
    std::string name;
    bool demo = false;
    std::int64_t createdAt = 0;
};

/// Database maintenance the services need for keys and backups. Secrets pass in wiped memory only.
class DatabaseMaintenance
{
public:
    virtual ~DatabaseMaintenance() = default;
    /// SQLCipher rekey to `newKey`. Errors: StorageBusy, StorageError, IntegrityFailure.
    [[nodiscard]] virtual Status rekey(const crypto::SecureBytes& newKey) = 0;
    /// sqlcipher_export into a new file at `path` under `key`. Errors: AlreadyExists, StorageFull, StorageError.
    [[nodiscard]] virtual Status exportTo(const std::string& path, const crypto::SecureBytes& key) = 0;
};

/// The clinic: before login only the key slots, the descriptor and the pending audit log are
/// reachable; after openDatabase() with the DBK from a key ring, everything else.
class ClinicBackend
{
public:
    virtual ~ClinicBackend() = default;
    [[nodiscard]] virtual const ClinicDescriptor& descriptor() const = 0;
    [[nodiscard]] virtual KeySlotStore& keySlots() = 0;
    [[nodiscard]] virtual PendingAuditLog& pendingAudit() = 0;
    /// Opens the encrypted database. Errors: KeyMismatch (wrong key or foreign database),
    /// IntegrityFailure, Unsupported (newer schema), StorageError.
    [[nodiscard]] virtual Status openDatabase(const crypto::SecureBytes& dbk) = 0;
    /// Closes the database (idle lock, logout); the folder stays locked by this instance.
    virtual void closeDatabase() = 0;
    [[nodiscard]] virtual bool databaseOpen() const = 0;
    // The following require databaseOpen().
    [[nodiscard]] virtual ClinicMetaStore& meta() = 0;
    [[nodiscard]] virtual CareTeamStore& careTeams() = 0;
    [[nodiscard]] virtual audit::AuditStore& auditStore() = 0;
    [[nodiscard]] virtual audit::AnchorSink& anchors() = 0;
    [[nodiscard]] virtual TransactionFactory& transactions() = 0;
    [[nodiscard]] virtual DatabaseMaintenance& maintenance() = 0;
};

} // namespace cc::ports
