// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic session's audit side: the one place every use case's event is built, authorized and
// recorded, the external witness, the pending log of failed logins, and a restored trail's event.
#include "core/services/ClinicService.h"

#include "core/access/AccessPolicy.h"
#include "core/access/Role.h"
#include "core/ports/StorageTransaction.h"
#include "core/services/PortalService.h"

#include <algorithm>

namespace cc::services {

using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

std::string roleText(access::Role role)
{
    switch (role) {
    case access::Role::Patient:
        return "patient";
    case access::Role::Doctor:
        return "doctor";
    case access::Role::Administrator:
        return "administrator";
    }
    return "system";
}

} // namespace

void ClinicService::configureWitness()
{
    if (!m_auditLog)
        return;
    m_witnessProblem.clear();
    auto stored = m_backend.meta().get(ports::meta::kAuditWitness);
    if (!stored || !stored->has_value() || (*stored)->empty()) {
        m_auditLog->setWitness(nullptr);
        return;
    }
    const std::string text((*stored)->begin(), (*stored)->end());
    auto address = audit::WitnessAddress::parse(text);
    if (!address) {
        m_witnessProblem = "the configured audit witness is invalid: " + address.error().message;
        m_auditLog->setWitness(nullptr);
        return;
    }
    auto witness = m_backend.openWitness(*address);
    if (!witness) {
        m_witnessProblem = witness.error().message;
        m_auditLog->setWitness(nullptr);
        return;
    }
    m_auditLog->setWitness(std::move(witness).value());
}

std::string ClinicService::witnessProblem() const
{
    if (!m_witnessProblem.empty())
        return m_witnessProblem;
    if (!m_auditLog)
        return {};
    const auto status = m_auditLog->witnessStatus();
    if (!status.configured || status.lastError.empty())
        return {};
    return status.lastError + " (" + std::to_string(status.backlog) + " chain head(s) waiting)";
}

Status ClinicService::importPendingAudit()
{
    auto pending = m_backend.pendingAudit().readAll();
    if (!pending)
        return std::move(pending).error();
    if (pending->empty())
        return {};
    for (const auto& entry : *pending) {
        audit::AuditEvent e;
        e.userName = entry.damaged ? std::string() : entry.userName;
        e.role = "system";
        e.workstation = entry.workstation;
        e.action = AuditAction::Execute;
        e.eventId = AuditEventId::UserAuthentication;
        e.eventType = AuditEventType::Login;
        e.outcome = AuditOutcome::MinorFailure;
        if (entry.damaged) {
            e.eventId = AuditEventId::SecurityAlert;
            e.eventType = AuditEventType::None;
            e.outcome = AuditOutcome::SeriousFailure;
            e.detail = "pending-audit.log line " + std::to_string(entry.line) + " is damaged";
        } else if (entry.kind == "account-suspended" || entry.kind == "key-slot-integrity" ||
                   entry.kind.rfind("entries-dropped", 0) == 0) {
            e.eventId = AuditEventId::SecurityAlert;
            e.eventType = AuditEventType::None;
            e.outcome = AuditOutcome::SeriousFailure;
            e.detail = "before login: " + entry.kind + " at " + audit::formatUtcMillis(entry.timeMs);
        } else if (entry.kind == "recovery-failed" || entry.kind == "reissue-failed") {
            // Printed recovery shares tried without success (RecoveryService): a security event an
            // administrator reviews, like the recovery or re-issue that succeeds.
            e.action = AuditAction::Update;
            e.eventId = AuditEventId::SecurityAlert;
            e.eventType = AuditEventType::SecurityConfiguration;
            e.flagged = true;
            e.detail = "before login: " + entry.kind + " at " + audit::formatUtcMillis(entry.timeMs);
        } else {
            e.detail = "before login: " + entry.kind + " at " + audit::formatUtcMillis(entry.timeMs);
        }
        e.seq = 1; // placeholders for validation only: AuditLog::record sets both
        e.timeMs = entry.timeMs;
        if (!audit::validateEvent(e).ok()) {
            // A user name or workstation that does not fit the event format is recorded as damaged.
            e.userName.clear();
            e.workstation = m_options.workstation;
            e.detail = "pending-audit.log entry with invalid fields";
        }
        CC_TRY(m_auditLog->record(std::move(e)));
    }
    return m_backend.pendingAudit().clear();
}

Status ClinicService::recordInRestoredTrail(const crypto::SecureBytes& dbk, audit::AuditEvent event)
{
    if (m_session)
        return makeError(ErrorCode::InvalidArgument, "log out before recording in a restored trail");
    m_auditLog.reset();
    if (m_backend.databaseOpen())
        m_backend.closeDatabase();
    CC_TRY(m_backend.openDatabase(dbk));
    // The restored clinic's own witness setting applies: the witness then holds two heads for the
    // seqs after the backup's head, and `audit verify --witness` names the undone events.
    m_auditLog = std::make_unique<audit::AuditLog>(m_backend.auditStore(), m_backend.anchors(), m_clock,
                                                   m_backend.descriptor().clinicId);
    configureWitness();
    Status recorded = m_auditLog->record(std::move(event));
    m_auditLog.reset();
    m_backend.closeDatabase();
    return recorded;
}

