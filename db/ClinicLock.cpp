// SPDX-License-Identifier: GPL-3.0-or-later
// flock()-based single-instance lock on a clinic folder.
#include "db/ClinicLock.h"

#include "db/FileSystem.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace cc::db {

Result<ClinicLock> ClinicLock::acquire(const std::string& clinicDir)
{
    struct stat info
    {};
    if (::stat(clinicDir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
        return makeError(ErrorCode::NotFound, "no clinic folder at " + clinicDir);
    std::string path = clinicDir + "/clinic.lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && (errno == EROFS || errno == EACCES))
        // A clinic on read-only media can still be opened read-only; flock works on any descriptor.
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return detail::writeErrnoError(errno, "cannot open the clinic lock file", path);
    // flock locks belong to the open file description: a second open, in this process or
    // another, conflicts; the lock disappears with the last descriptor, also on a crash.
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        if (err == EINTR)
            continue;
        ::close(fd);
        if (err == EWOULDBLOCK)
            return makeError(ErrorCode::StorageBusy, "the clinic is open in another CipherChart instance");
        return makeError(ErrorCode::StorageError, "cannot lock " + path + ": " + std::generic_category().message(err));
    }
    return ClinicLock(fd, std::move(path));
}

ClinicLock::~ClinicLock()
{
    release();
}

ClinicLock::ClinicLock(ClinicLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path))
{}

ClinicLock& ClinicLock::operator=(ClinicLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void ClinicLock::release() noexcept
{
    if (m_fd < 0)
        return;
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace cc::db
