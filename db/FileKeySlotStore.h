// SPDX-License-Identifier: GPL-3.0-or-later
// The key-slot file kept beside the database (<clinic>/keyslots.ccks).
#pragma once

#include "core/ports/KeySlotStore.h"

#include <cstddef>
#include <string>

namespace cc::db {

/// KeySlotStore over one file, replaced atomically on every save (db/AtomicFile.h). The caller
/// calls KeySlotFile::markClean() after a successful save().
class FileKeySlotStore final : public ports::KeySlotStore
{
public:
    /// Largest file read: 1024 slots (KeySlotFile::kMaxSlots) of about 1 KiB each fit with room
    /// to spare; a larger file is refused before it is read into memory.
    static constexpr std::size_t kMaxSize = 4 * 1024 * 1024;

    /// The key-slot file at `path` (usually ClinicFolder::keySlotPath()).
    explicit FileKeySlotStore(std::string path);

    /// Reads and parses the file. Errors: NotFound, MalformedInput naming the file (damaged,
    /// truncated or larger than kMaxSize), Unsupported, StorageError.
    [[nodiscard]] Result<access::KeySlotFile> load() const override;
    /// Replaces the file with `file.serialise()` atomically (mode 0600). Errors: StorageFull,
    /// StorageReadOnly, StorageError, each naming the file.
    [[nodiscard]] Status save(const access::KeySlotFile& file) override;

    /// The file this store reads and writes.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

} // namespace cc::db
