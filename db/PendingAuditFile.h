// SPDX-License-Identifier: GPL-3.0-or-later
// Failed logins recorded before anyone holds the database key, waiting to enter the audit chain.
#pragma once

#include "core/ports/PendingAuditLog.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cc::db {

/// `<clinic>/pending-audit.log` (ports::PendingAuditLog): one canonical JSON object per line,
/// appended and fsync'd. The next successful login reads the entries with readAll(), records each
/// as an audit event through the services and then calls clear(). Unauthenticated by necessity
/// (docs/STORAGE.md). Bounded: at kMaxEntries lines the oldest kDropBatch lines are removed and
/// counted in a marker line kept first in the file, which readAll() returns with the kind
/// "entries-dropped:<count>" ("entries-dropped:0": an unknown number, the file was replaced).
/// Thread-safe within one process; the clinic lock keeps other processes out.
class PendingAuditFile final : public ports::PendingAuditLog
{
public:
    static constexpr std::size_t kMaxEntries = 10'000;
    static constexpr std::size_t kDropBatch = 1'000;
    static constexpr std::size_t kMaxUserNameChars = 128;
    static constexpr std::size_t kMaxWorkstationChars = 255;
    static constexpr std::size_t kMaxKindLength = 40;
    /// The marker's kind in the file; readAll() appends ":<count>".
    static constexpr std::string_view kDroppedKind = "entries-dropped";
    /// Longest line written (both strings at their limits, fully escaped, plus the rest).
    static constexpr std::size_t kMaxLineBytes = 4096;
    /// Largest file read: kMaxEntries lines at their longest, plus the marker line.
    static constexpr std::size_t kMaxFileSize = (kMaxEntries + 1) * (kMaxLineBytes + 1);

    /// The file at `path` (usually ClinicFolder::pendingAuditPath()); not touched yet.
    explicit PendingAuditFile(std::string path);

    /// Appends one entry (`line` and `damaged` are ignored) and fsyncs it; creates the file (0600)
    /// if missing. Over-long names are cut to their limits; invalid UTF-8 becomes U+FFFD. Errors:
    /// InvalidArgument (kind not 1-40 of a-z, 0-9 and '-', or "entries-dropped"; negative time),
    /// StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] Status append(const ports::PendingAuditEntry& entry) override;

    /// Every line in order, `line` set; a line that does not parse strictly (including a torn
    /// last line after a crash) is returned with damaged = true. No file: an empty list. A file
    /// larger than kMaxFileSize (not written by us) yields one damaged entry for line 0.
    /// Errors: StorageError.
    [[nodiscard]] Result<std::vector<ports::PendingAuditEntry>> readAll() const override;

    /// Empties the file (atomic replace), after the entries read were recorded in the audit chain.
    /// Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] Status clear() override;

    /// The file's path.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

    /// The canonical line for `entry` (no LF); `droppedCount` is used for the marker kind only.
    /// Errors: InvalidArgument as append().
    [[nodiscard]] static Result<std::string> encodeLine(const ports::PendingAuditEntry& entry,
                                                        std::uint64_t droppedCount = 0);
    /// Parses one line strictly (canonical form only); a marker comes back with the kind
    /// "entries-dropped:<count>". Errors: MalformedInput naming the field.
    [[nodiscard]] static Result<ports::PendingAuditEntry> parseLine(std::string_view line);

private:
    Status compact(const std::vector<std::uint8_t>& content, std::int64_t timeMs);

    std::string m_path;
    mutable std::mutex m_mutex;
};

} // namespace cc::db
