// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical documents: canonical encoding, round trips, and strict decoders naming the bad field.
#include "core/crypto/Rng.h"
#include "core/model/Allergy.h"
#include "core/model/AttachmentInfo.h"
#include "core/model/ClinicalNote.h"
#include "core/model/CodeSystem.h"
#include "core/model/Condition.h"
#include "core/model/Encounter.h"
#include "core/model/IsoDateTime.h"
#include "core/model/Medication.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cc;
using namespace cc::model;

namespace {

Patient samplePatient()
{
    Patient p;
    p.mrn = QStringLiteral("MRN-0001");
    p.givenName = QStringLiteral("Zoë");
    p.familyName = QStringLiteral("Øster-Łukasiewicz");
    p.birthDate = QStringLiteral("1980-02-29");
    p.sex = Sex::Female;
    p.addressLine = QStringLiteral("1 Main St");
    p.email = QStringLiteral("zoe@example.org");
    return p;
}

Observation sampleBloodPressure()
{
    Observation o;
    o.codeSystem = QString::fromLatin1(codesystem::kLoinc);
    o.code = QStringLiteral("85354-9");
    o.display = QStringLiteral("Blood pressure panel");
    o.effective = QStringLiteral("2023-10-10T04:17:47Z");
    for (const auto& [code, value] : {std::pair{"8480-6", 120.0}, std::pair{"8462-4", 80.0}}) {
        Observation::Component c;
        c.codeSystem = QString::fromLatin1(codesystem::kLoinc);
        c.code = QString::fromLatin1(code);
        c.display = QStringLiteral("BP");
        c.value = value;
        c.unit = QStringLiteral("mm[Hg]");
        o.components.push_back(c);
    }
    return o;
}

// Decodes `json` as `type` and returns the error (or an Internal "ok" marker when it decodes).
Error decodeError(const QString& type, const QByteArray& json)
{
    auto check = [](auto result) -> Error {
        if (result)
            return makeError(ErrorCode::Internal, "decoded");
        return result.error();
    };
    if (type == QLatin1String("patient"))
        return check(Patient::fromJson(json));
    if (type == QLatin1String("encounter"))
        return check(Encounter::fromJson(json));
    if (type == QLatin1String("condition"))
        return check(Condition::fromJson(json));
    if (type == QLatin1String("observation"))
        return check(Observation::fromJson(json));
    if (type == QLatin1String("medication"))
        return check(Medication::fromJson(json));
    if (type == QLatin1String("allergy"))
        return check(Allergy::fromJson(json));
    if (type == QLatin1String("note"))
        return check(ClinicalNote::fromJson(json));
    return check(AttachmentInfo::fromJson(json));
}

// `base` with `key` set to `value` (or removed when value is undefined).
QByteArray edited(const QByteArray& base, const QString& key, const QJsonValue& value)
{
    QJsonObject o = QJsonDocument::fromJson(base).object();
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Decodes x's document and compares; a failed decode reports its error instead of throwing.
template <typename T> bool roundTrips(const T& x)
{
    auto decoded = T::fromJson(x.toJson());
    if (!decoded) {
        qWarning("%s", decoded.error().describe().c_str());
        return false;
    }
    return decoded.value() == x && decoded.value().toJson() == x.toJson();
}

} // namespace

class TestModelDocuments : public QObject
{
    Q_OBJECT

private slots:
    void patientRoundTripIsCanonical()
    {
        const Patient p = samplePatient();
        const QByteArray json = p.toJson();
        // Sorted keys, version, UTF-8 names kept (RFC 8259 section 8.1).
        QVERIFY(json.startsWith("{\"addressLine\":"));
        QVERIFY(json.endsWith("\"v\":1}"));
        QVERIFY(json.contains("Zo\xc3\xab"));
        auto decoded = Patient::fromJson(json);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().describe().c_str());
        QCOMPARE(decoded.value(), p);
        QCOMPARE(decoded.value().toJson(), json);
        // Optional empty fields are omitted, not written as "".
        QVERIFY(!json.contains("deathDate"));
    }

