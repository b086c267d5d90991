// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic folder: where each file of one clinic lives, and its small non-secret descriptor clinic.json.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/ports/ClinicBackend.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace cc::db {

/// What clinic.json says about a clinic (the port's struct): non-secret and not PHI. It lets a
/// front end name the clinic and check the other files belong to it before anyone has logged in.
/// name: UTF-8, 1-100 characters, no control characters; createdAt: Unix seconds (bookkeeping of
/// the folder, not a clinical date).
using ClinicDescriptor = ports::ClinicDescriptor;

/// The paths of one clinic's files (docs/STORAGE.md, "The clinic folder"), the folder's creation
/// and clinic.json. Holds only a path: cheap to copy.
class ClinicFolder
{
public:
    static constexpr std::string_view kDatabaseFile = "clinic.db";
    static constexpr std::string_view kKeySlotFile = "keyslots.ccks";
    static constexpr std::string_view kAnchorFile = "audit.anchor";
    static constexpr std::string_view kLockFile = "clinic.lock";
    static constexpr std::string_view kDescriptorFile = "clinic.json";
    static constexpr std::string_view kPendingAuditFile = "pending-audit.log";
    static constexpr std::string_view kRecoveryFile = "recovery.ccr";
    static constexpr std::string_view kPortalFolder = "portal";
    /// The clinic.json format this code writes and reads.
    static constexpr int kDescriptorFormat = 1;
    /// Longest clinic name, in characters (Unicode code points).
    static constexpr std::size_t kMaxNameLength = 100;
    /// clinic.json is a few hundred bytes; anything much larger is not ours.
    static constexpr std::size_t kMaxDescriptorSize = 4096;

    /// A folder at `dir` (not touched until create() or a read).
    explicit ClinicFolder(std::string dir);

    /// The folder itself.
    [[nodiscard]] const std::string& dir() const noexcept { return m_dir; }
    /// `<dir>/clinic.db`, the SQLCipher database.
    [[nodiscard]] std::string databasePath() const { return file(kDatabaseFile); }
    /// `<dir>/keyslots.ccks`, the key-slot file.
    [[nodiscard]] std::string keySlotPath() const { return file(kKeySlotFile); }
    /// `<dir>/audit.anchor`, the audit chain's anchor.
    [[nodiscard]] std::string anchorPath() const { return file(kAnchorFile); }
    /// `<dir>/clinic.lock`, locked by the running instance.
    [[nodiscard]] std::string lockPath() const { return file(kLockFile); }
    /// `<dir>/clinic.json`, the descriptor.
    [[nodiscard]] std::string descriptorPath() const { return file(kDescriptorFile); }
    /// `<dir>/pending-audit.log`, failed logins waiting to enter the audit chain.
    [[nodiscard]] std::string pendingAuditPath() const { return file(kPendingAuditFile); }
    /// `<dir>/recovery.ccr`, the recovery key's wrapped key ring.
    [[nodiscard]] std::string recoveryPath() const { return file(kRecoveryFile); }
    /// `<dir>/portal`, the patients' sealed portal files and outbox messages (docs/PORTAL.md).
    [[nodiscard]] std::string portalPath() const { return file(kPortalFolder); }

    /// Prepares the folder for a new clinic: creates it with mode 0700 (its parent must exist), or
    /// accepts an existing folder that holds no clinic. Errors: AlreadyExists (clinic.db or
    /// keyslots.ccks present), InvalidArgument (empty path, or the path is not a folder),
    /// NotFound (the parent folder is missing), StorageReadOnly, StorageFull, StorageError.
    [[nodiscard]] Status create() const;

    /// Reads and strictly parses clinic.json. Errors: NotFound (not a clinic folder),
    /// MalformedInput naming clinic.json and the field, Unsupported (another format number), StorageError.
    [[nodiscard]] Result<ClinicDescriptor> readDescriptor() const;
    /// Validates `descriptor` and writes clinic.json atomically (mode 0600). Errors:
    /// InvalidArgument (bad name or time), StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] Status writeDescriptor(const ClinicDescriptor& descriptor) const;

    /// The canonical text of clinic.json (indented JSON, keys sorted, LF at the end).
    /// Errors: InvalidArgument (as validateDescriptor).
    [[nodiscard]] static Result<std::string> encodeDescriptor(const ClinicDescriptor& descriptor);
    /// Parses clinic.json text strictly: exactly the keys format, clinicId, name, demo, createdAt
    /// with their types, in canonical form (so duplicate keys cannot hide). `fileName` goes into
    /// errors. Errors: MalformedInput (file and field named), Unsupported (format not 1).
    [[nodiscard]] static Result<ClinicDescriptor> parseDescriptor(std::string_view text, const std::string& fileName);
    /// Checks a clinic name: 1-100 characters of valid UTF-8, no control characters.
    /// Errors: InvalidArgument naming the problem (never echoing the name).
    [[nodiscard]] static Status validateName(std::string_view name);

private:
    [[nodiscard]] std::string file(std::string_view name) const;

    std::string m_dir;
};

} // namespace cc::db
