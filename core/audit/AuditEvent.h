// SPDX-License-Identifier: GPL-3.0-or-later
// One audit event (DESIGN.md section 7) with RFC 3881 / DICOM PS3.15 codes, and its canonical encoding.
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::audit {

/// RFC 3881 section 5.1.2 EventActionCode.
enum class AuditAction : char { Create = 'C', Read = 'R', Update = 'U', Delete = 'D', Execute = 'E' };

/// RFC 3881 section 5.1.4 EventOutcomeIndicator.
enum class AuditOutcome : int { Success = 0, MinorFailure = 4, SeriousFailure = 8, MajorFailure = 12 };

/// DICOM PS3.16 CID 400 "Audit Event ID" (code scheme DCM), the RFC 3881 EventID.
enum class AuditEventId : int {
    ApplicationActivity = 110100,
    AuditLogUsed = 110101,
    Export = 110106,
    Import = 110107,
    PatientRecord = 110110,
    Query = 110112,
    SecurityAlert = 110113,
    UserAuthentication = 110114
};

/// DICOM PS3.16 CID 401 "Audit Event Type Code" (code scheme DCM), the RFC 3881 EventTypeCode.
/// None means the event has no subtype.
enum class AuditEventType : int {
    None = 0,
    ApplicationStart = 110120,
    ApplicationStop = 110121,
    Login = 110122,
    Logout = 110123,
    EmergencyOverrideStarted = 110127,
    SecurityConfiguration = 110129,
    SoftwareConfiguration = 110131,
    UseOfRestrictedFunction = 110132,
    AuditRecordingStopped = 110133,
    AuditRecordingStarted = 110134,
    ObjectSecurityAttributesChanged = 110135,
    SecurityRolesChanged = 110136,
    UserSecurityAttributesChanged = 110137,
    EmergencyOverrideStopped = 110138
};

/// One audited action. Callers fill everything except seq and timeMs, which AuditLog sets.
/// No field may carry patient data: patientId is a random row id, never an MRN or a name, and
/// detail and reason must never contain names, values or note text.
struct AuditEvent
{
    std::uint64_t seq = 0;   ///< position in the chain, from 1; set by AuditLog
    std::int64_t timeMs = 0; ///< UTC milliseconds since the Unix epoch; set by AuditLog
    std::string userId;      ///< the account's row id in lower-case hex (empty: the system itself)
    std::string userName;    ///< the account's login name (RFC 3881 UserName); empty if unknown
    std::string role;        ///< "patient", "doctor", "administrator" or "system"
    std::string workstation; ///< host name of the workstation (RFC 3881 NetworkAccessPointID)
    AuditAction action = AuditAction::Execute;
    AuditOutcome outcome = AuditOutcome::Success;
    AuditEventId eventId = AuditEventId::ApplicationActivity;
    AuditEventType eventType = AuditEventType::None;
    std::string patientId;  ///< 32 lower-case hex digits (128-bit row id) or empty
    std::string objectType; ///< e.g. "Observation", "User", "Report" (letters only) or empty
    std::string objectId;   ///< the object's id (letters, digits, '.', '_', ':', '-') or empty
    std::string reason;     ///< the user's reason; required for break-glass (110127)
    bool flagged = false;   ///< flagged for administrator review (break-glass)
    std::string detail;     ///< short technical note (<= 200 bytes); never PHI

    friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

/// Longest accepted detail, reason and user name, in bytes of UTF-8.
inline constexpr std::size_t kMaxDetailSize = 200;

/// `detail` cut to kMaxDetailSize bytes at a UTF-8 boundary, ending "..." when cut: for details
/// that carry a variable part (an error message, a list of rotated keys).
[[nodiscard]] inline std::string fitDetail(std::string detail)
{
    if (detail.size() <= kMaxDetailSize)
        return detail;
    detail.resize(kMaxDetailSize - 3);
    while (!detail.empty() && (static_cast<unsigned char>(detail.back()) & 0xC0) == 0x80)
        detail.pop_back(); // continuation bytes of a cut sequence
    if (!detail.empty() && static_cast<unsigned char>(detail.back()) >= 0xC0)
        detail.pop_back(); // its lead byte
    return detail + "...";
}
inline constexpr std::size_t kMaxReasonSize = 1000;
inline constexpr std::size_t kMaxNameSize = 128;

/// Checks every field (formats, lengths, codes, reason present for break-glass).
/// Errors: MalformedInput naming the field.
[[nodiscard]] Status validateEvent(const AuditEvent& event);

/// The canonical body bytes: compact UTF-8 JSON with sorted keys, every field present, a format
/// version "v": 1. Deterministic across runs and platforms. Errors: MalformedInput (validation).
[[nodiscard]] Result<std::vector<std::uint8_t>> encodeEvent(const AuditEvent& event);

/// Parses and validates canonical body bytes; rejects unknown or missing keys, wrong types and any
/// encoding that is not byte-for-byte canonical. Errors: MalformedInput naming the field,
/// Unsupported for an unknown format version.
[[nodiscard]] Result<AuditEvent> decodeEvent(std::span<const std::uint8_t> body);

/// Display name of a code ("Patient Record", "Login"), as in DICOM PS3.16.
[[nodiscard]] std::string_view eventIdName(AuditEventId id) noexcept;
[[nodiscard]] std::string_view eventTypeName(AuditEventType type) noexcept;

/// True if the integer is a code this build knows.
[[nodiscard]] bool isKnownEventId(int code) noexcept;
[[nodiscard]] bool isKnownEventType(int code) noexcept;

/// ISO 8601 / RFC 3339 UTC time with milliseconds: "2026-01-01T00:00:00.000Z".
[[nodiscard]] std::string formatUtcMillis(std::int64_t timeMs);

} // namespace cc::audit
