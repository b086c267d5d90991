// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/VerifyService.h"
#include "core/services/CareTeamBinding.h"
#include "core/services/ChartManifests.h"

#include <set>

#include "core/audit/AuditChain.h"
#include "core/audit/AuditVerifier.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Hex.h"
#include "core/records/PatientKeys.h"
#include "core/records/SealedRow.h"
#include "core/services/AuditReviewService.h"
#include "core/services/Audited.h"
#include "core/services/IndexSealing.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <chrono>

namespace cc::services {

using access::KeyKind;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

constexpr std::size_t kPage = 512;

/// Records the first problem; always returns false so callers can `return fail(...)`.
bool fail(ClinicVerifyReport& report, std::string problem)
{
    if (report.problem.empty())
        report.problem = std::move(problem);
    report.ok = false;
    return false;
}

} // namespace

Result<ClinicVerifyReport> VerifyService::verifyClinic()
{
    access::Session* session = m_clinic.session();
    const bool admin = session != nullptr && session->role() == access::Role::Administrator;
    AuditSubject subject = admin ? makeSubject(AuditEventId::AuditLogUsed, AuditEventType::None, AuditAction::Execute,
                                               "Clinic", {}, "verify clinic")
                                 : makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read,
                                               "Clinic", {}, "verify clinic");
    CC_TRY(m_clinic.authorize(admin ? access::Permission::VerifyAudit : access::Permission::ReadChart, subject));
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    const access::KeyEntry* dbk = (*ring)->find(KeyKind::DatabaseKey);
    if (dbk == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no database key");

    ClinicVerifyReport report;
    report.ok = true;
    auto run = [&]() -> Status {
        // (1) Pages. Any failure of the fresh read is the finding (SQLCipher reports a page whose
        // HMAC fails as corrupt, not a database, or an I/O error, depending on where it is).
        if (auto pages = m_clinic.backend().maintenance().checkPages(dbk->secret); !pages) {
            if (pages.error().code != ErrorCode::Unsupported) {
                fail(report, "clinic.db: " + pages.error().message);
                return {};
            }
            report.notChecked.push_back("database pages: " + pages.error().message);
        } else {
            report.checked.push_back("every database page read afresh: page HMACs and b-trees intact");
        }
        // (2) Key slots.
        auto file = m_clinic.backend().keySlots().load();
        if (!file) {
            fail(report, "keyslots.ccks: " + file.error().message);
            return {};
        }
        if (auto mac = file->verifyMac(**ring); !mac) {
            fail(report, "keyslots.ccks: " + mac.error().message);
            return {};
        }
        auto stored = m_clinic.backend().meta().get(ports::meta::kKeySlotGeneration);
        CC_TRY(stored);
        if (stored->has_value()) {
            std::uint64_t seen = 0;
            const auto* first = reinterpret_cast<const char*>((*stored)->data());
            [[maybe_unused]] auto parsed = std::from_chars(first, first + (*stored)->size(), seen);
            if (auto generation = file->checkGeneration(seen); !generation) {
                fail(report, "keyslots.ccks: " + generation.error().message);
                return {};
            }
        }
        report.checked.push_back("key-slot file MAC and generation");
        // (3) Audit chain and anchor.
        CC_TRY(checkAudit(report, **ring));
        if (!report.ok)
            return {};
        // Care-team rows: each names the event that put its doctor on the team.
        auto careTeams = CareTeamBinding::verifyAll(m_clinic, report.careTeamRows);
        CC_TRY(careTeams);
        if (!careTeams->empty()) {
            fail(report, "clinic.db: " + *careTeams);
            return {};
        }
        report.checked.push_back(std::to_string(report.careTeamRows) + " care-team rows bound to their audit events");
        // (4), (5) Sealed rows and index MACs.
        return checkRecords(report, **ring);
    };
    Status done = run();
    subject.detail = !done       ? "verify clinic: not completed"
                     : report.ok ? "verify clinic: ok"
                                 : "verify clinic: problem found";
    // A trail that refuses new events is itself the finding; the report still goes out.
    [[maybe_unused]] auto recorded = m_clinic.record(
        subject,
        done && report.ok ? AuditOutcome::Success : (done ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure));
    CC_TRY(done);
    return report;
}

