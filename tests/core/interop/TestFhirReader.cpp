// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR R4 reader and writer without a clinic: README values after conversion, malformed input,
// reference rules, writer round trip (tests/data/fhir, docs/FHIR.md).
#include "core/crypto/Rng.h"
#include "core/interop/FhirReader.h"
#include "core/interop/FhirWriter.h"
#include "core/interop/UnitsCatalogue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cc;
using namespace cc::interop;
using namespace cc::model;

namespace {

const QString kExamples = QStringLiteral(CC_TEST_DATA_DIR "/fhir/examples/");

Result<FhirImport> readBytes(const QByteArray& bytes, const QString& name = QStringLiteral("input.json"))
{
    crypto::DeterministicRng rng(5);
    return FhirReader(UnitsCatalogue::builtIn(), rng).readBytes(bytes, name);
}

Result<FhirImport> readExample(const QString& name)
{
    crypto::DeterministicRng rng(5);
    return FhirReader(UnitsCatalogue::builtIn(), rng).readFile(kExamples + name);
}

const Observation* findCode(const FhirImport& im, const char* code)
{
    for (const auto& o : im.records.observations)
        if (o.code == QLatin1String(code))
            return &o;
    return nullptr;
}

bool hasSkip(const FhirImport& im, const std::string& fieldPart, const std::string& reasonPart)
{
    for (const auto& s : im.records.summary.skipped)
        if (s.field.find(fieldPart) != std::string::npos && s.reason.find(reasonPart) != std::string::npos)
            return true;
    return false;
}

/// A minimal valid Patient resource with `extra` members merged in.
QByteArray patientJson(const QJsonObject& extra = {})
{
    QJsonObject p{{"resourceType", "Patient"},
                  {"id", "p1"},
                  {"identifier", QJsonArray{QJsonObject{{"value", "MRN-1"}}}},
                  {"name", QJsonArray{QJsonObject{{"family", "Doe"}, {"given", QJsonArray{"Jane"}}}}},
                  {"birthDate", "1980-02-03"},
                  {"gender", "female"}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        p.insert(it.key(), it.value());
    return QJsonDocument(p).toJson();
}

/// A collection of the patient above and one weight observation with `quantity`.
QByteArray bundleWith(const QJsonObject& quantity, const QString& subject = QStringLiteral("urn:uuid:p"))
{
    const QJsonObject patient = QJsonDocument::fromJson(patientJson()).object();
    const QJsonObject obs{
        {"resourceType", "Observation"},
        {"id", "w"},
        {"status", "final"},
        {"code", QJsonObject{{"coding", QJsonArray{QJsonObject{{"system", "http://loinc.org"}, {"code", "29463-7"}}}}}},
        {"subject", QJsonObject{{"reference", subject}}},
        {"effectiveDateTime", "2020-01-02T03:04:05Z"},
        {"valueQuantity", quantity}};
    const QJsonObject bundle{{"resourceType", "Bundle"},
                             {"type", "collection"},
                             {"entry", QJsonArray{QJsonObject{{"fullUrl", "urn:uuid:p"}, {"resource", patient}},
                                                  QJsonObject{{"fullUrl", "urn:uuid:o"}, {"resource", obs}}}}};
    return QJsonDocument(bundle).toJson();
}

} // namespace

class TestFhirReader : public QObject
{
    Q_OBJECT

private slots:
    void readmeValues_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        // Values from tests/data/fhir/README.md, converted by the catalogue and rounded to its precision.
        QTest::newRow("185 [lb_av] to kg") << "observation-example.json"
                                           << "29463-7" << 83.9 << "kg";
        QTest::newRow("66.9 [in_i] to cm") << "observation-example-body-height.json"
                                           << "8302-2" << 169.9 << "cm";
        QTest::newRow("glucose 6.3 mmol/L") << "observation-example-f001-glucose.json"
                                            << "15074-8" << 6.3 << "mmol/L";
        QTest::newRow("BMI 16.2") << "observation-example-bmi.json"
                                  << "39156-5" << 16.2 << "kg/m2";
        QTest::newRow("hemoglobin 7.2 g/dL") << "observation-example-f005-hemoglobin.json"
                                             << "718-7" << 7.2 << "g/dL";
        QTest::newRow("cholesterol 6.3 mmol/L") << "diagnosticreport-example-lipids.json"
                                                << "35200-5" << 6.3 << "mmol/L";
        QTest::newRow("triglyceride 1.3 mmol/L") << "diagnosticreport-example-lipids.json"
                                                 << "35217-9" << 1.3 << "mmol/L";
        // HDL and LDL are stored in mg/dL: 1.3 and 4.6 mmol/L times 38.67 (cholesterol).
        QTest::newRow("HDL 1.3 mmol/L to mg/dL") << "diagnosticreport-example-lipids.json"
                                                 << "2085-9" << 50.3 << "mg/dL";
        QTest::newRow("LDL 4.6 mmol/L to mg/dL") << "diagnosticreport-example-lipids.json"
                                                 << "13457-7" << 177.9 << "mg/dL";
    }
    void readmeValues()
    {
        QFETCH(QString, file);
        QFETCH(QString, code);
        QFETCH(double, value);
        QFETCH(QString, unit);
        auto im = readExample(file);
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        const Observation* o = findCode(*im, code.toLatin1().constData());
        QVERIFY(o != nullptr);
        QVERIFY(o->value.has_value());
        QCOMPARE(*o->value, value);
        QCOMPARE(o->unit, unit);
    }

