// SPDX-License-Identifier: GPL-3.0-or-later
// Note use cases: the sharing flag decides the sealing key; the patient's ring cannot open unshared notes.
#include "core/services/NoteService.h"
#include "core/services/ChartManifests.h"

#include "core/crypto/Aead.h"
#include "core/records/SealedRow.h"
#include "core/services/PatientService.h"
#include "core/services/PortalService.h"

#include <QDateTime>

#include <algorithm>

namespace cc::services {

using access::ChartData;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

AuditOutcome outcomeOf(const Error& error)
{
    return error.code == ErrorCode::AccessDenied ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure;
}

QString nowIso(const Clock& clock)
{
    return QDateTime::fromSecsSinceEpoch(clock.nowSeconds(), Qt::UTC).toString(Qt::ISODate);
}

/// Runs the model's strict decoder over the canonical encoding, so a note is stored only if it
/// would be read back (limits and required fields in one place: ClinicalNote::fromJson).
Status validate(const model::ClinicalNote& note)
{
    auto decoded = model::ClinicalNote::fromJson(note.toJson());
    CC_TRY(decoded);
    return {};
}

Result<std::vector<std::uint8_t>> seal(const records::PatientKey& key, const model::RowId& rowId,
                                       const model::ClinicalNote& note, crypto::Rng& rng)
{
    const QByteArray json = note.toJson();
    return records::SealedRow::seal(
        key.secret, key.keyId, NoteService::kTable, NoteService::kColumn, rowId,
        {reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())}, rng);
}

Result<ports::ClinicalRow> findNoteRow(ClinicService& clinic, const model::RowId& note)
{
    auto row = clinic.backend().clinical().findRow(note);
    CC_TRY(row);
    if (!row->has_value() || (*row)->kind != ports::ClinicalKind::Note)
        return makeError(ErrorCode::NotFound, "no note with this row id");
    return std::move(**row);
}

} // namespace

Result<std::vector<model::ClinicalNote>>
NoteService::sharedNotes(ClinicService& clinic, const access::PatientId& patient, const ChartKey& clinicalKey)
{
    auto rows = ChartManifests::rowsOf(clinic, clinicalKey, ports::ClinicalKind::Note);
    CC_TRY(rows);
    std::vector<model::ClinicalNote> out;
    for (const auto& row : *rows) {
        auto keyId = crypto::Aead::keyIdOf(row.document);
        CC_TRY(keyId);
        if (*keyId != clinicalKey.key.keyId)
            continue;
        auto note = openNote(clinicalKey.key, row.id, patient, row.document);
        CC_TRY(note);
        if (!note->sharedWithPatient)
            continue;
        note->encounterId = row.encounterId;
        out.push_back(std::move(*note));
    }
    return out;
}

Result<model::ClinicalNote> NoteService::openNote(const records::PatientKey& key, const model::RowId& rowId,
                                                  const access::PatientId& patient, std::span<const std::uint8_t> blob)
{
    auto plain = records::SealedRow::open(key.secret, key.keyId, kTable, kColumn, rowId, blob);
    CC_TRY(plain);
    auto note = model::ClinicalNote::fromJson(
        QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
    CC_TRY(note);
    note->id = rowId;
    note->patientId = patient;
    return std::move(*note);
}

Result<records::PatientKey> NoteService::confidentialKey(const access::PatientId& patient, bool create)
{
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    auto& store = m_clinic.backend().patients();
    auto stored = store.findConfidentialKey(patient);
    CC_TRY(stored);
    if (stored->has_value())
        return records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Confidential, patient, (*stored)->keyId,
                                            (*stored)->wrapped);
    if (!create)
        return makeError(ErrorCode::KeyMismatch, "a note names a key this patient does not have");
    auto row = store.find(patient);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, "no patient with this row id");
    records::PatientKey key = records::PatientKeys::generate(m_clinic.rng());
    // Key ids tell which key sealed a note: never reuse the clinical (or identity) key's id.
    while (key.keyId == (*row)->clinicalKeyId || key.keyId == (*row)->identityKeyId)
        key = records::PatientKeys::generate(m_clinic.rng());
    auto wrapped =
        records::PatientKeys::wrap(**ring, records::PatientKeyKind::Confidential, patient, key, m_clinic.rng());
    CC_TRY(wrapped);
    CC_TRY(store.insertConfidentialKey({patient, key.keyId, std::move(*wrapped)}));
    return key;
}