Status VerifyService::checkAudit(ClinicVerifyReport& report, const access::KeyRing& ring)
{
    auto& store = m_clinic.backend().auditStore();
    const auto& clinicId = m_clinic.backend().descriptor().clinicId;
    if (const access::KeyEntry* root = ring.find(KeyKind::AuditRoot)) {
        audit::AuditVerifier verifier(store, clinicId);
        auto verdict = verifier.verify(root->secret, m_clinic.backend().anchors());
        CC_TRY(verdict);
        report.auditEvents = verdict->eventsChecked;
        if (!verdict->ok) {
            fail(report,
                 "audit trail: " + std::string(audit::auditProblemName(verdict->problem)) + ": " + verdict->message);
            return {};
        }
        report.checked.push_back("audit chain: " + std::to_string(verdict->eventsChecked) +
                                 " events, links, MACs (A0), state row and anchor");
        return {};
    }
    // Without A0 (doctors): the hash links, the state row's head and the anchor can still be checked.
    audit::Digest256 prev{};
    std::uint64_t expected = 1;
    for (;;) {
        auto page = store.read(expected, kPage);
        CC_TRY(page);
        for (const auto& r : *page) {
            if (r.seq != expected || r.prevHash != prev || audit::AuditChain::linkHash(prev, r.seq, r.body) != r.hash) {
                fail(report, "audit trail: the hash chain breaks at event " + std::to_string(expected));
                return {};
            }
            prev = r.hash;
            ++expected;
            ++report.auditEvents;
        }
        if (page->size() < kPage)
            break;
    }
    const std::uint64_t head = expected - 1;
    auto state = store.state();
    CC_TRY(state);
    if (state->seq != head || state->hash != prev) {
        fail(report, "audit trail: the state row does not continue the last event " + std::to_string(head));
        return {};
    }
    auto anchor = m_clinic.backend().anchors().read();
    if (!anchor) {
        fail(report, "audit.anchor: " + anchor.error().message);
        return {};
    }
    if (anchor->clinicId != clinicId || anchor->seq > head || (anchor->seq == head && anchor->hash != prev) ||
        head - anchor->seq > 1) {
        fail(report, "audit.anchor: does not match the trail's head (event " + std::to_string(head) +
                         "): truncated, rolled back or replaced");
        return {};
    }
    report.checked.push_back("audit chain: " + std::to_string(report.auditEvents) +
                             " events, hash links, state row and anchor");
    report.notChecked.push_back("audit MACs: need the audit root key (administrators)");
    return {};
}

