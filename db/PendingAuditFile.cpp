// SPDX-License-Identifier: GPL-3.0-or-later
// pending-audit.log: append-only JSON lines with fsync, strict reading, a bound on its size.
#include "db/PendingAuditFile.h"

#include "db/AtomicFile.h"
#include "db/FileSystem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QString>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>

namespace cc::db {

namespace {

constexpr int kVersion = 1;
constexpr double kMaxJsonInteger = 9007199254740991.0; // 2^53 - 1 (RFC 8259 section 6)

constexpr std::array<PendingAuditKind, 4> kKinds = {PendingAuditKind::LoginFailed, PendingAuditKind::AccountLocked,
                                                    PendingAuditKind::AccountSuspended,
                                                    PendingAuditKind::EntriesDropped};

QString limited(const std::string& text, std::size_t maxChars)
{
    QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    const QList<uint> codePoints = s.toUcs4();
    if (static_cast<std::size_t>(codePoints.size()) > maxChars)
        s = QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()),
                              static_cast<qsizetype>(maxChars));
    return s;
}

Result<std::int64_t> integerField(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > kMaxJsonInteger || std::floor(d) != d)
        return malformed("must be a non-negative integer below 2^53", {}, 0, key);
    return static_cast<std::int64_t>(d);
}

Result<std::string> stringField(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString())
        return malformed("must be a string", {}, 0, key);
    return v.toString().toStdString();
}

/// Closes a descriptor once.
struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

Status writeAll(int fd, const std::string& data, const std::string& path)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return detail::writeErrnoError(errno, "cannot append to", path);
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

} // namespace

std::string_view pendingAuditKindName(PendingAuditKind kind) noexcept
{
    switch (kind) {
    case PendingAuditKind::LoginFailed:
        return "login-failed";
    case PendingAuditKind::AccountLocked:
        return "account-locked";
    case PendingAuditKind::AccountSuspended:
        return "account-suspended";
    case PendingAuditKind::EntriesDropped:
        return "entries-dropped";
    }
    return "unknown";
}

PendingAuditFile::PendingAuditFile(std::string path) : m_path(std::move(path)) {}

