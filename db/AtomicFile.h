// SPDX-License-Identifier: GPL-3.0-or-later
// Crash-safe whole-file writes and bounded reads for small files beside the database.
#pragma once

#include "core/Result.h"

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::db {

/// Replaces `path` with `data` atomically: writes a temporary file with a random name in the same
/// folder (O_EXCL, `mode`), fsyncs it, renames it over `path` and fsyncs the folder. After a crash
/// `path` holds either the old or the new content. On failure before the rename the target is
/// untouched and the temporary file removed. Errors: StorageFull (ENOSPC, EDQUOT),
/// StorageReadOnly (EROFS, EACCES, EPERM), StorageError (others, e.g. a missing folder); each
/// names the path. A failure of the final folder fsync is reported although the new file is in place.
Status writeFileAtomically(const std::string& path, std::span<const std::uint8_t> data, mode_t mode = 0600);

/// Reads the whole regular file at `path`, refusing more than `maxSize` bytes.
/// Errors: NotFound, MalformedInput (larger than maxSize, or not a regular file), StorageError.
[[nodiscard]] Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxSize);

} // namespace cc::db
