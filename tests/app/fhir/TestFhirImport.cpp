// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR import and export over a real clinic: every official example, nothing kept of a rejected
// file, references to patients of the clinic, export access and round trip (docs/FHIR.md).
#include "core/audit/AuditEvent.h"
#include "core/audit/AuditExport.h"
#include "core/services/AccountService.h"
#include "core/services/AttachmentService.h"
#include "core/services/ExportService.h"
#include "core/services/ImportService.h"
#include "core/services/NoteService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "db/Database.h"
#include "tests/support/TestClinic.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace cc;
using namespace cc::test;

namespace {

const QString kExamples = QStringLiteral(CC_TEST_DATA_DIR "/fhir/examples/");

std::size_t countRows(TestClinic& t, const char* table)
{
    auto stmt = t.store().database().prepare(std::string("SELECT count(*) FROM ") + table + ";");
    if (!stmt || !stmt->step().ok())
        return 9999;
    return static_cast<std::size_t>(stmt->columnInt64(0));
}

/// Rows of every table that holds records, as one comparable string.
std::string rowCounts(TestClinic& t)
{
    return std::to_string(countRows(t, "patients")) + "/" + std::to_string(countRows(t, "clinical_rows")) + "/" +
           std::to_string(countRows(t, "observation_index")) + "/" + std::to_string(countRows(t, "care_team"));
}

/// "p1 e0 c0 o1 m0 a0 s2": counts per type and skipped items of a summary.
std::string countsOf(const interop::ImportSummary& s)
{
    return "p" + std::to_string(s.count("patients")) + " e" + std::to_string(s.count("encounters")) + " c" +
           std::to_string(s.count("conditions")) + " o" + std::to_string(s.count("observations")) + " m" +
           std::to_string(s.count("medications")) + " a" + std::to_string(s.count("allergies")) + " s" +
           std::to_string(s.skipped.size());
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// A chart with row ids cleared and records sorted, for comparing two clinics.
QByteArray canonicalChart(services::PatientChart chart)
{
    QJsonArray out;
    chart.patient.id = {};
    out.append(QString::fromUtf8(chart.patient.toJson()));
    auto add = [&out](auto& list) {
        QStringList docs;
        for (auto& r : list)
            docs.append(QString::fromUtf8(r.toJson()) + (r.encounterId ? "+enc" : ""));
        docs.sort();
        out.append(QJsonArray::fromStringList(docs));
    };
    QStringList encounters;
    for (auto& e : chart.encounters)
        encounters.append(QString::fromUtf8(e.toJson()));
    encounters.sort();
    out.append(QJsonArray::fromStringList(encounters));
    add(chart.conditions);
    add(chart.observations);
    add(chart.medications);
    add(chart.allergies);
    return QJsonDocument(out).toJson();
}

} // namespace

class TestFhirImport : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_shared; ///< the clinic the examples go into, in table order

    static std::unique_ptr<TestClinic> newClinic()
    {
        auto t = TestClinic::create();
        if (!t || !(*t)->login(kDoctor, kDoctorPassword).ok())
            return {};
        return std::move(t).value();
    }

    Result<interop::ImportSummary> importInto(TestClinic& t, const QStringList& files)
    {
        return services::ImportService(t.clinic()).importFhir(files);
    }

private slots:
    void initTestCase()
    {
        // Bundles of an earlier run must not be validated in place of this run's.
        QVERIFY(QDir(QStringLiteral(CC_FHIR_EXPORT_DIR)).removeRecursively());
        m_shared = newClinic();
        QVERIFY(m_shared != nullptr);
    }

