// SPDX-License-Identifier: GPL-3.0-or-later
// Port: where the audit anchor is kept (db/ implements it as a file beside the database).
#pragma once

#include "core/Result.h"
#include "core/audit/AuditAnchor.h"

namespace cc::audit {

/// Keeps the one current anchor of a clinic, outside the database so that rolling the database
/// back does not roll the anchor back with it.
class AnchorSink
{
public:
    virtual ~AnchorSink() = default;

    /// Replaces the stored anchor atomically (write a temporary file, fsync, rename, fsync the
    /// folder): after a crash either the old or the new anchor is there, never a torn one.
    /// Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status write(const AuditAnchor& anchor) = 0;

    /// Reads the stored anchor. Errors: NotFound (no anchor yet), MalformedInput (damaged:
    /// AuditAnchor::parse failed), Unsupported, StorageError.
    [[nodiscard]] virtual Result<AuditAnchor> read() const = 0;
};

} // namespace cc::audit
