// SPDX-License-Identifier: GPL-3.0-or-later
// Patient use cases, reading a chart: the key that opens it (care team, break-glass grant or the
// patient's own portal), the rows read and verified against the chart's manifest, and the read's audit.
#include "core/services/PatientService.h"
#include "core/services/PatientServiceDetail.h"

#include "core/audit/AuditEvent.h"

#include "core/crypto/Hex.h"

#include "core/records/PatientRef.h"

#include "core/access/BreakGlassGrant.h"
#include "core/records/SealedRow.h"
#include "core/services/AuditBinding.h"
#include "core/services/Audited.h"
#include "core/services/BreakGlassGrants.h"
#include "core/services/CareTeamBinding.h"
#include "core/services/ChartManifests.h"
#include "core/services/ConditionIndex.h"
#include "core/services/DirectoryBuild.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PortalService.h"
#include "core/services/ValueLayouts.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace cc::services {

using access::ChartData;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using patient_detail::findRow;
using patient_detail::readOutcome;

Result<PatientChart> PatientService::readChart(ClinicService& clinic, const access::PatientId& patient)
{
    auto clinicalKey = openChartKey(clinic, patient, ChartData::Clinical);
    CC_TRY(clinicalKey);
    auto identityKey = openChartKey(clinic, patient, ChartData::Identity);
    CC_TRY(identityKey);
    return readChartWith(clinic, patient, *clinicalKey, *identityKey);
}

Result<PatientChart> PatientService::portalChart(ClinicService& clinic, const access::PatientId& patient)
{
    auto portal = PortalService(clinic).ownFor(patient);
    CC_TRY(portal);
    PatientChart out = (*portal)->chart;
    out.basis = access::AccessBasis::OwnRecord;
    return out;
}

Result<ChartKey> PatientService::openChartKeyWith(ClinicService& clinic, const access::KeyRing& staff,
                                                  const access::PatientId& patient, ChartData data)
{
    auto row = findRow(clinic, patient);
    CC_TRY(row);
    const bool identity = data == ChartData::Identity;
    auto key = records::PatientKeys::unwrap(
        staff, identity ? records::PatientKeyKind::Identity : records::PatientKeyKind::Clinical, patient,
        identity ? row->identityKeyId : row->clinicalKeyId,
        identity ? row->identityKeyWrapped : row->clinicalKeyWrapped);
    CC_TRY(key);
    ChartKey out{std::move(*key), access::AccessBasis::CareTeam, {}};
    if (!identity) {
        auto ref = patientRef(clinic, patient, out.key);
        CC_TRY(ref);
        out.ref = *ref;
    }
    return out;
}

Result<PatientChart> PatientService::readChartWith(ClinicService& clinic, const access::PatientId& patient,
                                                   const ChartKey& clinical, const ChartKey& identityKey)
{
    const ChartKey* clinicalKey = &clinical;
    auto row = findRow(clinic, patient);
    CC_TRY(row);
    PatientChart out;
    out.basis = clinicalKey->basis;
    auto identityDoc = openIdentity(*row, identityKey.key);
    CC_TRY(identityDoc);
    out.patient = std::move(*identityDoc);
    auto rows = ChartManifests::rowsOf(clinic, *clinicalKey, std::nullopt);
    CC_TRY(rows);
    for (const auto& r : *rows) {
        // Notes are NoteService's: an unshared one is sealed under the confidential key.
        if (r.kind == ports::ClinicalKind::Note)
            continue;
        auto plain = records::SealedRow::open(clinicalKey->key.secret, clinicalKey->key.keyId, "clinical_rows", "doc",
                                              r.id, r.document);
        CC_TRY(plain);
        const QByteArray json(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size()));
        auto fill = [&](auto& vec, auto decoded) -> Status {
            CC_TRY(decoded);
            decoded->id = r.id;
            decoded->patientId = patient;
            if constexpr (requires { decoded->encounterId = r.encounterId; })
                decoded->encounterId = r.encounterId;
            vec.push_back(std::move(*decoded));
            return {};
        };
        switch (r.kind) {
        case ports::ClinicalKind::Encounter:
            CC_TRY(fill(out.encounters, model::Encounter::fromJson(json)));
            break;
        case ports::ClinicalKind::Condition:
            CC_TRY(fill(out.conditions, model::Condition::fromJson(json)));
            break;
        case ports::ClinicalKind::Observation:
            CC_TRY(fill(out.observations, model::Observation::fromJson(json)));
            break;
        case ports::ClinicalKind::Medication:
            CC_TRY(fill(out.medications, model::Medication::fromJson(json)));
            break;
        case ports::ClinicalKind::Allergy:
            CC_TRY(fill(out.allergies, model::Allergy::fromJson(json)));
            break;
        case ports::ClinicalKind::Note:
            break; // skipped above
        }
    }
    return out;
}

Result<PatientChart> PatientService::chart(const access::PatientId& patient)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Chart",
                                       idHex(patient), "chart read");
    subject.patientId = idHex(patient);
    const access::Session* session = m_clinic.session();
    const bool ownRecord = session != nullptr && session->role() == access::Role::Patient;
    CC_TRY(m_clinic.authorize(ownRecord ? Permission::ReadOwnRecord : Permission::ReadChart, subject));
    auto run = [&]() -> Result<PatientChart> {
        auto out = m_clinic.portalMode() ? portalChart(m_clinic, patient) : readChart(m_clinic, patient);
        CC_TRY(out);
        subject.detail += ", basis " + std::string(access::accessBasisName(out->basis));
        subject.flagged = out->basis == access::AccessBasis::BreakGlass;
        return out;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, readOutcome(result ? nullptr : &result.error())));
    return result;
}

Result<PatientChart> PatientService::chartForPrint(const access::PatientId& patient, const std::string& what)
{
    if (what.empty() || what.size() > 80)
        return makeError(ErrorCode::InvalidArgument, "what is printed must be named (at most 80 characters)");
    AuditSubject subject = makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Execute, "Chart",
                                       idHex(patient), "printed: " + what);
    subject.patientId = idHex(patient);
    const access::Session* session = m_clinic.session();
    const bool ownRecord = session != nullptr && session->role() == access::Role::Patient;
    CC_TRY(m_clinic.authorize(ownRecord ? Permission::ReadOwnRecord : Permission::ReadChart, subject));
    auto result = m_clinic.portalMode() ? portalChart(m_clinic, patient) : readChart(m_clinic, patient);
    if (result)
        subject.flagged = result->basis == access::AccessBasis::BreakGlass;
    CC_TRY(m_clinic.record(subject, readOutcome(result ? nullptr : &result.error())));
    return result;
}

} // namespace cc::services