audit::AuditEvent ClinicService::eventFor(const AuditSubject& subject, AuditOutcome outcome) const
{
    audit::AuditEvent e;
    if (m_session) {
        e.userId = idHex(m_session->userId());
        e.userName = m_session->userName();
        e.role = roleText(m_session->role());
    } else {
        e.role = "system";
    }
    e.workstation = m_options.workstation;
    e.action = subject.action;
    e.outcome = outcome;
    e.eventId = subject.eventId;
    e.eventType = subject.eventType;
    e.patientId = subject.patientId;
    e.objectType = subject.objectType;
    e.objectId = subject.objectId;
    e.reason = subject.reason;
    e.flagged = subject.flagged;
    e.detail = subject.detail;
    return e;
}

Status ClinicService::authorize(access::Permission permission, const AuditSubject& subject)
{
    if (!m_session)
        return makeError(ErrorCode::AccessDenied, "log in first");
    if (auto active = m_session->requireActive(); !active) {
        // A session that locked itself on its idle timer (found here, before any store is used).
        closeWhileLocked();
        return active;
    }
    if (m_mustChangePassword)
        return makeError(ErrorCode::AccessDenied, "change your temporary password first");
    if (m_auditBroken && permission != access::Permission::VerifyAudit)
        return makeError(ErrorCode::IntegrityFailure,
                         "the audit trail refuses new events; verify it and re-anchor before anything else");
    if (auto allowed = access::AccessPolicy::check(m_session->role(), permission); !allowed) {
        AuditSubject denied = subject;
        denied.detail = "denied: " + std::string(access::permissionName(permission));
        CC_TRY(record(denied, AuditOutcome::SeriousFailure));
        return allowed;
    }
    return {};
}

Status ClinicService::record(const AuditSubject& subject, AuditOutcome outcome)
{
    if (m_portalMode) {
        // A patient session has no audit trail open: the event waits, sealed, in its outbox.
        audit::AuditEvent e = eventFor(subject, outcome);
        e.seq = 1;
        e.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
        return PortalService(*this).postActivity(e);
    }
    if (!subject.patientId.empty() && m_session && m_session->role() == access::Role::Doctor) {
        if (auto id = model::rowIdFromHex<access::PatientId>(QString::fromStdString(subject.patientId)))
            m_touched.insert(*id);
    }
    if (!m_auditLog)
        return makeError(ErrorCode::AccessDenied, "the audit trail is not open: log in first");
    return m_auditLog->record(eventFor(subject, outcome));
}

Status ClinicService::recordChange(const AuditSubject& subject, bool made, std::string_view change)
{
    const AuditOutcome outcome = made ? AuditOutcome::Success : AuditOutcome::MinorFailure;
    auto recorded = recordChangeTransaction(subject, outcome);
    if (recorded || !made)
        return recorded;
    // Made, not recorded: the event waits for the session's next chance (flagged when written).
    m_waitingEvents.emplace_back(subject, outcome);
    Error error = std::move(recorded).error();
    // What was not saved is the event alone: a failed COMMIT's "nothing was saved" is about it,
    // and read after "was created" it would say the opposite of what happened.
    if (const auto at = error.message.find(ports::kNothingSavedSuffix); at != std::string::npos)
        error.message.erase(at, ports::kNothingSavedSuffix.size());
    error.message = std::string(change) + ", but its audit event could not be written (" + error.message +
                    "); it is written with the next change, at logout, or noted at the next login";
    return error;
}

Status ClinicService::recordChangeTransaction(const AuditSubject& subject, AuditOutcome outcome)
{
    if (m_portalMode)
        return record(subject, outcome); // no database: the event goes to the portal's outbox
    auto tx = m_backend.transactions().begin();
    if (!tx)
        return std::move(tx).error();
    CC_TRY(writeWaitingInTransaction());
    CC_TRY(record(subject, outcome));
    CC_TRY((*tx)->commit());
    m_generationToRecord.reset();
    m_waitingEvents.clear();
    return {};
}

Status ClinicService::writeWaitingRecords()
{
    if (m_portalMode || !m_auditLog || (!m_generationToRecord && m_waitingEvents.empty()))
        return {};
    auto tx = m_backend.transactions().begin();
    if (!tx)
        return std::move(tx).error();
    CC_TRY(writeWaitingInTransaction());
    CC_TRY((*tx)->commit());
    m_generationToRecord.reset();
    m_waitingEvents.clear();
    return {};
}

Status ClinicService::writeWaitingInTransaction()
{
    if (m_generationToRecord) {
        // The file's generation now, not the one remembered: a rotation in between (a disabled
        // account's revocation) may have recorded a later one, which must never be lowered.
        auto file = m_backend.keySlots().load();
        if (!file)
            return std::move(file).error();
        CC_TRY(recordKeySlotGeneration(std::max(*m_generationToRecord, file->generation())));
    }
    for (const auto& [waiting, outcome] : m_waitingEvents) {
        AuditSubject late = waiting;
        late.flagged = true;
        late.detail += std::string(late.detail.empty() ? "" : "; ") + "written late: its first write failed";
        if (late.detail.size() > audit::kMaxDetailSize) // ASCII only: no character is cut
            late.detail.resize(audit::kMaxDetailSize);
        CC_TRY(record(late, outcome));
    }
    return {};
}

} // namespace cc::services
