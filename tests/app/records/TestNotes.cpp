// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical notes: sealing by sharing flag, the patient's ring cannot open unshared notes, access and audit.
#include "core/crypto/Aead.h"
#include "core/records/PatientKeys.h"
#include "core/records/SealedRow.h"
#include "core/services/NoteService.h"
#include "db/Database.h"
#include "tests/app/records/ChartFixture.h"

#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

model::ClinicalNote draft(const QString& title, const QString& text, bool shared)
{
    model::ClinicalNote n;
    n.title = title;
    n.text = text;
    n.sharedWithPatient = shared;
    return n;
}

constexpr const char* kSecretText = "Suspected non-adherence; discuss with the family first.";
constexpr const char* kSharedText = "Blood pressure well controlled. Continue the current dose.";

} // namespace

class TestNotes : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    model::RowId m_shared{};
    model::RowId m_unshared{};

    std::uint32_t blobKeyId(const model::RowId& note)
    {
        auto row = m_f->t->store().clinical().findRow(note);
        if (!row.ok() || !row->has_value())
            return 0;
        auto id = crypto::Aead::keyIdOf((*row)->document);
        return id.ok() ? *id : 0;
    }

private slots:
    void init()
    {
        auto f = ChartFixture::make();
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().describe().c_str());
        m_f = std::move(f).value();
        services::NoteService notes(m_f->t->clinic());
        auto shared = notes.add(m_f->own, draft(QStringLiteral("Visit"), QString::fromLatin1(kSharedText), true));
        QVERIFY2(shared.ok(), shared.ok() ? "" : shared.error().describe().c_str());
        auto unshared = notes.add(m_f->own, draft({}, QString::fromLatin1(kSecretText), false));
        QVERIFY2(unshared.ok(), unshared.ok() ? "" : unshared.error().describe().c_str());
        m_shared = *shared;
        m_unshared = *unshared;
    }

    void cleanup() { m_f.reset(); }

    void doctorReadsBothNotesSealedUnderDifferentKeys()
    {
        auto list = services::NoteService(m_f->t->clinic()).list(m_f->own);
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().describe().c_str());
        QCOMPARE(list->size(), std::size_t{2});
        const auto& a = (*list)[0].id == m_shared ? (*list)[0] : (*list)[1];
        const auto& b = (*list)[0].id == m_shared ? (*list)[1] : (*list)[0];
        QCOMPARE(a.text, QString::fromLatin1(kSharedText));
        QVERIFY(a.sharedWithPatient);
        QCOMPARE(a.author, QString::fromLatin1(kDoctor));
        QVERIFY(!a.authored.isEmpty());
        QCOMPARE(b.text, QString::fromLatin1(kSecretText));
        QVERIFY(!b.sharedWithPatient);

        auto patientRow = m_f->t->store().patients().find(m_f->own);
        QVERIFY(patientRow.ok() && patientRow->has_value());
        auto confidential = m_f->t->store().patients().findConfidentialKey(m_f->own);
        QVERIFY(confidential.ok() && confidential->has_value());
        QCOMPARE(blobKeyId(m_shared), (*patientRow)->clinicalKeyId);
        QCOMPARE(blobKeyId(m_unshared), (*confidential)->keyId);
        QVERIFY((*confidential)->keyId != (*patientRow)->clinicalKeyId);
        // Created lazily: the other patient has no unshared note, hence no confidential key; a
        // second unshared note reuses the first one's key.
        auto none = m_f->t->store().patients().findConfidentialKey(m_f->other);
        QVERIFY(none.ok() && !none->has_value());
        auto again = services::NoteService(m_f->t->clinic()).add(m_f->own, draft({}, QStringLiteral("More."), false));
        QVERIFY(again.ok());
        QCOMPARE(blobKeyId(*again), (*confidential)->keyId);
        auto all = m_f->t->store().patients().confidentialKeys();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), std::size_t{1});
    }

    void patientSeesOnlySharedNotesAndCannotDecryptTheOthers()
    {
        // The stored blobs, read while a doctor's session has the database open (a patient's never
        // opens it: docs/PORTAL.md); then everything the patient's own ring holds is tried on them.
        auto row = m_f->t->store().clinical().findRow(m_unshared);
        QVERIFY(row.ok() && row->has_value());
        const std::uint32_t sealedUnder = blobKeyId(m_unshared);
        auto stored = m_f->t->store().patients().findConfidentialKey(m_f->own);
        QVERIFY(stored.ok() && stored->has_value());

        QVERIFY(m_f->loginAs(kPatientAccount, kPatientPassword).ok());
        auto list = services::NoteService(m_f->t->clinic()).list(m_f->own);
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().describe().c_str());
        QCOMPARE(list->size(), std::size_t{1});
        QCOMPARE(list->front().id, m_shared);

        auto ring = m_f->t->clinic().keys();
        QVERIFY(ring.ok());
        QVERIFY(!(*ring)->has(access::KeyKind::ClinicalCategory));
        int tried = 0;
        for (const auto kind : {access::KeyKind::PatientClinical, access::KeyKind::PatientIdentity}) {
            const access::KeyEntry* own = (*ring)->find(kind);
            QVERIFY(own != nullptr);
            // As labelled (key id check) and forced (claiming the blob's own key id): neither opens.
            QVERIFY(
                !records::SealedRow::open(own->secret, own->keyId, "clinical_rows", "doc", m_unshared, (*row)->document)
                     .ok());
            QCOMPARE(
                records::SealedRow::open(own->secret, sealedUnder, "clinical_rows", "doc", m_unshared, (*row)->document)
                    .error()
                    .code,
                ErrorCode::IntegrityFailure);
            ++tried;
        }
        QCOMPARE(tried, 2);
        // The wrapped confidential key needs the clinical category key, which the patient lacks.
        QCOMPARE(records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Confidential, m_f->own, (*stored)->keyId,
                                              (*stored)->wrapped)
                     .error()
                     .code,
                 ErrorCode::AccessDenied);
        // A patient writes no notes, and reads no other patient's.
        QCOMPARE(
            services::NoteService(m_f->t->clinic()).add(m_f->own, draft({}, QStringLiteral("x"), true)).error().code,
            ErrorCode::AccessDenied);
        QCOMPARE(services::NoteService(m_f->t->clinic()).list(m_f->other).error().code, ErrorCode::AccessDenied);
    }

    void changingTheSharedFlagSealsAgain()
    {
        services::NoteService notes(m_f->t->clinic());
        const std::uint32_t clinicalId = blobKeyId(m_shared);
        const std::uint32_t confidentialId = blobKeyId(m_unshared);
        QVERIFY(notes.update(m_f->own, m_shared, QStringLiteral("Visit"), QStringLiteral("Amended."), false).ok());
        QVERIFY(notes.update(m_f->own, m_unshared, QStringLiteral("Now shared"), QString::fromLatin1(kSecretText), true)
                    .ok());
        QCOMPARE(blobKeyId(m_shared), confidentialId);
        QCOMPARE(blobKeyId(m_unshared), clinicalId);
        auto list = notes.list(m_f->own);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{2});
        for (const auto& n : *list) {
            QCOMPARE(n.author, QString::fromLatin1(kDoctor));
            if (n.id == m_shared)
                QCOMPARE(n.text, QStringLiteral("Amended."));
        }
        QVERIFY(m_f->loginAs(kPatientAccount, kPatientPassword).ok());
        list = services::NoteService(m_f->t->clinic()).list(m_f->own);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{1});
        QCOMPARE(list->front().id, m_unshared);
        QCOMPARE(list->front().title, QStringLiteral("Now shared"));
    }

    void badInputIsRefusedAndNothingIsStored()
    {
        services::NoteService notes(m_f->t->clinic());
        auto before = m_f->t->store().clinical().countRows();
        auto empty = notes.add(m_f->own, draft({}, {}, true));
        QCOMPARE(empty.error().code, ErrorCode::MalformedInput);
        QCOMPARE(empty.error().field, std::string("note.text"));
        auto longTitle = notes.add(m_f->own, draft(QString(2000, u'x'), QStringLiteral("ok"), false));
        QCOMPARE(longTitle.error().code, ErrorCode::MalformedInput);
        QCOMPARE(notes.update(m_f->own, m_shared, {}, {}, true).error().code, ErrorCode::MalformedInput);
        QCOMPARE(*m_f->t->store().clinical().countRows(), *before);
        QCOMPARE(notes.update(m_f->own, model::RowId{}, {}, QStringLiteral("x"), true).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(m_f->events().back().outcome, audit::AuditOutcome::MinorFailure);
    }

    void removeDeletesTheNote()
    {
        services::NoteService notes(m_f->t->clinic());
        QVERIFY(notes.remove(m_f->own, m_unshared).ok());
        QCOMPARE(notes.remove(m_f->own, m_unshared).error().code, ErrorCode::NotFound);
        auto list = notes.list(m_f->own);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{1});
    }

    void administratorCannotReadNotes()
    {
        QVERIFY(m_f->loginAs(kAdmin, kAdminPassword).ok());
        QCOMPARE(services::NoteService(m_f->t->clinic()).list(m_f->own).error().code, ErrorCode::AccessDenied);
        QCOMPARE(m_f->events().back().outcome, audit::AuditOutcome::SeriousFailure);
        // Tried with the administrator's own ring: neither patient key unwraps.
        auto ring = m_f->t->clinic().keys();
        QVERIFY(ring.ok());
        auto patientRow = m_f->t->store().patients().find(m_f->own);
        auto stored = m_f->t->store().patients().findConfidentialKey(m_f->own);
        QVERIFY(patientRow.ok() && stored.ok() && stored->has_value());
        QCOMPARE(records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Clinical, m_f->own,
                                              (*patientRow)->clinicalKeyId, (*patientRow)->clinicalKeyWrapped)
                     .error()
                     .code,
                 ErrorCode::AccessDenied);
        QCOMPARE(records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Confidential, m_f->own, (*stored)->keyId,
                                              (*stored)->wrapped)
                     .error()
                     .code,
                 ErrorCode::AccessDenied);
    }

    void doctorOutsideTheCareTeamIsDeniedUntilBreakGlass()
    {
        QVERIFY(m_f->loginAs(kOtherDoctor, kOtherDoctorPassword).ok());
        services::NoteService notes(m_f->t->clinic());
        QCOMPARE(notes.list(m_f->own).error().code, ErrorCode::AccessDenied);
        QCOMPARE(m_f->events().back().outcome, audit::AuditOutcome::SeriousFailure);
        QCOMPARE(notes.add(m_f->own, draft({}, QStringLiteral("x"), false)).error().code, ErrorCode::AccessDenied);
        QCOMPARE(notes.update(m_f->own, m_shared, {}, QStringLiteral("x"), false).error().code,
                 ErrorCode::AccessDenied);
        QCOMPARE(notes.remove(m_f->own, m_shared).error().code, ErrorCode::AccessDenied);
        QVERIFY(services::PatientService(m_f->t->clinic()).breakGlass(m_f->own, "patient unconscious in the ER").ok());
        auto list = notes.list(m_f->own);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{2});
        QVERIFY(m_f->events().back().flagged);
    }

    void everyCallIsAuditedOnceWithoutNoteText()
    {
        services::NoteService notes(m_f->t->clinic());
        auto count = [&] { return m_f->events().size(); };
        std::size_t n = count();
        QVERIFY(notes.list(m_f->own).ok());
        QCOMPARE(count(), ++n);
        QVERIFY(notes.update(m_f->own, m_shared, QStringLiteral("T"), QStringLiteral("Changed text"), true).ok());
        QCOMPARE(count(), ++n);
        QVERIFY(!notes.add(m_f->own, draft({}, {}, true)).ok());
        QCOMPARE(count(), ++n);
        QVERIFY(notes.remove(m_f->own, m_shared).ok());
        QCOMPARE(count(), ++n);
        for (const auto& e : m_f->events()) {
            if (e.objectType != "Note")
                continue;
            QCOMPARE(e.patientId, services::idHex(m_f->own));
            for (const char* phi : {"Suspected", "Blood pressure", "Changed text", "Visit"}) {
                QVERIFY(e.detail.find(phi) == std::string::npos);
                QVERIFY(e.reason.find(phi) == std::string::npos);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNotes)
#include "TestNotes.moc"