Result<std::string> PendingAuditFile::encodeLine(const PendingAuditEntry& entry)
{
    if (entry.timeMs < 0 || static_cast<double>(entry.timeMs) > kMaxJsonInteger)
        return makeError(ErrorCode::InvalidArgument, "pending audit entry: time out of range");
    QJsonObject o;
    o.insert(QStringLiteral("v"), kVersion);
    o.insert(QStringLiteral("kind"), QString::fromLatin1(pendingAuditKindName(entry.kind).data()));
    o.insert(QStringLiteral("timeMs"), static_cast<qint64>(entry.timeMs));
    if (entry.kind == PendingAuditKind::EntriesDropped) {
        if (static_cast<double>(entry.droppedCount) > kMaxJsonInteger)
            return makeError(ErrorCode::InvalidArgument, "pending audit entry: count out of range");
        o.insert(QStringLiteral("count"), static_cast<qint64>(entry.droppedCount));
    } else {
        if (entry.outcome != 0 && entry.outcome != 4 && entry.outcome != 8 && entry.outcome != 12)
            return makeError(ErrorCode::InvalidArgument, "pending audit entry: outcome must be 0, 4, 8 or 12");
        o.insert(QStringLiteral("outcome"), entry.outcome);
        o.insert(QStringLiteral("user"), limited(entry.userName, kMaxUserNameChars));
        o.insert(QStringLiteral("workstation"), limited(entry.workstation, kMaxWorkstationChars));
    }
    // Compact output of a QJsonObject (sorted keys, no optional spaces) is canonical, and it never
    // contains a raw LF: one object is exactly one line.
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<PendingAuditEntry> PendingAuditFile::parseLine(std::string_view line)
{
    QJsonParseError parseError{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(line.data(), static_cast<qsizetype>(line.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("not a JSON object");
    const QJsonObject o = doc.object();
    auto version = integerField(o, "v");
    CC_TRY(version);
    if (*version != kVersion)
        return malformed("unknown version", {}, 0, "v");
    auto kindText = stringField(o, "kind");
    CC_TRY(kindText);
    PendingAuditEntry entry;
    bool known = false;
    for (const PendingAuditKind kind : kKinds) {
        if (*kindText == pendingAuditKindName(kind)) {
            entry.kind = kind;
            known = true;
        }
    }
    if (!known)
        return malformed("unknown kind", {}, 0, "kind");
    auto timeMs = integerField(o, "timeMs");
    CC_TRY(timeMs);
    entry.timeMs = *timeMs;
    if (entry.kind == PendingAuditKind::EntriesDropped) {
        auto count = integerField(o, "count");
        CC_TRY(count);
        entry.droppedCount = static_cast<std::uint64_t>(*count);
    } else {
        auto outcome = integerField(o, "outcome");
        CC_TRY(outcome);
        entry.outcome = static_cast<int>(std::min<std::int64_t>(*outcome, 1000));
        auto user = stringField(o, "user");
        CC_TRY(user);
        entry.userName = std::move(user).value();
        auto workstation = stringField(o, "workstation");
        CC_TRY(workstation);
        entry.workstation = std::move(workstation).value();
    }
    // Re-encoding validates the ranges and proves the line is exactly what append() writes: no
    // extra or duplicate keys (QJsonDocument keeps the last of duplicates silently), no over-long names.
    auto again = encodeLine(entry);
    if (!again.ok())
        return malformed(again.error().message, {}, 0, "outcome");
    if (*again != line)
        return malformed("not in the form CipherChart writes");
    return entry;
}

Status PendingAuditFile::append(const PendingAuditEntry& entry)
{
    if (entry.kind == PendingAuditKind::EntriesDropped)
        return makeError(ErrorCode::InvalidArgument, "entries-dropped lines are written by the file itself");
    auto line = encodeLine(entry);
    CC_TRY(line);
    line->push_back('\n');

    const std::lock_guard lock(m_mutex);
    const bool existed = detail::pathExists(m_path);
    if (existed) {
        // Count the lines (at most a few MB, and only on a failed login, which has just spent
        // far longer in Argon2id); at the bound, make room by dropping the oldest.
        auto content = readFile(m_path, kMaxFileSize);
        if (!content.ok() && content.error().code != ErrorCode::MalformedInput)
            return std::move(content).error();
        if (!content.ok()) {
            // Larger than anything append() writes, or not a regular file: replace it by a marker
            // with count 0 ("an unknown number dropped"); its content cannot have come from us.
            CC_TRY(compact({}, entry.timeMs));
        } else if (static_cast<std::size_t>(std::count(content->begin(), content->end(), '\n')) >= kMaxEntries) {
            CC_TRY(compact(*content, entry.timeMs));
        }
    }

    Fd fd{::open(m_path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)};
    if (fd.fd < 0)
        return detail::writeErrnoError(errno, "cannot open", m_path);
    // A crash in the middle of an earlier append leaves a line without its LF: end it first, so
    // the new entry is not glued to it (readAll reports the torn line as damaged).
    const off_t size = ::lseek(fd.fd, 0, SEEK_END);
    if (size > 0) {
        char last = '\n';
        if (::pread(fd.fd, &last, 1, size - 1) == 1 && last != '\n')
            line->insert(line->begin(), '\n');
    }
    CC_TRY(writeAll(fd.fd, *line, m_path));
    if (::fsync(fd.fd) != 0)
        return detail::writeErrnoError(errno, "cannot sync", m_path);
    if (!existed)
        CC_TRY(detail::syncFolderOf(m_path));
    return {};
}

Status PendingAuditFile::compact(const std::vector<std::uint8_t>& content, std::int64_t timeMs)
{
    // Drop the oldest lines rather than refuse new ones: the newest failures are the ones an
    // administrator most needs to see, and refusing would let an attacker who floods the file with
    // failed logins hide the attempts that follow. What was dropped is not forgotten: the count
    // goes into an "entries-dropped" line kept first, summed over every compaction, and is audited.
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] == '\n') {
            lines.emplace_back(content.begin() + static_cast<std::ptrdiff_t>(start),
                               content.begin() + static_cast<std::ptrdiff_t>(i));
            start = i + 1;
        }
    }
    PendingAuditEntry marker;
    marker.kind = PendingAuditKind::EntriesDropped;
    marker.timeMs = timeMs;
    std::size_t first = 0;
    if (!lines.empty()) {
        auto previous = parseLine(lines.front());
        if (previous.ok() && previous->kind == PendingAuditKind::EntriesDropped) {
            marker.droppedCount = previous->droppedCount;
            first = 1;
        }
    }
    const std::size_t drop = std::min(kDropBatch, lines.size() - first);
    marker.droppedCount += drop;
    auto markerLine = encodeLine(marker);
    CC_TRY(markerLine);
    std::string out = *markerLine + "\n";
    for (std::size_t i = first + drop; i < lines.size(); ++i)
        out += lines[i] + "\n";
    const auto* data = reinterpret_cast<const std::uint8_t*>(out.data());
    return writeFileAtomically(m_path, std::span<const std::uint8_t>(data, out.size()));
}

Result<std::vector<PendingAuditEntry>> PendingAuditFile::readAll() const
{
    const std::lock_guard lock(m_mutex);
    std::vector<PendingAuditEntry> entries;
    auto content = readFile(m_path, kMaxFileSize);
    if (!content.ok()) {
        if (content.error().code == ErrorCode::NotFound)
            return entries;
        if (content.error().code != ErrorCode::MalformedInput)
            return std::move(content).error();
        PendingAuditEntry damaged;
        damaged.damaged = true;
        entries.push_back(damaged);
        return entries;
    }
    const std::string text(content->begin(), content->end());
    std::size_t start = 0;
    long lineNumber = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const bool torn = end == std::string::npos;
        const std::string_view line(text.data() + start, (torn ? text.size() : end) - start);
        ++lineNumber;
        auto parsed = torn ? Result<PendingAuditEntry>(malformed("torn line")) : parseLine(line);
        PendingAuditEntry entry = parsed.ok() ? std::move(parsed).value() : PendingAuditEntry{};
        entry.damaged = !parsed.ok();
        entry.line = lineNumber;
        entries.push_back(std::move(entry));
        start = torn ? text.size() : end + 1;
    }
    return entries;
}

Status PendingAuditFile::clear()
{
    const std::lock_guard lock(m_mutex);
    if (!detail::pathExists(m_path))
        return {};
    return writeFileAtomically(m_path, std::span<const std::uint8_t>());
}

} // namespace cc::db