Status VerifyService::checkRecords(ClinicVerifyReport& report, const access::KeyRing& ring)
{
    auto& backend = m_clinic.backend();
    // The index seal (issue 10 item 6): every staff ring can check it (doctors by their clinical
    // key, administrators by their pinned writer key).
    if (auto sealed = IndexSealing::verify(m_clinic); sealed) {
        report.checked.push_back("observation index seal: " + std::to_string(sealed->digest.observationRows) +
                                 " index rows and " + std::to_string(sealed->digest.conditionRows) +
                                 " condition tokens match the seal (seq " + std::to_string(sealed->seq) +
                                 ", index writer key " + crypto::hexEncode(sealed->writer) + ")");
    } else if (sealed.error().code == ErrorCode::IntegrityFailure) {
        fail(report, "observation index: " + sealed.error().message);
        return {};
    } else if (sealed.error().code == ErrorCode::Unsupported) {
        report.notChecked.push_back("observation index seal: " + sealed.error().message);
    } else {
        return std::move(sealed).error();
    }
    auto patients = backend.patients().list();
    CC_TRY(patients);
    const bool clinical = ring.has(KeyKind::ClinicalCategory);
    const access::KeyEntry* indexKey = ring.find(KeyKind::Index);
    std::size_t outsideTeam = 0;
    std::set<access::PatientRef> owned; // references of the patients whose rows were checked
    for (const auto& row : *patients) {
        const std::string who = "patient " + idHex(row.id);
        // Identity document (administrators: every patient; doctors: their care team).
        auto identity = PatientService::openChartKey(m_clinic, row.id, access::ChartData::Identity);
        if (identity) {
            auto opened = records::SealedRow::open(identity->key.secret, identity->key.keyId, PatientService::kTable,
                                                   PatientService::kColumn, row.id, row.document);
            if (!opened) {
                fail(report, who + ": the identity document does not open (" + opened.error().message + ")");
                return {};
            }
            ++report.identityDocuments;
        } else if (identity.error().code != ErrorCode::AccessDenied) {
            fail(report, who + ": the identity key does not open (" + identity.error().message + ")");
            return {};
        }
        std::optional<access::PatientRef> ref;
        if (clinical) {
            auto key = PatientService::openChartKey(m_clinic, row.id, access::ChartData::Clinical);
            if (!key && key.error().code == ErrorCode::AccessDenied) {
                ++outsideTeam;
            } else if (!key) {
                fail(report, who + ": the clinical key does not open (" + key.error().message + ")");
                return {};
            } else {
                ref = key->ref;
                owned.insert(key->ref);
                auto rows = backend.clinical().rowsOf(key->ref, std::nullopt);
                CC_TRY(rows);
                // The chart's manifest: no row deleted, reverted or planted behind the services' back.
                auto listed = ChartManifests::check(m_clinic, *key, *rows, std::nullopt);
                if (!listed) {
                    fail(report, who + ": " + listed.error().message);
                    return {};
                }
                report.chartManifests += *listed ? 1 : 0;
                auto attachments = backend.attachments().listOf(key->ref);
                CC_TRY(attachments);
                if (auto checked = ChartManifests::checkAttachments(m_clinic, *key, *attachments); !checked) {
                    fail(report, who + ": " + checked.error().message);
                    return {};
                }
                std::optional<records::PatientKey> confidential;
                for (const auto& r : *rows) {
                    const std::string where = who + ", clinical row " + idHex(r.id);
                    auto keyId = crypto::Aead::keyIdOf(r.document);
                    if (!keyId) {
                        fail(report, where + ": " + keyId.error().message);
                        return {};
                    }
                    const records::PatientKey* use = &key->key;
                    if (*keyId != key->key.keyId) {
                        if (!confidential) {
                            auto stored = backend.patients().findConfidentialKey(row.id);
                            CC_TRY(stored);
                            if (!stored->has_value()) {
                                fail(report, where + ": sealed under a key this patient does not have");
                                return {};
                            }
                            auto unwrapped = records::PatientKeys::unwrap(ring, records::PatientKeyKind::Confidential,
                                                                          row.id, (*stored)->keyId, (*stored)->wrapped);
                            if (!unwrapped) {
                                fail(report,
                                     who + ": the confidential key does not open (" + unwrapped.error().message + ")");
                                return {};
                            }
                            confidential = std::move(*unwrapped);
                        }
                        use = &*confidential;
                    }
                    auto opened = records::SealedRow::open(use->secret, use->keyId, ObservationService::kTable,
                                                           ObservationService::kColumn, r.id, r.document);
                    if (!opened) {
                        fail(report, where + ": the document does not open (" + opened.error().message + ")");
                        return {};
                    }
                    ++report.clinicalRows;
                }
            }
        }
        if (ref && indexKey != nullptr) {
            auto index = backend.clinical().indexOf(*ref, {});
            CC_TRY(index);
            for (const auto& ix : *index) {
                if (ix.paillier.empty())
                    continue;
                auto mac = ObservationService::rowMac(indexKey->secret, ix.rowId, ix.paillier);
                CC_TRY(mac);
                if (ix.paillierMac.size() != mac->size() || !crypto::constantTimeEqual(*mac, ix.paillierMac)) {
                    fail(report, who + ", index row " + idHex(ix.rowId) +
                                     ": the Paillier ciphertext's MAC does not verify (altered or swapped)");
                    return {};
                }
                ++report.indexMacs;
            }
        }
    }
    report.checked.push_back(std::to_string(report.identityDocuments) + " identity documents (AEAD tags)");
    if (clinical) {
        report.checked.push_back(std::to_string(report.clinicalRows) + " clinical rows (AEAD tags)");
        report.checked.push_back(std::to_string(report.indexMacs) + " observation index MACs");
        report.checked.push_back(std::to_string(report.chartManifests) + " chart manifests");
        if (outsideTeam > 0) {
            report.notChecked.push_back(std::to_string(outsideTeam) +
                                        " patients outside your care team (their rows are not opened)");
        } else {
            // Every patient's reference is known: a row under any other reference belongs to no
            // patient (planted, or left by a deletion that did not finish).
            auto refs = backend.clinical().patientRefs();
            CC_TRY(refs);
            std::size_t orphans = 0;
            for (const auto& r : *refs)
                orphans += owned.count(r) == 0 ? 1 : 0;
            if (orphans > 0) {
                fail(report, "clinical rows: " + std::to_string(orphans) +
                                 " patient reference(s) belong to no patient of the clinic (rows planted or orphaned)");
                return {};
            }
            report.checked.push_back("every clinical row belongs to a patient (patient references)");
        }
    } else {
        report.notChecked.push_back("clinical rows and index MACs: need the clinical category key (doctors)");
    }
    return {};
}

} // namespace cc::services

