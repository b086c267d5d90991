// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring access with the recovery key when passwords are lost (DESIGN.md section 4, docs/KEYS.md 8).
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/Role.h"
#include "core/audit/AuditEvent.h"
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

/// What a re-issue of the recovery shares did. `shares` are the new printed shares (secret: show
/// or print them, one per custodian, then let them go).
struct ReissueResult
{
    unsigned threshold = 0;             ///< k of the new set
    std::vector<std::string> shares;    ///< the n new shares, encoded for printing (share 1 first)
    std::uint32_t keyId = 0;            ///< the new recovery key's id
    std::uint32_t previousKeyId = 0;    ///< the key id the old set opened
    unsigned version = 0;               ///< the new recovery key version (key status page)
    std::vector<unsigned> shareIndexes; ///< which old shares were used
    std::size_t keysUpdated = 0;        ///< rotated keys found waiting for the recovery ring
    std::string warning;                ///< non-empty if recovery.ccr could not be replaced yet (the new set works)
};

/// What the clinic's database records of its recovery ring: meta `recovery` (key id, k, n, check
/// value) and the `RecoveryKey` entry of meta `key_versions` (compact JSON). Not secret.
struct RecoveryRecord
{
    std::vector<std::uint8_t> record; ///< empty: the clinic has none
    std::string version;              ///< empty: no key_versions entry
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

    /// Replaces the printed recovery shares: k of the current shares open the recovery ring (as
    /// for recover(), and the database's check value must match), the same ring is sealed under a
    /// new recovery key, that key is split `threshold` of `count`, and recovery.ccr and the
    /// database's record (meta `recovery`, key versions) are replaced together: the new file is
    /// staged beside the old one, the record and the audit event commit in one transaction, then
    /// the new file is renamed into place (a crash in between is finished by the next recovery or
    /// re-issue, which try both files). The old shares open nothing in this folder afterwards.
    /// They still open any copy of the old recovery.ccr, and the ring keeps its box key, so such a
    /// copy with k old shares also opens the rotations posted to the recovery ring later: a
    /// re-issue replaces paper, it does not revoke old shares held together with an old
    /// recovery.ccr (docs/KEYS.md 8, "What a re-issue does not do").
    /// `requestedBy` names who asked (1-100 characters), for the audit event. Nobody is logged in.
    /// Errors: InvalidArgument (a session is open, thresholds outside 2 <= k <= n <= 255, bad
    /// name, the shares as for recover()), MalformedInput, KeyMismatch, IntegrityFailure,
    /// Unsupported (a backend without recovery files), storage errors.
    [[nodiscard]] Result<ReissueResult> reissue(const std::vector<std::string>& shares, unsigned threshold,
                                                unsigned count, const std::string& requestedBy);

    /// The open database's record of its recovery ring. Errors: storage errors.
    [[nodiscard]] static Result<RecoveryRecord> readRecord(ports::ClinicMetaStore& meta);
    /// Replaces the open database's record by `record` in one transaction. A restore calls it: the
    /// folder keeps its recovery.ccr (backups hold none), so the restored database must keep
    /// naming it. Errors: storage errors.
    [[nodiscard]] static Status writeRecord(ports::ClinicBackend& backend, const RecoveryRecord& record);

private:
    struct OpenedRing;
    Result<OpenedRing> openRing(std::span<const std::uint8_t> recoveryBlob, const std::vector<std::string>& shares);
    Status settlePending(const OpenedRing& opened);
    Result<ReissueResult> reissueUnaudited(const std::vector<std::string>& shares, unsigned threshold, unsigned count,
                                           const std::string& requestedBy);
    Status recordReissue(const std::string& requestedBy, const Result<ReissueResult>& outcome);
    [[nodiscard]] audit::AuditEvent securityEvent(const std::string& userName, std::string objectType) const;
    /// Into the chain when the database is open, else the pending-audit log as `pendingKind`
    /// ("recovery-failed", "reissue-failed"; imported at the next login, flagged for review).
    Status recordAttempt(const std::string& userName, audit::AuditEvent event, std::string_view pendingKind);
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
