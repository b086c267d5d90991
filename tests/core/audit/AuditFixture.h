// SPDX-License-Identifier: GPL-3.0-or-later
// Shared test data for the audit tests: a fixed root key, clinic ids and varied sample events.
#pragma once

#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditEvent.h"
#include "core/crypto/SecureBytes.h"

#include <array>
#include <string>

namespace cc::audit::test {

/// A fixed 32-byte root key 00 01 .. 1f (tests only).
inline crypto::SecureBytes fixedRootKey(std::uint8_t offset = 0)
{
    std::array<std::uint8_t, 32> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(i + offset);
    return crypto::SecureBytes(bytes);
}

inline ClinicId clinicA()
{
    return ClinicId{IdBytes{0xc1, 0x1c, 0x00, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
}

inline ClinicId clinicB()
{
    return ClinicId{IdBytes{0xc1, 0x1c, 0x00, 0x0b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
}

/// The i-th sample event: a mix of reads, writes, logins, exports and one break-glass.
inline AuditEvent sampleEvent(int i)
{
    AuditEvent e;
    e.userId = (i % 3 == 0) ? "0123456789abcdef0123456789abcdef" : "fedcba9876543210fedcba9876543210";
    e.userName = (i % 3 == 0) ? "dr.okafor" : "admin.lind";
    e.role = (i % 3 == 0) ? "doctor" : "administrator";
    e.workstation = "ws-ward3.clinic.example";
    switch (i % 5) {
    case 0:
        e.action = AuditAction::Read;
        e.eventId = AuditEventId::PatientRecord;
        e.patientId = "00112233445566778899aabbccddee" + std::string(i % 2 ? "01" : "02");
        e.objectType = "Observation";
        e.objectId = "aa00bb11cc22dd33ee44ff5566778899";
        break;
    case 1:
        e.action = AuditAction::Execute;
        e.eventId = AuditEventId::UserAuthentication;
        e.eventType = AuditEventType::Login;
        e.outcome = (i % 2) ? AuditOutcome::MinorFailure : AuditOutcome::Success;
        break;
    case 2:
        e.action = AuditAction::Update;
        e.eventId = AuditEventId::PatientRecord;
        e.patientId = "00112233445566778899aabbccddee02";
        e.objectType = "Note";
        e.objectId = "note-7";
        e.detail = "revision 2";
        break;
    case 3:
        e.action = AuditAction::Read;
        e.eventId = AuditEventId::Export;
        e.objectType = "Report";
        e.objectId = "report:2026-q1";
        e.detail = "format=csv, rows \"all\"";
        break;
    default:
        e.action = AuditAction::Execute;
        e.eventId = AuditEventId::SecurityAlert;
        e.eventType = AuditEventType::EmergencyOverrideStarted;
        e.patientId = "00112233445566778899aabbccddee03";
        e.reason = "unconscious patient in ER, care team unreachable";
        e.flagged = true;
        break;
    }
    return e;
}

} // namespace cc::audit::test