    void everyTypeRoundTrips()
    {
        crypto::DeterministicRng rng(5);
        Encounter e;
        e.start = QStringLiteral("2023-01-27T16:17:47Z");
        e.end = QStringLiteral("2023-01-27T16:32:47-01:00");
        e.codeSystem = QString::fromLatin1(codesystem::kSnomed);
        e.code = QStringLiteral("185345009");
        e.display = QStringLiteral("Encounter for symptom");
        QVERIFY(roundTrips(e));

        Condition c;
        c.codeSystem = QString::fromLatin1(codesystem::kIcd10);
        c.code = QStringLiteral("E11.9");
        c.display = QStringLiteral("Type 2 diabetes mellitus without complications");
        c.onset = QStringLiteral("2011-08-09");
        QVERIFY(roundTrips(c));

        const Observation bp = sampleBloodPressure();
        QVERIFY(roundTrips(bp));
        Observation weight;
        weight.codeSystem = QString::fromLatin1(codesystem::kLoinc);
        weight.code = QStringLiteral("29463-7");
        weight.display = QStringLiteral("Body weight");
        weight.effective = QStringLiteral("2023-10-10T04:17:47Z");
        weight.value = 83.9;
        weight.unit = QStringLiteral("kg");
        QVERIFY(roundTrips(weight));

        Medication m;
        m.code = QStringLiteral("665078");
        m.display = QStringLiteral("Loratadine 5 MG Chewable Tablet");
        m.start = QStringLiteral("2009-09-27T14:12:44Z");
        m.dispenses = 174;
        QVERIFY(roundTrips(m));

        Allergy a;
        a.codeSystem = QString::fromLatin1(codesystem::kSnomed);
        a.code = QStringLiteral("111088007");
        a.display = QStringLiteral("Latex (substance)");
        a.start = QStringLiteral("2009-09-27");
        a.type = QStringLiteral("allergy");
        a.category = QStringLiteral("environment");
        a.reactions.push_back({QStringLiteral("418290006"), QStringLiteral("Itching"), QStringLiteral("moderate")});
        QVERIFY(roundTrips(a));

        ClinicalNote n;
        n.authored = QStringLiteral("2024-01-21T10:00:00Z");
        n.author = QStringLiteral("Dr Ada");
        n.text = QStringLiteral("Line one\nLine \"two\"");
        n.sharedWithPatient = true;
        QVERIFY(roundTrips(n));

        AttachmentInfo at;
        at.fileName = QStringLiteral("scan.pdf");
        at.mediaType = QStringLiteral("application/pdf");
        at.size = 1000000;
        at.chunkCount = 16;
        at.created = QStringLiteral("2024-01-21T10:00:00Z");
        QVERIFY(roundTrips(at));

        // Row ids are plaintext columns, random and not in the document.
        const RowId id = newRowId(rng);
        QCOMPARE(rowIdFromHex(rowIdToHex(id)).value(), id);
        QVERIFY(!rowIdFromHex(QStringLiteral("00")).ok());
        QVERIFY(!rowIdFromHex(rowIdToHex(id).replace(0, 1, u'g')).ok());
        QVERIFY(newRowId(rng) != id);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        const QByteArray patient = samplePatient().toJson();
        const int bad = static_cast<int>(ErrorCode::MalformedInput);
        QTest::newRow("not json") << "patient" << QByteArray("{\"mrn\":") << bad << "patient";
        QTest::newRow("not an object") << "patient" << QByteArray("[1]") << bad << "patient";
        QTest::newRow("no version") << "patient" << edited(patient, "v", QJsonValue::Undefined) << bad << "patient.v";
        QTest::newRow("future version") << "patient" << edited(patient, "v", 2)
                                        << static_cast<int>(ErrorCode::Unsupported) << "patient.v";
        QTest::newRow("missing birth date")
            << "patient" << edited(patient, "birthDate", QJsonValue::Undefined) << bad << "patient.birthDate";
        QTest::newRow("30 February") << "patient" << edited(patient, "birthDate", "2023-02-30") << bad
                                     << "patient.birthDate";
        QTest::newRow("date-time as birth date")
            << "patient" << edited(patient, "birthDate", "1980-01-01T00:00:00Z") << bad << "patient.birthDate";
        QTest::newRow("name 201 bytes") << "patient" << edited(patient, "givenName", QString(201, u'a')) << bad
                                        << "patient.givenName";
        QTest::newRow("name as number") << "patient" << edited(patient, "givenName", 7) << bad << "patient.givenName";
        QTest::newRow("unknown field") << "patient" << edited(patient, "ssn", "999-17-5017") << bad << "patient.ssn";
        QTest::newRow("bad sex") << "patient" << edited(patient, "sex", "M") << bad << "patient.sex";
        QTest::newRow("death before birth")
            << "patient" << edited(patient, "deathDate", "1970-01-01") << bad << "patient.deathDate";

        const QByteArray bp = sampleBloodPressure().toJson();
        QTest::newRow("bad LOINC check digit")
            << "observation" << edited(bp, "code", "85354-8") << bad << "observation.code";
        QTest::newRow("time without zone")
            << "observation" << edited(bp, "effective", "2023-10-10T04:17:47") << bad << "observation.effective";
        QTest::newRow("value without unit") << "observation" << edited(bp, "value", 3) << bad << "observation.unit";
        QTest::newRow("bad status") << "observation" << edited(bp, "status", "done") << bad << "observation.status";
        QJsonObject o = QJsonDocument::fromJson(bp).object();
        QJsonArray comps = o.value("components").toArray();
        QJsonObject c0 = comps[0].toObject();
        c0.insert("value", "120");
        comps[0] = c0;
        o.insert("components", comps);
        QTest::newRow("component value as text")
            << "observation" << QJsonDocument(o).toJson() << bad << "observation.components[0].value";
        QTest::newRow("no value at all") << "observation" << edited(bp, "components", QJsonValue::Undefined) << bad
                                         << "observation.value";

        ClinicalNote n;
        n.authored = QStringLiteral("2024-01-21T10:00:00Z");
        n.author = QStringLiteral("Dr Ada");
        n.text = QStringLiteral("x");
        const QByteArray note = n.toJson();
        QTest::newRow("note over 1 MB") << "note" << edited(note, "text", QString(1024 * 1024 + 1, u'x')) << bad
                                        << "note.text";
        QTest::newRow("note without sharing flag")
            << "note" << edited(note, "sharedWithPatient", QJsonValue::Undefined) << bad << "note.sharedWithPatient";
        QTest::newRow("note flag as string")
            << "note" << edited(note, "sharedWithPatient", "yes") << bad << "note.sharedWithPatient";

        AttachmentInfo at;
        at.fileName = QStringLiteral("scan.pdf");
        at.mediaType = QStringLiteral("application/pdf");
        at.size = 10;
        at.chunkCount = 1;
        at.created = QStringLiteral("2024-01-21T10:00:00Z");
        const QByteArray att = at.toJson();
        QTest::newRow("html attachment") << "attachment" << edited(att, "mediaType", "text/html") << bad
                                         << "attachment.mediaType";
        QTest::newRow("path in file name")
            << "attachment" << edited(att, "fileName", "../etc/passwd") << bad << "attachment.fileName";
        QTest::newRow("negative size") << "attachment" << edited(att, "size", -1) << bad << "attachment.size";
        QTest::newRow("fractional chunks")
            << "attachment" << edited(att, "chunkCount", 1.5) << bad << "attachment.chunkCount";

        QTest::newRow("condition in LOINC") << "condition"
                                            << QByteArray(R"({"code":"8480-6","codeSystem":"http://loinc.org",)"
                                                          R"("display":"x","onset":"2020-01-01","v":1})")
                                            << bad << "condition.codeSystem";
        QTest::newRow("bad ICD-10 code") << "condition"
                                         << QByteArray(R"({"code":"E1","codeSystem":"http://hl7.org/fhir/sid/icd-10",)"
                                                       R"("display":"x","onset":"2020-01-01","v":1})")
                                         << bad << "condition.code";
        QTest::newRow("allergy reaction severity")
            << "allergy"
            << QByteArray(R"({"code":"111088007","codeSystem":"http://snomed.info/sct","display":"Latex",)"
                          R"("reactions":[{"code":"418290006","display":"Itching","severity":"fatal"}],)"
                          R"("start":"2009-09-27","v":1})")
            << bad << "allergy.reactions[0].severity";
        QTest::newRow("encounter ends before start")
            << "encounter"
            << QByteArray(R"({"code":"185345009","codeSystem":"http://snomed.info/sct","display":"x",)"
                          R"("end":"2023-01-27T15:00:00Z","start":"2023-01-27T16:17:47Z","v":1})")
            << bad << "encounter.end";
        QTest::newRow("medication not RxNorm")
            << "medication" << QByteArray(R"({"code":"abc","display":"x","start":"2020-01-01","v":1})") << bad
            << "medication.code";
    }

