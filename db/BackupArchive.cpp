// SPDX-License-Identifier: GPL-3.0-or-later
// Backup export, restore staging and the journalled swap of a clinic folder's files (docs/BACKUP.md).
#include "db/BackupArchive.h"

#include "core/ports/ClinicMetaStore.h"
#include "db/AtomicFile.h"
#include "db/Database.h"
#include "db/FileSystem.h"
#include "db/SqlClinicMetaStore.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace cc::db {

namespace {

/// Larger exports are refused: the backup service holds a backup in memory (docs/BACKUP.md, limits).
constexpr std::size_t kMaxExportSize = std::size_t{256} << 20;
constexpr std::string_view kJournalHeader = "cipherchart-restore-journal 1\n";

/// The files a restore replaces, in swap order: the database's side files first, so an old
/// write-ahead log can never end up beside the new database.
constexpr std::string_view kSwapOrder[] = {"clinic.db-wal", "clinic.db-shm", "clinic.db",
                                           "keyslots.ccks", "audit.anchor",  "clinic.json"};

std::string join(const std::string& dir, std::string_view name)
{
    return dir + "/" + std::string(name);
}

std::string stagingDir(const ClinicFolder& folder)
{
    return join(folder.dir(), BackupArchive::kStagingFolder);
}

std::string preRestoreDir(const ClinicFolder& folder, const std::string& label)
{
    return join(folder.dir(), std::string(BackupArchive::kPreRestorePrefix) + label);
}

bool validLabel(const std::string& label)
{
    return !label.empty() && label.size() <= 64 && std::all_of(label.begin(), label.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-';
    });
}

void removeTree(const std::string& dir) noexcept
{
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

void removeDatabaseFiles(const std::string& path) noexcept
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink((path + suffix).c_str());
}

Status makePrivateDir(const std::string& dir)
{
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST)
            return makeError(ErrorCode::AlreadyExists, "a folder already exists at " + dir);
        return detail::writeErrnoError(errno, "cannot create the folder", dir);
    }
    return detail::syncFolderOf(dir);
}

Status syncFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return detail::writeErrnoError(errno, "cannot open to sync", path);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return detail::writeErrnoError(err, "cannot sync", path);
    return {};
}

Status renameFile(const std::string& from, const std::string& to)
{
    if (std::rename(from.c_str(), to.c_str()) != 0)
        return detail::writeErrnoError(errno, "cannot move a file during the restore swap", to);
    return {};
}

/// The idempotent swap: every step checks what is already done, so a crash at any point is
/// finished by running it again from the journal.
Status rollForward(const ClinicFolder& folder, const std::string& label)
{
    const std::string staging = stagingDir(folder);
    const std::string kept = preRestoreDir(folder, label);
    if (!detail::pathExists(kept))
        CC_TRY(makePrivateDir(kept));
    for (std::string_view name : kSwapOrder) {
        const std::string live = join(folder.dir(), name);
        const std::string staged = join(staging, name);
        const std::string old = join(kept, name);
        const bool sideFile = name != "clinic.db" && name.starts_with("clinic.db");
        // Move the live file aside unless the staged one already replaced it (staged file gone).
        if (detail::pathExists(live) && !detail::pathExists(old) && (sideFile || detail::pathExists(staged)))
            CC_TRY(renameFile(live, old));
        if (detail::pathExists(staged)) {
            if (detail::pathExists(live))
                return makeError(ErrorCode::StorageError, "the restore swap found " + live +
                                                              " where it expected none; the folder needs an "
                                                              "administrator (see docs/BACKUP.md)");
            CC_TRY(renameFile(staged, live));
        }
    }
    CC_TRY(detail::syncFolderOf(join(kept, "x")));
    CC_TRY(detail::syncFolderOf(join(folder.dir(), "x")));
    removeTree(staging);
    return {};
}

constexpr std::string_view kSettledFinished = "finished ";
constexpr std::string_view kSettledAbandoned = "abandoned";

/// Writes what the opening settled, durably, before the journal or the staging that tells it goes.
Status writeSettled(const ClinicFolder& folder, const ports::InterruptedRestore& settled)
{
    const std::string text =
        (settled.outcome == ports::InterruptedRestore::Outcome::Finished ? std::string(kSettledFinished) + settled.label
                                                                         : std::string(kSettledAbandoned)) +
        "\n";
    return writeFileAtomically(join(folder.dir(), BackupArchive::kSettledFile),
                               std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), 0600);
}

