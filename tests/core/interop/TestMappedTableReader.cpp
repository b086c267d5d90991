// SPDX-License-Identifier: GPL-3.0-or-later
// Mapped tables: a wide trial table, a long lab export, ACTG 315 re-expressed as a mapping (same
// records as the dedicated reader), every malformed mapping field and every kind of bad cell.
#include "core/crypto/Rng.h"
#include "core/interop/Actg315Reader.h"
#include "core/interop/MappedTableReader.h"
#include "core/interop/TableMapping.h"
#include "core/interop/UnitsCatalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace cc;
using namespace cc::interop;
using namespace cc::model;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(CC_TEST_DATA_DIR "/") + name;
}

Result<ClinicalImport> readMapped(const QString& table, const QString& mappingFile)
{
    auto mapping = TableMapping::readFile(fixture(mappingFile), UnitsCatalogue::builtIn());
    CC_TRY(mapping);
    crypto::DeterministicRng rng(12);
    return MappedTableReader(UnitsCatalogue::builtIn(), rng).readFile(fixture(table), *mapping);
}

/// A minimal valid mapping with one field replaced (by a JSON pointer-like path of object keys).
QByteArray validMapping()
{
    return R"({"cipherchartTableMapping": 1, "source": "t",
               "patient": {"id": "pid", "sex": {"value": "unknown"}, "birthDate": {"value": "1950-01-01"}},
               "baseline": {"value": "2000-01-01"},
               "measurements": [{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"weeks": 4}}]})";
}

const Patient* patientByMrn(const ClinicalImport& r, const QString& mrn)
{
    for (const auto& p : r.patients)
        if (p.mrn == mrn)
            return &p;
    return nullptr;
}

std::map<std::string, int> skippedByField(const ImportSummary& s)
{
    std::map<std::string, int> out;
    for (const auto& item : s.skipped)
        ++out[item.field];
    return out;
}

} // namespace

class TestMappedTableReader : public QObject
{
    Q_OBJECT

private slots:
    void wideTrialTable()
    {
        const auto im =
            readMapped(QStringLiteral("mapped/trial_wide.csv"), QStringLiteral("mapped/trial_wide.mapping.json"));
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        const ClinicalImport& r = *im;
        // tests/data/mapped/README.md.
        QCOMPARE(r.summary.count("rows"), std::size_t{8});
        QCOMPARE(r.patients.size(), std::size_t{6});
        QCOMPARE(r.observations.size(), std::size_t{29});
        QCOMPARE(r.summary.count("empty cells"), std::size_t{5});
        QCOMPARE(r.summary.skipped.size(), std::size_t{4});
        const auto skipped = skippedByField(r.summary);
        QCOMPARE(skipped.at("sex"), 1);     // S04: X is not in the map
        QCOMPARE(skipped.at("age"), 1);     // S05: abc
        QCOMPARE(skipped.at("cd4_bl"), 1);  // S06: n/a
        QCOMPARE(skipped.at("cd4_w20"), 1); // S07: -5 outside the plausible range
        for (const auto& s : r.summary.skipped) {
            QCOMPARE(s.file, QStringLiteral("trial_wide.csv"));
            QVERIFY(s.line >= 5 && s.line <= 8);
            QVERIFY(!s.reason.empty());
        }
        QVERIFY(r.summary.uncatalogued.empty());

        const Patient* s01 = patientByMrn(r, QStringLiteral("TW-S01"));
        QVERIFY(s01 != nullptr);
        QCOMPARE(s01->sex, Sex::Male);
        QCOMPARE(s01->birthDate, QStringLiteral("1985-03-04"));
        QCOMPARE(s01->sourceId, QStringLiteral("trial-wide:S01"));
        QCOMPARE(s01->givenName, QStringLiteral("Trial"));
        QCOMPARE(s01->familyName, QStringLiteral("S01"));
        QCOMPARE(patientByMrn(r, QStringLiteral("TW-S08"))->sex, Sex::Unknown);
        QVERIFY(patientByMrn(r, QStringLiteral("TW-S04")) == nullptr);

        double cd4Sum = 0;
        std::size_t cd4 = 0;
        std::map<access::PatientId, std::pair<QString, double>> latest;
        for (const auto& o : r.observations) {
            QVERIFY(!o.sourceId.isEmpty());
            if (o.code == QLatin1String("24467-3")) {
                ++cd4;
                cd4Sum += *o.value;
                auto& l = latest[o.patientId];
                if (l.first < o.effective)
                    l = {o.effective, *o.value};
            }
            if (o.patientId == s01->id && o.code == QLatin1String("29463-7")) {
                QCOMPARE(o.unit, QStringLiteral("kg"));
                QCOMPARE(*o.value, 80.0); // 176.4 [lb_av]
                QCOMPARE(o.category, QStringLiteral("vital-signs"));
            }
            if (o.patientId == s01->id && o.code == QLatin1String("24467-3") && *o.value == 340.0)
                QCOMPARE(o.effective, QStringLiteral("2019-07-22T12:00:00Z")); // enrolment + 20 weeks
        }
        QCOMPARE(cd4, std::size_t{13});
        QCOMPARE(cd4Sum, 3362.5);
        double latestSum = 0;
        for (const auto& [id, l] : latest)
            latestSum += l.second;
        QCOMPARE(latest.size(), std::size_t{6});
        QCOMPARE(latestSum, 1796.0);
    }

