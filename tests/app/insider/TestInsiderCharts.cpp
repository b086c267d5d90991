// SPDX-License-Identifier: GPL-3.0-or-later
// Offline insider attacks on one chart's rows (issue 10 item 6; docs/RECORDS.md, "Chart
// manifests"): an administrator holds the database key, so they can delete a chart row, put back
// an older version of one, copy one in, or remove the chart's manifest. Each is named when a doctor
// opens the chart (and by the doctor's whole-clinic verify); putting a whole chart back, rows and
// manifest together, opens, and is caught by the index seal instead. Real data: the Synthea sample.
#include "core/audit/AuditEvent.h"
#include "core/crypto/Hex.h"
#include "core/model/CodeSystem.h"
#include "core/records/ChartManifest.h"
#include "core/records/PatientKeys.h"
#include "core/services/AccountService.h"
#include "core/services/AttachmentService.h"
#include "core/services/ChartManifests.h"
#include "core/services/ClinicalEntryService.h"
#include "core/services/ImportService.h"
#include "core/services/IndexSealing.h"
#include "core/services/PatientService.h"
#include "core/services/VerifyService.h"
#include "db/Database.h"
#include "tests/support/TestClinic.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);

model::Condition hypertension()
{
    model::Condition c;
    c.codeSystem = QString::fromLatin1(model::codesystem::kSnomed);
    c.code = QStringLiteral("38341003");
    c.display = QStringLiteral("Hypertensive disorder");
    c.onset = QStringLiteral("2020-05-06");
    c.clinicalStatus = QStringLiteral("active");
    return c;
}

/// A small PDF (three chunks' worth is not needed: one chunk is bound like any other).
QString writePdf(const QTemporaryDir& dir, const QString& name, const QByteArray& marker)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("%PDF-1.4\n% " + marker + "\n") <= 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

std::string describe(const Status& s)
{
    return s.ok() ? std::string() : s.error().describe();
}

} // namespace

class TestInsiderCharts : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;
    access::PatientId m_patient{};
    access::PatientRef m_ref{};

    void as(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        auto s = m_t->login(name, password);
        if (!s.ok())
            qFatal("login %s: %s", name.c_str(), s.error().describe().c_str());
    }

    void exec(const std::string& sql)
    {
        auto s = m_t->store().database().exec(sql);
        if (!s.ok())
            qFatal("%s: %s", sql.c_str(), s.error().message.c_str());
    }

    qint64 count(const std::string& sql)
    {
        auto stmt = m_t->store().database().prepare(sql);
        if (!stmt.ok() || !*stmt->step())
            qFatal("%s", sql.c_str());
        return stmt->columnInt64(0);
    }

    std::string hexRef() { return crypto::hexEncode(m_ref.bytes); }

    /// The doctor's chart of the patient: empty on success, else the error.
    std::string openChart()
    {
        as(kDoctor, kDoctorPassword);
        auto chart = services::PatientService(m_t->clinic()).chart(m_patient);
        return chart.ok() ? std::string() : chart.error().describe();
    }

    std::string conditionsList()
    {
        as(kDoctor, kDoctorPassword);
        auto list = services::ClinicalEntryService(m_t->clinic()).conditions(m_patient);
        return list.ok() ? std::string() : list.error().describe();
    }

    /// The doctor's whole-clinic verify: its first problem, or empty.
    std::string verifyAsDoctor()
    {
        as(kDoctor, kDoctorPassword);
        auto report = services::VerifyService(m_t->clinic()).verifyClinic();
        if (!report.ok())
            return report.error().describe();
        return report->ok ? std::string() : report->problem;
    }

    /// The index seal's verdict over the database as it stands (what every report run checks).
    std::string sealVerdict()
    {
        as(kAdmin, kAdminPassword);
        auto verified = services::IndexSealing::verify(m_t->clinic());
        return verified.ok() ? std::string() : verified.error().describe();
    }

