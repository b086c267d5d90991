// SPDX-License-Identifier: GPL-3.0-or-later
// FileAnchorSink and FileKeySlotStore: round trips, missing files, damaged files named.
#include "db/FileAnchorSink.h"
#include "db/FileKeySlotStore.h"

#include "../DbTestSupport.h"

#include "core/crypto/Rng.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using cc::db::test::str;

namespace {

audit::AuditAnchor sampleAnchor()
{
    audit::AuditAnchor a;
    a.clinicId = ClinicId{IdBytes{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}};
    a.seq = 42;
    a.hash.fill(0x11);
    a.mac.fill(0x22);
    return a;
}

bool overwrite(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestFileStores : public QObject
{
    Q_OBJECT

private slots:
    void anchorRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("audit.anchor");
        db::FileAnchorSink sink(str(path));
        QCOMPARE(sink.read().error().code, ErrorCode::NotFound);
        QVERIFY(sink.write(sampleAnchor()).ok());
        QCOMPARE(*sink.read(), sampleAnchor());
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions{});
        audit::AuditAnchor next = sampleAnchor();
        next.seq = 43;
        QVERIFY(sink.write(next).ok());
        QCOMPARE(sink.read()->seq, std::uint64_t{43});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"audit.anchor"}); // no temporary left
    }

    void damagedAnchorNamesTheFile_data()
    {
        QTest::addColumn<QByteArray>("damage"); // "flip", "truncate", "empty", "huge"
        QTest::newRow("bit flipped in seq") << QByteArray("flip");
        QTest::newRow("truncated") << QByteArray("truncate");
        QTest::newRow("empty file") << QByteArray("empty");
        QTest::newRow("larger than 4 KiB") << QByteArray("huge");
    }

    void damagedAnchorNamesTheFile()
    {
        QFETCH(QByteArray, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath("audit.anchor");
        db::FileAnchorSink sink(str(path));
        QVERIFY(sink.write(sampleAnchor()).ok());
        QByteArray bytes = db::test::fileBytes(path);
        if (damage == "flip")
            bytes[bytes.indexOf("seq=") + 4] = static_cast<char>(bytes[bytes.indexOf("seq=") + 4] ^ 0x01);
        else if (damage == "truncate")
            bytes.chop(20);
        else if (damage == "empty")
            bytes.clear();
        else
            bytes = QByteArray(5000, 'x');
        QVERIFY(overwrite(path, bytes));
        const auto read = sink.read();
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(read.error().file), path);
    }

    void keySlotRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("keyslots.ccks");
        db::FileKeySlotStore store(str(path));
        QCOMPARE(store.load().error().code, ErrorCode::NotFound);
        crypto::DeterministicRng rng(3);
        const access::KeySlotFile file = access::KeySlotFile::create(rng);
        QVERIFY(store.save(file).ok());
        const auto loaded = store.load();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->clinicId(), file.clinicId());
        QCOMPARE(loaded->serialise(), file.serialise());
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions{});
    }

    void damagedKeySlotFileNamesTheFile_data()
    {
        QTest::addColumn<int>("flipAt"); // byte to flip; -1 truncates by one byte; -2 over 4 MiB
        QTest::newRow("bit flip in the header") << 8;
        QTest::newRow("bit flip in the checksum") << 1000;
        QTest::newRow("truncated by one byte") << -1;
        QTest::newRow("larger than 4 MiB") << -2;
    }

    void damagedKeySlotFileNamesTheFile()
    {
        QFETCH(int, flipAt);
        QTemporaryDir dir;
        const QString path = dir.filePath("keyslots.ccks");
        db::FileKeySlotStore store(str(path));
        crypto::DeterministicRng rng(4);
        QVERIFY(store.save(access::KeySlotFile::create(rng)).ok());
        QByteArray bytes = db::test::fileBytes(path);
        if (flipAt == -1)
            bytes.chop(1);
        else if (flipAt == -2)
            bytes.append(QByteArray(4 * 1024 * 1024, '\0'));
        else {
            const int at = std::min<int>(flipAt, static_cast<int>(bytes.size()) - 1);
            bytes[at] = static_cast<char>(bytes[at] ^ 0x10);
        }
        QVERIFY(overwrite(path, bytes));
        const auto loaded = store.load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().code == ErrorCode::IntegrityFailure || loaded.error().code == ErrorCode::Unsupported,
                 loaded.error().describe().c_str());
        QCOMPARE(QString::fromStdString(loaded.error().file), path);
    }

    void saveIntoMissingFolderFails()
    {
        QTemporaryDir dir;
        db::FileKeySlotStore store(str(dir.filePath("gone/keyslots.ccks")));
        crypto::DeterministicRng rng(5);
        const auto saved = store.save(access::KeySlotFile::create(rng));
        QVERIFY(!saved.ok());
        QVERIFY(saved.error().message.find("gone") != std::string::npos);
        db::FileAnchorSink sink(str(dir.filePath("gone/audit.anchor")));
        QVERIFY(!sink.write(sampleAnchor()).ok());
    }
};

QTEST_GUILESS_MAIN(TestFileStores)
#include "TestFileStores.moc"
