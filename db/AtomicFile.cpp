// SPDX-License-Identifier: GPL-3.0-or-later
// Write-temp, fsync, rename, fsync-folder: the POSIX recipe for atomic replacement.
#include "db/AtomicFile.h"

#include "db/FileSystem.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace cc::db {

namespace {

/// Closes a descriptor exactly once.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) noexcept : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const noexcept { return m_fd; }
    /// Closes now and returns close()'s result (errors from delayed writes show up here).
    int close() noexcept
    {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

Status writeAll(int fd, std::span<const std::uint8_t> data, const std::string& temporary)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return detail::writeErrnoError(errno, "cannot write", temporary);
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

Status writeTemporary(const std::string& temporary, std::span<const std::uint8_t> data, mode_t mode)
{
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
    if (fd.get() < 0)
        return detail::writeErrnoError(errno, "cannot create a temporary file", temporary);
    // The umask may have cleared bits of `mode`; the caller asked for exactly this mode.
    if (::fchmod(fd.get(), mode) != 0)
        return detail::writeErrnoError(errno, "cannot set the mode of", temporary);
    CC_TRY(writeAll(fd.get(), data, temporary));
    // fsync before rename: otherwise a crash can leave the new name pointing at empty blocks.
    if (::fsync(fd.get()) != 0)
        return detail::writeErrnoError(errno, "cannot sync", temporary);
    if (fd.close() != 0)
        return detail::writeErrnoError(errno, "cannot close", temporary);
    return {};
}

} // namespace

Status writeFileAtomically(const std::string& path, std::span<const std::uint8_t> data, mode_t mode)
{
    if (path.empty() || path.back() == '/')
        return makeError(ErrorCode::InvalidArgument, "no file name given");
    const std::string temporary = detail::temporarySibling(path);
    auto written = writeTemporary(temporary, data, mode);
    if (!written.ok()) {
        ::unlink(temporary.c_str());
        return written;
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        return detail::writeErrnoError(err, "cannot replace", path);
    }
    return detail::syncFolderOf(path);
}

Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxSize)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::NotFound, "no file at " + path);
        return makeError(ErrorCode::StorageError,
                         "cannot open " + path + ": " + std::generic_category().message(errno));
    }
    struct stat info
    {};
    if (::fstat(fd.get(), &info) != 0)
        return makeError(ErrorCode::StorageError,
                         "cannot stat " + path + ": " + std::generic_category().message(errno));
    if (!S_ISREG(info.st_mode))
        return malformed("not a regular file", path);
    if (static_cast<std::uint64_t>(info.st_size) > maxSize)
        return malformed("file is larger than " + std::to_string(maxSize) + " bytes", path);

    // Read up to maxSize + 1 bytes: the file may have grown since fstat.
    std::vector<std::uint8_t> data(static_cast<std::size_t>(info.st_size) + 1);
    std::size_t done = 0;
    for (;;) {
        if (done == data.size()) {
            if (data.size() > maxSize)
                return malformed("file is larger than " + std::to_string(maxSize) + " bytes", path);
            data.resize(std::min(maxSize + 1, data.size() * 2));
        }
        const ssize_t n = ::read(fd.get(), data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return makeError(ErrorCode::StorageError,
                             "cannot read " + path + ": " + std::generic_category().message(errno));
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    data.resize(done);
    return data;
}

} // namespace cc::db
