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
#include <cerrno>
#include <cmath>

namespace cc::db {

namespace {

constexpr int kVersion = 1;
constexpr double kMaxJsonInteger = 9007199254740991.0; // 2^53 - 1 (RFC 8259 section 6)

/// A kind is a short token ("login-failed"), so the services can add kinds without a change here.
bool validKind(std::string_view kind)
{
    if (kind.empty() || kind.size() > PendingAuditFile::kMaxKindLength)
        return false;
    return std::all_of(kind.begin(), kind.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

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

PendingAuditFile::PendingAuditFile(std::string path) : m_path(std::move(path)) {}

Result<std::string> PendingAuditFile::encodeLine(const ports::PendingAuditEntry& entry, std::uint64_t droppedCount)
{
    if (entry.timeMs < 0 || static_cast<double>(entry.timeMs) > kMaxJsonInteger)
        return makeError(ErrorCode::InvalidArgument, "pending audit entry: time out of range");
    if (!validKind(entry.kind))
        return makeError(ErrorCode::InvalidArgument, "pending audit entry: kind must be 1-40 of a-z, 0-9 and '-'");
    QJsonObject o;
    o.insert(QStringLiteral("v"), kVersion);
    o.insert(QStringLiteral("kind"), QString::fromStdString(entry.kind));
    o.insert(QStringLiteral("timeMs"), static_cast<qint64>(entry.timeMs));
    if (entry.kind == kDroppedKind) {
        if (static_cast<double>(droppedCount) > kMaxJsonInteger)
            return makeError(ErrorCode::InvalidArgument, "pending audit entry: count out of range");
        o.insert(QStringLiteral("count"), static_cast<qint64>(droppedCount));
    } else {
        o.insert(QStringLiteral("user"), limited(entry.userName, kMaxUserNameChars));
        o.insert(QStringLiteral("workstation"), limited(entry.workstation, kMaxWorkstationChars));
    }
    // Compact output of a QJsonObject (sorted keys, no optional spaces) is canonical, and it never
    // contains a raw LF: one object is exactly one line.
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<ports::PendingAuditEntry> PendingAuditFile::parseLine(std::string_view line)
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
    ports::PendingAuditEntry entry;
    auto kind = stringField(o, "kind");
    CC_TRY(kind);
    entry.kind = std::move(kind).value();
    if (!validKind(entry.kind))
        return malformed("not a valid kind", {}, 0, "kind");
    auto timeMs = integerField(o, "timeMs");
    CC_TRY(timeMs);
    entry.timeMs = *timeMs;
    std::uint64_t droppedCount = 0;
    if (entry.kind == kDroppedKind) {
        auto count = integerField(o, "count");
        CC_TRY(count);
        droppedCount = static_cast<std::uint64_t>(*count);
    } else {
        auto user = stringField(o, "user");
        CC_TRY(user);
        entry.userName = std::move(user).value();
        auto workstation = stringField(o, "workstation");
        CC_TRY(workstation);
        entry.workstation = std::move(workstation).value();
    }
    // Re-encoding proves the line is exactly what append() writes: no extra or duplicate keys
    // (QJsonDocument keeps the last of duplicates silently), no over-long names.
    auto again = encodeLine(entry, droppedCount);
    CC_TRY(again);
    if (*again != line)
        return malformed("not in the form CipherChart writes");
    if (entry.kind == kDroppedKind)
        entry.kind += ":" + std::to_string(droppedCount);
    return entry;
}

Status PendingAuditFile::append(const ports::PendingAuditEntry& entry)
{
    if (entry.kind == kDroppedKind)
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
    ports::PendingAuditEntry marker;
    marker.kind = std::string(kDroppedKind);
    marker.timeMs = timeMs;
    std::uint64_t droppedCount = 0;
    std::size_t first = 0;
    if (!lines.empty()) {
        auto previous = parseLine(lines.front());
        const std::string prefix = std::string(kDroppedKind) + ":";
        if (previous.ok() && previous->kind.rfind(prefix, 0) == 0) {
            droppedCount = std::stoull(previous->kind.substr(prefix.size()));
            first = 1;
        }
    }
    const std::size_t drop = std::min(kDropBatch, lines.size() - first);
    droppedCount += drop;
    auto markerLine = encodeLine(marker, droppedCount);
    CC_TRY(markerLine);
    std::string out = *markerLine + "\n";
    for (std::size_t i = first + drop; i < lines.size(); ++i)
        out += lines[i] + "\n";
    const auto* data = reinterpret_cast<const std::uint8_t*>(out.data());
    return writeFileAtomically(m_path, std::span<const std::uint8_t>(data, out.size()));
}

Result<std::vector<ports::PendingAuditEntry>> PendingAuditFile::readAll() const
{
    const std::lock_guard lock(m_mutex);
    std::vector<ports::PendingAuditEntry> entries;
    auto content = readFile(m_path, kMaxFileSize);
    if (!content.ok()) {
        if (content.error().code == ErrorCode::NotFound)
            return entries;
        if (content.error().code != ErrorCode::MalformedInput)
            return std::move(content).error();
        ports::PendingAuditEntry damaged;
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
        auto parsed = torn ? Result<ports::PendingAuditEntry>(malformed("torn line")) : parseLine(line);
        const bool parsedOk = parsed.ok();
        ports::PendingAuditEntry entry = parsedOk ? std::move(parsed).value() : ports::PendingAuditEntry{};
        entry.damaged = !parsedOk;
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
