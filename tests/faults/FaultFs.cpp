// SPDX-License-Identifier: GPL-3.0-or-later
// A fault-injecting file system for the fault tests (issue 13 items 2 and 3, docs/RELIABILITY.md).
// It is loaded with LD_PRELOAD into a real, unchanged cipherchart-cli process and is never linked
// into the product. It interposes the C library calls that change files (write, pwrite, ftruncate,
// fsync, fdatasync, open/openat with O_CREAT, mkdir, rename, link, unlink, remove, rmdir): SQLCipher
// reaches the disk through them (its unix VFS), and so do the atomic-file writer, the key-slot
// file, the audit anchor, backups, restores and the portal folder. Only paths below CC_FAULT_DIR
// count; everything else passes through untouched. The model is SQLite's own crash and I/O-error
// tests (test6.c, test_syscall.c), moved out of process so the product runs as shipped.
//
// Environment:
//   CC_FAULT_DIR   absolute folder whose files are watched (required; without it nothing changes)
//   CC_FAULT_MODE  count | enospc | erofs | eio | crash | tear | kill
//   CC_FAULT_AT    the 1-based event at which the fault strikes (an event is one of the calls above
//                  on a watched path)
//   CC_FAULT_LOG   file to which the number of events is appended at exit (every mode)
//   CC_FAULT_SAVE  (crash, tear) a folder on the same file system, outside CC_FAULT_DIR, where hard
//                  links keep the files that renames and unlinks replace, so a crash can bring them back
//   CC_FAULT_SEED  (tear) randomness of the tear points
//   CC_FAULT_TRACE (set) prints every event on standard error, to find what a failing point hit
//
// Modes:
//   enospc  from event AT on, every write, growing truncation and file creation fails with ENOSPC:
//           a full disk stays full. Syncs, renames and unlinks still work.
//   erofs   from event AT on, every call that changes a file fails with EROFS, and opening a file
//           for writing too: the medium turned read-only.
//   eio     event AT alone fails with EIO; the disk works again afterwards.
//   crash   power loss at event AT: every change not yet durable is undone, newest first, and the
//           process ends at once with exit code 86. A write is durable once its file was fsync()ed
//           or fdatasync()ed; a creation, rename, link or unlink once the folder holding the name
//           was fsync()ed (POSIX; stricter than ext4's defaults, on purpose).
//   tear    as crash, but each file keeps its not-yet-durable writes up to a random one, which is
//           torn at a random 512-byte boundary, and loses the rest (sectors reach the disk in order,
//           the last one partly).
//   kill    at event AT, before the call, the process sends itself SIGKILL: a `kill -9` landing at
//           exactly that point. Everything written before stays (the kernel keeps it, as after a
//           real kill); nothing is undone. The random kills of TestKillNine.cpp cannot aim at a
//           window a few file calls wide; this can.
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

enum class Mode { Off, Count, NoSpace, ReadOnly, IoError, Crash, Tear, Kill };

