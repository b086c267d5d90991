// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring access with the recovery key when passwords are lost (DESIGN.md section 4, docs/KEYS.md 8).
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/Role.h"
#include "core/crypto/Rng.h"
#include "core/crypto/ShareEncoding.h"
#include "core/ports/ClinicBackend.h"
#include "core/services/ServiceOptions.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::services {

/// What a recovery did (never a key).
struct RecoveryResult
{
    std::string accountName;
    access::Role role = access::Role::Administrator;
    std::string userId;                 ///< 32 hex digits
    bool created = false;               ///< true: a new administrator account; false: an existing slot re-issued
    std::size_t keysUpdated = 0;        ///< rotated keys the recovery ring took from the key-update mailbox
    std::vector<unsigned> shareIndexes; ///< which printed shares were used
};

/// Opens the sealed recovery ring (recovery.ccr) with k of the n printed recovery shares and gives
/// one account a new slot with a temporary password, without anyone's password. Runs before any
/// login (the database must be closed); writes exactly one audit event: into the chain when the
/// recovery key opened the database, into the pending-audit log when it did not.
class RecoveryService
{
public:
    /// `backend`, `clock` and `rng` must outlive the service.
    RecoveryService(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng, ServiceOptions options);

    /// Checks one typed share (CRC-32 against typing mistakes, format, threshold and index) without
    /// combining anything: for feedback as each share is typed. Errors: MalformedInput naming
    /// what is wrong (a checksum mismatch means a character was mistyped).
    [[nodiscard]] static Result<crypto::DecodedShare> checkShare(std::string_view text);

    /// Combines `shares` (their printed text; at least the threshold they were printed with, all
    /// from the same set), opens `recoveryBlob` (the bytes of recovery.ccr), applies the rotated
    /// keys waiting for the recovery ring, verifies the key-slot file MAC and the database's
    /// recovery check value, then re-issues the slot of `accountName` (an administrator or doctor
    /// who is not a report-key custodian) with `temporaryPassword`, or creates a new administrator
    /// of that name if no account has it. The user must change the password at first login.
    /// Errors: InvalidArgument (a session is open, too few shares, mixed sets, short password,
    /// bad name), MalformedInput (a share, naming which), KeyMismatch (the shares do not open this
    /// clinic's recovery ring), Unsupported (a patient account or a custodian: their keys are not
    /// in the recovery ring), AccountDisabled (a disabled account), IntegrityFailure (key-slot
    /// file or recovery check value), storage errors.
    [[nodiscard]] Result<RecoveryResult> recover(std::span<const std::uint8_t> recoveryBlob,
                                                 const std::vector<std::string>& shares, const std::string& accountName,
                                                 std::span<const std::uint8_t> temporaryPassword);

private:
    Result<RecoveryResult> recoverUnaudited(std::span<const std::uint8_t> recoveryBlob,
                                            const std::vector<std::string>& shares, const std::string& accountName,
                                            std::span<const std::uint8_t> temporaryPassword);
    Status recordOutcome(const std::string& accountName, const Result<RecoveryResult>& outcome);

    ports::ClinicBackend& m_backend;
    const Clock& m_clock;
    crypto::Rng& m_rng;
    ServiceOptions m_options;
    bool m_databaseOpened = false;
};

} // namespace cc::services