namespace cc::services {

namespace {

/// The alarm's problem as an audit detail: printable, at most 150 bytes (the detail holds 200).
std::string auditablePart(const std::string& problem)
{
    std::string out;
    for (char c : problem)
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    if (out.size() > 150) {
        out.resize(150);
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back(); // never cut a UTF-8 sequence
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0)
            out.pop_back();
        out += "...";
    }
    return out;
}

Status storeAlarm(ports::ClinicMetaStore& meta, const QByteArray& json)
{
    return meta.set(ports::meta::kTamperAlarm,
                    {reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())});
}

} // namespace

Result<std::optional<TamperAlarm>> VerifyService::alarm()
{
    auto stored = m_clinic.backend().meta().get(ports::meta::kTamperAlarm);
    CC_TRY(stored);
    if (!stored->has_value() || (*stored)->empty())
        return std::optional<TamperAlarm>{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>((*stored)->data()), static_cast<qsizetype>((*stored)->size())));
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value("raisedAtMs").isDouble() || !o.value("problem").isString())
        return makeError(ErrorCode::IntegrityFailure, "the clinic's stored tamper alarm does not parse");
    return std::optional<TamperAlarm>(TamperAlarm{static_cast<std::int64_t>(o.value("raisedAtMs").toDouble()),
                                                  o.value("problem").toString().toStdString()});
}

Status VerifyService::raiseAlarm(const std::string& problem)
{
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Execute,
                                       "Clinic", {}, "tamper alarm raised: " + auditablePart(problem));
    subject.flagged = true;
    CC_TRY(m_clinic.authorize(access::Permission::VerifyAudit, subject));
    auto current = alarm();
    Status stored;
    if (current && !current->has_value()) {
        const auto now =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_clinic.clock().now().time_since_epoch()).count();
        stored = storeAlarm(m_clinic.backend().meta(),
                            QJsonDocument(QJsonObject{{"raisedAtMs", static_cast<double>(now)},
                                                      {"problem", QString::fromStdString(problem)}})
                                .toJson(QJsonDocument::Compact));
    } else if (!current) {
        stored = current.error();
    }
    if (!stored)
        subject.detail += " (not stored: " + std::string(errorCodeName(stored.error().code)) + ")";
    CC_TRY(m_clinic.record(subject, AuditOutcome::SeriousFailure));
    return stored;
}

Status VerifyService::markAlarmExamined(const std::string& comment)
{
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Update, "Clinic",
                                       {}, "tamper alarm examined");
    return audited(m_clinic, access::Permission::ReviewBreakGlass, subject, [&]() -> Status {
        auto text = AuditReviewService::checkComment(comment);
        CC_TRY(text);
        auto current = alarm();
        CC_TRY(current);
        if (!current->has_value())
            return makeError(ErrorCode::NotFound, "no tamper alarm is raised");
        subject.detail += ": " + auditablePart((*current)->problem);
        subject.reason = *text;
        return storeAlarm(m_clinic.backend().meta(), {});
    });
}

} // namespace cc::services
