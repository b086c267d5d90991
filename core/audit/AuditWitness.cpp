// SPDX-License-Identifier: GPL-3.0-or-later
// Witness messages: RFC 5424 text for one chain head, and the parser for a collector's log file.
#include "core/audit/AuditWitness.h"

#include "core/crypto/Hex.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>

namespace cc::audit {

namespace {

constexpr std::string_view kMarker = "cipherchart-audit-head v1 ";
// RFC 5424 section 6.3.2: an SD-ID with '@' is private to the holder of the enterprise number;
// 32473 is the documentation number of RFC 5612 (docs/AUDIT.md section 5).
constexpr std::string_view kSdId = "cchead@32473";
constexpr std::size_t kMaxHostSize = 255;

bool isLowerHexText(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

template <std::size_t N> bool parseHexArray(std::string_view text, std::array<std::uint8_t, N>& out)
{
    if (text.size() != 2 * N || !isLowerHexText(text))
        return false;
    auto bytes = crypto::hexDecode(text);
    if (!bytes.ok())
        return false;
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return true;
}

template <typename T> bool parseNumber(std::string_view text, T& out)
{
    if (text.empty() || text.size() > 19)
        return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool isHostText(std::string_view s)
{
    return !s.empty() && s.size() <= kMaxHostSize && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
               c == '_';
    });
}

/// Parses the "name=value" tokens after the marker; every field exactly once, nothing else.
bool parseFields(std::string_view rest, WitnessedHead& head)
{
    std::map<std::string_view, std::string_view> fields;
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        std::string_view token = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        if (token.empty())
            continue;
        const std::size_t eq = token.find('=');
        if (eq == std::string_view::npos || !fields.emplace(token.substr(0, eq), token.substr(eq + 1)).second)
            return false;
    }
    static constexpr std::string_view kNames[] = {"clinic", "seq",    "time",    "hash", "mac",
                                                  "event",  "action", "outcome", "user", "ws"};
    if (fields.size() != std::size(kNames))
        return false;
    for (auto name : kNames)
        if (!fields.contains(name))
            return false;
    if (!parseHexArray(fields["clinic"], head.clinicId) || !parseNumber(fields["seq"], head.seq) || head.seq == 0 ||
        !parseNumber(fields["time"], head.timeMs) || !parseHexArray(fields["hash"], head.hash) ||
        !parseHexArray(fields["mac"], head.mac))
        return false;
    const std::string_view event = fields["event"];
    const std::size_t slash = event.find('/');
    int id = 0;
    int type = 0;
    if (slash == std::string_view::npos || !parseNumber(event.substr(0, slash), id) ||
        !parseNumber(event.substr(slash + 1), type) || !isKnownEventId(id) || !isKnownEventType(type))
        return false;
    head.eventId = static_cast<AuditEventId>(id);
    head.eventType = static_cast<AuditEventType>(type);
    const std::string_view action = fields["action"];
    if (action.size() != 1 || std::string_view("CRUDE").find(action[0]) == std::string_view::npos)
        return false;
    head.action = static_cast<AuditAction>(action[0]);
    int outcome = 0;
    if (!parseNumber(fields["outcome"], outcome) || (outcome != 0 && outcome != 4 && outcome != 8 && outcome != 12))
        return false;
    head.outcome = static_cast<AuditOutcome>(outcome);
    const std::string_view user = fields["user"];
    if (user != "-" && (user.size() > 64 || user.empty() || !isLowerHexText(user)))
        return false;
    head.userId = user == "-" ? std::string() : std::string(user);
    const std::string_view ws = fields["ws"];
    if (ws != "-" && !isHostText(ws))
        return false;
    head.workstation = ws == "-" ? std::string() : std::string(ws);
    return true;
}

} // namespace

Result<WitnessAddress> WitnessAddress::parse(std::string_view text)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return makeError(ErrorCode::InvalidArgument, "a witness address is HOST:PORT, e.g. 127.0.0.1:6514");
    WitnessAddress a;
    a.host = std::string(text.substr(0, colon));
    if (!isHostText(a.host) || a.host.size() > 100)
        return makeError(ErrorCode::InvalidArgument,
                         "the witness host must be a host name or IPv4 address (letters, digits, '.', '-')");
    unsigned port = 0;
    if (!parseNumber(text.substr(colon + 1), port) || port == 0 || port > 65535)
        return makeError(ErrorCode::InvalidArgument, "the witness port must be a number from 1 to 65535");
    a.port = static_cast<std::uint16_t>(port);
    return a;
}

std::string formatWitnessMessage(const WitnessedHead& head)
{
    const std::string clinic = crypto::hexEncode(head.clinicId);
    const std::string hash = crypto::hexEncode(head.hash);
    const std::string mac = crypto::hexEncode(head.mac);
    const std::string host = head.workstation.empty() ? "-" : head.workstation;
    std::string m = "<110>1 " + formatUtcMillis(head.timeMs) + " " + host + " cipherchart - audit-head [";
    m += std::string(kSdId) + " clinic=\"" + clinic + "\" seq=\"" + std::to_string(head.seq) + "\" hash=\"" + hash +
         "\" mac=\"" + mac + "\"] ";
    m += std::string(kMarker) + "clinic=" + clinic + " seq=" + std::to_string(head.seq) +
         " time=" + std::to_string(head.timeMs) + " hash=" + hash + " mac=" + mac +
         " event=" + std::to_string(static_cast<int>(head.eventId)) + "/" +
         std::to_string(static_cast<int>(head.eventType)) +
         " action=" + std::string(1, static_cast<char>(head.action)) +
         " outcome=" + std::to_string(static_cast<int>(head.outcome)) +
         " user=" + (head.userId.empty() ? "-" : head.userId) + " ws=" + host;
    return m;
}

WitnessLog parseWitnessLog(std::string_view text)
{
    WitnessLog log;
    std::size_t lineNo = 0;
    while (!text.empty()) {
        ++lineNo;
        const std::size_t nl = text.find('\n');
        const bool unterminated = nl == std::string_view::npos;
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const std::size_t at = line.find(kMarker);
        if (at == std::string_view::npos)
            continue;
        if (unterminated) {
            // The collector writes whole lines ending in a line feed: without it, this one is
            // still being written (a cut line may even parse, with a cut last field).
            log.unterminatedTail = true;
            break;
        }
        WitnessLine found;
        found.line = lineNo;
        if (parseFields(line.substr(at + kMarker.size()), found.head))
            log.heads.push_back(std::move(found));
        else
            log.damagedLines.push_back(lineNo);
    }
    return log;
}

} // namespace cc::audit