/// What an earlier opening settled and no staff login has recorded yet, or nullopt.
Result<std::optional<ports::InterruptedRestore>> readSettled(const ClinicFolder& folder)
{
    const std::string path = join(folder.dir(), BackupArchive::kSettledFile);
    if (!detail::pathExists(path))
        return std::optional<ports::InterruptedRestore>{};
    const ports::InterruptedRestore unknown{ports::InterruptedRestore::Outcome::Unknown, {}};
    auto bytes = db::readFile(path, 256);
    if (!bytes && bytes.error().code == ErrorCode::MalformedInput)
        return std::optional<ports::InterruptedRestore>{unknown}; // oversized: damaged, as below
    CC_TRY(bytes);
    const std::string text(bytes->begin(), bytes->end());
    if (text == std::string(kSettledAbandoned) + "\n")
        return std::optional<ports::InterruptedRestore>{
            ports::InterruptedRestore{ports::InterruptedRestore::Outcome::Abandoned, {}}};
    if (text.starts_with(kSettledFinished) && text.back() == '\n') {
        const std::string label = text.substr(kSettledFinished.size(), text.size() - kSettledFinished.size() - 1);
        if (validLabel(label))
            return std::optional<ports::InterruptedRestore>{
                ports::InterruptedRestore{ports::InterruptedRestore::Outcome::Finished, label}};
    }
    // The record carries only what to say: a damaged one must not keep the clinic shut (the
    // journal and the staging, which decide the files, were settled before it was written). Said
    // as unknown, recorded flagged by the next staff login, then removed like any other.
    return std::optional<ports::InterruptedRestore>{unknown};
}

/// The last step of a restore: without the journal, the next opening has nothing to finish.
Status removeJournal(const ClinicFolder& folder)
{
    if (::unlink(join(folder.dir(), BackupArchive::kJournalFile).c_str()) != 0 && errno != ENOENT)
        return detail::writeErrnoError(errno, "cannot remove the restore journal", folder.dir());
    return detail::syncFolderOf(join(folder.dir(), "x"));
}

} // namespace

BackupArchive::BackupArchive(const ClinicFolder& folder, ClinicDescriptor& descriptor,
                             const std::unique_ptr<Database>& database) noexcept
    : m_folder(folder), m_descriptor(descriptor), m_database(database)
{}

Result<std::vector<std::uint8_t>> BackupArchive::exportDatabase(const crypto::SecureBytes& exportKey)
{
    if (!m_database)
        return makeError(ErrorCode::InvalidArgument, "the clinic database is not open");
    // Everything committed goes into the main file first, so the export sees one consistent state.
    CC_TRY(m_database->checkpoint());
    const std::string temporary = detail::temporarySibling(join(m_folder.dir(), "backup-export.db"));
    if (auto exported = m_database->exportTo(temporary, exportKey); !exported) {
        removeDatabaseFiles(temporary);
        return std::move(exported).error();
    }
    auto bytes = db::readFile(temporary, kMaxExportSize);
    removeDatabaseFiles(temporary);
    // Not StorageFull: no disk is full, and freeing space would not help (found on the 1.5 GB
    // benchmark clinic, whose backup said "free space on that disk").
    if (!bytes && bytes.error().code == ErrorCode::MalformedInput)
        return makeError(ErrorCode::Unsupported,
                         "the clinic database is larger than a backup file can hold today (256 MiB; docs/BACKUP.md, "
                         "Limits): this clinic cannot be backed up with `backup create`; copy the whole clinic folder "
                         "(every file in it is encrypted) with the clinic closed instead");
    return bytes;
}

Result<int> BackupArchive::schemaVersion()
{
    if (!m_database)
        return makeError(ErrorCode::InvalidArgument, "the clinic database is not open");
    return m_database->userVersion();
}

Result<std::vector<std::uint8_t>> BackupArchive::descriptorBytes() const
{
    return db::readFile(m_folder.descriptorPath(), ClinicFolder::kMaxDescriptorSize);
}

