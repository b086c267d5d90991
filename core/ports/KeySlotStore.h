// SPDX-License-Identifier: GPL-3.0-or-later
// Port: where a clinic's key-slot file lives (db/ keeps it as a file beside the database).
#pragma once

#include "core/Result.h"
#include "core/access/KeySlotFile.h"

namespace cc::ports {

/// Loads and durably saves the key-slot file. Implementations write atomically (temporary file,
/// fsync, rename, fsync of the folder): after a crash the old or the new file is there, never a mix.
class KeySlotStore
{
public:
    virtual ~KeySlotStore() = default;
    /// Reads and parses the file. Errors: NotFound, MalformedInput (damaged, naming the file),
    /// Unsupported, StorageError.
    [[nodiscard]] virtual Result<access::KeySlotFile> load() const = 0;
    /// Replaces the file with `file.serialise()`. Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status save(const access::KeySlotFile& file) = 0;
};

} // namespace cc::ports
