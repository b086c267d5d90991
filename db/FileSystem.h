// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_db: errno mapping and small POSIX file helpers shared by the storage code.
#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>

namespace cc::db::detail {

/// Maps an errno from writing: ENOSPC/EDQUOT -> StorageFull, EROFS/EACCES/EPERM ->
/// StorageReadOnly, others -> StorageError. The message is "<what> (<path>): <strerror>".
[[nodiscard]] Error writeErrnoError(int err, std::string_view what, std::string_view path);

/// Creates `path` empty with mode 0600 (O_EXCL). AlreadyExists if it exists, else as writeErrnoError.
Status createPrivateFile(const std::string& path);

/// fsync()s the folder holding `path`, so a rename or creation in it survives power loss.
Status syncFolderOf(const std::string& path);

/// The folder part of `path` ("." if none).
[[nodiscard]] std::string folderOf(const std::string& path);

/// `path` + a random, unguessable suffix, for a temporary file beside it.
[[nodiscard]] std::string temporarySibling(const std::string& path);

/// True if `name` ends like a temporarySibling() name (".tmp-" and 16 lowercase hex digits).
[[nodiscard]] bool isTemporarySiblingName(std::string_view name);

/// Removes the regular files in `folder` (not below it) whose names are temporarySibling() names:
/// what a crash, a power loss or an error that also failed the clean-up left behind. Only for a
/// folder the caller holds the clinic lock on, so no other process is writing them.
void removeStaleTemporaries(const std::string& folder);

/// True if something (file, folder, link) exists at `path`.
[[nodiscard]] bool pathExists(const std::string& path);

} // namespace cc::db::detail