    void bloodPressureComponents()
    {
        auto im = readExample(QStringLiteral("observation-example-bloodpressure.json"));
        QVERIFY(im.ok());
        const Observation* o = findCode(*im, "85354-9");
        QVERIFY(o != nullptr);
        QVERIFY(!o->value);
        QCOMPARE(o->effective, QStringLiteral("2012-09-17T00:00:00Z"));
        QCOMPARE(o->components.size(), std::size_t{2});
        QCOMPARE(o->components[0].code, QStringLiteral("8480-6"));
        QCOMPARE(*o->components[0].value, 107.0);
        QCOMPARE(o->components[1].code, QStringLiteral("8462-4"));
        QCOMPARE(*o->components[1].value, 60.0);
        QCOMPARE(o->components[1].unit, QStringLiteral("mm[Hg]"));
        // The patient is outside the file: one placeholder to be resolved by the service.
        QCOMPARE(im->external.size(), std::size_t{1});
        QCOMPARE(im->external[0].sourceId, QStringLiteral("Patient/example"));
        QCOMPARE(o->patientId, im->external[0].placeholder);

        auto dar = readExample(QStringLiteral("observation-example-bloodpressure-dar.json"));
        QVERIFY(dar.ok());
        const Observation* d = findCode(*dar, "85354-9");
        QVERIFY(d != nullptr);
        QCOMPARE(*d->components[0].value, 107.0);
        QVERIFY(!d->components[1].value); // dataAbsentReason: kept without a value
        QVERIFY(d->components[1].text.isEmpty());
    }

    void egfrComparatorIsText()
    {
        auto im = readExample(QStringLiteral("observation-example-f205-egfr.json"));
        QVERIFY(im.ok());
        const Observation* o = findCode(*im, "33914-3");
        QVERIFY(o != nullptr);
        QCOMPARE(o->components.size(), std::size_t{2});
        QVERIFY(!o->components[0].value); // "> 60" is not 60
        QCOMPARE(o->components[0].text, QStringLiteral(">60 mL/min/{1.73_m2}"));
        QCOMPARE(*o->components[1].value, 60.0);
    }

    void snomedUnitsSkipped()
    {
        for (const char* file :
             {"observation-example-f203-bicarbonate.json", "observation-example-f204-creatinine.json"}) {
            auto im = readExample(QString::fromLatin1(file));
            QVERIFY(im.ok());
            QCOMPARE(im->records.observations.size(), std::size_t{0});
            const bool expected = QByteArray(file).contains("bicarbonate")
                                      ? hasSkip(*im, "valueQuantity", "SNOMED CT code, not UCUM")
                                      : hasSkip(*im, "code", "no LOINC code");
            QVERIFY2(expected, file);
        }
    }

