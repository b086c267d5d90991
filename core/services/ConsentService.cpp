// SPDX-License-Identifier: GPL-3.0-or-later
// Research opt-out: re-sealed identity document and rewritten consent tokens in one transaction.
#include "core/services/ConsentService.h"

#include "core/records/SealedRow.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "core/services/PortalService.h"

namespace cc::services {

using access::ChartData;
using access::KeyKind;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

constexpr std::size_t kTokenSize = 16;

const char* choiceText(bool optOut)
{
    return optOut ? "research opt-out" : "research opt-in";
}

} // namespace

Result<crypto::SecureBytes> ConsentService::tokenPair(const crypto::SecureBytes& indexKey)
{
    auto yes = ObservationService::consentToken(indexKey, true);
    CC_TRY(yes);
    auto no = ObservationService::consentToken(indexKey, false);
    CC_TRY(no);
    std::vector<std::uint8_t> both = std::move(*yes);
    both.insert(both.end(), no->begin(), no->end());
    return crypto::SecureBytes(both);
}

Result<std::vector<std::uint8_t>> ConsentService::tokenFor(bool consents)
{
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    if (const access::KeyEntry* index = (*ring)->find(KeyKind::Index))
        return ObservationService::consentToken(index->secret, consents);
    const access::KeyEntry* pair = (*ring)->find(KeyKind::ConsentTokens);
    if (pair == nullptr)
        return makeError(ErrorCode::Unsupported,
                         "this patient account was issued before research consent could be recorded: "
                         "ask the clinic to re-issue your account");
    if (pair->secret.size() != 2 * kTokenSize)
        return makeError(ErrorCode::IntegrityFailure, "the consent tokens of this account are damaged");
    const auto bytes = pair->secret.span();
    const auto token = consents ? bytes.first(kTokenSize) : bytes.subspan(kTokenSize, kTokenSize);
    return std::vector<std::uint8_t>(token.begin(), token.end());
}

Status ConsentService::setResearchOptOut(bool optOut)
{
    const access::Session* session = m_clinic.session();
    std::optional<access::PatientId> own;
    if (session != nullptr && session->role() == access::Role::Patient) {
        if (auto ring = m_clinic.keys(); ring && (*ring)->patientId())
            own = *(*ring)->patientId();
    }
    if (!own) {
        // Not a patient session (or locked): the permission check below denies and audits it.
        AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update,
                                           "Consent", {}, choiceText(optOut));
        CC_TRY(m_clinic.authorize(Permission::SetResearchConsent, subject));
        return makeError(ErrorCode::AccessDenied, "this account is not linked to a patient record");
    }
    return setResearchOptOut(*own, optOut);
}

Result<std::optional<bool>> ConsentService::pendingOwnChoice()
{
    if (!m_clinic.portalMode())
        return std::optional<bool>();
    return PortalService(m_clinic).pendingOwnConsent();
}

Result<std::size_t> ConsentService::writeChoice(ClinicService& clinic, const access::PatientId& patient,
                                                const ChartKey& identityKey, const ChartKey& clinicalKey, bool optOut,
                                                const std::function<Status(std::size_t rows)>& recordInTransaction)
{
    ConsentService self(clinic);
    auto token = self.tokenFor(!optOut);
    CC_TRY(token);
    auto row = clinic.backend().patients().find(patient);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, "no patient with this row id");
    auto identity = PatientService::openIdentity(**row, identityKey.key);
    CC_TRY(identity);
    identity->researchOptOut = optOut;
    auto doc = PatientService::sealIdentity(*identity, patient, identityKey.key, clinic.rng());
    CC_TRY(doc);
    auto tx = clinic.backend().transactions().begin();
    CC_TRY(tx);
    CC_TRY(clinic.backend().patients().updateDocument(patient, *doc));
    auto changed = clinic.backend().clinical().setConsentToken(clinicalKey.ref, *token);
    CC_TRY(changed);
    CC_TRY(recordInTransaction(*changed));
    CC_TRY((*tx)->commit());
    // The session's patient directory holds identity documents: tell it about the rewrite.
    identity->id = patient;
    PatientService::noteStored(clinic, {*identity});
    return *changed;
}

Status ConsentService::setResearchOptOut(const access::PatientId& patient, bool optOut)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update,
                                       "Consent", idHex(patient), choiceText(optOut));
    subject.patientId = idHex(patient);
    const access::Session* session = m_clinic.session();
    const bool patientSession = session != nullptr && session->role() == access::Role::Patient;
    CC_TRY(m_clinic.authorize(patientSession ? Permission::SetResearchConsent : Permission::WriteChart, subject));
    if (m_clinic.portalMode()) {
        // A patient session holds no database key: the choice goes, sealed, to the portal outbox;
        // the next doctor session applies it before any report runs (docs/PORTAL.md).
        if (!session->patientId() || *session->patientId() != patient) {
            CC_TRY(m_clinic.record(subject, AuditOutcome::SeriousFailure));
            return makeError(ErrorCode::AccessDenied, "a patient may record research consent for themselves only");
        }
        subject.detail += " requested";
        Status posted = PortalService(m_clinic).postConsent(optOut);
        CC_TRY(m_clinic.record(subject, posted ? AuditOutcome::Success : AuditOutcome::MinorFailure));
        return posted;
    }
    auto run = [&]() -> Status {
        // openChartKey lets a patient open only their own record and a doctor only the care team's
        // (or a break-glass patient's, refused below).
        auto identityKey = PatientService::openChartKey(m_clinic, patient, ChartData::Identity);
        CC_TRY(identityKey);
        if (identityKey->basis == access::AccessBasis::BreakGlass)
            return makeError(ErrorCode::AccessDenied,
                             "research consent is recorded by the patient or a doctor of the care team");
        // The index rows carry the patient's reference, computed from the clinical key (a patient
        // holds their own; a doctor unwraps it).
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        auto written = writeChoice(m_clinic, patient, *identityKey, *clinicalKey, optOut, [&](std::size_t rows) {
            subject.detail += ", " + std::to_string(rows) + " index rows";
            return m_clinic.record(subject, AuditOutcome::Success);
        });
        CC_TRY(written);
        return {};
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, result.error().code == ErrorCode::AccessDenied ? AuditOutcome::SeriousFailure
                                                                                       : AuditOutcome::MinorFailure));
    return result;
}

} // namespace cc::services
