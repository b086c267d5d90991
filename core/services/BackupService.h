// SPDX-License-Identifier: GPL-3.0-or-later
// Backup and restore of a whole clinic: signed manifest, sealed payload, verify-then-swap (docs/BACKUP.md).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/services/ClinicService.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc::services {

/// One member of a backup: its size and SHA-256 (lower-case hex).
struct BackupMember
{
    std::string name; ///< keySlots, wrappedKey, payload (stored); database, anchor, descriptor (sealed)
    std::uint64_t size = 0;
    std::string sha256;
};

/// The signed, unencrypted description of a backup. Never PHI, never a secret.
struct BackupManifest
{
    int format = 1;
    std::string backupId; ///< 32 hex digits, random
    std::string clinicId; ///< 32 hex digits
    std::string clinicName;
    std::int64_t createdAtMs = 0;
    std::string createdBy; ///< the administrator's account name
    int schemaVersion = 0;
    std::uint64_t keySlotGeneration = 0;
    std::uint64_t auditHeadSeq = 0;
    std::string signer; ///< the clinic signing key's Ed25519 public key, 64 hex digits
    std::vector<BackupMember> members;

    /// The member called `name`, or nullptr.
    [[nodiscard]] const BackupMember* member(std::string_view name) const noexcept;
};

/// What inspect() learnt about a backup file.
struct BackupInspection
{
    BackupManifest manifest;
    /// True if the manifest is signed by this clinic's signing key (meta signing_public_key);
    /// false if only by the key the manifest itself names (another clinic, or no clinic given).
    bool signedByThisClinic = false;
};

/// How restore() may proceed.
struct RestoreOptions
{
    /// Accept a backup signed by another clinic's key (the manifest's own key is then trusted).
    bool allowOtherClinic = false;
    /// Name and password of an account in the backup's key slots, needed when the live DBK
    /// cannot open the backup (another clinic, or the DBK was rotated since).
    std::string backupUser;
    crypto::SecureBytes backupPassword;
};

/// Backup and restore for the logged-in administrator. Each call checks Permission::Backup or
/// Permission::Restore and writes exactly one audit event, denials and failures included.
class BackupService
{
public:
    /// Largest backup file read or written (the whole backup is held in memory).
    static constexpr std::size_t kMaxBackupSize = std::size_t{300} << 20;

    explicit BackupService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Writes a new backup of the clinic to `outPath` (never replacing a file): the database
    /// exported with sqlcipher_export() under a fresh key, the key slots, the audit anchor and
    /// clinic.json, with a manifest signed by the clinic signing key. Returns the manifest.
    /// Errors: AccessDenied, SessionLocked, KeyMismatch (no signing key or DBK in the ring),
    /// AlreadyExists, Unsupported (backend cannot back up), StorageFull, storage errors.
    [[nodiscard]] Result<BackupManifest> create(const std::string& outPath);

    /// Reads a backup and verifies its manifest signature and the signed hashes of the members
    /// stored in the clear (key slots, wrapped key, sealed payload), without decrypting anything.
    /// Errors: AccessDenied, MalformedInput (structure, naming the field), Unsupported (format),
    /// IntegrityFailure (signature, or a member naming itself), NotFound, storage errors.
    [[nodiscard]] Result<BackupInspection> inspect(const std::string& path);

    /// Verifies everything (structure, signature, clinic, member hashes, tags, the database copy's
    /// clinic id and integrity_check) before touching the live clinic; then records the restore in
    /// the live trail, logs the session out and swaps the files atomically. The restored clinic
    /// needs a new login. Errors: AccessDenied, MalformedInput, Unsupported, IntegrityFailure
    /// (naming the member or the signature), KeyMismatch (another clinic's backup without
    /// allowOtherClinic, or a backup the live DBK cannot open and no working backup password),
    /// WrongPassword, AlreadyExists (restored here before), storage errors.
    [[nodiscard]] Result<BackupManifest> restore(const std::string& path, const RestoreOptions& options);

    /// Runs every check of restore() (structure, signature, clinic, member hashes, the tags, the
    /// staged database copy's integrity_check and clinic id) and then discards the staged copy:
    /// the live clinic is not touched. Permission::Restore; one audit event. Errors as restore(),
    /// except AlreadyExists.
    [[nodiscard]] Result<BackupManifest> verify(const std::string& path, const RestoreOptions& options);

    /// SHA-256 (64 hex digits) of the manifest in its compact, signed encoding: what a person
    /// compares between the GUI, the CLI and a note made when the backup was created.
    [[nodiscard]] static std::string manifestFingerprint(const BackupManifest& manifest);

    /// Parses a backup file's bytes and checks the manifest signature against the key the
    /// manifest names (self-consistency only: it proves nothing about who made it) and the stored
    /// members against their signed hashes. For `backup inspect` without a clinic. Errors:
    /// MalformedInput, Unsupported, IntegrityFailure (signature, or naming the member).
    [[nodiscard]] static Result<BackupManifest> inspectBytes(std::span<const std::uint8_t> bytes);

    /// The manifest as pretty JSON (for the CLI and docs).
    [[nodiscard]] static std::string manifestJson(const BackupManifest& manifest);

    /// Records, once, the restore a crash interrupted that the clinic folder's opening settled
    /// (ports::BackupStorage::takeInterruptedRestore): a flagged Security Alert saying which,
    /// finished (the clinic holds the backup; the restored trail may lack the restore's own event)
    /// or abandoned (the clinic is as it was). ClinicService::login calls it after the login event
    /// of a staff session. Errors: those of recording (the notice is then lost from the trail;
    /// the front ends have already shown it).
    [[nodiscard]] static Status recordInterruptedRestore(ClinicService& clinic);

private:
    /// restore()'s checks up to and including the staged copy; sets `otherClinic` when the
    /// manifest's own key was trusted. Reads only the backup file, writes only the staging folder.
    /// `stagedDbk`, if given, receives the DBK that the staged key slots hold.
    Result<BackupManifest> stage(const std::string& path, const RestoreOptions& options, bool& otherClinic,
                                 crypto::SecureBytes* stagedDbk = nullptr);

    ClinicService& m_clinic;
};

} // namespace cc::services