    void everyExample_data();
    void everyExample()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const std::string before = rowCounts(*m_shared);
        auto summary = importInto(*m_shared, {kExamples + file});
        if (expected.startsWith(QLatin1String("error "))) {
            QVERIFY2(!summary.ok(), summary.ok() ? countsOf(*summary).c_str() : "");
            const std::string text =
                std::string(errorCodeName(summary.error().code)) + " " + summary.error().describe();
            QVERIFY2(text.find(expected.mid(6).toStdString()) != std::string::npos, text.c_str());
            QVERIFY(text.find(file.toStdString()) != std::string::npos ||
                    summary.error().code != ErrorCode::MalformedInput);
            QCOMPARE(rowCounts(*m_shared), before); // nothing of a rejected file is kept
        } else {
            QVERIFY2(
                summary.ok(),
                summary.ok()
                    ? ""
                    : (std::string(errorCodeName(summary.error().code)) + " " + summary.error().describe()).c_str());
            QCOMPARE(QString::fromStdString(countsOf(*summary)), expected);
            // Every skipped item names the file, a resource path and a reason.
            for (const auto& s : summary->skipped) {
                QCOMPARE(s.file, file);
                QVERIFY(!s.field.empty() && !s.reason.empty());
            }
        }
    }

    void malformedFilesKeepNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("where");
        QFile f(kExamples + "patient-example.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray patient = f.readAll();
        QFile b(kExamples + "bundle-references.json");
        QVERIFY(b.open(QIODevice::ReadOnly));
        QTest::newRow("bad JSON") << QByteArray(patient).replace("\"gender\": \"male\",", "\"gender\" \"male\",")
                                  << "JSON syntax error at byte offset";
        QTest::newRow("truncated") << patient.left(patient.size() / 2) << "JSON syntax error";
        QTest::newRow("string for a number")
            << QByteArray(patient).replace("\"birthDate\": \"1974-12-25\"", "\"birthDate\": 19741225")
            << "resource(Patient/example).birthDate: must be a string";
        QTest::newRow("invalid UTF-8") << QByteArray(patient).replace("Chalmers", "Chalm\xFFrs") << "invalid UTF-8";
        QTest::newRow("10 MB string") << QByteArray(patient).replace("\"Chalmers\"",
                                                                     "\"" + QByteArray(10 * 1024 * 1024, 'x') + "\"")
                                      << "resource(Patient/example).name[0].family: is longer than 200 bytes";
        QTest::newRow("deep nesting") << QByteArray(patient).replace("\"active\": true",
                                                                     "\"active\": " + QByteArray(80, '[') +
                                                                         QByteArray(80, ']'))
                                      << "nested deeper than 64";
        QTest::newRow("unknown code")
            << QByteArray(
                   "{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/example\"},"
                   "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"0x12\"}]},"
                   "\"onsetDateTime\":\"2012-05-24\"}")
            << "resource(Condition/c).code.coding[0].code: is not a valid SNOMED CT code";
        QTest::newRow("dangling reference") << b.readAll() << "resource(Observation/14).subject.reference";
        QTest::newRow("patient not in the clinic")
            << QByteArray("{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/nobody\"},"
                          "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"39065001\"}]},"
                          "\"onsetDateTime\":\"2012-05-24\"}")
            << "resource(Condition/c).subject.reference: the patient reference names no patient";
    }
    void malformedFilesKeepNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, where);
        auto t = newClinic();
        QVERIFY(t != nullptr);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("good.json"), [] {
            QFile f(kExamples + "patient-example-f001-pieter.json");
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }()));
        QVERIFY(writeFile(dir.filePath("bad.json"), bytes));
        const std::string before = rowCounts(*t);
        auto bad = importInto(*t, {dir.filePath("bad.json")});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::MalformedInput);
        QCOMPARE(bad.error().file, std::string("bad.json"));
        QVERIFY2(bad.error().describe().find(where.toStdString()) != std::string::npos, bad.error().describe().c_str());
        QCOMPARE(rowCounts(*t), before);
        // A good file before a bad one stays imported, and the error says so.
        auto mixed = importInto(*t, {dir.filePath("good.json"), dir.filePath("bad.json")});
        QVERIFY(!mixed.ok());
        QVERIFY(mixed.error().message.find("the 1 file before it were imported and are kept") != std::string::npos);
        QCOMPARE(countRows(*t, "patients"), std::size_t{1});
        // The rejection is audited without PHI.
        auto events = audit::AuditExport::list(t->store().auditStore(), {});
        QVERIFY(events.ok());
        QCOMPARE(events->back().event.eventId, audit::AuditEventId::Import);
        QCOMPARE(events->back().event.outcome, audit::AuditOutcome::MinorFailure);
        QVERIFY(events->back().event.detail.find("Chalmers") == std::string::npos);
    }

    void roundTripIntoAnotherClinic()
    {
        auto a = newClinic();
        auto b = newClinic();
        QVERIFY(a && b);
        QStringList files;
        for (const char* f :
             {"patient-example.json", "observation-example.json", "observation-example-bloodpressure.json",
              "observation-example-bloodpressure-dar.json", "observation-example-body-height.json",
              "observation-example-heart-rate.json", "observation-example-satO2.json", "condition-example.json",
              "observation-example-glasgow.json"})
            files.append(kExamples + f);
        auto imported = importInto(*a, files);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        auto patient = services::PatientService(a->clinic()).findByMrn("12345");
        QVERIFY(patient.ok());
        auto bundle = services::ExportService(a->clinic()).exportFhir(patient->id);
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.error().describe().c_str());
        QCOMPARE(*services::ExportService(a->clinic()).exportFhir(patient->id), *bundle); // deterministic

        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("export.json"), *bundle));
        auto back = importInto(*b, {dir.filePath("export.json")});
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
        QVERIFY(back->skipped.empty());
        auto copy = services::PatientService(b->clinic()).findByMrn("12345");
        QVERIFY(copy.ok());
        auto chartA = services::PatientService(a->clinic()).chart(patient->id);
        auto chartB = services::PatientService(b->clinic()).chart(copy->id);
        QVERIFY(chartA.ok() && chartB.ok());
        QVERIFY(chartA->observations.size() >= 7);
        QCOMPARE(canonicalChart(*chartB), canonicalChart(*chartA));
        saveForSchemaCheck("example-patient.json", *bundle);
    }

    void syntheaPatientsExport()
    {
        auto a = newClinic();
        auto b = newClinic();
        QVERIFY(a && b);
        QVERIFY(services::ImportService(a->clinic()).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea")).ok());
        auto patients = services::PatientService(a->clinic()).list();
        QVERIFY(patients.ok());
        QTemporaryDir dir;
        for (std::size_t i = 0; i < 3; ++i) {
            const auto& p = (*patients)[i * 9];
            auto bundle = services::ExportService(a->clinic()).exportFhir(p.id);
            QVERIFY(bundle.ok());
            saveForSchemaCheck("synthea-" + std::to_string(i) + ".json", *bundle);
            const QString path = dir.filePath(QString::number(i) + ".json");
            QVERIFY(writeFile(path, *bundle));
            auto back = importInto(*b, {path});
            QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
            auto copy = services::PatientService(b->clinic()).findByMrn(p.mrn);
            QVERIFY(copy.ok());
            auto chartA = services::PatientService(a->clinic()).chart(p.id);
            auto chartB = services::PatientService(b->clinic()).chart(copy->id);
            QVERIFY(chartA.ok() && chartB.ok());
            // Synthea source ids (its UUIDs, and the syn-… ids of rows without one) are not FHIR
            // ids: they are not exported, the rest is equal.
            auto clearSources = [](services::PatientChart& c) {
                c.patient.sourceId.clear();
                const auto clear = [](auto& list) {
                    for (auto& r : list)
                        r.sourceId.clear();
                };
                clear(c.encounters);
                clear(c.conditions);
                clear(c.observations);
                clear(c.medications);
                clear(c.allergies);
            };
            clearSources(*chartA);
            clearSources(*chartB);
            QCOMPARE(canonicalChart(*chartB), canonicalChart(*chartA));
        }
    }

    void exportAccessAndAudit()
    {
        auto t = newClinic();
        QVERIFY(t);
        QVERIFY(
            importInto(*t, {kExamples + "patient-example.json", kExamples + "patient-example-f001-pieter.json"}).ok());
        auto own = services::PatientService(t->clinic()).findByMrn("12345");
        QVERIFY(own.ok());
        auto others = services::PatientService(t->clinic()).list();
        QVERIFY(others.ok());
        const access::PatientId other = (*others)[0].id == own->id ? (*others)[1].id : (*others)[0].id;
        t->clinic().logout();
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        // An administrator may not export a record.
        QCOMPARE(services::ExportService(t->clinic()).exportFhir(own->id).error().code, ErrorCode::AccessDenied);
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        QVERIFY(services::AccountService(t->clinic())
                    .createPatientAccount("pat", "12345", bytes("patient-temporary-1"), &sponsor)
                    .ok());
        t->clinic().logout();
        QVERIFY(t->login("pat", "patient-temporary-1").ok());
        QVERIFY(t->clinic().changeOwnPassword(bytes("patient-own-password-1")).ok());
        auto mine = services::ExportService(t->clinic()).exportFhir(own->id);
        QVERIFY2(mine.ok(), mine.ok() ? "" : mine.error().describe().c_str());
        QVERIFY(mine->contains("Chalmers"));
        QCOMPARE(services::ExportService(t->clinic()).exportFhir(other).error().code, ErrorCode::AccessDenied);
        // A patient's session has no audit trail open: its events enter it, in the patient's name,
        // at the next doctor login (docs/PORTAL.md).
        t->clinic().logout();
        QVERIFY(t->login(kDoctor, kDoctorPassword).ok());
        auto events = audit::AuditExport::list(t->store().auditStore(), {});
        QVERIFY(events.ok());
        std::vector<audit::AuditEvent> exports;
        for (const auto& e : *events)
            if (e.event.userName == "pat" && e.event.eventId == audit::AuditEventId::Export)
                exports.push_back(e.event);
        QCOMPARE(exports.size(), std::size_t{2});
        QCOMPARE(exports[0].outcome, audit::AuditOutcome::Success);
        QCOMPARE(exports[0].patientId, services::idHex(own->id));
        QVERIFY(exports[0].detail.find("Chalmers") == std::string::npos &&
                exports[0].detail.find("12345") == std::string::npos);
        QCOMPARE(exports[1].outcome, audit::AuditOutcome::SeriousFailure);
        QCOMPARE(exports[1].patientId, services::idHex(other));
    }

    void laterObservationMovesLatestFlag()
    {
        auto t = newClinic();
        QVERIFY(t);
        QVERIFY(importInto(*t, {kExamples + "patient-example.json", kExamples + "observation-example-bmi.json"}).ok());
        QTemporaryDir dir;
        QFile f(kExamples + "observation-example-bmi.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        // Another resource id: the same id would be the same observation, updated (re-import).
        QVERIFY(writeFile(dir.filePath("later.json"), f.readAll()
                                                          .replace("1999-07-02", "2001-07-02")
                                                          .replace("16.2", "17.5")
                                                          .replace("\"id\": \"bmi\"", "\"id\": \"bmi-later\"")));
        QVERIFY(importInto(*t, {dir.filePath("later.json")}).ok());
        auto p = services::PatientService(t->clinic()).findByMrn("12345");
        QVERIFY(p.ok());
        auto list = services::ObservationService(t->clinic()).list(p->id, "39156-5");
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{2});
        for (const auto& e : *list)
            QCOMPARE(e.latest, *e.observation.value == 17.5);
    }

    void reimportAddsNothingAndUpdatesChanges()
    {
        auto t = newClinic();
        QVERIFY(t);
        const QStringList files{kExamples + "patient-example.json", kExamples + "observation-example-bmi.json"};
        auto first = importInto(*t, files);
        QVERIFY(first.ok());
        QCOMPARE(first->count("new"), std::size_t{2});
        const std::string counts = rowCounts(*t);
        for (int round = 0; round < 2; ++round) {
            auto again = importInto(*t, files);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().describe().c_str());
            QCOMPARE(countsOf(*again), countsOf(*first));
            QCOMPARE(again->count("new"), std::size_t{0});
            QCOMPARE(again->count("unchanged"), std::size_t{2});
            QCOMPARE(rowCounts(*t), counts);
        }
        // The same resource id with another value: updated in place, the chart shows the new value.
        QTemporaryDir dir;
        QFile f(kExamples + "observation-example-bmi.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(dir.filePath("bmi.json"), f.readAll().replace("16.2", "17.5")));
        auto changed = importInto(*t, {dir.filePath("bmi.json")});
        QVERIFY2(changed.ok(), changed.ok() ? "" : changed.error().describe().c_str());
        QCOMPARE(changed->count("updated"), std::size_t{1});
        QCOMPARE(rowCounts(*t), counts);
        auto p = services::PatientService(t->clinic()).findByMrn("12345");
        QVERIFY(p.ok());
        auto list = services::ObservationService(t->clinic()).list(p->id, "39156-5");
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{1});
        QCOMPARE(*list->front().observation.value, 17.5);
        QVERIFY(list->front().latest);
    }

    void notesAndAttachmentsRoundTrip()
    {
        auto a = newClinic();
        auto b = newClinic();
        QVERIFY(a && b);
        QVERIFY(importInto(*a, {kExamples + "patient-example.json", kExamples + "observation-example.json"}).ok());
        auto patient = services::PatientService(a->clinic()).findByMrn("12345");
        QVERIFY(patient.ok());
        // Two notes (one shared, one not) and two attachments (one under the limit, one over it).
        model::ClinicalNote shared;
        shared.title = QStringLiteral("Discharge advice");
        shared.text = QString::fromUtf8("Rest, fluids; return if fever > 39 \u00b0C.\nSecond line.");
        shared.sharedWithPatient = true;
        model::ClinicalNote confidential;
        confidential.text = QStringLiteral("CONFIDENTIAL-MARKER not for the patient");
        QVERIFY(services::NoteService(a->clinic()).add(patient->id, shared).ok());
        QVERIFY(services::NoteService(a->clinic()).add(patient->id, confidential).ok());
        QTemporaryDir dir;
        QByteArray small("%PDF-1.4\n% small test document\n");
        for (int i = 0; i < 256; ++i)
            small.append(static_cast<char>(i));
        QByteArray large("\x89PNG\r\n\x1a\n", 8);
        large.append(QByteArray(4000, 'x'));
        QVERIFY(writeFile(dir.filePath("small.pdf"), small));
        QVERIFY(writeFile(dir.filePath("large.png"), large));
        QVERIFY(services::AttachmentService(a->clinic()).add(patient->id, dir.filePath("small.pdf")).ok());
        QVERIFY(services::AttachmentService(a->clinic()).add(patient->id, dir.filePath("large.png")).ok());

        auto exported = services::ExportService(a->clinic()).exportRecord(patient->id, 1024);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().describe().c_str());
        QCOMPARE(exported->attachmentLimit, qint64{1024});
        QCOMPARE(exported->notInlined.size(), std::size_t{1});
        QCOMPARE(exported->notInlined.front().fileName, QStringLiteral("large.png"));
        QVERIFY(!exported->bundle.contains("CONFIDENTIAL-MARKER"));
        QVERIFY(!exported->bundle.contains(QByteArray("CONFIDENTIAL-MARKER").toBase64()));
        // Back from the Bundle: the shared note's text and the small file byte for byte; the large
        // one described (name, type, size) without content.
        std::map<QString, QJsonObject> byTitle;
        for (const auto& e : QJsonDocument::fromJson(exported->bundle).object().value("entry").toArray()) {
            const QJsonObject r = e.toObject().value("resource").toObject();
            if (r.value("resourceType") != QLatin1String("DocumentReference"))
                continue;
            QCOMPARE(r.value("status").toString(), QStringLiteral("current"));
            const QJsonObject att = r.value("content").toArray().at(0).toObject().value("attachment").toObject();
            byTitle[att.value("title").toString()] = att;
        }
        QCOMPARE(byTitle.size(), std::size_t{3});
        const QJsonObject note = byTitle.at(QStringLiteral("Discharge advice"));
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(note.value("data").toString().toLatin1())), shared.text);
        QCOMPARE(note.value("contentType").toString(), QStringLiteral("text/plain; charset=utf-8"));
        const QJsonObject pdf = byTitle.at(QStringLiteral("small.pdf"));
        QCOMPARE(QByteArray::fromBase64(pdf.value("data").toString().toLatin1()), small);
        QCOMPARE(pdf.value("contentType").toString(), QStringLiteral("application/pdf"));
        QCOMPARE(pdf.value("size").toInt(), small.size());
        const QJsonObject png = byTitle.at(QStringLiteral("large.png"));
        QVERIFY(!png.contains("data"));
        QCOMPARE(png.value("size").toInt(), large.size());
        QCOMPARE(png.value("contentType").toString(), QStringLiteral("image/png"));
        // With the default limit both files are inline; the default export is the same Bundle.
        auto full = services::ExportService(a->clinic()).exportRecord(patient->id);
        QVERIFY(full.ok());
        QVERIFY(full->notInlined.empty());
        QVERIFY(full->bundle.contains(large.toBase64()));
        QCOMPARE(*services::ExportService(a->clinic()).exportFhir(patient->id), full->bundle);
        QCOMPARE(services::ExportService(a->clinic()).exportRecord(patient->id, -1).error().code,
                 ErrorCode::InvalidArgument);
        saveForSchemaCheck("notes-attachments.json", exported->bundle);
        saveForSchemaCheck("notes-attachments-full.json", full->bundle);

        // The other clinic imports the Bundle; DocumentReferences are listed as not imported.
        QVERIFY(writeFile(dir.filePath("export.json"), full->bundle));
        auto back = importInto(*b, {dir.filePath("export.json")});
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
        QCOMPARE(back->skipped.size(), std::size_t{3});
    }

    void cleanupTestCase() { m_shared.reset(); }

private:
    /// Exported bundles go to CC_FHIR_EXPORT_DIR for the schema check (tests/app/fhir/validate_bundles.py).
    static void saveForSchemaCheck(const std::string& name, const QByteArray& bundle)
    {
        QDir().mkpath(QStringLiteral(CC_FHIR_EXPORT_DIR));
        QVERIFY(writeFile(QStringLiteral(CC_FHIR_EXPORT_DIR "/") + QString::fromStdString(name), bundle));
    }
};

#include "TestFhirImportTable.h"

QTEST_GUILESS_MAIN(TestFhirImport)
#include "TestFhirImport.moc"
