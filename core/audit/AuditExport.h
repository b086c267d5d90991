// SPDX-License-Identifier: GPL-3.0-or-later
// Listing and export of audit events as RFC 4180 CSV and RFC 5424 syslog lines.
#pragma once

#include "core/Result.h"
#include "core/audit/AuditEvent.h"
#include "core/audit/AuditFilter.h"
#include "core/audit/AuditRecord.h"
#include "core/ports/AuditStore.h"

#include <functional>
#include <string>
#include <vector>

class QIODevice;

namespace cc::audit {

/// An event with the chain values it was stored with.
struct AuditEntry
{
    AuditEvent event;
    Digest256 hash{};
    Digest256 mac{};
};

/// RFC 5424 choices for syslog export.
struct SyslogOptions
{
    int facility = 13;                   ///< 13 "log audit" (RFC 5424 table 1) or 10 "authpriv"
    std::string appName = "cipherchart"; ///< APP-NAME, at most 48 printable characters
    std::string sdId = "rfc3881@32473";  ///< SD-ID; 32473 is the documentation PEN (RFC 5612): replace it
};

/// Reads, filters and formats audit events. Exports do not verify the chain: run AuditVerifier.
class AuditExport
{
public:
    /// Calls `visit` for each stored event that passes `filter`, in seq order. Errors: storage
    /// errors, MalformedInput (an unreadable body, naming its seq), or the first error from `visit`.
    [[nodiscard]] static Status forEach(const AuditStore& store, const AuditFilter& filter,
                                        const std::function<Status(const AuditEntry&)>& visit);

    /// All events passing `filter`, in seq order. Errors: as forEach.
    [[nodiscard]] static Result<std::vector<AuditEntry>> list(const AuditStore& store, const AuditFilter& filter);

    /// The CSV header row, CRLF-terminated.
    [[nodiscard]] static std::string csvHeader();

    /// One CSV row (RFC 4180: fields with comma, quote, CR or LF quoted, quotes doubled; CRLF end).
    /// Text starting with = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
    [[nodiscard]] static std::string csvLine(const AuditEntry& entry);

    /// One RFC 5424 line (no trailing newline): <PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID [SD] MSG.
    [[nodiscard]] static std::string syslogLine(const AuditEntry& entry, const SyslogOptions& options = {});

    /// Writes the header and one row per matching event. Errors: as forEach, StorageError (write).
    [[nodiscard]] static Status exportCsv(const AuditStore& store, const AuditFilter& filter, QIODevice& out);

    /// Writes one LF-terminated syslog line per matching event. Errors: as exportCsv, InvalidArgument
    /// (facility not 10 or 13).
    [[nodiscard]] static Status exportSyslog(const AuditStore& store, const AuditFilter& filter,
                                             const SyslogOptions& options, QIODevice& out);
};

} // namespace cc::audit