    void longLabExport()
    {
        const auto im =
            readMapped(QStringLiteral("mapped/lab_long.csv"), QStringLiteral("mapped/lab_long.mapping.json"));
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        const ClinicalImport& r = *im;
        QCOMPARE(r.summary.count("rows"), std::size_t{13});
        QCOMPARE(r.patients.size(), std::size_t{3});
        QCOMPARE(r.observations.size(), std::size_t{6});
        // One skip per faulty line, named by its column.
        const std::map<long, std::string> expected{{7, "result"}, {8, "collected"}, {9, "gender"}, {10, "dob"},
                                                   {11, "units"}, {12, "loinc"},    {13, "mrn"}};
        QCOMPARE(r.summary.skipped.size(), expected.size());
        for (const auto& s : r.summary.skipped) {
            QVERIFY2(expected.count(s.line) == 1, std::to_string(s.line).c_str());
            QCOMPARE(s.field, expected.at(s.line));
        }
        QCOMPARE(r.summary.uncatalogued.size(), std::size_t{1});
        QCOMPARE(r.summary.uncatalogued.at({QStringLiteral("1783-0"), QStringLiteral("U/L")}), std::size_t{1});
        const Patient* l001 = patientByMrn(r, QStringLiteral("LAB-L001"));
        QVERIFY(l001 != nullptr);
        QCOMPARE(l001->birthDate, QStringLiteral("1970-05-01"));
        QCOMPARE(l001->sex, Sex::Male);
        bool sawMolar = false;
        for (const auto& o : r.observations) {
            if (o.effective == QLatin1String("2021-06-15T08:30:00+02:00")) {
                sawMolar = true;
                QCOMPARE(o.unit, QStringLiteral("mg/dL"));
                QCOMPARE(*o.value, 106.3); // 5.9 mmol/L x 18.0156, one decimal
                QCOMPARE(o.display, QStringLiteral("Glucose"));
            }
            if (o.code == QLatin1String("718-7") && o.patientId == l001->id)
                QCOMPARE(o.effective, QStringLiteral("2021-01-10T12:00:00Z"));
        }
        QVERIFY(sawMolar);
    }

