// SPDX-License-Identifier: GPL-3.0-or-later
// The file side of backup and restore for one clinic folder: export, staging, the journalled swap.
#pragma once

#include "core/Result.h"
#include "core/ports/ClinicBackend.h"
#include "db/ClinicFolder.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace cc::db {

class Database;

/// Implements ports::BackupStorage over a clinic folder (docs/BACKUP.md). Holds references to the
/// owning ClinicStore's folder, descriptor and database pointer, which must outlive it.
/// Staging lives in `<dir>/restore-staging/`; the swap is journalled in `<dir>/restore.journal`
/// and keeps the replaced files in `<dir>/pre-restore-<label>/`.
class BackupArchive final : public ports::BackupStorage
{
public:
    static constexpr std::string_view kStagingFolder = "restore-staging";
    static constexpr std::string_view kJournalFile = "restore.journal";
    /// What an opening settled of an interrupted restore, kept until a staff login records it.
    static constexpr std::string_view kSettledFile = "restore.settled";
    static constexpr std::string_view kPreRestorePrefix = "pre-restore-";

    /// `database` is the store's current connection (null while closed).
    BackupArchive(const ClinicFolder& folder, ClinicDescriptor& descriptor,
                  const std::unique_ptr<Database>& database) noexcept;

    /// See ports::BackupStorage. Needs the database open.
    [[nodiscard]] Result<std::vector<std::uint8_t>> exportDatabase(const crypto::SecureBytes& exportKey) override;
    /// See ports::BackupStorage. Needs the database open.
    [[nodiscard]] Result<int> schemaVersion() override;
    /// See ports::BackupStorage.
    [[nodiscard]] Result<std::vector<std::uint8_t>> descriptorBytes() const override;
    /// See ports::BackupStorage.
    [[nodiscard]] Status writeNewFile(const std::string& path, std::span<const std::uint8_t> data) override;
    /// See ports::BackupStorage.
    [[nodiscard]] Result<std::vector<std::uint8_t>> readFile(const std::string& path,
                                                             std::size_t maxSize) const override;
    /// See ports::BackupStorage.
    [[nodiscard]] Status stageRestore(const ports::RestoreFiles& files, const crypto::SecureBytes& exportKey,
                                      const crypto::SecureBytes& dbk, const access::ClinicId& expectedClinic) override;
    /// See ports::BackupStorage.
    void discardStagedRestore() noexcept override;
    /// See ports::BackupStorage. Needs the database closed.
    [[nodiscard]] Status commitRestore(const std::string& label) override;
    /// See ports::BackupStorage.
    [[nodiscard]] Status finishRestore() override;
    /// See ports::BackupStorage.
    [[nodiscard]] std::optional<ports::InterruptedRestore> takeInterruptedRestore() override
    {
        return std::exchange(m_interrupted, std::nullopt);
    }
    /// See ports::BackupStorage.
    [[nodiscard]] Status interruptedRestoreRecorded() override;

    /// Called by ClinicStore::openFolder under the clinic lock, before anything else is read: if a
    /// journal is present, finishes the interrupted swap (roll forward: the journal is written only
    /// after everything was verified and staged durably) and removes the journal (Finished, with
    /// the journal's label); a staging folder without a journal is a restore that never started
    /// its swap and is removed (Abandoned). Either is written to `restore.settled` first, and a
    /// `restore.settled` left by an earlier opening is read back, so it is said until a staff login
    /// has recorded it (interruptedRestoreRecorded); nothing: nullopt. Errors: MalformedInput
    /// (journal or settled file damaged), StorageError (a rename failed; the folder is left for
    /// the administrator).
    [[nodiscard]] static Result<std::optional<ports::InterruptedRestore>>
    recoverInterruptedRestore(const ClinicFolder& folder);
    /// What the opening settled, until a staff login takes it (front ends show it before login).
    [[nodiscard]] const std::optional<ports::InterruptedRestore>& interruptedRestore() const noexcept
    {
        return m_interrupted;
    }
    /// Remembers what the opening settled, for takeInterruptedRestore().
    void setInterruptedRestore(std::optional<ports::InterruptedRestore> found) { m_interrupted = std::move(found); }

private:
    const ClinicFolder& m_folder;
    ClinicDescriptor& m_descriptor;
    const std::unique_ptr<Database>& m_database;
    std::optional<ports::InterruptedRestore> m_interrupted;
};

} // namespace cc::db
