// SPDX-License-Identifier: GPL-3.0-or-later
// Port: the clinic's non-PHI bookkeeping values inside the encrypted database (table `meta`).
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cc::ports {

/// Names used by the services (values are opaque bytes; never PHI, never a secret key).
namespace meta {
inline constexpr std::string_view kClinicId = "clinic_id";                   ///< 16 bytes
inline constexpr std::string_view kClinicName = "clinic_name";               ///< UTF-8
inline constexpr std::string_view kCreatedAt = "created_at";                 ///< decimal Unix seconds
inline constexpr std::string_view kKeySlotGeneration = "keyslot_generation"; ///< decimal; last generation seen
inline constexpr std::string_view kIdleTimeoutMinutes = "idle_timeout_minutes";
inline constexpr std::string_view kSigningPublicKey = "signing_public_key"; ///< Ed25519, 32 bytes
inline constexpr std::string_view kReportPublicKey = "report_public_key";   ///< Paillier JWK (JSON)
inline constexpr std::string_view kReportThreshold = "report_threshold"; ///< JSON: t, l, custodians, verification keys
inline constexpr std::string_view kRecovery = "recovery";                ///< JSON: k, n, key id, check value
inline constexpr std::string_view kKeyVersions = "key_versions";         ///< JSON: per kind id, version, created
inline constexpr std::string_view kAuditWitness = "audit_witness";       ///< "host:port" of the syslog collector
/// JSON {raisedAtMs, problem} while a tamper alarm is raised; empty once an administrator examined it.
inline constexpr std::string_view kTamperAlarm = "tamper_alarm";
} // namespace meta

/// Named values in the database's `meta` table.
class ClinicMetaStore
{
public:
    virtual ~ClinicMetaStore() = default;
    /// The value, or nullopt if not set. Errors: StorageError.
    [[nodiscard]] virtual Result<std::optional<std::vector<std::uint8_t>>> get(std::string_view name) const = 0;
    /// Sets (inserts or replaces) a value. Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status set(std::string_view name, std::span<const std::uint8_t> value) = 0;
};

} // namespace cc::ports