    void actg315MappingReproducesTheDedicatedReader()
    {
        const auto mapped =
            readMapped(QStringLiteral("actg315/ACTG315.csv"), QStringLiteral("mapped/actg315.mapping.json"));
        QVERIFY2(mapped.ok(), mapped.ok() ? "" : mapped.error().describe().c_str());
        crypto::DeterministicRng rng(315);
        const auto dedicated = Actg315Reader(UnitsCatalogue::builtIn(), rng).readFile(fixture("actg315/ACTG315.csv"));
        QVERIFY(dedicated.ok());
        QCOMPARE(mapped->patients.size(), dedicated->patients.size());
        QCOMPARE(mapped->observations.size(), dedicated->observations.size());
        QVERIFY(mapped->summary.skipped.empty());
        QCOMPARE(mapped->summary.count("empty cells"), std::size_t{0});
        // The same patients (ids aside) and the same observations in the same order.
        std::map<access::PatientId, QString> mrnMapped, mrnDedicated;
        for (std::size_t i = 0; i < mapped->patients.size(); ++i) {
            Patient a = mapped->patients[i];
            Patient b = dedicated->patients[i];
            mrnMapped[a.id] = a.mrn;
            mrnDedicated[b.id] = b.mrn;
            a.id = b.id;
            QCOMPARE(a.toJson(), b.toJson());
        }
        double cd4Sum = 0;
        for (std::size_t i = 0; i < mapped->observations.size(); ++i) {
            Observation a = mapped->observations[i];
            Observation b = dedicated->observations[i];
            QCOMPARE(mrnMapped.at(a.patientId), mrnDedicated.at(b.patientId));
            QVERIFY(!a.sourceId.isEmpty());
            a.sourceId.clear(); // the dedicated reader keeps none
            QCOMPARE(a.toJson(), b.toJson());
            if (a.code == QLatin1String("24467-3"))
                cd4Sum += *a.value;
        }
        QVERIFY(std::abs(cd4Sum - 90149.66) < 1e-6); // tests/data/actg315/README.md
    }

    void sourceIdsAreStable()
    {
        const auto a =
            readMapped(QStringLiteral("mapped/trial_wide.csv"), QStringLiteral("mapped/trial_wide.mapping.json"));
        const auto b =
            readMapped(QStringLiteral("mapped/trial_wide.csv"), QStringLiteral("mapped/trial_wide.mapping.json"));
        QVERIFY(a.ok() && b.ok());
        std::set<QString> ids;
        for (std::size_t i = 0; i < a->observations.size(); ++i) {
            QCOMPARE(a->observations[i].sourceId, b->observations[i].sourceId);
            ids.insert(a->observations[i].sourceId);
        }
        QCOMPARE(ids.size(), a->observations.size()); // distinct per cell
    }

