// SPDX-License-Identifier: GPL-3.0-or-later
// flock()-based single-instance lock on a clinic folder.
#include "db/ClinicLock.h"

#include "db/FileSystem.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <string_view>
#include <system_error>
#include <utility>

namespace cc::db {

namespace {

/// "process <pid> of <user> on <host> since <UTC time>": who holds the lock, written into the
/// lock file by the holder so that a second instance can say who is in its way. Not a secret.
std::string holderText()
{
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    const passwd* user = ::getpwuid(::geteuid());
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    char since[32] = {};
    if (::gmtime_r(&now, &utc) != nullptr)
        std::strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return "process " + std::to_string(::getpid()) + " of " + (user != nullptr ? user->pw_name : "?") + " on " +
           (host[0] != '\0' ? host : "?") + " since " + since;
}

/// The holder's line from the lock file, reduced to printable ASCII; empty if unreadable.
std::string readHolder(int fd)
{
    char buffer[256] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string out;
    for (ssize_t i = 0; i < n && buffer[i] != '\n'; ++i)
        out += (buffer[i] >= 0x20 && buffer[i] < 0x7f) ? buffer[i] : '?';
    return out;
}

} // namespace

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
        const std::string holder = err == EWOULDBLOCK ? readHolder(fd) : std::string();
        ::close(fd);
        if (err == EWOULDBLOCK)
            return makeError(ErrorCode::StorageBusy,
                             "the clinic " + clinicDir + " is in use by " +
                                 (holder.empty() ? std::string("another CipherChart instance") : holder) +
                                 ": close CipherChart there first");
        return makeError(ErrorCode::StorageError, "cannot lock " + path + ": " + std::generic_category().message(err));
    }
    // Best effort: a read-only lock file (read-only media) just names no holder.
    const std::string holder = holderText() + "\n";
    if (::ftruncate(fd, 0) == 0) {
        const ssize_t written = ::pwrite(fd, holder.data(), holder.size(), 0);
        static_cast<void>(written);
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
