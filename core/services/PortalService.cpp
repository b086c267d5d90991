// SPDX-License-Identifier: GPL-3.0-or-later
// Patient portal files and outbox messages (docs/PORTAL.md).
#include "core/services/PortalService.h"

#include "core/services/AttachmentService.h"
#include "core/services/ConsentService.h"
#include "core/services/NoteService.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>

namespace cc::services {

using access::ChartData;
using access::KeyKind;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

std::int64_t nowMs(const Clock& clock)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch()).count();
}

/// The patient accounts of the clinic: patient id -> user name.
Result<std::map<access::PatientId, access::AccountInfo>> patientAccounts(ClinicService& clinic)
{
    auto file = clinic.backend().keySlots().load();
    CC_TRY(file);
    std::map<access::PatientId, access::AccountInfo> out;
    for (const auto& account : file->listAccounts())
        if (account.patientId)
            out[*account.patientId] = account;
    return out;
}

/// Every audit event naming one of `patients`, by patient (hex) id.
Result<std::map<std::string, std::vector<audit::AuditEntry>>> historiesOf(ClinicService& clinic,
                                                                          const std::set<std::string>& patients)
{
    std::map<std::string, std::vector<audit::AuditEntry>> out;
    if (patients.empty())
        return out;
    CC_TRY(
        audit::AuditExport::forEach(clinic.backend().auditStore(), {}, [&](const audit::AuditEntry& entry) -> Status {
            if (!entry.event.patientId.empty() && patients.contains(entry.event.patientId))
                out[entry.event.patientId].push_back(entry);
            return {};
        }));
    return out;
}

/// The newest seq of an event naming each of `patients`, among the events after `afterSeq`.
Result<std::map<std::string, std::uint64_t>> newestSince(ClinicService& clinic, std::uint64_t afterSeq,
                                                         const std::set<std::string>& patients)
{
    constexpr std::size_t kPage = 1000;
    std::map<std::string, std::uint64_t> out;
    std::uint64_t next = afterSeq + 1;
    for (;;) {
        auto page = clinic.backend().auditStore().read(next, kPage);
        CC_TRY(page);
        for (const auto& r : *page) {
            auto event = audit::decodeEvent(r.body);
            if (!event)
                return makeError(ErrorCode::IntegrityFailure,
                                 "audit event " + std::to_string(r.seq) + ": " + event.error().message);
            if (patients.contains(event->patientId))
                out[event->patientId] = r.seq;
            next = r.seq + 1;
        }
        if (page->size() < kPage)
            return out;
    }
}

Status buildWith(ClinicService& clinic, const access::KeyRing& staff, const access::PatientId& patient,
                 std::vector<audit::AuditEntry> history)
{
    auto clinical = PatientService::openChartKeyWith(clinic, staff, patient, ChartData::Clinical);
    CC_TRY(clinical);
    auto identity = PatientService::openChartKeyWith(clinic, staff, patient, ChartData::Identity);
    CC_TRY(identity);
    PortalRecord record;
    audit::AuditLog* log = clinic.auditLog();
    record.builtAtSeq = log != nullptr ? log->lastSeq() : 0;
    record.builtAtMs = nowMs(clinic.clock());
    auto chart = PatientService::readChartWith(clinic, patient, *clinical, *identity);
    CC_TRY(chart);
    record.chart = std::move(*chart);
    auto notes = NoteService::sharedNotes(clinic, patient, *clinical);
    CC_TRY(notes);
    record.notes = std::move(*notes);
    auto attachments =
        AttachmentService::contentsWith(clinic, patient, *clinical, PortalService::kInlineAttachmentLimit);
    CC_TRY(attachments);
    record.attachments = std::move(*attachments);
    record.history = std::move(history);
    auto sealed =
        PortalService::seal(record, clinic.backend().descriptor().clinicId, patient, clinical->key, clinic.rng());
    CC_TRY(sealed);
    return clinic.backend().portals().writePortal(patient, *sealed);
}

} // namespace

Status PortalService::build(const access::KeyRing& staff, const access::PatientId& patient)
{
    auto histories = historiesOf(m_clinic, {idHex(patient)});
    CC_TRY(histories);
    return buildWith(m_clinic, staff, patient, std::move((*histories)[idHex(patient)]));
}

