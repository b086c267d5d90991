// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/PatientRegistration.h"

#include "core/services/CareTeamBinding.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PatientService.h"

#include <algorithm>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

bool PatientRegistration::sameNameAndBirthDate(const model::Patient& a, const model::Patient& b)
{
    const auto same = [](const QString& x, const QString& y) {
        return x.trimmed().compare(y.trimmed(), Qt::CaseInsensitive) == 0;
    };
    return a.birthDate == b.birthDate && same(a.givenName, b.givenName) && same(a.familyName, b.familyName);
}

Result<RegistrationCheck> PatientRegistration::examine(const model::Patient& patient)
{
    // The stored document's own decoder is the rule for every field (required names, ISO dates,
    // a death not before birth, lengths): a round trip names the first bad field.
    if (auto decoded = model::Patient::fromJson(patient.toJson()); !decoded)
        return decoded.error();
    CC_TRY(PatientService::ensureDirectory(m_clinic));
    RegistrationCheck check;
    check.mrnInUse = m_clinic.patientDirectory().mrns().count(patient.mrn) != 0;
    // The care team's patients are named; everyone else is only counted (a doctor does not learn
    // who they are).
    const access::Session* session = m_clinic.session();
    if (session == nullptr)
        return makeError(ErrorCode::AccessDenied, "no session");
    auto own = CareTeamBinding::patientsOf(m_clinic, session->userId());
    CC_TRY(own);
    std::sort(own->begin(), own->end());
    for (const auto& p : m_clinic.patientDirectory().search(patient.familyName.trimmed(), nullptr)) {
        if (!sameNameAndBirthDate(p, patient))
            continue;
        if (std::binary_search(own->begin(), own->end(), p.id))
            check.duplicatesOnCareTeam.push_back(p);
        else
            ++check.duplicatesElsewhere;
    }
    return check;
}

Result<RegistrationCheck> PatientRegistration::check(const model::Patient& patient)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Patient",
                                       {}, "registration check");
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto result = examine(patient);
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return result;
}

Result<QString> PatientRegistration::generateMrn()
{
    AuditSubject subject =
        makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Patient", {}, "new MRN");
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Result<QString> {
        auto used = PatientService::mrnsInUse(m_clinic);
        CC_TRY(used);
        // 10^8 numbers: a collision is rare, and each draw is checked against every MRN in use.
        for (int attempt = 0; attempt < 64; ++attempt) {
            const QString mrn = QStringLiteral("%1%2")
                                    .arg(QLatin1String(kGeneratedMrnPrefix))
                                    .arg(m_clinic.rng().uniform(100'000'000), 8, 10, QLatin1Char('0'));
            if (used->count(mrn) == 0)
                return mrn;
        }
        return makeError(ErrorCode::Internal, "no unused MRN found in 64 draws");
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return result;
}

Result<access::PatientId> PatientRegistration::registerPatient(const model::Patient& patient, bool duplicateConfirmed)
{
    // One audit event: PatientService::create's (a refusal here is audited as a failed create).
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Create,
                                       "Patient", {}, "patient created");
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto checked = examine(patient);
    if (!checked || checked->mrnInUse || (checked->hasDuplicates() && !duplicateConfirmed)) {
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
    }
    CC_TRY(checked);
    if (checked->mrnInUse)
        return makeError(ErrorCode::AlreadyExists, "a patient with this MRN exists");
    if (checked->hasDuplicates() && !duplicateConfirmed)
        return makeError(ErrorCode::AlreadyExists,
                         "a patient with the same name and birth date exists: confirm to register another");
    return PatientService(m_clinic).create(patient);
}

} // namespace cc::services
