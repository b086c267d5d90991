// SPDX-License-Identifier: GPL-3.0-or-later
// Audit anchor text format, filters, RFC 4180 CSV and RFC 5424 syslog export.
#include "AuditFixture.h"
#include "MemoryAnchorSink.h"
#include "MemoryAuditStore.h"

#include "core/audit/AuditExport.h"
#include "core/audit/AuditLog.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>

using namespace cc;
using namespace cc::audit;

namespace {

AuditEntry entryWith(const std::string& detail, const std::string& reason = {})
{
    AuditEntry entry;
    entry.event = test::sampleEvent(0);
    entry.event.seq = 9;
    entry.event.timeMs = 1'767'225'600'250;
    entry.event.detail = detail;
    entry.event.reason = reason;
    entry.hash.fill(0xab);
    entry.mac.fill(0x01);
    return entry;
}

// Splits one RFC 4180 record (without its CRLF) into fields.
QStringList parseCsvRecord(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

class TestAuditExport : public QObject
{
    Q_OBJECT

private slots:
    void anchorRoundTrip()
    {
        AuditAnchor a{test::clinicA(), 1234, {}, {}};
        a.hash.fill(0x5a);
        a.mac.fill(0xc3);
        const std::string text = a.encode();
        QVERIFY(text.starts_with("CipherChart audit anchor 1\nclinic=c11c000a0102030405060708090a0b0c\nseq=1234\n"));
        auto parsed = AuditAnchor::parse(text);
        QVERIFY(parsed.ok());
        QVERIFY(*parsed == a);
    }

    void damagedAnchorIsToldApart()
    {
        const std::string text = AuditAnchor{test::clinicA(), 77, {}, {}}.encode();
        // Every single-character change is reported: checksum ("check") or structure, never a valid anchor.
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::string damaged = text;
            damaged[i] = static_cast<char>(damaged[i] ^ 0x02);
            auto parsed = AuditAnchor::parse(damaged);
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("byte %1 accepted").arg(i)));
        }
        std::string truncated = text.substr(0, text.size() - 10);
        QCOMPARE(AuditAnchor::parse(truncated).error().code, ErrorCode::MalformedInput);
        std::string newer = text;
        newer.replace(0, 27, "CipherChart audit anchor 2\n");
        QCOMPARE(AuditAnchor::parse(newer).error().code, ErrorCode::Unsupported);
        std::string seqChanged = text;
        seqChanged.replace(seqChanged.find("seq=77"), 6, "seq=76");
        QCOMPARE(QString::fromStdString(AuditAnchor::parse(seqChanged).error().field), QStringLiteral("check"));
        QCOMPARE(AuditAnchor::parse(text + "x").error().code, ErrorCode::MalformedInput);
    }

    void csvQuoting_data()
    {
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("expectedCell"); // as written in the file (RFC 4180 section 2)
        QTest::newRow("plain") << "plain"
                               << "plain";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("formula") << "=HYPERLINK(1)"
                                 << "'=HYPERLINK(1)";
        QTest::newRow("minus and comma") << "-1,2"
                                         << "\"'-1,2\"";
    }

    void csvQuoting()
    {
        QFETCH(QString, detail);
        QFETCH(QString, expectedCell);
        const std::string line = AuditExport::csvLine(entryWith(detail.toStdString()));
        QVERIFY(line.ends_with("\r\n"));
        QVERIFY2(line.find("," + expectedCell.toStdString() + ",") != std::string::npos, line.c_str());
        const QStringList fields = parseCsvRecord(QString::fromStdString(line.substr(0, line.size() - 2)));
        const QStringList header = parseCsvRecord(QString::fromStdString(AuditExport::csvHeader()).trimmed());
        QCOMPARE(fields.size(), header.size());
        QString cell = fields[header.indexOf(QStringLiteral("detail"))];
        if (cell.startsWith(u'\'')) // the formula guard is the only change to the text
            cell.remove(0, 1);
        QCOMPARE(cell, detail);
        QCOMPARE(fields[header.indexOf(QStringLiteral("time"))], QStringLiteral("2026-01-01T00:00:00.250Z"));
        QCOMPARE(fields[header.indexOf(QStringLiteral("hash"))], QStringLiteral("ab").repeated(32));
        QCOMPARE(fields[header.indexOf(QStringLiteral("mac"))], QStringLiteral("01").repeated(32));
    }

    void csvNewlinesInReasonAreQuoted()
    {
        // Recorded events cannot hold control characters, but the CSV writer must not rely on it.
        AuditEntry entry = entryWith("x");
        entry.event.reason = "line1\r\nline2";
        const std::string line = AuditExport::csvLine(entry);
        QVERIFY(line.find(",\"line1\r\nline2\",") != std::string::npos);
    }

    void syslogStructure()
    {
        AuditEntry entry = entryWith("a\"b\\c]d");
        entry.event.outcome = AuditOutcome::MinorFailure;
        const QString line = QString::fromStdString(AuditExport::syslogLine(entry));
        // RFC 5424 section 6: <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]
        static const QRegularExpression re(QStringLiteral(
            "^<(\\d{1,3})>1 (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) (\\S+) (\\S+) (\\S+) (\\S+) "
            "\\[(\\S+)((?: [^= \\]\"]+=\"(?:[^\"\\\\\\]]|\\\\[\"\\\\\\]])*\")*)\\] (.*)$"));
        const auto m = re.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        QCOMPARE(m.captured(1).toInt(), 13 * 8 + 4); // log audit, warning for a minor failure
        QCOMPARE(m.captured(2), QStringLiteral("2026-01-01T00:00:00.250Z"));
        QCOMPARE(m.captured(3), QStringLiteral("ws-ward3.clinic.example"));
        QCOMPARE(m.captured(4), QStringLiteral("cipherchart"));
        QCOMPARE(m.captured(5), QStringLiteral("-"));
        QCOMPARE(m.captured(6), QStringLiteral("110110"));
        QCOMPARE(m.captured(7), QStringLiteral("rfc3881@32473"));
        QVERIFY(m.captured(8).contains(QStringLiteral(" detail=\"a\\\"b\\\\c\\]d\"")));
        QVERIFY(m.captured(8).contains(QStringLiteral(" patient=\"00112233445566778899aabbccddee02\"")));
        QVERIFY(m.captured(8).contains(QStringLiteral(" action=\"R\" outcome=\"4\" eventId=\"110110\"")));
        QCOMPARE(m.captured(9), QStringLiteral("Patient Record"));
    }

    void syslogSeverityAndFacility_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<bool>("flagged");
        QTest::addColumn<int>("facility");
        QTest::addColumn<int>("pri");
        QTest::newRow("success audit") << 0 << false << 13 << 110;
        QTest::newRow("flagged notice") << 0 << true << 13 << 109;
        QTest::newRow("serious error authpriv") << 8 << false << 10 << 83;
        QTest::newRow("major critical") << 12 << false << 13 << 106;
    }

    void syslogSeverityAndFacility()
    {
        QFETCH(int, outcome);
        QFETCH(bool, flagged);
        QFETCH(int, facility);
        QFETCH(int, pri);
        AuditEntry entry = entryWith("x");
        entry.event.outcome = static_cast<AuditOutcome>(outcome);
        entry.event.flagged = flagged;
        SyslogOptions options;
        options.facility = facility;
        const std::string line = AuditExport::syslogLine(entry, options);
        QVERIFY2(line.starts_with("<" + std::to_string(pri) + ">1 "), line.c_str());
    }

    void filtersAndExports()
    {
        test::MemoryAuditStore store;
        test::MemoryAnchorSink anchors;
        ManualClock clock;
        QVERIFY(AuditLog::initialise(store, anchors, test::fixedRootKey(), test::clinicA()).ok());
        AuditLog log(store, anchors, clock, test::clinicA());
        for (int i = 0; i < 20; ++i) {
            clock.advance(std::chrono::seconds(60));
            QVERIFY(log.record(test::sampleEvent(i)).ok());
        }
        const auto all = AuditExport::list(store, {});
        QCOMPARE(all->size(), std::size_t{20});
        AuditFilter f;
        f.flaggedOnly = true;
        QCOMPARE(AuditExport::list(store, f)->size(), std::size_t{4}); // samples 4, 9, 14, 19
        f = {};
        f.patientId = "00112233445566778899aabbccddee02";
        const auto forPatient = AuditExport::list(store, f);
        for (const auto& e : *forPatient)
            QCOMPARE(QString::fromStdString(e.event.patientId), QString::fromStdString(*f.patientId));
        QCOMPARE(AuditExport::list(store, f)->size(), std::size_t{6}); // 0, 10 (even reads) and 2, 7, 12, 17
        f = {};
        f.action = AuditAction::Update;
        f.userId = "0123456789abcdef0123456789abcdef"; // i % 3 == 0 and i % 5 == 2: 12
        QCOMPARE(AuditExport::list(store, f)->size(), std::size_t{1});
        f = {};
        f.fromMs = all->at(4).event.timeMs;
        f.untilMs = all->at(9).event.timeMs;
        const auto window = AuditExport::list(store, f);
        QCOMPARE(window->size(), std::size_t{5});
        QCOMPARE(window->front().event.seq, std::uint64_t{5});

        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QVERIFY(AuditExport::exportCsv(store, {}, csv).ok());
        QCOMPARE(csv.data().count("\r\n"), 21);
        QBuffer syslog;
        syslog.open(QIODevice::WriteOnly);
        QVERIFY(AuditExport::exportSyslog(store, {}, {}, syslog).ok());
        QCOMPARE(syslog.data().count('\n'), 20);
        SyslogOptions bad;
        bad.facility = 1;
        QCOMPARE(AuditExport::exportSyslog(store, {}, bad, syslog).error().code, ErrorCode::InvalidArgument);

        // An unreadable body stops the export and names the seq.
        store.flipBit(3, test::Column::Body, 0, 1);
        const Status st = AuditExport::exportCsv(store, {}, csv);
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.find("audit event 3") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestAuditExport)
#include "TestAuditExport.moc"