template <typename F> F real(const char* name)
{
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

using OpenFn = int (*)(const char*, int, ...);
using OpenAtFn = int (*)(int, const char*, int, ...);
using WriteFn = ssize_t (*)(int, const void*, size_t);
using PwriteFn = ssize_t (*)(int, const void*, size_t, off_t);
using Pwrite64Fn = ssize_t (*)(int, const void*, size_t, off64_t);
using TruncFn = int (*)(int, off_t);
using Trunc64Fn = int (*)(int, off64_t);
using SyncFn = int (*)(int);
using PathFn = int (*)(const char*);
using Path2Fn = int (*)(const char*, const char*);
using MkdirFn = int (*)(const char*, mode_t);
using RenameAtFn = int (*)(int, const char*, int, const char*);
using RenameAt2Fn = int (*)(int, const char*, int, const char*, unsigned int);
using UnlinkAtFn = int (*)(int, const char*, int);

/// One change to the watched tree that a power loss may undo.
struct Change
{
    enum class Kind { Write, Truncate, Create, MakeFolder, Rename, Link, Unlink };
    explicit Change(Kind k) : kind(k) {}
    Kind kind;
    std::pair<dev_t, ino_t> file{}; // Write, Truncate: the inode
    off_t offset = 0;               // Write: where; Truncate: the new length
    off_t sizeBefore = 0;           // Write, Truncate: the length before
    std::vector<char> before;       // Write, Truncate: the bytes the change overwrote or cut
    std::size_t length = 0;         // Write: bytes written
    std::string path, path2;        // Create/MakeFolder/Unlink: path; Rename/Link: from, to
    std::string saved;              // Rename over a file, Unlink: a hard link to the old file
    bool replacedEmptyFolder = false;
    std::string folder, folder2; // the folders whose fsync makes an entry change durable
    bool durable = false, durable2 = false;
};

struct State
{
    Mode mode = Mode::Off;
    std::string dir, save, log;
    unsigned long at = 0;
    unsigned long events = 0;
    unsigned long saves = 0;
    std::mt19937_64 random{1};
    std::vector<Change> changes;
    std::map<std::pair<dev_t, ino_t>, int> handles; // an O_RDWR descriptor per written inode
    std::mutex lock;
    bool failing = false; // enospc and erofs: the fault has struck and stays
    bool trace = false;   // CC_FAULT_TRACE: every event on standard error
};

State& state()
{
    static State* s = new State; // never destroyed: calls may arrive during exit
    return *s;
}

thread_local bool t_inside = false;

struct Guard
{
    bool active;
    Guard() : active(!t_inside) { t_inside = true; }
    ~Guard()
    {
        if (active)
            t_inside = false;
    }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
};

OpenFn realOpen()
{
    static auto f = real<OpenFn>("open");
    return f;
}
PwriteFn realPwrite()
{
    static auto f = real<PwriteFn>("pwrite");
    return f;
}
TruncFn realFtruncate()
{
    static auto f = real<TruncFn>("ftruncate");
    return f;
}
Path2Fn realRename()
{
    static auto f = real<Path2Fn>("rename");
    return f;
}
Path2Fn realLink()
{
    static auto f = real<Path2Fn>("link");
    return f;
}
PathFn realUnlink()
{
    static auto f = real<PathFn>("unlink");
    return f;
}
PathFn realRmdir()
{
    static auto f = real<PathFn>("rmdir");
    return f;
}
MkdirFn realMkdir()
{
    static auto f = real<MkdirFn>("mkdir");
    return f;
}

std::string folderOf(const std::string& path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? std::string("/") : path.substr(0, slash);
}

std::string fdPath(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char buffer[4096];
    const ssize_t n = readlink(link, buffer, sizeof buffer - 1);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

std::string absolute(int dirfd, const char* path)
{
    if (path == nullptr)
        return {};
    if (path[0] == '/')
        return path;
    std::string base;
    if (dirfd == AT_FDCWD) {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) == nullptr)
            return {};
        base = cwd;
    } else {
        base = fdPath(dirfd);
    }
    std::string p = path;
    while (p.rfind("./", 0) == 0)
        p.erase(0, 2);
    return base + "/" + p;
}

bool watched(const std::string& path)
{
    const State& s = state();
    if (s.mode == Mode::Off || path.empty())
        return false;
    if (!s.save.empty() && path.rfind(s.save, 0) == 0)
        return false;
    return path.rfind(s.dir, 0) == 0 && (path.size() == s.dir.size() || path[s.dir.size()] == '/');
}

bool exists(const std::string& path)
{
    struct stat st
    {};
    return lstat(path.c_str(), &st) == 0;
}

[[noreturn]] void powerLoss();

/// Counts an event on a watched path. Returns 0 to go on, or an errno to fail the call with.
int event(bool isWrite, bool isCreate, const std::string& path)
{
    State& s = state();
    const unsigned long n = ++s.events;
    if (s.trace)
        std::fprintf(stderr, "faultfs: event %lu %s %s\n", n,
                     isWrite    ? "write"
                     : isCreate ? "create"
                                : "other",
                     path.c_str());
    switch (s.mode) {
    case Mode::NoSpace:
        if (n >= s.at)
            s.failing = true;
        return s.failing && (isWrite || isCreate) ? ENOSPC : 0;
    case Mode::ReadOnly:
        if (n >= s.at)
            s.failing = true;
        return s.failing ? EROFS : 0;
    case Mode::IoError:
        return n == s.at ? EIO : 0;
    case Mode::Kill:
        if (n == s.at)
            ::kill(::getpid(), SIGKILL);
        return 0;
    case Mode::Crash:
    case Mode::Tear:
        if (n >= s.at)
            powerLoss();
        return 0;
    case Mode::Off:
    case Mode::Count:
        break;
    }
    return 0;
}

