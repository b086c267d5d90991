// SPDX-License-Identifier: GPL-3.0-or-later
// POSIX helpers: errno to typed errors, private file creation, folder fsync.
#include "db/FileSystem.h"

#include "core/crypto/Rng.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <vector>

namespace cc::db::detail {

Error writeErrnoError(int err, std::string_view what, std::string_view path)
{
    std::string message(what);
    message += " (";
    message += path;
    message += "): ";
    message += std::generic_category().message(err);
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return makeError(ErrorCode::StorageFull, std::move(message));
    case EROFS:
    case EACCES:
    case EPERM:
        return makeError(ErrorCode::StorageReadOnly, std::move(message));
    default:
        return makeError(ErrorCode::StorageError, std::move(message));
    }
}

Status createPrivateFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return makeError(ErrorCode::AlreadyExists, "a file already exists at " + path);
        return writeErrnoError(errno, "cannot create the file", path);
    }
    if (::close(fd) != 0)
        return writeErrnoError(errno, "cannot create the file", path);
    return {};
}

std::string folderOf(const std::string& path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

Status syncFolderOf(const std::string& path)
{
    const std::string folder = folderOf(path);
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return writeErrnoError(errno, "cannot open the folder to sync it", folder);
    // POSIX: a rename is durable only once the folder's own entry list has been fsync()ed.
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return writeErrnoError(err, "cannot sync the folder", folder);
    return {};
}

namespace {
// The one spelling of a temporary sibling's name: "<name>.tmp-" and 8 random bytes in lower-case hex.
constexpr std::string_view kTemporaryMarker = ".tmp-";
constexpr std::size_t kTemporaryRandomBytes = 8;
constexpr std::string_view kHexDigits = "0123456789abcdef";
} // namespace

std::string temporarySibling(const std::string& path)
{
    const auto random = crypto::SystemRng::instance().bytes(kTemporaryRandomBytes);
    std::string name = path + std::string(kTemporaryMarker);
    for (auto byte : random) {
        name += kHexDigits[byte >> 4];
        name += kHexDigits[byte & 0x0f];
    }
    return name;
}

bool isTemporarySiblingName(std::string_view name)
{
    constexpr std::size_t digits = 2 * kTemporaryRandomBytes;
    if (name.size() < kTemporaryMarker.size() + digits + 1)
        return false;
    const std::string_view tail = name.substr(name.size() - digits);
    if (name.substr(name.size() - digits - kTemporaryMarker.size(), kTemporaryMarker.size()) != kTemporaryMarker)
        return false;
    return std::all_of(tail.begin(), tail.end(), [](char c) { return kHexDigits.find(c) != std::string_view::npos; });
}

void removeStaleTemporaries(const std::string& folder)
{
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr)
        return;
    const std::string prefix = folder + "/";
    std::vector<std::string> stale;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (!isTemporarySiblingName(name))
            continue;
        std::string path = prefix + name;
        struct stat info
        {};
        if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode))
            stale.push_back(std::move(path));
    }
    ::closedir(dir);
    for (const auto& path : stale)
        ::unlink(path.c_str()); // best effort: a file that stays is removed at the next open
}

bool pathExists(const std::string& path)
{
    struct stat info
    {};
    return ::lstat(path.c_str(), &info) == 0;
}

} // namespace cc::db::detail
