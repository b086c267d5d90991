// SPDX-License-Identifier: GPL-3.0-or-later
// The audit anchor kept as a file beside the database (<clinic>/audit.anchor).
#pragma once

#include "core/audit/AnchorSink.h"

#include <string>

namespace cc::db {

/// AnchorSink over one file, replaced atomically (db/AtomicFile.h) on every write, outside the
/// database so that restoring an older clinic.db does not restore an older anchor with it.
class FileAnchorSink final : public audit::AnchorSink
{
public:
    /// Largest anchor file read (the text form is about 300 bytes).
    static constexpr std::size_t kMaxSize = 4096;

    /// The anchor at `path` (usually ClinicFolder::anchorPath()).
    explicit FileAnchorSink(std::string path);

    /// Writes the anchor's text form atomically (mode 0600). Errors: StorageFull,
    /// StorageReadOnly, StorageError, each naming the file.
    [[nodiscard]] Status write(const audit::AuditAnchor& anchor) override;
    /// Reads and parses the file. Errors: NotFound (no file yet), MalformedInput naming the file
    /// and the field (damaged or too large), Unsupported, StorageError.
    [[nodiscard]] Result<audit::AuditAnchor> read() const override;

    /// The file this sink writes.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

} // namespace cc::db