    void rejectsMalformed()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        QFETCH(QString, field);
        const Error e = decodeError(type, json);
        QCOMPARE(static_cast<int>(e.code), code);
        QCOMPARE(QString::fromStdString(e.field), field);
    }

    void isoDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("date");
        QTest::addColumn<bool>("dateTime");
        QTest::newRow("date") << "2024-01-21" << true << false;
        QTest::newRow("leap day") << "2024-02-29" << true << false;
        QTest::newRow("no leap day") << "2023-02-29" << false << false;
        QTest::newRow("Synthea Z form") << "2023-10-10T04:17:47Z" << false << true;
        QTest::newRow("offset") << "2023-10-10T04:17:47.123+05:30" << false << true;
        QTest::newRow("no zone") << "2023-10-10T04:17:47" << false << false;
        QTest::newRow("hour 24") << "2023-10-10T24:00:00Z" << false << false;
        QTest::newRow("short year") << "23-10-10" << false << false;
        QTest::newRow("year 9999") << "9999-01-01" << false << false;
    }

    void isoDates()
    {
        QFETCH(QString, text);
        QFETCH(bool, date);
        QFETCH(bool, dateTime);
        QCOMPARE(isIsoDate(text), date);
        QCOMPARE(isIsoDateTime(text), dateTime);
    }
};

QTEST_GUILESS_MAIN(TestModelDocuments)
#include "TestModelDocuments.moc"