Status PortalService::applyMessage(const access::KeyRing& staff, const ports::PortalMessage& message,
                                   const std::map<access::PatientId, access::AccountInfo>& accountOf, PortalPass& pass)
{
    audit::AuditLog* log = m_clinic.auditLog();
    if (log == nullptr)
        return makeError(ErrorCode::AccessDenied, "the audit trail is not open");
    const std::string patientHex = idHex(message.patient);
    auto refuse = [&](const std::string& why) -> Status {
        AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Execute,
                                           "PatientPortal", {}, audit::fitDetail("portal message refused: " + why));
        subject.patientId = patientHex;
        subject.flagged = true;
        CC_TRY(m_clinic.record(subject, AuditOutcome::SeriousFailure));
        ++pass.refused;
        return m_clinic.backend().portals().removeMessage(message.name);
    };
    auto account = accountOf.find(message.patient);
    if (account == accountOf.end())
        return refuse("no patient account for this record");
    auto clinical = PatientService::openChartKeyWith(m_clinic, staff, message.patient, ChartData::Clinical);
    if (!clinical)
        return refuse("the record's key does not open: " + clinical.error().message);
    auto body = openMessage(message.bytes, m_clinic.backend().descriptor().clinicId, message.patient, clinical->key);
    if (!body)
        return refuse(body.error().message);
    const std::string when = audit::formatUtcMillis(body->timeMs);
    if (body->activity) {
        if (message.kind != ports::PortalMessageKind::Activity)
            return refuse("an activity filed as a consent change");
        audit::AuditEvent e = std::move(*body->activity);
        // The patient's own events; one naming another record can only be a refusal (a patient
        // session is denied every other chart), kept under that record so its history shows it.
        const bool otherRecord = !e.patientId.empty() && e.patientId != patientHex;
        if (e.role != "patient" || e.userName != account->second.userName ||
            e.userId != idHex(account->second.userId) || (otherRecord && e.outcome == AuditOutcome::Success))
            return refuse("an event that is not this patient account's own");
        if (e.patientId.empty())
            e.patientId = patientHex;
        e.detail = audit::fitDetail("in the patient portal at " + when + (e.detail.empty() ? "" : "; " + e.detail));
        e.seq = 1;
        CC_TRY(log->record(std::move(e)));
        ++pass.activitiesApplied;
        return m_clinic.backend().portals().removeMessage(message.name);
    }
    if (message.kind != ports::PortalMessageKind::Consent)
        return refuse("a consent change filed as an activity");
    auto identity = PatientService::openChartKeyWith(m_clinic, staff, message.patient, ChartData::Identity);
    if (!identity)
        return refuse("the record's identity key does not open: " + identity.error().message);
    const bool optOut = *body->researchOptOut;
    auto written = ConsentService::writeChoice(
        m_clinic, message.patient, *identity, *clinical, optOut, [&](std::size_t rows) -> Status {
            // Recorded as the patient's own action: they made the choice; this session applied it.
            AuditSubject subject = makeSubject(
                AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update, "Consent", patientHex,
                std::string(optOut ? "research opt-out" : "research opt-in") + ", " + std::to_string(rows) +
                    " index rows, chosen in the patient portal at " + when);
            subject.patientId = patientHex;
            audit::AuditEvent e = m_clinic.eventFor(subject, AuditOutcome::Success);
            e.detail = audit::fitDetail(e.detail + ", applied by " + e.userName + "'s session");
            e.userName = account->second.userName;
            e.role = "patient";
            e.userId = idHex(account->second.userId);
            return log->record(std::move(e));
        });
    if (!written)
        return refuse("the consent change could not be applied: " + written.error().message);
    ++pass.consentsApplied;
    return m_clinic.backend().portals().removeMessage(message.name);
}

Result<PortalPass> PortalService::maintain(const std::set<access::PatientId>* only)
{
    PortalPass pass;
    const access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Doctor || m_clinic.auditLog() == nullptr)
        return pass;
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(KeyKind::ClinicalCategory) || !(*ring)->has(KeyKind::IdentityCategory))
        return pass;
    auto accounts = patientAccounts(m_clinic);
    CC_TRY(accounts);

    auto messages = m_clinic.backend().portals().messages(std::nullopt);
    CC_TRY(messages);
    for (const auto& message : *messages)
        CC_TRY(applyMessage(**ring, message, *accounts, pass));

    // Which portals are stale: missing, unreadable, or built before the newest event naming the
    // patient. Only the events after the oldest portal are read for that; the histories of the
    // stale ones then take one pass over the trail.
    std::map<std::string, std::optional<PortalHeader>> headers;
    std::uint64_t oldest = std::numeric_limits<std::uint64_t>::max();
    for (const auto& [patient, account] : *accounts) {
        if (only != nullptr && !only->contains(patient))
            continue;
        std::optional<PortalHeader> header;
        if (auto stored = m_clinic.backend().portals().readPortal(patient); stored && stored->has_value())
            if (auto h = readHeader(**stored); h && h->clinic == m_clinic.backend().descriptor().clinicId)
                header = *h;
        oldest = std::min<std::uint64_t>(oldest, header ? header->builtAtSeq : 0);
        headers[idHex(patient)] = header;
    }
    std::set<std::string> candidates;
    for (const auto& [hex, header] : headers)
        candidates.insert(hex);
    auto newest = newestSince(m_clinic, candidates.empty() ? 0 : oldest, candidates);
    CC_TRY(newest);
    std::set<std::string> stale;
    for (const auto& [hex, header] : headers) {
        const auto it = newest->find(hex);
        if (!header || (it != newest->end() && header->builtAtSeq < it->second))
            stale.insert(hex);
    }
    auto histories = historiesOf(m_clinic, stale);
    CC_TRY(histories);
    for (const auto& [patient, account] : *accounts) {
        const std::string hex = idHex(patient);
        if (!stale.contains(hex))
            continue;
        if (buildWith(m_clinic, **ring, patient, std::move((*histories)[hex])))
            ++pass.portalsWritten;
        else
            ++pass.portalsFailed; // e.g. a patient record removed: counted in the summary, retried next time
    }
    if (pass.activitiesApplied + pass.consentsApplied + pass.refused + pass.portalsWritten + pass.portalsFailed > 0) {
        AuditSubject subject = makeSubject(
            AuditEventId::ApplicationActivity, AuditEventType::None, AuditAction::Execute, "PatientPortal", {},
            "patient portal: " + std::to_string(pass.activitiesApplied) + " activities and " +
                std::to_string(pass.consentsApplied) + " consent changes applied, " + std::to_string(pass.refused) +
                " messages refused, " + std::to_string(pass.portalsWritten) + " portals written, " +
                std::to_string(pass.portalsFailed) + " failed");
        CC_TRY(m_clinic.record(subject, pass.portalsFailed + pass.refused > 0 ? AuditOutcome::MinorFailure
                                                                              : AuditOutcome::Success));
    }
    return pass;
}

