// SPDX-License-Identifier: GPL-3.0-or-later
// Audit listing and export: RFC 4180 CSV and RFC 5424 syslog.
#include "core/audit/AuditExport.h"

#include "core/crypto/Hex.h"

#include <QIODevice>

namespace cc::audit {

namespace {

constexpr std::size_t kPageSize = 1000;

// RFC 4180 section 2: a field containing a comma, a double quote, CR or LF is enclosed in double
// quotes and each quote inside is doubled. OWASP "CSV Injection": a leading = + - @ TAB or CR makes
// spreadsheets evaluate the cell, so such text gets a leading apostrophe.
std::string csvField(const std::string& value)
{
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos)
        return v;
    std::string quoted = "\"";
    for (char c : v) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

// RFC 5424 section 6.3.3: inside PARAM-VALUE, '"', '\' and ']' MUST be escaped with '\'. Control
// characters are rejected when an event is recorded; any that slip through become spaces so a
// line stays one line.
std::string sdValue(const std::string& value)
{
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '"' || c == '\\' || c == ']')
            out += '\\';
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
    return out;
}

// RFC 5424 section 6: header fields are PRINTUSASCII (33..126) or the NILVALUE "-".
std::string headerToken(const std::string& value, std::size_t maxSize)
{
    if (value.empty() || value.size() > maxSize)
        return "-";
    for (char c : value) {
        if (c < 33 || c > 126)
            return "-";
    }
    return value;
}

// Severity (RFC 5424 table 2) from the RFC 3881 outcome; a flagged success is a notice.
int severityOf(const AuditEvent& e)
{
    switch (e.outcome) {
    case AuditOutcome::Success:
        return e.flagged ? 5 : 6;
    case AuditOutcome::MinorFailure:
        return 4;
    case AuditOutcome::SeriousFailure:
        return 3;
    case AuditOutcome::MajorFailure:
        return 2;
    }
    return 3;
}

Status writeAll(QIODevice& out, const std::string& text)
{
    const auto size = static_cast<qint64>(text.size());
    if (out.write(text.data(), size) != size)
        return makeError(ErrorCode::StorageError, "cannot write the audit export");
    return {};
}

} // namespace

Status AuditExport::forEach(const AuditStore& store, const AuditFilter& filter,
                            const std::function<Status(const AuditEntry&)>& visit)
{
    std::uint64_t next = 1;
    for (;;) {
        auto page = store.read(next, kPageSize);
        CC_TRY(page);
        for (const AuditRecord& r : *page) {
            auto event = decodeEvent(r.body);
            if (!event.ok()) {
                Error error = std::move(event).error();
                error.message = "audit event " + std::to_string(r.seq) + ": " + error.message;
                return error;
            }
            if (filter.matches(*event))
                CC_TRY(visit(AuditEntry{std::move(event).value(), r.hash, r.mac}));
            next = r.seq + 1;
        }
        if (page->size() < kPageSize)
            return {};
    }
}

Result<std::vector<AuditEntry>> AuditExport::list(const AuditStore& store, const AuditFilter& filter)
{
    std::vector<AuditEntry> entries;
    CC_TRY(forEach(store, filter, [&entries](const AuditEntry& entry) -> Status {
        entries.push_back(entry);
        return {};
    }));
    return entries;
}

std::string AuditExport::csvHeader()
{
    return "seq,time,user_id,user_name,role,workstation,action,outcome,event_id,event_name,event_type,"
           "event_type_name,patient,object_type,object_id,reason,flagged,detail,hash,mac\r\n";
}

std::string AuditExport::csvLine(const AuditEntry& entry)
{
    const AuditEvent& e = entry.event;
    const std::string fields[] = {
        std::to_string(e.seq),
        formatUtcMillis(e.timeMs),
        e.userId,
        e.userName,
        e.role,
        e.workstation,
        std::string(1, static_cast<char>(e.action)),
        std::to_string(static_cast<int>(e.outcome)),
        std::to_string(static_cast<int>(e.eventId)),
        std::string(eventIdName(e.eventId)),
        e.eventType == AuditEventType::None ? std::string() : std::to_string(static_cast<int>(e.eventType)),
        std::string(eventTypeName(e.eventType)),
        e.patientId,
        e.objectType,
        e.objectId,
        e.reason,
        e.flagged ? "1" : "0",
        e.detail,
        crypto::hexEncode(entry.hash),
        crypto::hexEncode(entry.mac),
    };
    std::string line;
    for (const std::string& f : fields) {
        if (!line.empty())
            line += ',';
        line += csvField(f);
    }
    return line + "\r\n";
}

std::string AuditExport::syslogLine(const AuditEntry& entry, const SyslogOptions& options)
{
    const AuditEvent& e = entry.event;
    const int pri = options.facility * 8 + severityOf(e);
    std::string line = "<" + std::to_string(pri) + ">1 " + formatUtcMillis(e.timeMs) + " " +
                       headerToken(e.workstation, 255) + " " + headerToken(options.appName, 48) + " - " +
                       std::to_string(static_cast<int>(e.eventId)) + " [" + headerToken(options.sdId, 32);
    const std::pair<const char*, std::string> params[] = {
        {"seq", std::to_string(e.seq)},
        {"userId", e.userId},
        {"userName", e.userName},
        {"role", e.role},
        {"action", std::string(1, static_cast<char>(e.action))},
        {"outcome", std::to_string(static_cast<int>(e.outcome))},
        {"eventId", std::to_string(static_cast<int>(e.eventId))},
        {"eventType",
         e.eventType == AuditEventType::None ? std::string() : std::to_string(static_cast<int>(e.eventType))},
        {"patient", e.patientId},
        {"objectType", e.objectType},
        {"objectId", e.objectId},
        {"reason", e.reason},
        {"flagged", e.flagged ? "1" : "0"},
        {"detail", e.detail},
        {"hash", crypto::hexEncode(entry.hash)},
        {"mac", crypto::hexEncode(entry.mac)},
    };
    for (const auto& [name, value] : params)
        line += std::string(" ") + name + "=\"" + sdValue(value) + "\"";
    line += "] ";
    line += eventIdName(e.eventId);
    if (e.eventType != AuditEventType::None) {
        line += ": ";
        line += eventTypeName(e.eventType);
    }
    return line;
}

Status AuditExport::exportCsv(const AuditStore& store, const AuditFilter& filter, QIODevice& out)
{
    CC_TRY(writeAll(out, csvHeader()));
    return forEach(store, filter, [&out](const AuditEntry& entry) { return writeAll(out, csvLine(entry)); });
}

Status AuditExport::exportSyslog(const AuditStore& store, const AuditFilter& filter, const SyslogOptions& options,
                                 QIODevice& out)
{
    if (options.facility != 10 && options.facility != 13)
        return makeError(ErrorCode::InvalidArgument, "syslog facility must be 13 (log audit) or 10 (authpriv)");
    return forEach(store, filter, [&out, &options](const AuditEntry& entry) {
        return writeAll(out, syslogLine(entry, options) + "\n");
    });
}

} // namespace cc::audit
