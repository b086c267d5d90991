// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AuditService.h"

#include "core/services/PortalService.h"

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

AuditSubject auditUse(AuditAction action, std::string detail)
{
    return makeSubject(AuditEventId::AuditLogUsed, AuditEventType::None, action, "AuditLog", {}, std::move(detail));
}

} // namespace

Result<audit::AuditReport> AuditService::verify()
{
    const AuditSubject subject = auditUse(AuditAction::Execute, "verify");
    CC_TRY(m_clinic.authorize(Permission::VerifyAudit, subject));
    auto ring = m_clinic.keys();
    if (!ring)
        return std::move(ring).error();
    const access::KeyEntry* root = (*ring)->find(access::KeyKind::AuditRoot);
    if (root == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no audit root key");
    audit::AuditVerifier verifier(m_clinic.backend().auditStore(), m_clinic.backend().descriptor().clinicId);
    auto report = verifier.verify(root->secret, m_clinic.backend().anchors());
    // Record the verdict after the walk, so the verification does not include its own event.
    AuditSubject done = subject;
    if (report)
        done.detail = report->ok ? "verify: ok, " + std::to_string(report->eventsChecked) + " events"
                                 : "verify: " + std::string(audit::auditProblemName(report->problem)) + " at seq " +
                                       std::to_string(report->problemSeq);
    // A broken trail may refuse new events (the anchor no longer matches); the report still goes out.
    [[maybe_unused]] auto recorded =
        m_clinic.record(done, report && report->ok ? AuditOutcome::Success : AuditOutcome::SeriousFailure);
    return report;
}

Result<audit::WitnessReport> AuditService::verifyWitness(std::string_view collectorLog)
{
    AuditSubject subject = auditUse(AuditAction::Execute, "verify against witness");
    CC_TRY(m_clinic.authorize(Permission::VerifyAudit, subject));
    auto ring = m_clinic.keys();
    if (!ring)
        return std::move(ring).error();
    const access::KeyEntry* root = (*ring)->find(access::KeyKind::AuditRoot);
    if (root == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no audit root key");
    const audit::WitnessLog log = audit::parseWitnessLog(collectorLog);
    auto report = audit::checkAgainstWitness(m_clinic.backend().auditStore(), root->secret,
                                             m_clinic.backend().descriptor().clinicId, log);
    if (report)
        subject.detail = report->ok ? "witness: ok, " + std::to_string(report->headsChecked) + " heads"
                                    : "witness: " + std::to_string(report->findings.size()) +
                                          " finding(s), first at seq " + std::to_string(report->findings.front().seq);
    [[maybe_unused]] auto recorded =
        m_clinic.record(subject, report && report->ok ? AuditOutcome::Success : AuditOutcome::SeriousFailure);
    return report;
}

Status AuditService::setWitness(const std::string& address)
{
    AuditSubject subject =
        makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration, AuditAction::Update, "AuditLog",
                    {}, address.empty() ? "audit witness removed" : "audit witness set");
    CC_TRY(m_clinic.authorize(Permission::ManageKeys, subject));
    std::string canonical;
    if (!address.empty()) {
        auto parsed = audit::WitnessAddress::parse(address);
        if (!parsed) {
            CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
            return std::move(parsed).error();
        }
        canonical = parsed->text();
        subject.detail += " to " + canonical;
    }
    auto tx = m_clinic.backend().transactions().begin();
    CC_TRY(tx);
    CC_TRY(m_clinic.backend().meta().set(ports::meta::kAuditWitness,
                                         std::vector<std::uint8_t>(canonical.begin(), canonical.end())));
    CC_TRY(m_clinic.record(subject));
    CC_TRY((*tx)->commit()); // the previous witness (if any) receives this event's head here
    m_clinic.configureWitness();
    return {};
}

Status AuditService::reanchor(const std::string& reason)
{
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::AuditRecordingStarted,
                                       AuditAction::Execute, "AuditLog", {}, "anchor rewritten from the database head");
    subject.reason = reason;
    CC_TRY(m_clinic.authorize(Permission::VerifyAudit, subject));
    if (reason.empty())
        return makeError(ErrorCode::InvalidArgument, "say why the anchor is rewritten (--reason)");
    CC_TRY(m_clinic.auditLog()->reanchor());
    m_clinic.clearAuditBroken();
    return m_clinic.record(subject);
}

Result<std::vector<audit::AuditEntry>> AuditService::list(const audit::AuditFilter& filter)
{
    const AuditSubject subject = auditUse(AuditAction::Read, "list");
    CC_TRY(m_clinic.authorize(Permission::VerifyAudit, subject));
    auto entries = audit::AuditExport::list(m_clinic.backend().auditStore(), filter);
    CC_TRY(m_clinic.record(subject, entries ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return entries;
}

Result<std::vector<audit::AuditEntry>> AuditService::ownAccessHistory()
{
    AuditSubject subject = auditUse(AuditAction::Read, "own access history");
    CC_TRY(m_clinic.authorize(Permission::ReadOwnAccessHistory, subject));
    const auto& patient = m_clinic.session()->patientId();
    if (!patient)
        return makeError(ErrorCode::AccessDenied, "this account is not linked to a patient record");
    subject.patientId = idHex(*patient);
    if (m_clinic.portalMode()) {
        // A patient session: the history a staff session sealed into the portal.
        auto portal = PortalService(m_clinic).ownFor(*patient);
        if (!portal) {
            CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
            return std::move(portal).error();
        }
        subject.detail += ", portal copy of " + audit::formatUtcMillis((*portal)->builtAtMs);
        // What the patient did since, from their own outbox (not yet in the clinic's trail).
        std::vector<audit::AuditEntry> history = (*portal)->history;
        auto own = PortalService(m_clinic).pendingOwnActivity((*portal)->builtAtSeq);
        if (own)
            history.insert(history.end(), own->begin(), own->end());
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return history;
    }
    audit::AuditFilter filter;
    filter.patientId = idHex(*patient);
    auto entries = audit::AuditExport::list(m_clinic.backend().auditStore(), filter);
    CC_TRY(m_clinic.record(subject, entries ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return entries;
}

Status AuditService::exportCsv(const audit::AuditFilter& filter, QIODevice& out)
{
    const AuditSubject subject =
        makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "AuditLog", {}, "export csv");
    CC_TRY(m_clinic.authorize(Permission::ExportAudit, subject));
    auto done = audit::AuditExport::exportCsv(m_clinic.backend().auditStore(), filter, out);
    CC_TRY(m_clinic.record(subject, done ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return done;
}

Status AuditService::exportSyslog(const audit::AuditFilter& filter, QIODevice& out)
{
    const AuditSubject subject =
        makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "AuditLog", {}, "export syslog");
    CC_TRY(m_clinic.authorize(Permission::ExportAudit, subject));
    const audit::SyslogOptions options;
    auto done = audit::AuditExport::exportSyslog(m_clinic.backend().auditStore(), filter, options, out);
    CC_TRY(m_clinic.record(subject, done ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return done;
}

} // namespace cc::services