Result<std::size_t> PortalService::pendingConsents()
{
    return m_clinic.backend().portals().countMessages(ports::PortalMessageKind::Consent);
}

Result<records::PatientKey> PortalService::ownKey(access::PatientId& patient)
{
    const access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Patient)
        return makeError(ErrorCode::AccessDenied, "only a patient account has a portal");
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->patientId())
        return makeError(ErrorCode::AccessDenied, "this account is not linked to a patient record");
    const access::KeyEntry* own = (*ring)->find(KeyKind::PatientClinical);
    if (own == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no key to its record");
    patient = *(*ring)->patientId();
    return records::PatientKey{own->keyId, own->secret.clone()};
}

Result<std::shared_ptr<const PortalRecord>> PortalService::ownFor(const access::PatientId& patient)
{
    const access::Session* session = m_clinic.session();
    if (session == nullptr || !session->patientId() || *session->patientId() != patient)
        return makeError(ErrorCode::AccessDenied, "a patient account may open only its own record");
    const std::int64_t now = nowMs(m_clinic.clock());
    auto [cached, at] = m_clinic.cachedPortal();
    if (cached && now >= at && now - at < kCacheMs)
        return cached;
    auto opened = openOwn();
    CC_TRY(opened);
    auto shared = std::make_shared<const PortalRecord>(std::move(*opened));
    m_clinic.cachePortal(shared, now);
    return shared;
}

Result<PortalRecord> PortalService::openOwn()
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    auto stored = m_clinic.backend().portals().readPortal(patient);
    CC_TRY(stored);
    if (!stored->has_value())
        return makeError(ErrorCode::NotFound, "your record has not been prepared for you yet: it will be after the "
                                              "clinic's next doctor session");
    return open(**stored, m_clinic.backend().descriptor().clinicId, patient, *key);
}

Status PortalService::post(PortalMessageBody body, ports::PortalMessageKind kind)
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    body.timeMs = nowMs(m_clinic.clock());
    auto sealed = sealMessage(body, m_clinic.backend().descriptor().clinicId, patient, *key, m_clinic.rng());
    CC_TRY(sealed);
    return m_clinic.backend().portals().postMessage(patient, kind, *sealed);
}

Status PortalService::postActivity(const audit::AuditEvent& event)
{
    PortalMessageBody body;
    body.activity = event;
    return post(std::move(body), ports::PortalMessageKind::Activity);
}

Status PortalService::postConsent(bool optOut)
{
    PortalMessageBody body;
    body.researchOptOut = optOut;
    return post(std::move(body), ports::PortalMessageKind::Consent);
}

Result<std::vector<audit::AuditEntry>> PortalService::pendingOwnActivity(std::uint64_t afterSeq)
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    auto messages = m_clinic.backend().portals().messages(patient);
    CC_TRY(messages);
    std::vector<audit::AuditEntry> out;
    for (const auto& m : *messages) {
        if (m.kind != ports::PortalMessageKind::Activity)
            continue;
        auto body = openMessage(m.bytes, m_clinic.backend().descriptor().clinicId, patient, *key);
        if (!body || !body->activity)
            continue; // not shown; the next doctor login refuses it, flagged
        audit::AuditEvent e = std::move(*body->activity);
        if (e.patientId.empty())
            e.patientId = idHex(patient);
        if (e.patientId != idHex(patient))
            continue;
        e.seq = afterSeq + out.size() + 1; // after the portal's history, in posting order
        out.push_back(audit::AuditEntry{std::move(e), {}, {}});
    }
    return out;
}

Result<std::optional<bool>> PortalService::pendingOwnConsent()
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    auto messages = m_clinic.backend().portals().messages(patient);
    CC_TRY(messages);
    std::optional<bool> latest;
    for (const auto& m : *messages) {
        if (m.kind != ports::PortalMessageKind::Consent)
            continue;
        auto body = openMessage(m.bytes, m_clinic.backend().descriptor().clinicId, patient, *key);
        CC_TRY(body);
        latest = body->researchOptOut;
    }
    return latest;
}

} // namespace cc::services