private slots:
    void initTestCase()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        m_t = std::move(t).value();
        as(kDoctor, kDoctorPassword);
        auto imported = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        auto patients = services::PatientService(m_t->clinic()).list();
        QVERIFY(patients.ok() && !patients->empty());
        // The patient with the most conditions: a chart with every kind of row.
        std::size_t most = 0;
        services::ClinicalEntryService entries(m_t->clinic());
        for (const auto& p : *patients) {
            auto conditions = entries.conditions(p.id);
            auto medications = entries.medications(p.id);
            QVERIFY(conditions.ok() && medications.ok());
            if (conditions->size() > most && !medications->empty()) {
                most = conditions->size();
                m_patient = p.id;
            }
        }
        QVERIFY(most >= 2);
        m_ref = m_t->refOf(m_patient);
    }

    // Every imported chart has its manifest, the genuine chart opens, and verify counts them.
    void genuineChartsVerify()
    {
        QCOMPARE(openChart(), std::string());
        QCOMPARE(verifyAsDoctor(), std::string());
        auto report = services::VerifyService(m_t->clinic()).verifyClinic();
        QVERIFY(report.ok() && report->ok);
        auto count = m_t->store().database().prepare("SELECT count(*) FROM chart_manifests;");
        QVERIFY(count.ok() && *count->step());
        QCOMPARE(static_cast<qint64>(report->chartManifests), count->columnInt64(0));
        QVERIFY(report->chartManifests >= 10);
        QCOMPARE(sealVerdict(), std::string());
    }

    // A deleted medication (a row with no index element, so only the manifest can tell) is named
    // when the chart opens, by the medication list and by the doctor's whole-clinic verify.
    void deletedRowIsNamed()
    {
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM clinical_rows WHERE patient_ref = x'" + hexRef() +
             "' AND kind = 'medication' ORDER BY id LIMIT 1;");
        exec("DELETE FROM clinical_rows WHERE id = (SELECT id FROM saved);");
        const std::string refused = openChart();
        QVERIFY2(refused.find("listed in the chart's manifest but missing") != std::string::npos, refused.c_str());
        as(kDoctor, kDoctorPassword);
        auto medications = services::ClinicalEntryService(m_t->clinic()).medications(m_patient);
        QVERIFY(!medications.ok() && medications.error().message.find("missing") != std::string::npos);
        const std::string verified = verifyAsDoctor();
        QVERIFY2(verified.find("missing") != std::string::npos, verified.c_str());
        QCOMPARE(sealVerdict(), std::string()); // the index is untouched: the seal cannot see this
        // Put back as it was, the chart opens again: the check follows the rows.
        as(kAdmin, kAdminPassword);
        exec("INSERT INTO clinical_rows SELECT * FROM saved;");
        exec("DROP TABLE saved;");
        QCOMPARE(openChart(), std::string());
        QCOMPARE(verifyAsDoctor(), std::string());
    }

    // A later genuine write to the chart does not bless an earlier deletion: the unit of work
    // checks the rows it did not touch against the stored manifest before writing the new one.
    void laterWriteDoesNotBlessAnEarlierDeletion()
    {
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM clinical_rows WHERE patient_ref = x'" + hexRef() +
             "' AND kind = 'condition' ORDER BY id DESC LIMIT 1;");
        exec("CREATE TABLE saved_token AS SELECT * FROM condition_tokens WHERE row_id = (SELECT id FROM saved);");
        exec("DELETE FROM condition_tokens WHERE row_id = (SELECT id FROM saved);");
        exec("DELETE FROM clinical_rows WHERE id = (SELECT id FROM saved);");
        as(kDoctor, kDoctorPassword);
        auto added = services::ClinicalEntryService(m_t->clinic()).addCondition(m_patient, hypertension());
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, ErrorCode::IntegrityFailure);
        QVERIFY2(added.error().message.find("changed outside CipherChart before this change") != std::string::npos,
                 added.error().message.c_str());
        QVERIFY(openChart().find("missing") != std::string::npos); // still named: nothing was saved
        as(kAdmin, kAdminPassword);
        exec("INSERT INTO clinical_rows SELECT * FROM saved;");
        exec("INSERT INTO condition_tokens SELECT * FROM saved_token;");
        exec("DROP TABLE saved; DROP TABLE saved_token;");
        QCOMPARE(openChart(), std::string());
        QCOMPARE(sealVerdict(), std::string());
    }

    // An edited row put back to its older version (same id, same key: its AEAD still opens).
    void revertedRowIsNamed()
    {
        as(kDoctor, kDoctorPassword);
        services::ClinicalEntryService entries(m_t->clinic());
        auto conditions = entries.conditions(m_patient);
        QVERIFY(conditions.ok() && !conditions->empty());
        model::Condition edited = conditions->front();
        const std::string id = crypto::hexEncode(edited.id);
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT id, doc FROM clinical_rows WHERE id = x'" + id + "';");
        as(kDoctor, kDoctorPassword);
        edited.display += QStringLiteral(" (reviewed)");
        const std::string updated = describe(services::ClinicalEntryService(m_t->clinic()).updateCondition(edited));
        QVERIFY2(updated.empty(), updated.c_str());
        QCOMPARE(openChart(), std::string());
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE current AS SELECT id, doc FROM clinical_rows WHERE id = x'" + id + "';");
        exec("UPDATE clinical_rows SET doc = (SELECT doc FROM saved) WHERE id = x'" + id + "';");
        const std::string refused = openChart();
        QVERIFY2(refused.find("chart row " + id + " differs from the version CipherChart last wrote") !=
                     std::string::npos,
                 refused.c_str());
        QVERIFY(conditionsList().find("differs") != std::string::npos);
        as(kAdmin, kAdminPassword);
        exec("UPDATE clinical_rows SET doc = (SELECT doc FROM current) WHERE id = x'" + id + "';");
        exec("DROP TABLE saved; DROP TABLE current;");
        QCOMPARE(openChart(), std::string());
    }

    // A row copied in (another of the chart's sealed documents under a new id) is named before
    // anything is opened.
    void plantedRowIsNamed()
    {
        as(kAdmin, kAdminPassword);
        exec("INSERT INTO clinical_rows (id, patient_ref, encounter_id, kind, doc) SELECT "
             "x'0102030405060708090a0b0c0d0e0f10', patient_ref, "
             "encounter_id, kind, doc FROM clinical_rows WHERE patient_ref = x'" +
             hexRef() + "' AND kind = 'condition' ORDER BY id LIMIT 1;");
        const std::string refused = openChart();
        QVERIFY2(refused.find("is not in the chart's manifest") != std::string::npos, refused.c_str());
        as(kAdmin, kAdminPassword);
        exec("DELETE FROM clinical_rows WHERE id = x'0102030405060708090a0b0c0d0e0f10';");
        QCOMPARE(openChart(), std::string());
    }

    // The manifest itself removed, or altered, or taken from another chart.
    void removedOrAlteredManifestIsRefused()
    {
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM chart_manifests WHERE patient_ref = x'" + hexRef() + "';");
        exec("DELETE FROM chart_manifests WHERE patient_ref = x'" + hexRef() + "';");
        QVERIFY(openChart().find("manifest is missing") != std::string::npos);
        QVERIFY(sealVerdict().find("does not match its seal") != std::string::npos);
        as(kAdmin, kAdminPassword);
        // Another chart's manifest under this chart's reference: it does not verify here.
        exec("INSERT INTO chart_manifests SELECT x'" + hexRef() +
             "', manifest FROM chart_manifests WHERE patient_ref <> x'" + hexRef() + "' LIMIT 1;");
        QVERIFY(openChart().find("does not verify under this patient's key") != std::string::npos);
        as(kAdmin, kAdminPassword);
        exec("DELETE FROM chart_manifests WHERE patient_ref = x'" + hexRef() + "';");
        // One byte of the genuine manifest flipped.
        {
            auto saved = m_t->store().database().prepare("SELECT manifest FROM saved;");
            QVERIFY(saved.ok() && *saved->step());
            const auto blob = saved->columnBlob(0);
            std::vector<std::uint8_t> flipped(blob.begin(), blob.end());
            flipped[flipped.size() / 2] ^= 0x01;
            auto put = m_t->store().database().prepare("INSERT INTO chart_manifests VALUES (?1, ?2);");
            QVERIFY(put.ok());
            QVERIFY(put->bindBlob(1, m_ref.bytes).ok());
            QVERIFY(put->bindBlob(2, flipped).ok());
            QVERIFY(put->step().ok());
        }
        QVERIFY(!openChart().empty());
        as(kAdmin, kAdminPassword);
        exec("DELETE FROM chart_manifests WHERE patient_ref = x'" + hexRef() + "';");
        exec("INSERT INTO chart_manifests SELECT * FROM saved;");
        exec("DROP TABLE saved;");
        QCOMPARE(openChart(), std::string());
        QCOMPARE(sealVerdict(), std::string());
    }

    // The whole chart put back to an older state, rows and manifest together (from an old backup):
    // consistent, so the chart opens, but the manifest is an element of the index seal, which the
    // next report run and every verify check.
    void chartRolledBackWithItsManifestBreaksTheSeal()
    {
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM chart_manifests WHERE patient_ref = x'" + hexRef() + "';");
        as(kDoctor, kDoctorPassword);
        auto added = services::ClinicalEntryService(m_t->clinic()).addCondition(m_patient, hypertension());
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().describe().c_str());
        QCOMPARE(openChart(), std::string());
        QCOMPARE(sealVerdict(), std::string());
        as(kAdmin, kAdminPassword);
        const std::string id = crypto::hexEncode(*added);
        exec("CREATE TABLE saved_rows AS SELECT * FROM clinical_rows WHERE id = x'" + id + "';");
        exec("CREATE TABLE saved_tokens AS SELECT * FROM condition_tokens WHERE row_id = x'" + id + "';");
        exec("CREATE TABLE current AS SELECT * FROM chart_manifests WHERE patient_ref = x'" + hexRef() + "';");
        exec("DELETE FROM condition_tokens WHERE row_id = x'" + id + "';");
        exec("DELETE FROM clinical_rows WHERE id = x'" + id + "';");
        exec("UPDATE chart_manifests SET manifest = (SELECT manifest FROM saved) WHERE patient_ref = x'" + hexRef() +
             "';");
        QCOMPARE(openChart(), std::string()); // the older chart is consistent in itself
        const std::string refused = sealVerdict();
        QVERIFY2(refused.find("does not match its seal") != std::string::npos, refused.c_str());
        as(kAdmin, kAdminPassword);
        exec("INSERT INTO clinical_rows SELECT * FROM saved_rows;");
        exec("INSERT INTO condition_tokens SELECT * FROM saved_tokens;");
        exec("UPDATE chart_manifests SET manifest = (SELECT manifest FROM current) WHERE patient_ref = x'" + hexRef() +
             "';");
        exec("DROP TABLE saved; DROP TABLE saved_rows; DROP TABLE saved_tokens; DROP TABLE current;");
        QCOMPARE(sealVerdict(), std::string());
        QCOMPARE(openChart(), std::string());
    }

    // A session without the clinical key cannot change a chart's rows through the store: the
    // unit of work cannot write the manifest, so it does not commit.
    void administratorsUnitOfWorkIsRefused()
    {
        as(kAdmin, kAdminPassword);
        auto rows = m_t->store().clinical().rowsOf(m_ref, ports::ClinicalKind::Condition);
        QVERIFY(rows.ok() && !rows->empty());
        {
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            auto row = rows->front();
            QVERIFY(m_t->store().clinical().updateRow(row.id, rows->back().document).ok());
            const Status committed = (*tx)->commit();
            QCOMPARE(committed.error().code, ErrorCode::AccessDenied);
        }
        QCOMPARE(openChart(), std::string()); // rolled back
    }

    // A clinic from before schema 9 has no manifests: its charts open unchecked until the first
    // doctor's login writes every manifest (trust on first use, audited and flagged), once.
    void olderClinicGetsItsManifestsAtTheFirstDoctorLogin()
    {
        as(kDoctor, kDoctorPassword);
        auto patients = services::PatientService(m_t->clinic()).list();
        QVERIFY(patients.ok());
        std::vector<access::PatientRef> refs;
        for (const auto& p : *patients)
            refs.push_back(m_t->refOf(p.id));
        const qint64 charts = count("SELECT count(*) FROM chart_manifests;");
        QVERIFY(charts >= 10);
        {
            // In a doctor's unit of work, so the index seal follows the removal (as an older clinic's seal has none).
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            for (const auto& ref : refs)
                QVERIFY(m_t->store().clinical().putChartManifest(ref, {}).ok());
            QVERIFY((*tx)->commit().ok());
        }
        exec("DELETE FROM meta WHERE name = 'chart_manifests';");
        as(kAdmin, kAdminPassword);
        QCOMPARE(count("SELECT count(*) FROM chart_manifests;"), qint64{0});
        QCOMPARE(sealVerdict(), std::string());

        QCOMPARE(openChart(), std::string()); // the doctor's login wrote them first
        QCOMPARE(count("SELECT count(*) FROM chart_manifests;"), charts);
        QVERIFY(m_t->store().meta().get(ports::meta::kChartManifests)->has_value());
        auto written = [&] {
            std::vector<audit::AuditEvent> out;
            auto records = m_t->store().auditStore().read(1, 1'000'000);
            if (!records)
                qFatal("audit read: %s", records.error().describe().c_str());
            for (const auto& r : *records)
                if (auto e = audit::decodeEvent(r.body); e && e->objectType == "ChartManifests")
                    out.push_back(std::move(*e));
            return out;
        };
        const auto events = written();
        QCOMPARE(events.size(), std::size_t{1});
        QVERIFY(events.front().flagged);
        QVERIFY2(events.front().detail.rfind("chart manifests written: " + std::to_string(charts) + " charts", 0) == 0,
                 events.front().detail.c_str());
        QCOMPARE(sealVerdict(), std::string());
        QCOMPARE(verifyAsDoctor(), std::string());
        as(kDoctor, kDoctorPassword); // once only
        QCOMPARE(written().size(), std::size_t{1});
    }

    // A break-glass grant counts only with the flagged event it names: a doctor outside the care
    // team who writes a grant row by SQL (to open a chart without the event an administrator
    // reviews), or stretches a genuine grant to a later start, opens nothing.
    void forgedBreakGlassGrantOpensNothing()
    {
        as(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, test::secret(kDoctorPassword)};
        auto carol = services::AccountService(m_t->clinic())
                         .create("drcarol", access::Role::Doctor, test::bytes("drcarol-temporary-1"), &sponsor);
        QVERIFY2(carol.ok(), carol.ok() ? "" : carol.error().message.c_str());
        as("drcarol", "drcarol-temporary-1");
        QVERIFY(m_t->clinic().changeOwnPassword(test::bytes("drcarol-password-1")).ok());
        const std::string doctor = crypto::hexEncode(m_t->clinic().session()->userId());
        const std::string patient = crypto::hexEncode(m_patient);
        const std::int64_t now = m_t->clinic().clock().nowSeconds();
        auto chart = [&] { return services::PatientService(m_t->clinic()).chart(m_patient); };
        QCOMPARE(chart().error().code, ErrorCode::AccessDenied);

        for (const std::string seq : {"0", "1", "999999"}) {
            exec("INSERT INTO break_glass (id, doctor_id, patient_id, starts_at, expires_at, audit_seq) VALUES "
                 "(randomblob(16), x'" +
                 doctor + "', x'" + patient + "', " + std::to_string(now) + ", " + std::to_string(now + 3600) + ", " +
                 seq + ");");
            const auto refused = chart();
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::IntegrityFailure);
            QVERIFY2(refused.error().message.find("gives no access") != std::string::npos,
                     refused.error().message.c_str());
            exec("DELETE FROM break_glass;");
        }

        // The genuine path: the grant and its flagged event, then the chart opens.
        QVERIFY(services::PatientService(m_t->clinic())
                    .breakGlass(m_patient, "patient unconscious in the emergency room")
                    .ok());
        QVERIFY(chart().ok());
        // The genuine grant stretched: a copy starting an hour later names the same event.
        exec("INSERT INTO break_glass (id, doctor_id, patient_id, starts_at, expires_at, audit_seq) SELECT "
             "randomblob(16), doctor_id, patient_id, starts_at + 3000, expires_at + 3000, audit_seq FROM break_glass;");
        m_t->clock().advance(std::chrono::minutes(61)); // the genuine grant has expired, the copy has not
        as("drcarol", "drcarol-password-1");            // (and the idle lock has come: log in again)
        const auto stretched = chart();
        QVERIFY(!stretched.ok());
        QCOMPARE(stretched.error().code, ErrorCode::IntegrityFailure);
        exec("DELETE FROM break_glass;");
        QCOMPARE(chart().error().code, ErrorCode::AccessDenied);
    }

    // Attachments are listed in the chart's manifest too: one deleted by SQL is named when the
    // list opens and by the doctor's verify; one the doctor deleted and an insider put back (its
    // AEAD still opens: same id, same key) is named as not listed, by the list, by opening it by
    // id and by the export; and the next genuine attachment does not bless either.
    void deletedOrRestoredAttachmentIsNamed()
    {
        as(kDoctor, kDoctorPassword);
        QTemporaryDir dir;
        services::AttachmentService attachments(m_t->clinic());
        auto kept = attachments.add(m_patient, writePdf(dir, "referral.pdf", "kept"));
        QVERIFY2(kept.ok(), kept.ok() ? "" : kept.error().describe().c_str());
        auto wrong = attachments.add(m_patient, writePdf(dir, "other-patient.pdf", "wrong chart"));
        QVERIFY(wrong.ok());
        QVERIFY(attachments.list(m_patient).ok());
        const std::string keptId = crypto::hexEncode(*kept);
        const std::string wrongId = crypto::hexEncode(*wrong);
        auto list = [&] {
            as(kDoctor, kDoctorPassword);
            auto listed = services::AttachmentService(m_t->clinic()).list(m_patient);
            return listed.ok() ? std::string() : listed.error().describe();
        };

        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM attachments WHERE id = x'" + keptId + "';");
        exec("CREATE TABLE saved_chunks AS SELECT * FROM attachment_chunks WHERE attachment_id = x'" + keptId + "';");
        exec("DELETE FROM attachment_chunks WHERE attachment_id = x'" + keptId + "';");
        exec("DELETE FROM attachments WHERE id = x'" + keptId + "';");
        const std::string missing = list();
        QVERIFY2(missing.find("attachment " + keptId + " is listed in the chart's manifest but missing") !=
                     std::string::npos,
                 missing.c_str());
        QVERIFY(verifyAsDoctor().find("attachment " + keptId) != std::string::npos);
        // The next genuine attachment is refused rather than blessing the deletion.
        as(kDoctor, kDoctorPassword);
        auto next = services::AttachmentService(m_t->clinic()).add(m_patient, writePdf(dir, "next.pdf", "next"));
        QVERIFY(!next.ok());
        QVERIFY2(next.error().message.find("changed outside CipherChart before this change") != std::string::npos,
                 next.error().message.c_str());
        as(kAdmin, kAdminPassword);
        exec("INSERT INTO attachments SELECT * FROM saved;");
        exec("INSERT INTO attachment_chunks SELECT * FROM saved_chunks;");
        exec("DROP TABLE saved; DROP TABLE saved_chunks;");
        QCOMPARE(list(), std::string());
        QCOMPARE(verifyAsDoctor(), std::string());

        // The attachment filed in the wrong chart is deleted by the doctor; an insider restores it.
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM attachments WHERE id = x'" + wrongId + "';");
        exec("CREATE TABLE saved_chunks AS SELECT * FROM attachment_chunks WHERE attachment_id = x'" + wrongId + "';");
        as(kDoctor, kDoctorPassword);
        QVERIFY(services::AttachmentService(m_t->clinic()).remove(m_patient, *wrong).ok());
        QCOMPARE(list(), std::string());
        as(kAdmin, kAdminPassword);
        exec("INSERT INTO attachments SELECT * FROM saved;");
        exec("INSERT INTO attachment_chunks SELECT * FROM saved_chunks;");
        const std::string planted = list();
        QVERIFY2(planted.find("attachment " + wrongId + " is not in the chart's manifest") != std::string::npos,
                 planted.c_str());
        as(kDoctor, kDoctorPassword);
        auto read = services::AttachmentService(m_t->clinic()).read(m_patient, *wrong);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::IntegrityFailure);
        const Status exported =
            services::AttachmentService(m_t->clinic()).exportTo(m_patient, *wrong, dir.filePath("out.pdf"));
        QCOMPARE(exported.error().code, ErrorCode::IntegrityFailure);
        QVERIFY(!QFile::exists(dir.filePath("out.pdf")));
        // The genuine one still opens by id: only the restored one is refused.
        QVERIFY(services::AttachmentService(m_t->clinic()).read(m_patient, *kept).ok());
        as(kAdmin, kAdminPassword);
        exec("DELETE FROM attachment_chunks WHERE attachment_id = x'" + wrongId + "';");
        exec("DELETE FROM attachments WHERE id = x'" + wrongId + "';");
        exec("DROP TABLE saved; DROP TABLE saved_chunks;");
        QCOMPARE(list(), std::string());
        QCOMPARE(sealVerdict(), std::string());
        as(kDoctor, kDoctorPassword);
        QVERIFY(services::AttachmentService(m_t->clinic()).remove(m_patient, *kept).ok());
    }

    // A clinic whose manifests list only clinical rows (meta chart_manifests "1", before
    // attachments were listed) gets them rewritten with its attachments at the next doctor's
    // login, each chart's rows checked first: a chart whose rows differ keeps its old manifest
    // (named in the flagged event, and still refused), and nothing is blessed.
    void rowsOnlyManifestsGainAttachmentsAtTheNextDoctorLogin()
    {
        as(kDoctor, kDoctorPassword);
        QTemporaryDir dir;
        auto attached = services::AttachmentService(m_t->clinic()).add(m_patient, writePdf(dir, "scan.pdf", "upgrade"));
        QVERIFY(attached.ok());
        // Every manifest rewritten as an older CipherChart wrote it: clinical rows only.
        auto patients = services::PatientService(m_t->clinic()).list();
        QVERIFY(patients.ok());
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        {
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            for (const auto& p : *patients) {
                const auto ref = m_t->refOf(p.id);
                auto rows = m_t->store().clinical().rowsOf(ref, std::nullopt);
                auto row = m_t->store().patients().find(p.id);
                QVERIFY(rows.ok() && row.ok() && row->has_value());
                if (rows->empty())
                    continue;
                auto key = records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Clinical, p.id,
                                                        (*row)->clinicalKeyId, (*row)->clinicalKeyWrapped);
                QVERIFY(key.ok());
                auto manifest = records::ChartManifest::build(*key, ref, *rows);
                QVERIFY(manifest.ok());
                QVERIFY(m_t->store().clinical().putChartManifest(ref, *manifest).ok());
            }
            QVERIFY((*tx)->commit().ok());
        }
        exec("UPDATE meta SET value = CAST('1' AS BLOB) WHERE name = 'chart_manifests';");
        // One chart's medication deleted before the upgrade.
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT * FROM clinical_rows WHERE patient_ref = x'" + hexRef() +
             "' AND kind = 'medication' ORDER BY id LIMIT 1;");
        exec("DELETE FROM clinical_rows WHERE id = (SELECT id FROM saved);");

        QVERIFY(openChart().find("missing") != std::string::npos); // this login upgraded the others
        const auto marker = m_t->store().meta().get(ports::meta::kChartManifests);
        QVERIFY(marker.ok() && marker->has_value());
        QCOMPARE(std::string((**marker).begin(), (**marker).end()), std::string(ports::meta::kChartManifestsDone));
        std::string detail;
        auto records = m_t->store().auditStore().read(1, 1'000'000);
        QVERIFY(records.ok());
        for (const auto& r : *records)
            if (auto e = audit::decodeEvent(r.body); e && e->objectType == "ChartManifests") {
                detail = e->detail;
                QVERIFY(e->flagged);
            }
        QVERIFY2(detail.find("1 charts left as they were") != std::string::npos, detail.c_str());

        as(kAdmin, kAdminPassword);
        exec("INSERT INTO clinical_rows SELECT * FROM saved;");
        exec("DROP TABLE saved;");
        // The restored chart opens; its manifest was left as it was, without the attachment,
        // which the chart's next genuine write lists (the attachment was CipherChart's own).
        QCOMPARE(openChart(), std::string());
        as(kDoctor, kDoctorPassword);
        auto listed = services::AttachmentService(m_t->clinic()).list(m_patient);
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().message.find("is not in the chart's manifest") != std::string::npos,
                 listed.error().message.c_str());
        QVERIFY(services::AttachmentService(m_t->clinic()).remove(m_patient, *attached).ok());
        QVERIFY(services::AttachmentService(m_t->clinic()).list(m_patient).ok());
        QCOMPARE(verifyAsDoctor(), std::string());
        QCOMPARE(sealVerdict(), std::string());
    }

    // A chart's rows moved to another patient's reference (a doctor's conversion does this
    // legitimately) keep a manifest that verifies under the new reference only.
    void manifestOfOneChartDoesNotOpenAnother()
    {
        as(kDoctor, kDoctorPassword);
        auto manifest = m_t->store().clinical().chartManifest(m_ref);
        QVERIFY(manifest.ok() && manifest->has_value());
        auto row = m_t->store().patients().find(m_patient);
        QVERIFY(row.ok() && row->has_value());
        auto rows = m_t->store().clinical().rowsOf(m_ref, std::nullopt);
        QVERIFY(rows.ok());
        access::PatientRef other = m_ref;
        other.bytes[0] ^= 1;
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        auto key = records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Clinical, m_patient,
                                                (*row)->clinicalKeyId, (*row)->clinicalKeyWrapped);
        QVERIFY(key.ok());
        QVERIFY(records::ChartManifest::check(*key, m_ref, **manifest, *rows, std::nullopt).ok());
        QCOMPARE(records::ChartManifest::check(*key, other, **manifest, *rows, std::nullopt).error().code,
                 ErrorCode::IntegrityFailure);
    }
};

QTEST_GUILESS_MAIN(TestInsiderCharts)
#include "TestInsiderCharts.moc"
