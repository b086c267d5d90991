// SPDX-License-Identifier: GPL-3.0-or-later
// One CipherChart instance per clinic: an exclusive advisory lock on <clinic dir>/clinic.lock.
#pragma once

#include "core/Result.h"

#include <string>

namespace cc::db {

/// Holds flock(LOCK_EX) on `<clinic dir>/clinic.lock` for as long as the object lives (RAII).
/// Move-only. The lock file is never deleted (deleting it would let two instances lock two
/// different files of the same name). The kernel drops the lock if the process dies.
class ClinicLock
{
public:
    /// Takes the lock without waiting and writes who holds it (process, user, host, since when)
    /// into the lock file. Errors: StorageBusy "the clinic <dir> is in use by process <pid> of
    /// <user> on <host> since <time>: close CipherChart there first", NotFound (no such folder),
    /// StorageReadOnly / StorageError (cannot create the lock file).
    [[nodiscard]] static Result<ClinicLock> acquire(const std::string& clinicDir);

    ~ClinicLock();
    ClinicLock(ClinicLock&& other) noexcept;
    ClinicLock& operator=(ClinicLock&& other) noexcept;
    ClinicLock(const ClinicLock&) = delete;
    ClinicLock& operator=(const ClinicLock&) = delete;

    /// Releases the lock now (idempotent).
    void release() noexcept;
    /// True while the lock is held.
    [[nodiscard]] bool held() const noexcept { return m_fd >= 0; }
    /// The lock file's path.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

private:
    ClinicLock(int fd, std::string path) noexcept : m_fd(fd), m_path(std::move(path)) {}

    int m_fd = -1;
    std::string m_path;
};

} // namespace cc::db
