// SPDX-License-Identifier: GPL-3.0-or-later
// Failed logins recorded before anyone holds the database key, waiting to enter the audit chain.
#pragma once

#include "core/Result.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cc::db {

/// What happened. The file's text for each is in parentheses.
enum class PendingAuditKind {
    LoginFailed,      ///< "login-failed": wrong password or unknown user
    AccountLocked,    ///< "account-locked": the back-off started (DESIGN.md section 8)
    AccountSuspended, ///< "account-suspended": 20 failures, suspended until an administrator acts
    EntriesDropped    ///< "entries-dropped": written by the file itself when it hit its bound
};

/// The file's name for a kind ("login-failed").
[[nodiscard]] std::string_view pendingAuditKindName(PendingAuditKind kind) noexcept;

/// One line of pending-audit.log. Never a password, never PHI.
struct PendingAuditEntry
{
    long line = 0;        ///< 1-based line number in the file (set by readAll)
    bool damaged = false; ///< the line does not parse: audit it as a security alert, do not drop it
    PendingAuditKind kind = PendingAuditKind::LoginFailed;
    std::int64_t timeMs = 0;        ///< Unix milliseconds (UTC)
    std::string userName;           ///< the name as typed at the login window (at most 128 characters)
    std::string workstation;        ///< host name (at most 255 characters)
    int outcome = 4;                ///< RFC 3881 EventOutcomeIndicator: 0, 4, 8 or 12
    std::uint64_t droppedCount = 0; ///< EntriesDropped only: lines removed (0: unknown, see readAll)
};

/// `<clinic>/pending-audit.log`: one canonical JSON object per line, appended and fsync'd. The
/// next successful login reads the entries with readAll(), records each as an audit event through
/// the services and then calls clear(). Unauthenticated by necessity (docs/STORAGE.md). Bounded:
/// at kMaxEntries lines the oldest kDropBatch lines are removed and counted in an
/// "entries-dropped" line kept first in the file. Thread-safe within one process; the clinic lock
/// keeps other processes out.
class PendingAuditFile
{
public:
    static constexpr std::size_t kMaxEntries = 10'000;
    static constexpr std::size_t kDropBatch = 1'000;
    static constexpr std::size_t kMaxUserNameChars = 128;
    static constexpr std::size_t kMaxWorkstationChars = 255;
    /// Longest line written (both strings at their limits, fully escaped, plus the numbers).
    static constexpr std::size_t kMaxLineBytes = 4096;
    /// Largest file read: kMaxEntries lines at their longest, plus the marker line.
    static constexpr std::size_t kMaxFileSize = (kMaxEntries + 1) * (kMaxLineBytes + 1);

    /// The file at `path` (usually ClinicFolder::pendingAuditPath()); not touched yet.
    explicit PendingAuditFile(std::string path);

    /// Appends one entry (line and damaged are ignored) and fsyncs it; creates the file (0600) if
    /// missing. Over-long names are cut to their limits; invalid UTF-8 becomes U+FFFD. Errors:
    /// InvalidArgument (kind EntriesDropped, outcome not 0/4/8/12, negative time), StorageFull,
    /// StorageReadOnly, StorageError.
    [[nodiscard]] Status append(const PendingAuditEntry& entry);

    /// Every line in order; a line that does not parse strictly (including a torn last line after
    /// a crash) is returned with damaged = true and its line number. No file: an empty list.
    /// A file larger than kMaxFileSize yields one damaged entry for line 0 (not written by us).
    /// Errors: StorageError.
    [[nodiscard]] Result<std::vector<PendingAuditEntry>> readAll() const;

    /// Empties the file (atomic replace), after the entries read were recorded in the audit chain.
    /// Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] Status clear();

    /// The file's path.
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }

    /// The canonical line for `entry` (no LF). Errors: InvalidArgument as append().
    [[nodiscard]] static Result<std::string> encodeLine(const PendingAuditEntry& entry);
    /// Parses one line strictly (canonical form only). Errors: MalformedInput naming the field.
    [[nodiscard]] static Result<PendingAuditEntry> parseLine(std::string_view line);

private:
    Status compact(const std::vector<std::uint8_t>& content, std::int64_t timeMs);

    std::string m_path;
    mutable std::mutex m_mutex;
};

} // namespace cc::db