Result<model::RowId> NoteService::add(const access::PatientId& patient, model::ClinicalNote note)
{
    AuditSubject subject =
        makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Create, "Note", {}, "note added");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Result<model::RowId> {
        note.id = model::newRowId(m_clinic.rng());
        note.patientId = patient;
        note.author = QString::fromStdString(m_clinic.session()->userName());
        note.authored = nowIso(m_clinic.clock());
        subject.objectId = idHex(note.id);
        CC_TRY(validate(note));
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        std::vector<std::uint8_t> doc;
        if (note.sharedWithPatient) {
            auto sealed = seal(clinicalKey->key, note.id, note, m_clinic.rng());
            CC_TRY(sealed);
            doc = std::move(*sealed);
        } else {
            auto key = confidentialKey(patient, true);
            CC_TRY(key);
            auto sealed = seal(*key, note.id, note, m_clinic.rng());
            CC_TRY(sealed);
            doc = std::move(*sealed);
        }
        CC_TRY(m_clinic.backend().clinical().insertRow(
            {note.id, clinicalKey->ref, note.encounterId, ports::ClinicalKind::Note, std::move(doc)}));
        subject.detail += note.sharedWithPatient ? ", shared" : ", not shared";
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return note.id;
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

Status NoteService::update(const access::PatientId& patient, const model::RowId& noteId, const QString& title,
                           const QString& text, bool shared)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update, "Note",
                                       idHex(noteId), "note amended");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto row = findNoteRow(m_clinic, noteId);
        CC_TRY(row);
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        if (row->patientRef != clinicalKey->ref)
            return makeError(ErrorCode::NotFound, "no note with this row id in this patient's chart");
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        auto keyId = crypto::Aead::keyIdOf(row->document);
        CC_TRY(keyId);
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        std::optional<records::PatientKey> confidential;
        if (*keyId != clinicalKey->key.keyId || !shared) {
            auto key = confidentialKey(patient, !shared);
            CC_TRY(key);
            confidential = std::move(*key);
        }
        const records::PatientKey& oldKey = *keyId == clinicalKey->key.keyId ? clinicalKey->key : *confidential;
        auto note = openNote(oldKey, row->id, patient, row->document);
        CC_TRY(note);
        note->title = title;
        note->text = text;
        note->sharedWithPatient = shared;
        CC_TRY(validate(*note));
        // Sealed again under the key the new sharing calls for, in place of the old row (same id).
        auto doc = seal(shared ? clinicalKey->key : *confidential, row->id, *note, m_clinic.rng());
        CC_TRY(doc);
        auto& store = m_clinic.backend().clinical();
        CC_TRY(store.deleteRow(row->id));
        CC_TRY(
            store.insertRow({row->id, row->patientRef, row->encounterId, ports::ClinicalKind::Note, std::move(*doc)}));
        subject.detail += shared ? ", shared" : ", not shared";
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

Status NoteService::remove(const access::PatientId& patient, const model::RowId& noteId)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Delete, "Note",
                                       idHex(noteId), "note deleted");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto row = findNoteRow(m_clinic, noteId);
        CC_TRY(row);
        // The access check of the chart (care team or break-glass) applies to deletions too.
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        if (row->patientRef != clinicalKey->ref)
            return makeError(ErrorCode::NotFound, "no note with this row id in this patient's chart");
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(m_clinic.backend().clinical().deleteRow(noteId));
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

Result<std::vector<model::ClinicalNote>> NoteService::list(const access::PatientId& patient)
{
    AuditSubject subject =
        makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Note", {}, "note list");
    subject.patientId = idHex(patient);
    const access::Session* session = m_clinic.session();
    const bool ownRecord = session != nullptr && session->role() == access::Role::Patient;
    CC_TRY(m_clinic.authorize(ownRecord ? Permission::ReadOwnRecord : Permission::ReadChart, subject));
    auto run = [&]() -> Result<std::vector<model::ClinicalNote>> {
        if (m_clinic.portalMode()) {
            auto portal = PortalService(m_clinic).ownFor(patient);
            CC_TRY(portal);
            return (*portal)->notes;
        }
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        auto rows = ChartManifests::rowsOf(m_clinic, *clinicalKey, ports::ClinicalKind::Note);
        CC_TRY(rows);
        std::optional<records::PatientKey> confidential;
        std::vector<model::ClinicalNote> out;
        for (const auto& row : *rows) {
            auto keyId = crypto::Aead::keyIdOf(row.document);
            CC_TRY(keyId);
            const bool sharedKey = *keyId == clinicalKey->key.keyId;
            if (!sharedKey && ownRecord)
                continue; // not shared: the patient's ring has no key for it, and nothing is attempted
            if (!sharedKey && !confidential) {
                auto key = confidentialKey(patient, false);
                CC_TRY(key);
                confidential = std::move(*key);
            }
            auto note = openNote(sharedKey ? clinicalKey->key : *confidential, row.id, patient, row.document);
            CC_TRY(note);
            // A note sealed under the clinical key always says it is shared; anything else is not shown.
            if (ownRecord && !note->sharedWithPatient)
                continue;
            note->encounterId = row.encounterId;
            out.push_back(std::move(*note));
        }
        std::sort(out.begin(), out.end(), [](const model::ClinicalNote& a, const model::ClinicalNote& b) {
            return a.authored != b.authored ? a.authored < b.authored : a.id < b.id;
        });
        subject.detail += ", " + std::to_string(out.size()) + " notes";
        return out;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : outcomeOf(result.error())));
    return result;
}

} // namespace cc::services
