// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery ring's file and its staged replacement (docs/KEYS.md 8, "Re-issuing the shares").
#include "db/RecoveryRingFile.h"

#include "db/AtomicFile.h"
#include "db/FileSystem.h"

#include <cerrno>
#include <cstdio>

namespace cc::db {

RecoveryRingFile::RecoveryRingFile(std::string path) : m_path(std::move(path)) {}

Result<ports::RecoveryRingFiles> RecoveryRingFile::load() const
{
    ports::RecoveryRingFiles files;
    auto current = readFile(m_path, kMaxSize);
    if (!current)
        return makeError(current.error().code, "recovery.ccr: " + current.error().message);
    files.current = std::move(current).value();
    if (detail::pathExists(pendingPath())) {
        auto pending = readFile(pendingPath(), kMaxSize);
        if (!pending)
            return makeError(pending.error().code, "recovery.ccr.next: " + pending.error().message);
        files.pending = std::move(pending).value();
    }
    return files;
}

Status RecoveryRingFile::stage(std::span<const std::uint8_t> sealed)
{
    return writeFileAtomically(pendingPath(), sealed, 0600);
}

Status RecoveryRingFile::promote()
{
    const std::string pending = pendingPath();
    if (!detail::pathExists(pending))
        return makeError(ErrorCode::NotFound, "no staged recovery ring (" + pending + ")");
    if (std::rename(pending.c_str(), m_path.c_str()) != 0)
        return detail::writeErrnoError(errno, "replacing the recovery ring", m_path);
    return detail::syncFolderOf(m_path);
}

Status RecoveryRingFile::discard()
{
    const std::string pending = pendingPath();
    if (std::remove(pending.c_str()) != 0 && errno != ENOENT)
        return detail::writeErrnoError(errno, "removing the staged recovery ring", pending);
    if (!detail::pathExists(pending))
        return detail::syncFolderOf(m_path);
    return makeError(ErrorCode::StorageError, "the staged recovery ring could not be removed (" + pending + ")");
}

} // namespace cc::db