Status BackupArchive::writeNewFile(const std::string& path, std::span<const std::uint8_t> data)
{
    if (detail::pathExists(path))
        return makeError(ErrorCode::AlreadyExists, "a file already exists at " + path);
    const std::string temporary = detail::temporarySibling(path);
    CC_TRY(writeFileAtomically(temporary, data, 0600));
    // link() fails with EEXIST instead of replacing: no other writer's file is ever overwritten.
    if (::link(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        if (err == EEXIST)
            return makeError(ErrorCode::AlreadyExists, "a file already exists at " + path);
        return detail::writeErrnoError(err, "cannot move the backup into place", path);
    }
    ::unlink(temporary.c_str());
    return detail::syncFolderOf(path);
}

Result<std::vector<std::uint8_t>> BackupArchive::readFile(const std::string& path, std::size_t maxSize) const
{
    return db::readFile(path, maxSize);
}

Status BackupArchive::stageRestore(const ports::RestoreFiles& files, const crypto::SecureBytes& exportKey,
                                   const crypto::SecureBytes& dbk, const access::ClinicId& expectedClinic)
{
    discardStagedRestore();
    const std::string staging = stagingDir(m_folder);
    CC_TRY(makePrivateDir(staging));
    auto staged = [&]() -> Status {
        const std::string dbPath = join(staging, ClinicFolder::kDatabaseFile);
        CC_TRY(writeFileAtomically(dbPath, files.database, 0600));
        CC_TRY(writeFileAtomically(join(staging, ClinicFolder::kKeySlotFile), files.keySlots, 0600));
        CC_TRY(writeFileAtomically(join(staging, ClinicFolder::kAnchorFile), files.anchor, 0600));
        CC_TRY(writeFileAtomically(join(staging, ClinicFolder::kDescriptorFile), files.descriptor, 0600));
        {
            auto db = Database::open(dbPath, exportKey, OpenMode::ExistingOnly);
            if (!db) {
                Error error = std::move(db).error();
                if (error.code == ErrorCode::KeyMismatch)
                    error.message = "the backup's database does not open under its own key";
                return error;
            }
            CC_TRY(db->integrityCheck());
            auto version = db->userVersion();
            CC_TRY(version);
            auto recorded = SqlClinicMetaStore(*db).get(ports::meta::kClinicId);
            CC_TRY(recorded);
            if (*version < 1 || !recorded->has_value() ||
                !std::equal((*recorded)->begin(), (*recorded)->end(), expectedClinic.begin(), expectedClinic.end()))
                return makeError(ErrorCode::IntegrityFailure,
                                 "the backup's database does not belong to the clinic its manifest names");
            // Back under the DBK its key slots hold, so the restored clinic opens like any other.
            CC_TRY(db->rekey(dbk));
            CC_TRY(db->checkpoint());
        }
        CC_TRY(syncFile(dbPath));
        return detail::syncFolderOf(dbPath);
    }();
    if (!staged)
        discardStagedRestore();
    return staged;
}

void BackupArchive::discardStagedRestore() noexcept
{
    removeTree(stagingDir(m_folder));
}

Status BackupArchive::commitRestore(const std::string& label)
{
    if (m_database)
        return makeError(ErrorCode::InvalidArgument, "close the clinic database before the restore swap");
    if (!validLabel(label))
        return makeError(ErrorCode::InvalidArgument, "a restore label is 1-64 characters of [0-9a-f-]");
    const std::string staging = stagingDir(m_folder);
    for (std::string_view name : {ClinicFolder::kDatabaseFile, ClinicFolder::kKeySlotFile, ClinicFolder::kAnchorFile,
                                  ClinicFolder::kDescriptorFile})
        if (!detail::pathExists(join(staging, name)))
            return makeError(ErrorCode::InvalidArgument, "no restore is staged");
    const std::string kept = preRestoreDir(m_folder, label);
    if (detail::pathExists(kept))
        return makeError(ErrorCode::AlreadyExists, "this backup was restored here before (" + kept + " exists)");
    // From here on the swap is committed: the journal tells the next start to finish it. The
    // pre-restore folder is made after it (by the swap), so a crash before the journal leaves
    // nothing that would refuse this backup's restore next time.
    const std::string journal = std::string(kJournalHeader) + label + "\n";
    CC_TRY(writeFileAtomically(join(m_folder.dir(), kJournalFile),
                               std::span(reinterpret_cast<const std::uint8_t*>(journal.data()), journal.size()), 0600));
    if (auto swapped = rollForward(m_folder, label); !swapped) {
        // Committed by the journal: say that the next opening finishes it, whatever stopped it here.
        Error error = std::move(swapped).error();
        error.message = "the restore is committed but its file swap stopped (" + error.message +
                        "); opening the clinic again finishes it (docs/BACKUP.md)";
        return error;
    }
    auto descriptor = m_folder.readDescriptor();
    CC_TRY(descriptor);
    m_descriptor = std::move(descriptor).value();
    return {};
}

Status BackupArchive::finishRestore()
{
    return removeJournal(m_folder);
}

Status BackupArchive::interruptedRestoreRecorded()
{
    const std::string path = join(m_folder.dir(), kSettledFile);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        return detail::writeErrnoError(errno, "cannot remove the record of an interrupted restore", path);
    return detail::syncFolderOf(path);
}

Result<std::optional<ports::InterruptedRestore>> BackupArchive::recoverInterruptedRestore(const ClinicFolder& folder)
{
    const std::string journalPath = join(folder.dir(), kJournalFile);
    if (!detail::pathExists(journalPath)) {
        // Staged but never committed: the live files were not touched; drop the staging.
        const std::string staging = stagingDir(folder);
        if (!detail::pathExists(staging))
            return readSettled(folder); // said again until a staff login records it
        const ports::InterruptedRestore abandoned{ports::InterruptedRestore::Outcome::Abandoned, {}};
        CC_TRY(writeSettled(folder, abandoned));
        removeTree(staging);
        return std::optional<ports::InterruptedRestore>{abandoned};
    }
    auto bytes = db::readFile(journalPath, 256);
    CC_TRY(bytes);
    const std::string text(bytes->begin(), bytes->end());
    if (!text.starts_with(kJournalHeader) || text.back() != '\n')
        return malformed("the restore journal is damaged", journalPath, 1, "header");
    const std::string label = text.substr(kJournalHeader.size(), text.size() - kJournalHeader.size() - 1);
    if (!validLabel(label))
        return malformed("the restore journal is damaged", journalPath, 2, "label");
    CC_TRY(rollForward(folder, label));
    const ports::InterruptedRestore finished{ports::InterruptedRestore::Outcome::Finished, label};
    CC_TRY(writeSettled(folder, finished));
    CC_TRY(removeJournal(folder));
    return std::optional<ports::InterruptedRestore>{finished};
}

} // namespace cc::db