    void outOfRangeSkippedUnknownUnitKept()
    {
        auto tooHeavy = readBytes(bundleWith(
            QJsonObject{{"value", 9000}, {"system", "http://unitsofmeasure.org"}, {"code", "kg"}, {"unit", "kg"}}));
        QVERIFY(tooHeavy.ok());
        QCOMPARE(tooHeavy->records.observations.size(), std::size_t{0});
        QCOMPARE(tooHeavy->records.patients.size(), std::size_t{1});
        QVERIFY(hasSkip(*tooHeavy, "valueQuantity", "29463-7"));

        // A well-formed UCUM unit the catalogue does not convert is kept as given (generic layout).
        auto stone = readBytes(
            bundleWith(QJsonObject{{"value", 12}, {"system", "http://unitsofmeasure.org"}, {"code", "[stone_av]"}}));
        QVERIFY(stone.ok());
        QCOMPARE(stone->records.observations.size(), std::size_t{1});
        QCOMPARE(stone->records.observations.front().unit, QStringLiteral("[stone_av]"));
        QCOMPARE(*stone->records.observations.front().value, 12.0);
        QCOMPARE(stone->records.summary.uncatalogued.size(), std::size_t{1});

        // A unit that is not UCUM syntax is skipped with its reason.
        auto blank =
            readBytes(bundleWith(QJsonObject{{"value", 12}, {"system", "http://unitsofmeasure.org"}, {"code", "k g"}}));
        QVERIFY(blank.ok());
        QCOMPARE(blank->records.observations.size(), std::size_t{0});
        QVERIFY(hasSkip(*blank, "valueQuantity", "not UCUM"));

        auto freeText = readBytes(bundleWith(QJsonObject{{"value", 80}, {"unit", "kg"}}));
        QVERIFY(freeText.ok());
        QVERIFY(hasSkip(*freeText, "valueQuantity", "no UCUM code")); // the "unit" text is never guessed from
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("where"); // a part of the error's field, or of its message
        const QJsonObject kg{{"value", 80}, {"system", "http://unitsofmeasure.org"}, {"code", "kg"}};
        QByteArray wrongType = bundleWith(kg);
        wrongType.replace("\"value\": 80", "\"value\": \"80\"");
        QTest::newRow("bad JSON") << QByteArray("{\"resourceType\": \"Patient\",, }") << "offset 28";
        QTest::newRow("truncated") << patientJson().left(60) << "offset";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "not a JSON object";
        QTest::newRow("string for a number")
            << wrongType << "Bundle.entry[1].resource(Observation/w).valueQuantity.value";
        QTest::newRow("invalid LOINC check digit") << QByteArray(bundleWith(kg)).replace("29463-7", "29463-8")
                                                   << "Bundle.entry[1].resource(Observation/w).code.coding[0].code";
        QTest::newRow("dangling urn reference")
            << bundleWith(kg, QStringLiteral("urn:uuid:nowhere")) << "resource(Observation/w).subject.reference";
        QTest::newRow("dangling absolute reference")
            << bundleWith(kg, QStringLiteral("http://elsewhere.example/Patient/1")) << "subject.reference";
        QTest::newRow("10 MB family name")
            << patientJson({{"name", QJsonArray{QJsonObject{{"family", QString(10 * 1024 * 1024, u'x')}}}}})
            << "resource(Patient/p1).name[0].family";
        QTest::newRow("invalid birth date")
            << patientJson({{"birthDate", "1974-13-45"}}) << "resource(Patient/p1).birthDate";
        QTest::newRow("names not an array") << patientJson({{"name", "Doe"}}) << "resource(Patient/p1).name";
        QTest::newRow("bad gender") << patientJson({{"gender", "f"}}) << "resource(Patient/p1).gender";
        QTest::newRow("invalid UTF-8") << QByteArray(patientJson()).replace("Jane", "J\xC3\x28ne") << "UTF-8";
        QTest::newRow("overlong UTF-8") << QByteArray(patientJson()).replace("Jane", "J\xC0\xAFne") << "UTF-8";
        QTest::newRow("deep nesting") << QByteArray(100, '[') + QByteArray(100, ']') << "nested deeper";
        QTest::newRow("no resourceType") << QByteArray("{\"id\": \"x\"}") << "resource.resourceType";
        QTest::newRow("bad bundle type") << QByteArray("{\"resourceType\": \"Bundle\", \"type\": \"pile\"}")
                                         << "Bundle.type";
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, where);
        auto im = readBytes(bytes, QStringLiteral("bad.json"));
        QVERIFY(!im.ok());
        QCOMPARE(im.error().code, ErrorCode::MalformedInput);
        QCOMPARE(im.error().file, std::string("bad.json"));
        const std::string text = im.error().describe();
        QVERIFY2(text.find(where.toStdString()) != std::string::npos, text.c_str());
        QVERIFY2(text.find("Doe") == std::string::npos && text.find("MRN-1") == std::string::npos, text.c_str());
    }

    void oversizedFileRefused()
    {
        crypto::DeterministicRng rng(1);
        auto im = FhirReader(UnitsCatalogue::builtIn(), rng, 100).readBytes(patientJson(), QStringLiteral("big.json"));
        QVERIFY(!im.ok());
        QVERIFY(im.error().message.find("larger than 100 bytes") != std::string::npos);
    }

    void unknownFieldsIgnoredModifiersSkipped()
    {
        auto unknown = readBytes(patientJson({{"favouriteColour", "blue"}}));
        QVERIFY(unknown.ok());
        QCOMPARE(unknown->records.patients.size(), std::size_t{1});
        QCOMPARE(unknown->records.patients[0].sourceId, QStringLiteral("Patient/p1"));

        auto modifier = readBytes(patientJson({{"modifierExtension", QJsonArray{QJsonObject{{"url", "http://x"}}}}}));
        QVERIFY(modifier.ok());
        QCOMPARE(modifier->records.patients.size(), std::size_t{0});
        QVERIFY(hasSkip(*modifier, "modifierExtension", "modifiers"));
    }

    void patientMapping()
    {
        auto im = readExample(QStringLiteral("patient-example.json"));
        QVERIFY(im.ok());
        QCOMPARE(im->records.patients.size(), std::size_t{1});
        const Patient& p = im->records.patients[0];
        QCOMPARE(p.mrn, QStringLiteral("12345"));
        QCOMPARE(p.familyName, QStringLiteral("Chalmers"));
        QCOMPARE(p.givenName, QStringLiteral("Peter James"));
        QCOMPARE(p.maidenName, QStringLiteral("Windsor"));
        QCOMPARE(p.birthDate, QStringLiteral("1974-12-25"));
        QCOMPARE(p.sex, Sex::Male);
        QCOMPARE(p.city, QStringLiteral("PleasantVille"));
        QCOMPARE(p.phone, QStringLiteral("(03) 5555 6473"));
        QCOMPARE(p.sourceId, QStringLiteral("Patient/example"));

        auto chinese = readExample(QStringLiteral("patient-example-chinese.json"));
        QVERIFY(chinese.ok());
        QCOMPARE(chinese->records.patients.size(), std::size_t{1});
        QCOMPARE(chinese->records.patients[0].familyName, QString::fromUtf8("张无忌"));
        QCOMPARE(chinese->records.patients[0].city, QString::fromUtf8("上海市"));
    }

    void transactionEntries()
    {
        auto im = readExample(QStringLiteral("bundle-transaction.json"));
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        QVERIFY(hasSkip(*im, "entry[5]", "DELETE"));
        QVERIFY(hasSkip(*im, "entry[7].request.url", "operation"));
        QVERIFY(hasSkip(*im, "entry[8]", "GET"));
    }

    void writerRoundTrip()
    {
        auto im = readExample(QStringLiteral("patient-example.json"));
        QVERIFY(im.ok());
        PatientRecord record;
        record.patient = im->records.patients[0];
        auto bp = readExample(QStringLiteral("observation-example-bloodpressure.json"));
        QVERIFY(bp.ok());
        Observation o = bp->records.observations[0];
        o.patientId = record.patient.id;
        record.observations.push_back(o);
        auto bytes = FhirWriter::write(record);
        QVERIFY(bytes.ok());
        QCOMPARE(*FhirWriter::write(record), *bytes); // deterministic
        auto back = readBytes(*bytes);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
        QCOMPARE(back->records.patients.size(), std::size_t{1});
        QVERIFY(back->external.empty());
        Patient p = back->records.patients[0];
        p.id = record.patient.id;
        QCOMPARE(p, record.patient);
        Observation o2 = back->records.observations.at(0);
        o2.id = o.id;
        o2.patientId = o.patientId;
        QCOMPARE(o2, o);

        record.observations[0].patientId = access::PatientId{};
        QCOMPARE(FhirWriter::write(record).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestFhirReader)
#include "TestFhirReader.moc"
