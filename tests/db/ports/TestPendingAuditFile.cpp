// SPDX-License-Identifier: GPL-3.0-or-later
// PendingAuditFile: append/readAll/clear, damaged lines reported with their number, the size bound.
#include "db/PendingAuditFile.h"

#include "../DbTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using cc::db::PendingAuditFile;
using cc::db::test::str;
using cc::ports::PendingAuditEntry;

namespace {

PendingAuditEntry failure(std::int64_t timeMs, const char* user = "dr.okafor")
{
    PendingAuditEntry e;
    e.kind = "login-failed";
    e.timeMs = timeMs;
    e.userName = user;
    e.workstation = "ws-ward3";
    return e;
}

bool appendRaw(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Append) && f.write(bytes) == bytes.size();
}

} // namespace

class TestPendingAuditFile : public QObject
{
    Q_OBJECT

private slots:
    void appendReadClear()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("pending-audit.log");
        PendingAuditFile file(str(path));
        QVERIFY(file.readAll()->empty()); // no file yet
        QVERIFY(file.append(failure(1000)).ok());
        PendingAuditEntry locked = failure(2000, "admin.lind");
        locked.kind = "account-locked";
        QVERIFY(file.append(locked).ok());
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions{});
        QCOMPARE(db::test::fileBytes(path).count('\n'), 2);

        const auto entries = file.readAll();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), std::size_t{2});
        QCOMPARE((*entries)[0].line, 1L);
        QVERIFY(!(*entries)[0].damaged);
        QCOMPARE((*entries)[0].userName, std::string("dr.okafor"));
        QCOMPARE((*entries)[0].workstation, std::string("ws-ward3"));
        QCOMPARE((*entries)[0].timeMs, std::int64_t{1000});
        QCOMPARE((*entries)[1].kind, std::string("account-locked"));
        QCOMPARE((*entries)[1].userName, std::string("admin.lind"));
        QCOMPARE((*entries)[1].line, 2L);

        QVERIFY(file.clear().ok());
        QVERIFY(file.readAll()->empty());
        QVERIFY(file.append(failure(3000)).ok());
        QCOMPARE(file.readAll()->size(), std::size_t{1});
    }

    void refusesBadEntries()
    {
        QTemporaryDir dir;
        PendingAuditFile file(str(dir.filePath("pending-audit.log")));
        PendingAuditEntry e = failure(1);
        for (const char* kind : {"", "Login-Failed", "login failed", "login-failed\n", "entries-dropped"}) {
            e.kind = kind;
            QCOMPARE(file.append(e).error().code, ErrorCode::InvalidArgument);
        }
        e.kind = std::string(41, 'k');
        QCOMPARE(file.append(e).error().code, ErrorCode::InvalidArgument);
        e = failure(-1);
        QCOMPARE(file.append(e).error().code, ErrorCode::InvalidArgument);
        e = failure(1);
        e.kind = "key-slot-integrity"; // kinds are tokens: the services may add new ones
        QVERIFY(file.append(e).ok());
        QVERIFY(file.clear().ok());
        // Over-long names are cut, not refused: the failure must still be recorded.
        e = failure(1, std::string(500, 'u').c_str());
        QVERIFY(file.append(e).ok());
        QCOMPARE(file.readAll()->front().userName.size(), PendingAuditFile::kMaxUserNameChars);
    }

    void damagedLinesAreReportedWithTheirNumber_data()
    {
        QTest::addColumn<QByteArray>("line");
        // The valid line is {"kind":"login-failed","timeMs":5,"user":"a","v":1,"workstation":"w"}.
        const QByteArray valid =
            "{\"kind\":\"login-failed\",\"timeMs\":5,\"user\":\"a\",\"v\":1,\"workstation\":\"w\"}";
        QVERIFY(PendingAuditFile::parseLine(valid.toStdString()).ok()); // the rows below differ from it only as named
        QTest::newRow("garbage") << QByteArray("not json\n");
        QTest::newRow("empty line") << QByteArray("\n");
        QTest::newRow("password field added")
            << QByteArray(valid).replace("\"timeMs\"", "\"password\":\"x\",\"timeMs\"") + "\n";
        QTest::newRow("kind not a token") << QByteArray(valid).replace("login-failed", "Login OK") + "\n";
        QTest::newRow("version 2") << QByteArray(valid).replace("\"v\":1", "\"v\":2") + "\n";
        QTest::newRow("time negative") << QByteArray(valid).replace("\"timeMs\":5", "\"timeMs\":-5") + "\n";
        QTest::newRow("user missing") << QByteArray(valid).replace("\"user\":\"a\",", "") + "\n";
        QTest::newRow("duplicate key") << QByteArray(valid).replace("\"timeMs\":5", "\"timeMs\":6,\"timeMs\":5") + "\n";
        QTest::newRow("spaces") << QByteArray(valid).replace("\"kind\":", "\"kind\": ") + "\n";
        QTest::newRow("torn last line (crash)") << valid.left(30);
    }

    void damagedLinesAreReportedWithTheirNumber()
    {
        QFETCH(QByteArray, line);
        QTemporaryDir dir;
        const QString path = dir.filePath("pending-audit.log");
        PendingAuditFile file(str(path));
        QVERIFY(file.append(failure(1)).ok());
        QVERIFY(file.append(failure(2)).ok());
        QVERIFY(appendRaw(path, line));
        QVERIFY(file.append(failure(4)).ok()); // a torn line gets its LF first, so this one survives
        const auto entries = file.readAll();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), std::size_t{4});
        QVERIFY(!(*entries)[0].damaged);
        QVERIFY(!(*entries)[1].damaged);
        QVERIFY((*entries)[2].damaged);
        QCOMPARE((*entries)[2].line, 3L);
        QVERIFY(!(*entries)[3].damaged);
        QCOMPARE((*entries)[3].timeMs, std::int64_t{4});
        QCOMPARE((*entries)[3].line, 4L);
    }

    void sizeIsBounded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("pending-audit.log");
        PendingAuditFile file(str(path));
        // Fill to the bound directly (10,000 fsync'd appends would make the test slow).
        QByteArray content;
        for (std::size_t i = 0; i < PendingAuditFile::kMaxEntries; ++i)
            content +=
                QByteArray::fromStdString(*PendingAuditFile::encodeLine(failure(static_cast<std::int64_t>(i)))) + '\n';
        QVERIFY(appendRaw(path, content));
        QCOMPARE(file.readAll()->size(), PendingAuditFile::kMaxEntries);

        QVERIFY(file.append(failure(99'999)).ok());
        auto entries = file.readAll();
        const std::size_t kept = PendingAuditFile::kMaxEntries - PendingAuditFile::kDropBatch;
        QCOMPARE(entries->size(), kept + 2); // marker, the newest kept, the new one
        QCOMPARE(entries->front().kind, std::string("entries-dropped:1000"));
        QCOMPARE(entries->front().timeMs, std::int64_t{99'999});
        QCOMPARE((*entries)[1].timeMs, static_cast<std::int64_t>(PendingAuditFile::kDropBatch)); // oldest went
        QCOMPARE(entries->back().timeMs, std::int64_t{99'999});

        // The next compaction adds to the same marker instead of dropping it.
        content.clear();
        for (std::size_t i = entries->size(); i < PendingAuditFile::kMaxEntries; ++i)
            content += QByteArray::fromStdString(*PendingAuditFile::encodeLine(failure(200'000))) + '\n';
        QVERIFY(appendRaw(path, content));
        QVERIFY(file.append(failure(300'000)).ok());
        entries = file.readAll();
        QCOMPARE(entries->front().kind, std::string("entries-dropped:2000"));
        QVERIFY(entries->size() <= PendingAuditFile::kMaxEntries);
        for (const auto& e : *entries)
            QVERIFY(!e.damaged);
    }

    void oversizedFileIsReplacedByAMarker()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("pending-audit.log");
        PendingAuditFile file(str(path));
        QVERIFY(appendRaw(path, QByteArray(static_cast<qsizetype>(PendingAuditFile::kMaxFileSize) + 1, 'x')));
        const auto before = file.readAll();
        QCOMPARE(before->size(), std::size_t{1});
        QVERIFY(before->front().damaged);
        QVERIFY(file.append(failure(7)).ok());
        const auto after = file.readAll();
        QCOMPARE(after->size(), std::size_t{2});
        QCOMPARE(after->front().kind, std::string("entries-dropped:0")); // an unknown number
        QCOMPARE(after->back().timeMs, std::int64_t{7});
    }
};

QTEST_GUILESS_MAIN(TestPendingAuditFile)
#include "TestPendingAuditFile.moc"
