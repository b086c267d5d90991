// SPDX-License-Identifier: GPL-3.0-or-later
// Audit event validation and canonical encoding: round trip, exact bytes, malformed bodies.
#include "AuditFixture.h"

#include "core/audit/AuditEvent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cc;
using namespace cc::audit;

Q_DECLARE_METATYPE(cc::ErrorCode)

namespace {

AuditEvent numbered(AuditEvent e, std::uint64_t seq)
{
    e.seq = seq;
    e.timeMs = 1'767'225'600'000 + static_cast<std::int64_t>(seq);
    return e;
}

QByteArray toBytes(const std::vector<std::uint8_t>& v)
{
    return QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size()));
}

std::vector<std::uint8_t> fromBytes(const QByteArray& b)
{
    return std::vector<std::uint8_t>(b.begin(), b.end());
}

QJsonObject sampleObject()
{
    auto body = encodeEvent(numbered(test::sampleEvent(0), 7));
    return QJsonDocument::fromJson(toBytes(*body)).object();
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAuditEvent : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("sample");
        for (int i = 0; i < 5; ++i)
            QTest::addRow("sample %d", i) << i;
    }

    void roundTrip()
    {
        QFETCH(int, sample);
        const AuditEvent event = numbered(test::sampleEvent(sample), static_cast<std::uint64_t>(sample + 1));
        auto first = encodeEvent(event);
        QVERIFY(first.ok());
        auto second = encodeEvent(event);
        QVERIFY(second.ok());
        QCOMPARE(toBytes(*first), toBytes(*second)); // deterministic
        auto decoded = decodeEvent(*first);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().describe().c_str());
        QVERIFY(*decoded == event);
    }

    void unicodeTextRoundTrips()
    {
        AuditEvent e = numbered(test::sampleEvent(4), 3);
        e.reason = "Bewusstlos, Notaufnahme — café ñ 急诊";
        auto body = encodeEvent(e);
        QVERIFY(body.ok());
        auto decoded = decodeEvent(*body);
        QVERIFY(decoded.ok());
        QCOMPARE(QString::fromStdString(decoded->reason), QString::fromStdString(e.reason));
    }

    // The exact bytes are the format: this pins them (sorted keys, compact, every field present).
    void exactCanonicalBytes()
    {
        AuditEvent e;
        e.seq = 1;
        e.timeMs = 1'767'225'600'000;
        e.userId = "0123456789abcdef0123456789abcdef";
        e.userName = "dr.okafor";
        e.role = "doctor";
        e.workstation = "ws1";
        e.action = AuditAction::Read;
        e.eventId = AuditEventId::PatientRecord;
        e.patientId = "00112233445566778899aabbccddeeff";
        e.objectType = "Observation";
        e.objectId = "aa";
        auto body = encodeEvent(e);
        QVERIFY(body.ok());
        QCOMPARE(toBytes(*body),
                 QByteArray(R"({"action":"R","detail":"","eventId":110110,"eventType":0,"flagged":false,)"
                            R"("objectId":"aa","objectType":"Observation","outcome":0,)"
                            R"("patient":"00112233445566778899aabbccddeeff","reason":"","role":"doctor","seq":1,)"
                            R"("time":1767225600000,"userId":"0123456789abcdef0123456789abcdef",)"
                            R"("userName":"dr.okafor","v":1,"workstation":"ws1"})"));
    }

    void malformedBodyNamesField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<cc::ErrorCode>("code");
        const QJsonObject base = sampleObject();
        auto with = [&base](const char* key, const QJsonValue& v) {
            QJsonObject o = base;
            o.insert(QLatin1String(key), v);
            return compact(o);
        };
        auto without = [&base](const char* key) {
            QJsonObject o = base;
            o.remove(QLatin1String(key));
            return compact(o);
        };
        const auto M = ErrorCode::MalformedInput;
        QTest::newRow("not json") << QByteArray("{\"action\":") << "body" << M;
        QTest::newRow("array") << QByteArray("[]") << "body" << M;
        QTest::newRow("missing role") << without("role") << "role" << M;
        QTest::newRow("unknown key") << with("mrn", QStringLiteral("12345")) << "mrn" << M;
        QTest::newRow("action X") << with("action", QStringLiteral("X")) << "action" << M;
        QTest::newRow("action number") << with("action", 1) << "action" << M;
        QTest::newRow("outcome 5") << with("outcome", 5) << "outcome" << M;
        QTest::newRow("eventId unknown") << with("eventId", 110199) << "eventId" << M;
        QTest::newRow("eventType unknown") << with("eventType", 42) << "eventType" << M;
        QTest::newRow("patient is an MRN") << with("patient", QStringLiteral("MRN-0012345")) << "patient" << M;
        QTest::newRow("patient upper hex")
            << with("patient", QStringLiteral("00112233445566778899AABBCCDDEE01")) << "patient" << M;
        QTest::newRow("seq zero") << with("seq", 0) << "seq" << M;
        QTest::newRow("seq fraction") << with("seq", 1.5) << "seq" << M;
        QTest::newRow("seq string") << with("seq", QStringLiteral("1")) << "seq" << M;
        QTest::newRow("time negative") << with("time", -1) << "time" << M;
        QTest::newRow("flagged string") << with("flagged", QStringLiteral("yes")) << "flagged" << M;
        QTest::newRow("detail newline") << with("detail", QStringLiteral("a\nb")) << "detail" << M;
        QTest::newRow("detail too long") << with("detail", QString(201, QLatin1Char('x'))) << "detail" << M;
        QTest::newRow("role uppercase") << with("role", QStringLiteral("Doctor")) << "role" << M;
        QTest::newRow("workstation space") << with("workstation", QStringLiteral("ws 1")) << "workstation" << M;
        QTest::newRow("objectType digits") << with("objectType", QStringLiteral("Obs1")) << "objectType" << M;
        QTest::newRow("version 2") << with("v", 2) << "v" << ErrorCode::Unsupported;
        QByteArray spaced = compact(base);
        spaced.replace(",\"detail\"", ", \"detail\"");
        QTest::newRow("not canonical") << spaced << "body" << M;
        QJsonObject breakGlass = base;
        breakGlass.insert(QStringLiteral("eventId"), 110113);
        breakGlass.insert(QStringLiteral("eventType"), 110127);
        breakGlass.insert(QStringLiteral("flagged"), true);
        QTest::newRow("break-glass without reason") << compact(breakGlass) << "reason" << M;
        breakGlass.insert(QStringLiteral("reason"), QStringLiteral("emergency"));
        breakGlass.insert(QStringLiteral("flagged"), false);
        QTest::newRow("break-glass not flagged") << compact(breakGlass) << "flagged" << M;
    }

    void malformedBodyNamesField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(cc::ErrorCode, code);
        auto decoded = decodeEvent(fromBytes(body));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, code);
        QCOMPARE(QString::fromStdString(decoded.error().field), field);
    }

    void sampleBodyIsValid()
    {
        // The base of the malformed rows must itself decode, or those rows prove nothing.
        QVERIFY(decodeEvent(fromBytes(compact(sampleObject()))).ok());
    }

    void encodeRejectsInvalidFields()
    {
        AuditEvent e = numbered(test::sampleEvent(0), 1);
        e.patientId = "Jane Doe";
        auto body = encodeEvent(e);
        QVERIFY(!body.ok());
        QCOMPARE(QString::fromStdString(body.error().field), QStringLiteral("patient"));
        e = numbered(test::sampleEvent(0), 0);
        QCOMPARE(QString::fromStdString(encodeEvent(e).error().field), QStringLiteral("seq"));
        e = numbered(test::sampleEvent(0), 1);
        e.userName = std::string("bad\xff\xfe", 5);
        QCOMPARE(QString::fromStdString(encodeEvent(e).error().field), QStringLiteral("userName"));
    }

    void codeNames()
    {
        QCOMPARE(eventIdName(AuditEventId::PatientRecord), std::string_view("Patient Record"));
        QCOMPARE(eventTypeName(AuditEventType::EmergencyOverrideStarted),
                 std::string_view("Emergency Override Started"));
        QVERIFY(isKnownEventId(110114));
        QVERIFY(!isKnownEventId(110115));
        QVERIFY(isKnownEventType(0));
        QVERIFY(!isKnownEventType(110126));
    }

    // Expected strings computed with Python: datetime.fromtimestamp(ms/1000, timezone.utc).
    void utcFormatting_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
        QTest::newRow("2026") << qint64(1'767'225'600'123) << "2026-01-01T00:00:00.123Z";
        QTest::newRow("leap day 2000") << qint64(951'868'799'999) << "2000-02-29T23:59:59.999Z";
    }

    void utcFormatting()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatUtcMillis(ms)), text);
    }
};

QTEST_GUILESS_MAIN(TestAuditEvent)
#include "TestAuditEvent.moc"