int handleFor(int fd, const struct stat& st)
{
    State& s = state();
    const auto key = std::make_pair(st.st_dev, st.st_ino);
    auto it = s.handles.find(key);
    if (it != s.handles.end())
        return it->second;
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const int h = realOpen()(link, O_RDWR | O_CLOEXEC);
    s.handles[key] = h;
    return h;
}

bool recording()
{
    const Mode m = state().mode;
    return m == Mode::Crash || m == Mode::Tear;
}

/// Records the bytes a write of `length` at `offset` is about to overwrite.
void recordWrite(int fd, off_t offset, std::size_t length)
{
    struct stat st
    {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    Change c(Change::Kind::Write);
    c.file = {st.st_dev, st.st_ino};
    c.offset = offset;
    c.length = length;
    c.sizeBefore = st.st_size;
    const int h = handleFor(fd, st);
    if (h >= 0 && offset < st.st_size) {
        const auto keep = static_cast<std::size_t>(std::min<off_t>(static_cast<off_t>(length), st.st_size - offset));
        c.before.resize(keep);
        const ssize_t got = pread(h, c.before.data(), keep, offset);
        c.before.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    }
    state().changes.push_back(std::move(c));
}

void recordTruncate(int fd, off_t length)
{
    struct stat st
    {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    Change c(Change::Kind::Truncate);
    c.file = {st.st_dev, st.st_ino};
    c.offset = length;
    c.sizeBefore = st.st_size;
    const int h = handleFor(fd, st);
    if (h >= 0 && length < st.st_size) {
        c.before.resize(static_cast<std::size_t>(st.st_size - length));
        const ssize_t got = pread(h, c.before.data(), c.before.size(), length);
        c.before.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    }
    state().changes.push_back(std::move(c));
}

std::string keepOld(const std::string& path)
{
    State& s = state();
    const std::string saved = s.save + "/saved-" + std::to_string(++s.saves);
    return realLink()(path.c_str(), saved.c_str()) == 0 ? saved : std::string();
}

void recordEntry(Change::Kind kind, const std::string& path, const std::string& path2 = {})
{
    Change c(kind);
    c.path = path;
    c.path2 = path2;
    c.folder = folderOf(kind == Change::Kind::Rename || kind == Change::Kind::Link ? path2 : path);
    c.folder2 = kind == Change::Kind::Rename ? folderOf(path) : c.folder;
    struct stat st
    {};
    if (kind == Change::Kind::Unlink)
        c.saved = keepOld(path);
    if (kind == Change::Kind::Rename && lstat(path2.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            c.replacedEmptyFolder = true;
        else
            c.saved = keepOld(path2);
    }
    state().changes.push_back(std::move(c));
}

/// A successful fsync makes the file's writes durable, or (a folder) the entry changes in it.
void synced(int fd)
{
    struct stat st
    {};
    if (fstat(fd, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        const std::string folder = fdPath(fd);
        for (Change& c : state().changes) {
            if (c.kind == Change::Kind::Write || c.kind == Change::Kind::Truncate)
                continue;
            c.durable = c.durable || c.folder == folder;
            c.durable2 = c.durable2 || c.folder2 == folder;
        }
        return;
    }
    const auto key = std::make_pair(st.st_dev, st.st_ino);
    for (Change& c : state().changes)
        if ((c.kind == Change::Kind::Write || c.kind == Change::Kind::Truncate) && c.file == key)
            c.durable = c.durable2 = true;
}

void removeTree(const std::string& path)
{
    if (DIR* d = opendir(path.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name != "." && name != "..")
                removeTree(path + "/" + name);
        }
        closedir(d);
        realRmdir()(path.c_str());
        return;
    }
    realUnlink()(path.c_str());
}

void undo(const Change& c, std::size_t keepBytes)
{
    State& s = state();
    switch (c.kind) {
    case Change::Kind::Write: {
        const auto it = s.handles.find(c.file);
        if (it == s.handles.end() || it->second < 0)
            return;
        const int h = it->second;
        const off_t end = c.offset + static_cast<off_t>(keepBytes);
        if (keepBytes < c.before.size())
            (void)realPwrite()(h, c.before.data() + keepBytes, c.before.size() - keepBytes, end);
        struct stat st
        {};
        if (fstat(h, &st) == 0 && st.st_size > std::max(c.sizeBefore, end))
            (void)realFtruncate()(h, std::max(c.sizeBefore, end));
        return;
    }
    case Change::Kind::Truncate: {
        const auto it = s.handles.find(c.file);
        if (it == s.handles.end() || it->second < 0)
            return;
        (void)realFtruncate()(it->second, c.sizeBefore);
        if (!c.before.empty())
            (void)realPwrite()(it->second, c.before.data(), c.before.size(), c.offset);
        return;
    }
    case Change::Kind::Create:
    case Change::Kind::Link:
        realUnlink()((c.kind == Change::Kind::Link ? c.path2 : c.path).c_str());
        return;
    case Change::Kind::MakeFolder:
        removeTree(c.path);
        return;
    case Change::Kind::Rename:
        realRename()(c.path2.c_str(), c.path.c_str());
        if (!c.saved.empty())
            realRename()(c.saved.c_str(), c.path2.c_str());
        else if (c.replacedEmptyFolder)
            realMkdir()(c.path2.c_str(), 0700);
        return;
    case Change::Kind::Unlink:
        if (!c.saved.empty())
            realRename()(c.saved.c_str(), c.path.c_str());
        return;
    }
}

[[noreturn]] void powerLoss()
{
    State& s = state();
    // tear: per file, the not-yet-durable writes before a random cut reach the disk, the one at
    // the cut partly (whole 512-byte sectors), the later ones not at all.
    std::map<std::pair<dev_t, ino_t>, std::vector<std::size_t>> pending;
    for (std::size_t i = 0; i < s.changes.size(); ++i)
        if (s.changes[i].kind == Change::Kind::Write && !s.changes[i].durable)
            pending[s.changes[i].file].push_back(i);
    std::map<std::size_t, std::size_t> keep; // change index -> bytes that reached the disk
    if (s.mode == Mode::Tear)
        for (const auto& [file, writes] : pending) {
            const std::size_t cut = std::uniform_int_distribution<std::size_t>(0, writes.size())(s.random);
            for (std::size_t k = 0; k < cut; ++k)
                keep[writes[k]] = s.changes[writes[k]].length;
            if (cut < writes.size()) {
                const std::size_t sectors = s.changes[writes[cut]].length / 512;
                keep[writes[cut]] = 512 * std::uniform_int_distribution<std::size_t>(0, sectors)(s.random);
            }
        }
    for (std::size_t i = s.changes.size(); i-- > 0;) {
        const Change& c = s.changes[i];
        if (c.durable && c.durable2)
            continue;
        const auto kept = keep.find(i);
        if (kept != keep.end() && kept->second >= c.length)
            continue;
        undo(c, kept == keep.end() ? 0 : kept->second);
    }
    _exit(86);
}

void writeLog()
{
    const State& s = state();
    if (s.log.empty())
        return;
    const int fd = realOpen()(s.log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    char line[64];
    const int n = std::snprintf(line, sizeof line, "events %lu\n", s.events);
    static auto w = real<WriteFn>("write");
    (void)w(fd, line, static_cast<std::size_t>(n));
    close(fd);
}

__attribute__((constructor)) void start()
{
    State& s = state();
    const char* dir = std::getenv("CC_FAULT_DIR");
    const char* mode = std::getenv("CC_FAULT_MODE");
    if (dir == nullptr || dir[0] != '/' || mode == nullptr)
        return;
    const std::string m = mode;
    s.mode = m == "count"    ? Mode::Count
             : m == "enospc" ? Mode::NoSpace
             : m == "erofs"  ? Mode::ReadOnly
             : m == "eio"    ? Mode::IoError
             : m == "crash"  ? Mode::Crash
             : m == "tear"   ? Mode::Tear
             : m == "kill"   ? Mode::Kill
                             : Mode::Off;
    s.dir = dir;
    while (s.dir.size() > 1 && s.dir.back() == '/')
        s.dir.pop_back();
    if (const char* at = std::getenv("CC_FAULT_AT"))
        s.at = std::strtoul(at, nullptr, 10);
    if (const char* save = std::getenv("CC_FAULT_SAVE"))
        s.save = save;
    if (const char* log = std::getenv("CC_FAULT_LOG"))
        s.log = log;
    s.trace = std::getenv("CC_FAULT_TRACE") != nullptr;
    if (const char* seed = std::getenv("CC_FAULT_SEED"))
        s.random.seed(std::strtoull(seed, nullptr, 10));
    if ((s.mode == Mode::Crash || s.mode == Mode::Tear) && s.save.empty())
        s.mode = Mode::Off;
    if (s.mode != Mode::Count && s.at == 0)
        s.mode = Mode::Off;
    std::atexit(writeLog);
}

// --- the interposed calls -------------------------------------------------------------------

/// Runs `call` for a change to the open file `fd`: counts it, fails it or records it.
template <typename Call>
auto onFd(int fd, bool isWrite, bool isSync, off_t offset, std::size_t length, bool truncate, Call call)
    -> decltype(call())
{
    Guard guard;
    if (!guard.active || state().mode == Mode::Off)
        return call();
    std::unique_lock lk(state().lock);
    if (!watched(fdPath(fd)))
        return call();
    if (const int err = event(isWrite, false, fdPath(fd) + (isSync ? " (sync)" : ""))) {
        errno = err;
        return -1;
    }
    if (recording() && isWrite) {
        if (truncate)
            recordTruncate(fd, offset);
        else
            recordWrite(fd, offset, length);
    }
    const auto result = call();
    if (recording() && isSync && result == 0)
        synced(fd);
    return result;
}

off_t positionOf(int fd)
{
    const int flags = fcntl(fd, F_GETFL);
    if (flags >= 0 && (flags & O_APPEND) != 0) {
        struct stat st
        {};
        return fstat(fd, &st) == 0 ? st.st_size : 0;
    }
    return lseek(fd, 0, SEEK_CUR);
}

/// Runs `call` for a change to the names in a folder.
template <typename Call>
int onEntry(Change::Kind kind, const std::string& path, const std::string& path2, bool isCreate, Call call)
{
    Guard guard;
    if (!guard.active || state().mode == Mode::Off)
        return call();
    std::unique_lock lk(state().lock);
    if (!watched(path) && !watched(path2))
        return call();
    if (const int err = event(false, isCreate, path + (path2.empty() ? "" : " -> " + path2))) {
        errno = err;
        return -1;
    }
    const bool record = recording();
    if (record && (kind == Change::Kind::Rename || kind == Change::Kind::Unlink))
        recordEntry(kind, path, path2); // before the call: it keeps what the call replaces
    const int result = call();
    if (record && result == 0 && kind != Change::Kind::Rename && kind != Change::Kind::Unlink)
        recordEntry(kind, path, path2);
    if (record && result != 0 && (kind == Change::Kind::Rename || kind == Change::Kind::Unlink))
        state().changes.pop_back();
    return result;
}

int openCommon(int dirfd, const char* path, int flags, mode_t mode, bool at, bool large)
{
    static const auto openFn = real<OpenFn>("open");
    static const auto open64Fn = real<OpenFn>("open64");
    static const auto openatFn = real<OpenAtFn>("openat");
    static const auto openat64Fn = real<OpenAtFn>("openat64");
    auto call = [&] {
        if (at)
            return (large ? openat64Fn : openatFn)(dirfd, path, flags, mode);
        return (large ? open64Fn : openFn)(path, flags, mode);
    };
    Guard guard;
    if (!guard.active || state().mode == Mode::Off)
        return call();
    const bool writing = (flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT) != 0;
    if (!writing)
        return call();
    std::unique_lock lk(state().lock);
    const std::string full = absolute(at ? dirfd : AT_FDCWD, path);
    if (!watched(full))
        return call();
    const bool creates = (flags & O_CREAT) != 0 && !exists(full);
    if (!creates) {
        if (state().mode == Mode::ReadOnly && state().failing) {
            errno = EROFS;
            return -1;
        }
        return call();
    }
    if (const int err = event(false, true, full)) {
        errno = err;
        return -1;
    }
    const int fd = call();
    if (fd >= 0 && recording())
        recordEntry(Change::Kind::Create, full);
    return fd;
}

/// Runs `call` for the removal of an empty folder: counted and failed like the others, but a crash
/// does not bring the folder back (it held nothing).
template <typename Call> int onUnrecorded(const std::string& path, Call call)
{
    Guard guard;
    if (!guard.active || state().mode == Mode::Off)
        return call();
    std::unique_lock lk(state().lock);
    if (!watched(path))
        return call();
    if (const int err = event(false, false, path)) {
        errno = err;
        return -1;
    }
    return call();
}

mode_t modeArg(int flags, va_list ap)
{
    return (flags & (O_CREAT | O_TMPFILE)) != 0 ? static_cast<mode_t>(va_arg(ap, unsigned int)) : 0;
}

} // namespace

extern "C" {

int open(const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    return openCommon(AT_FDCWD, path, flags, mode, false, false);
}

int open64(const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    return openCommon(AT_FDCWD, path, flags, mode, false, true);
}

int openat(int dirfd, const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    return openCommon(dirfd, path, flags, mode, true, false);
}

int openat64(int dirfd, const char* path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = modeArg(flags, ap);
    va_end(ap);
    return openCommon(dirfd, path, flags, mode, true, true);
}

ssize_t write(int fd, const void* buf, size_t count)
{
    static auto f = real<WriteFn>("write");
    if (fd <= 2 || state().mode == Mode::Off)
        return f(fd, buf, count);
    return onFd(fd, true, false, positionOf(fd), count, false, [&] { return f(fd, buf, count); });
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset)
{
    static auto f = real<PwriteFn>("pwrite");
    return onFd(fd, true, false, offset, count, false, [&] { return f(fd, buf, count, offset); });
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset)
{
    static auto f = real<Pwrite64Fn>("pwrite64");
    return onFd(fd, true, false, static_cast<off_t>(offset), count, false, [&] { return f(fd, buf, count, offset); });
}

int ftruncate(int fd, off_t length) noexcept
{
    static auto f = real<TruncFn>("ftruncate");
    return onFd(fd, true, false, length, 0, true, [&] { return f(fd, length); });
}

int ftruncate64(int fd, off64_t length) noexcept
{
    static auto f = real<Trunc64Fn>("ftruncate64");
    return onFd(fd, true, false, static_cast<off_t>(length), 0, true, [&] { return f(fd, length); });
}

int fsync(int fd)
{
    static auto f = real<SyncFn>("fsync");
    return onFd(fd, false, true, 0, 0, false, [&] { return f(fd); });
}

int fdatasync(int fd)
{
    static auto f = real<SyncFn>("fdatasync");
    return onFd(fd, false, true, 0, 0, false, [&] { return f(fd); });
}

int mkdir(const char* path, mode_t mode) noexcept
{
    static auto f = real<MkdirFn>("mkdir");
    return onEntry(Change::Kind::MakeFolder, absolute(AT_FDCWD, path), {}, true, [&] { return f(path, mode); });
}

int rename(const char* from, const char* to) noexcept
{
    static auto f = real<Path2Fn>("rename");
    return onEntry(Change::Kind::Rename, absolute(AT_FDCWD, from), absolute(AT_FDCWD, to), false,
                   [&] { return f(from, to); });
}

int renameat(int fromDir, const char* from, int toDir, const char* to) noexcept
{
    static auto f = real<RenameAtFn>("renameat");
    return onEntry(Change::Kind::Rename, absolute(fromDir, from), absolute(toDir, to), false,
                   [&] { return f(fromDir, from, toDir, to); });
}

int renameat2(int fromDir, const char* from, int toDir, const char* to, unsigned int flags) noexcept
{
    static auto f = real<RenameAt2Fn>("renameat2");
    return onEntry(Change::Kind::Rename, absolute(fromDir, from), absolute(toDir, to), false,
                   [&] { return f(fromDir, from, toDir, to, flags); });
}

int link(const char* from, const char* to) noexcept
{
    static auto f = real<Path2Fn>("link");
    return onEntry(Change::Kind::Link, absolute(AT_FDCWD, from), absolute(AT_FDCWD, to), true,
                   [&] { return f(from, to); });
}

int unlink(const char* path) noexcept
{
    static auto f = real<PathFn>("unlink");
    return onEntry(Change::Kind::Unlink, absolute(AT_FDCWD, path), {}, false, [&] { return f(path); });
}

int unlinkat(int dirfd, const char* path, int flags) noexcept
{
    static auto f = real<UnlinkAtFn>("unlinkat");
    if ((flags & AT_REMOVEDIR) != 0)
        return onUnrecorded(absolute(dirfd, path), [&] { return f(dirfd, path, flags); });
    return onEntry(Change::Kind::Unlink, absolute(dirfd, path), {}, false, [&] { return f(dirfd, path, flags); });
}

int rmdir(const char* path) noexcept
{
    static auto f = real<PathFn>("rmdir");
    return onUnrecorded(absolute(AT_FDCWD, path), [&] { return f(path); });
}

int remove(const char* path) noexcept
{
    struct stat st
    {};
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return rmdir(path);
    return unlink(path);
}

} // extern "C"
