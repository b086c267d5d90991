// SPDX-License-Identifier: GPL-3.0-or-later
// SQLite result codes to typed errors; messages name the operation, never a bound value.
#include "db/SqliteError.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <string>

namespace cc::db::detail {

namespace {

std::string folderOf(std::string_view path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string_view::npos)
        return ".";
    if (slash == 0)
        return "/";
    return std::string(path.substr(0, slash));
}

std::string withPath(std::string_view operation, std::string_view path)
{
    std::string text(operation);
    if (!path.empty()) {
        text += " (";
        text += path;
        text += ')';
    }
    return text;
}

/// Creates, writes one byte to and removes a probe file beside `path`: 0 if that works, else the
/// errno of the step that failed (the cause hidden behind SQLite's "unable to open").
int probeWrite(std::string_view path)
{
    if (path.empty())
        return 0;
    const std::string probe = folderOf(path) + "/.cipherchart-write-probe-" + std::to_string(::getpid());
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    const char byte = 0;
    const int failed = ::write(fd, &byte, 1) == 1 ? 0 : errno;
    ::close(fd);
    ::unlink(probe.c_str());
    return failed;
}

} // namespace

bool onReadOnlyMedium(std::string_view path)
{
    if (path.empty())
        return false;
    const std::string file(path);
    struct statvfs info
    {};
    if (statvfs(file.c_str(), &info) == 0)
        return (info.f_flag & ST_RDONLY) != 0 || access(file.c_str(), W_OK) != 0;
    const std::string folder = folderOf(path);
    if (statvfs(folder.c_str(), &info) == 0)
        return (info.f_flag & ST_RDONLY) != 0;
    return false;
}

Error sqliteError(sqlite3* db, int rc, std::string_view operation, std::string_view path, bool includeDetail)
{
    const int primary = rc & 0xff;
    const std::string what = withPath(operation, path);
    std::string detail;
    if (includeDetail && db != nullptr && sqlite3_errcode(db) != SQLITE_OK)
        detail = sqlite3_errmsg(db);
    else
        detail = sqlite3_errstr(rc);

    // "unable to open database file" and I/O errors hide why the system call failed (SQLite
    // retries a failed open read-only, so even its saved errno is the retry's): a full disk (the
    // write-ahead log or shared-memory file cannot be created) or a read-only medium must say so,
    // and what to do. Found by tests/faults/TestGuiDiskFull.cpp: opening the clinic on a full disk
    // said "check that the disk works". A one-byte probe file beside the database tells.
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_PERM || primary == SQLITE_IOERR) {
        const int probed = probeWrite(path);
        if (probed == ENOSPC || probed == EDQUOT)
            return makeError(ErrorCode::StorageFull, what + " failed: the disk is full (" + detail + ")");
        if (probed == EROFS)
            return makeError(ErrorCode::StorageReadOnly,
                             what + " failed: the clinic's storage is read-only (" + detail + ")");
    }
    switch (primary) {
    case SQLITE_NOTADB:
        return makeError(ErrorCode::KeyMismatch, std::string(kKeyMismatchMessage) + " — " + what);
    case SQLITE_CORRUPT:
        return makeError(ErrorCode::IntegrityFailure,
                         what + " failed: the database file is damaged or was altered (" + detail + ")");
    case SQLITE_FULL:
        return makeError(ErrorCode::StorageFull, what + " failed: the disk is full");
    case SQLITE_READONLY:
        return makeError(ErrorCode::StorageReadOnly, what + " failed: the database is read-only (" + detail + ")");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        if (onReadOnlyMedium(path))
            return makeError(ErrorCode::StorageReadOnly,
                             what + " failed: the clinic's storage is read-only (" + detail + ")");
        return makeError(ErrorCode::StorageError, what + " failed: " + detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::StorageBusy,
                         what + " failed: the database is locked by another connection (" + detail + ")");
    default:
        return makeError(ErrorCode::StorageError, what + " failed: " + detail);
    }
}

std::string describeSql(std::string_view sql)
{
    // Only keywords, never literals: at most the first two words, and only if they are letters.
    std::string out;
    std::size_t i = 0;
    for (int word = 0; word < 2; ++word) {
        while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])) != 0)
            ++i;
        std::string token;
        while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])) != 0)
            token += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++])));
        if (token.empty())
            break;
        static constexpr std::string_view second[] = {"TABLE", "INDEX", "TRIGGER", "VIEW", "INTO", "FROM"};
        bool keep = word == 0;
        for (auto s : second)
            keep = keep || token == s;
        if (!keep)
            break;
        if (!out.empty())
            out += ' ';
        out += token;
    }
    return out.empty() ? std::string("SQL statement") : out + " statement";
}

bool isDiskFailure(int rc) noexcept
{
    switch (rc & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_NOMEM:
        return true;
    default:
        return false;
    }
}

} // namespace cc::db::detail