    void malformedMappingNamesTheField_data()
    {
        QTest::addColumn<QString>("path");  // a top-level or nested key path, "/" separated
        QTest::addColumn<QString>("value"); // JSON to put there; empty: remove the key
        QTest::addColumn<QString>("field"); // the field the error must name
        QTest::newRow("version missing") << "cipherchartTableMapping"
                                         << ""
                                         << "cipherchartTableMapping";
        QTest::newRow("version 2") << "cipherchartTableMapping"
                                   << "2"
                                   << "cipherchartTableMapping";
        QTest::newRow("unknown top field") << "patients"
                                           << "{}"
                                           << "patients";
        QTest::newRow("source missing") << "source"
                                        << ""
                                        << "source";
        QTest::newRow("source not a string") << "source"
                                             << "3"
                                             << "source";
        QTest::newRow("source with a slash") << "source"
                                             << "\"a/b\""
                                             << "source";
        QTest::newRow("patient missing") << "patient"
                                         << ""
                                         << "patient";
        QTest::newRow("patient id missing") << "patient/id"
                                            << ""
                                            << "patient.id";
        QTest::newRow("patient id empty") << "patient/id"
                                          << "\"\""
                                          << "patient.id";
        QTest::newRow("unknown patient field") << "patient/name"
                                               << "\"x\""
                                               << "patient.name";
        QTest::newRow("mrn prefix too long") << "patient/mrnPrefix"
                                             << "\"" + QString(40, u'P') + "\""
                                             << "patient.mrnPrefix";
        QTest::newRow("given name both ways") << "patient/givenName"
                                              << R"({"column": "a", "value": "b"})"
                                              << "patient.givenName";
        QTest::newRow("family name not an object") << "patient/familyName"
                                                   << "\"x\""
                                                   << "patient.familyName";
        QTest::newRow("sex missing") << "patient/sex"
                                     << ""
                                     << "patient.sex";
        QTest::newRow("sex token") << "patient/sex"
                                   << R"({"value": "M"})"
                                   << "patient.sex.value";
        QTest::newRow("sex column without map") << "patient/sex"
                                                << R"({"column": "s"})"
                                                << "patient.sex.map";
        QTest::newRow("sex map empty") << "patient/sex"
                                       << R"({"column": "s", "map": {}})"
                                       << "patient.sex.map";
        QTest::newRow("sex map value") << "patient/sex"
                                       << R"({"column": "s", "map": {"M": "man"}})"
                                       << "patient.sex.map.M";
        QTest::newRow("sex map not a string") << "patient/sex"
                                              << R"({"column": "s", "map": {"M": 1}})"
                                              << "patient.sex.map.M";
        QTest::newRow("sex both ways") << "patient/sex"
                                       << R"({"column": "s", "value": "male"})"
                                       << "patient.sex";
        QTest::newRow("birth date and age") << "patient/age"
                                            << R"({"column": "a", "at": {"value": "2000-01-01"}})"
                                            << "patient.birthDate";
        QTest::newRow("neither birth date nor age") << "patient/birthDate"
                                                    << ""
                                                    << "patient.birthDate";
        QTest::newRow("birth date not a date") << "patient/birthDate"
                                               << R"({"value": "1950-13-01"})"
                                               << "patient.birthDate.value";
        QTest::newRow("baseline not a date") << "baseline"
                                             << R"({"value": "soon"})"
                                             << "baseline.value";
        QTest::newRow("baseline missing for an offset") << "baseline"
                                                        << ""
                                                        << "baseline";
        QTest::newRow("measurements missing") << "measurements"
                                              << ""
                                              << "measurements";
        QTest::newRow("measurements empty") << "measurements"
                                            << "[]"
                                            << "measurements";
        QTest::newRow("measurement not an object") << "measurements"
                                                   << "[3]"
                                                   << "measurements[0]";
        QTest::newRow("measurement column missing") << "measurements"
                                                    << R"([{"code": "24467-3", "unit": "/uL", "offset": {"days": 0}}])"
                                                    << "measurements[0].column";
        QTest::newRow("measurement code missing") << "measurements"
                                                  << R"([{"column": "v", "unit": "/uL", "offset": {"days": 0}}])"
                                                  << "measurements[0].code";
        QTest::newRow("code check digit")
            << "measurements"
            << R"([{"column": "v", "code": "24467-4", "unit": "/uL", "offset": {"days": 0}}])"
            << "measurements[0].code";
        QTest::newRow("code both ways")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "codeColumn": "c", "unit": "/uL", "offset": {"days": 0}}])"
            << "measurements[0].code";
        QTest::newRow("unit missing") << "measurements"
                                      << R"([{"column": "v", "code": "24467-3", "offset": {"days": 0}}])"
                                      << "measurements[0].unit";
        QTest::newRow("unit not UCUM")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "cells / uL", "offset": {"days": 0}}])"
            << "measurements[0].unit";
        QTest::newRow("unit the catalogue does not convert")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/ul", "offset": {"days": 0}}])"
            << "measurements[0].unit";
        QTest::newRow("unknown measurement field")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"days": 0}, "scale": 2}])"
            << "measurements[0].scale";
        QTest::newRow("date and offset")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"days": 0}, "date": {"column": "d"}}])"
            << "measurements[0].date";
        QTest::newRow("neither date nor offset") << "measurements"
                                                 << R"([{"column": "v", "code": "24467-3", "unit": "/uL"}])"
                                                 << "measurements[0].date";
        QTest::newRow("date as a fixed value")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "date": {"value": "2000-01-01"}}])"
            << "measurements[0].date.value";
        QTest::newRow("offset days and weeks")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"days": 1, "weeks": 1}}])"
            << "measurements[0].offset";
        QTest::newRow("offset fractional")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"days": 1.5}}])"
            << "measurements[0].offset.days";
        QTest::newRow("offset too large")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"weeks": 9999}}])"
            << "measurements[0].offset.weeks";
        QTest::newRow("offset column unit")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"column": "d", "unit": "months"}}])"
            << "measurements[0].offset.unit";
        QTest::newRow("offset column without unit")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"column": "d"}}])"
            << "measurements[0].offset.unit";
        QTest::newRow("category not a string")
            << "measurements"
            << R"([{"column": "v", "code": "24467-3", "unit": "/uL", "offset": {"days": 0}, "category": 1}])"
            << "measurements[0].category";
    }

    void malformedMappingNamesTheField()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QJsonObject root = QJsonDocument::fromJson(validMapping()).object();
        const QStringList keys = path.split(u'/');
        // Replace or remove the key at `path` (at most two levels deep).
        if (keys.size() == 1) {
            if (value.isEmpty())
                root.remove(keys[0]);
            else
                root.insert(keys[0], QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0));
        } else {
            QJsonObject inner = root.value(keys[0]).toObject();
            if (value.isEmpty())
                inner.remove(keys[1]);
            else
                inner.insert(keys[1], QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0));
            root.insert(keys[0], inner);
        }
        const auto parsed =
            TableMapping::parse(QJsonDocument(root).toJson(), QStringLiteral("map.json"), UnitsCatalogue::builtIn());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().file, std::string("map.json"));
        QCOMPARE(QString::fromStdString(parsed.error().field), field);
        QVERIFY(parsed.error().code == ErrorCode::MalformedInput || parsed.error().code == ErrorCode::Unsupported);
    }

    void validMappingParses()
    {
        const auto parsed = TableMapping::parse(validMapping(), QStringLiteral("map.json"), UnitsCatalogue::builtIn());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
        QCOMPARE(parsed->mrnPrefix, QStringLiteral("T-"));
        QCOMPARE(parsed->measurements.front().time.fixedDays, qint64{28});
    }

    void notJsonNamesTheLine()
    {
        const auto parsed = TableMapping::parse("{\n  \"source\": \"x\",\n  oops\n}", QStringLiteral("map.json"),
                                                UnitsCatalogue::builtIn());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::MalformedInput);
        QCOMPARE(parsed.error().line, 3L);
        QCOMPARE(
            TableMapping::readFile(QStringLiteral("/nonexistent/map.json"), UnitsCatalogue::builtIn()).error().code,
            ErrorCode::NotFound);
    }

    void columnMissingFromTheHeaderRejectsTheFile()
    {
        QTemporaryDir dir;
        QFile table(dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(table.open(QIODevice::WriteOnly));
        table.write("pid,value\n1,200\n");
        table.close();
        const auto mapping = TableMapping::parse(validMapping(), QStringLiteral("map.json"), UnitsCatalogue::builtIn());
        QVERIFY(mapping.ok());
        crypto::DeterministicRng rng(1);
        const auto r = MappedTableReader(UnitsCatalogue::builtIn(), rng).readFile(table.fileName(), *mapping);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::MalformedInput);
        QCOMPARE(r.error().field, std::string("measurements[0].column"));
        QCOMPARE(r.error().file, std::string("t.csv"));
    }

    void previewReadsOnlyTheFirstRows()
    {
        auto mapping = TableMapping::readFile(fixture("mapped/trial_wide.mapping.json"), UnitsCatalogue::builtIn());
        QVERIFY(mapping.ok());
        crypto::DeterministicRng rng(2);
        const auto r =
            MappedTableReader(UnitsCatalogue::builtIn(), rng).readFile(fixture("mapped/trial_wide.csv"), *mapping, 2);
        QVERIFY(r.ok());
        QCOMPARE(r->summary.count("rows"), std::size_t{2});
        QCOMPARE(r->patients.size(), std::size_t{2});
        QCOMPARE(r->observations.size(), std::size_t{10});
    }
};

QTEST_GUILESS_MAIN(TestMappedTableReader)
#include "TestMappedTableReader.moc"
