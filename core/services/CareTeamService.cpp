// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/CareTeamService.h"

#include "core/crypto/Hex.h"
#include "core/services/AuditBinding.h"
#include "core/services/CareTeamBinding.h"

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

Result<access::PatientId> CareTeamService::parsePatient(const std::string& hex) const
{
    auto bytes = crypto::hexDecode(hex);
    access::PatientId id{};
    if (!bytes || bytes->size() != id.size())
        return malformed("must be a patient row id of 32 hex digits", {}, 0, "patient");
    std::copy(bytes->begin(), bytes->end(), id.begin());
    return id;
}

Result<access::UserId> CareTeamService::doctorId(const std::string& name) const
{
    auto file = m_clinic.backend().keySlots().load();
    if (!file)
        return std::move(file).error();
    const access::KeySlot* slot = file->slot(name);
    if (slot == nullptr)
        return makeError(ErrorCode::NotFound, "no enabled account is called '" + name + "'");
    if (slot->role != access::Role::Doctor)
        return makeError(ErrorCode::InvalidArgument, "'" + name + "' is not a doctor");
    return slot->userId;
}

Status CareTeamService::change(const std::string& patientIdHex, const std::string& doctorName, bool adding)
{
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::ObjectSecurityAttributesChanged,
                                       adding ? AuditAction::Create : AuditAction::Delete, "CareTeam", doctorName,
                                       adding ? "doctor added to care team" : "doctor removed from care team");
    CC_TRY(m_clinic.authorize(Permission::ManageCareTeams, subject));
    auto run = [&]() -> Status {
        auto patient = parsePatient(patientIdHex);
        if (!patient)
            return std::move(patient).error();
        subject.patientId = idHex(*patient);
        auto doctor = doctorId(doctorName);
        if (!doctor)
            return std::move(doctor).error();
        subject.objectId = idHex(*doctor);
        if (!adding)
            return m_clinic.backend().careTeams().remove(*patient, *doctor);
        // The event first, in the same transaction: the row names it (CareTeamBinding), and a
        // failed insert rolls both back.
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        auto seq = recordForBinding(m_clinic, subject);
        CC_TRY(seq);
        CC_TRY(m_clinic.backend().careTeams().add(*patient, *doctor, *seq));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result || !adding)
        CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return result;
}

Result<std::vector<std::string>> CareTeamService::list(const std::string& patientIdHex)
{
    AuditSubject subject =
        makeSubject(AuditEventId::Query, AuditEventType::None, AuditAction::Read, "CareTeam", {}, "care team list");
    CC_TRY(m_clinic.authorize(Permission::ManageCareTeams, subject));
    auto run = [&]() -> Result<std::vector<std::string>> {
        auto patient = parsePatient(patientIdHex);
        if (!patient)
            return std::move(patient).error();
        subject.patientId = idHex(*patient);
        auto rows = m_clinic.backend().careTeams().rowsOfPatient(*patient);
        if (!rows)
            return std::move(rows).error();
        auto file = m_clinic.backend().keySlots().load();
        if (!file)
            return std::move(file).error();
        std::vector<std::string> names;
        std::size_t forged = 0;
        for (const auto& row : *rows) {
            std::string name = idHex(row.doctor) + " (disabled)";
            for (const auto& a : file->listAccounts())
                if (a.userId == row.doctor)
                    name = a.userName;
            // A row no audit event vouches for (planted by SQL) is listed as what it is: it opens
            // nothing (CareTeamBinding), and the administrator should see that here, not only in verify.
            if (const Status vouched = CareTeamBinding::check(m_clinic, row); !vouched) {
                if (vouched.error().code != ErrorCode::IntegrityFailure)
                    return vouched.error();
                name += " (forged row: not written by CipherChart, gives no access)";
                ++forged;
            }
            names.push_back(std::move(name));
        }
        if (forged > 0) {
            subject.detail += "; " + std::to_string(forged) + " forged row(s) shown";
            subject.flagged = true;
        }
        return names;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return result;
}

} // namespace cc::services
