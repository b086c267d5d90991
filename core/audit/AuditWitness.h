// SPDX-License-Identifier: GPL-3.0-or-later
// The external witness of the audit chain: each committed head sent to a syslog collector.
#pragma once

#include "core/Result.h"
#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditEvent.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::audit {

/// What the witness learns of one committed event: the chain head after it and enough of the
/// event to name it later. Never the patient, the reason or the detail (the collector is outside
/// the clinic's encryption).
struct WitnessedHead
{
    ClinicId clinicId{};
    std::uint64_t seq = 0;
    Digest256 hash{};
    Digest256 mac{};
    std::int64_t timeMs = 0;
    AuditEventId eventId = AuditEventId::ApplicationActivity;
    AuditEventType eventType = AuditEventType::None;
    AuditAction action = AuditAction::Execute;
    AuditOutcome outcome = AuditOutcome::Success;
    std::string userId;      ///< hex row id or empty
    std::string workstation; ///< as in the event

    friend bool operator==(const WitnessedHead&, const WitnessedHead&) = default;
};

/// Port: where witnessed heads go (db/ implements it as RFC 5424 syslog over TCP with
/// octet-counting framing, RFC 6587 section 3.4.1).
class AuditWitness
{
public:
    virtual ~AuditWitness() = default;
    /// Delivers each message (one formatWitnessMessage() each) in order. Errors: StorageError
    /// naming the collector (unreachable, refused, timed out); what was not delivered is retried.
    [[nodiscard]] virtual Status deliver(std::span<const std::string> messages) = 0;
};

/// A collector address "host:port" (host name or IPv4 address; port 1..65535).
struct WitnessAddress
{
    std::string host;
    std::uint16_t port = 0;

    /// Errors: InvalidArgument naming what is wrong.
    [[nodiscard]] static Result<WitnessAddress> parse(std::string_view text);
    [[nodiscard]] std::string text() const { return host + ":" + std::to_string(port); }
};

/// One RFC 5424 message (without framing) for `head`:
///   <110>1 TIME HOST cipherchart - audit-head [cchead@32473 clinic=".." seq=".." hash=".." mac=".."]
///   cipherchart-audit-head v1 clinic=<hex> seq=<n> time=<ms> hash=<hex> mac=<hex> event=<id>/<type>
///   action=<C|R|U|D|E> outcome=<n> user=<hex|-> ws=<name|->
/// PRI 110 = facility 13 (log audit) x 8 + severity 6. The same fields are repeated in MSG, so the
/// collector's file keeps them whatever its template (rsyslog's default file format drops the
/// structured data).
[[nodiscard]] std::string formatWitnessMessage(const WitnessedHead& head);

/// A head found in a collector's log, with its 1-based line number.
struct WitnessLine
{
    std::size_t line = 0;
    WitnessedHead head;
};

/// What parseWitnessLog() found: the heads, and the lines that carry the marker but do not parse.
struct WitnessLog
{
    std::vector<WitnessLine> heads;
    std::vector<std::size_t> damagedLines;
    /// The file ended inside a line with the marker (no line feed yet): the collector was still
    /// writing it (a log read while it grows). Set aside, not parsed and not reported damaged:
    /// that event's witness is simply not there yet.
    bool unterminatedTail = false;
};

/// Scans a collector's log file (any line format that keeps MSG) for "cipherchart-audit-head v1"
/// and parses the fields after it strictly. Other lines are ignored. A last line without its line
/// feed is set aside as unterminatedTail (a write in progress), not reported damaged; a complete
/// line that does not parse is damaged. Never fails on content.
[[nodiscard]] WitnessLog parseWitnessLog(std::string_view text);

} // namespace cc::audit
