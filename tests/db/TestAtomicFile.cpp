// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic replacement: the target is whole-old or whole-new, and failures leave no temporary file.
#include "db/AtomicFile.h"
#include "db/FileSystem.h"

#include "DbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace cc;
using namespace cc::db;
using cc::db::test::fileBytes;
using cc::db::test::str;

namespace {

std::vector<std::uint8_t> bytesOf(const QByteArray& data)
{
    return std::vector<std::uint8_t>(data.begin(), data.end());
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden, QDir::Name);
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void createsWithMode();
    void replacesExistingFile();
    void emptyDataWritesEmptyFile();
    void missingFolderLeavesNothing();
    void diskFullKeepsOldContent();
    void readOnlyMediumKeepsOldContent();
    void readFileLimits();
    void staleTemporariesAreRemoved();
};

void TestAtomicFile::createsWithMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("keyslots.bin");
    QVERIFY(writeFileAtomically(str(path), bytesOf("first")).ok());
    QCOMPARE(fileBytes(path), QByteArray("first"));
    struct stat info
    {};
    QCOMPARE(::stat(str(path).c_str(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QVERIFY(writeFileAtomically(str(dir.filePath("public.json")), bytesOf("{}"), 0644).ok());
    QCOMPARE(::stat(str(dir.filePath("public.json")).c_str(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0644u);
    QCOMPARE(entries(dir.path()), QStringList({"keyslots.bin", "public.json"}));
}

void TestAtomicFile::replacesExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("anchor");
    QVERIFY(writeFileAtomically(str(path), bytesOf(QByteArray(10000, 'a'))).ok());
    struct stat before
    {};
    QCOMPARE(::stat(str(path).c_str(), &before), 0);
    QVERIFY(writeFileAtomically(str(path), bytesOf("short")).ok());
    QCOMPARE(fileBytes(path), QByteArray("short")); // no tail of the longer old content
    struct stat after
    {};
    QCOMPARE(::stat(str(path).c_str(), &after), 0);
    QVERIFY(before.st_ino != after.st_ino); // a new inode was renamed in, not rewritten in place
    QCOMPARE(entries(dir.path()), QStringList({"anchor"}));
}

void TestAtomicFile::emptyDataWritesEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("empty");
    QVERIFY(writeFileAtomically(str(path), {}).ok());
    QVERIFY(QFile::exists(path));
    QCOMPARE(fileBytes(path).size(), qsizetype(0));
    QCOMPARE(writeFileAtomically(str(dir.path() + "/"), bytesOf("x")).error().code, ErrorCode::InvalidArgument);
}

void TestAtomicFile::missingFolderLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("absent/folder/file");
    auto result = writeFileAtomically(str(path), bytesOf("data"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::StorageError);
    QVERIFY(result.error().message.find("absent/folder") != std::string::npos); // names the path
    QVERIFY(entries(dir.path()).isEmpty());
}

void TestAtomicFile::diskFullKeepsOldContent()
{
    QTemporaryDir dir;
    const QString mountPoint = dir.filePath("small");
    QVERIFY(QDir().mkpath(mountPoint));
    if (!test::mountTmpfs(mountPoint, "64k"))
        QSKIP("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); disk full not tested");
    struct Cleanup
    {
        QString dir;
        ~Cleanup() { test::unmount(dir); }
    } cleanup{mountPoint};

    const QString path = mountPoint + "/keyslots.bin";
    const QByteArray old(20000, 'o');
    QVERIFY(writeFileAtomically(str(path), bytesOf(old)).ok());
    // Old (20 KB) + new (100 KB) do not both fit in 64 KiB: the write of the temporary file fails.
    auto result = writeFileAtomically(str(path), bytesOf(QByteArray(100000, 'n')));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::StorageFull);
    QVERIFY(result.error().message.find(str(mountPoint)) != std::string::npos);
    QCOMPARE(fileBytes(path), old);
    QCOMPARE(entries(mountPoint), QStringList({"keyslots.bin"}));
    // Space is back: a write that fits succeeds.
    QVERIFY(writeFileAtomically(str(path), bytesOf("fits")).ok());
    QCOMPARE(fileBytes(path), QByteArray("fits"));
}

void TestAtomicFile::readOnlyMediumKeepsOldContent()
{
    QTemporaryDir dir;
    const QString mountPoint = dir.filePath("ro");
    QVERIFY(QDir().mkpath(mountPoint));
    if (!test::mountTmpfs(mountPoint, "64k"))
        QSKIP("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); read-only media not tested");
    struct Cleanup
    {
        QString dir;
        ~Cleanup() { test::unmount(dir); }
    } cleanup{mountPoint};
    const QString path = mountPoint + "/anchor";
    QVERIFY(writeFileAtomically(str(path), bytesOf("old")).ok());
    QVERIFY(test::remount(mountPoint, true));
    auto result = writeFileAtomically(str(path), bytesOf("new"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::StorageReadOnly);
    QCOMPARE(fileBytes(path), QByteArray("old"));
    QCOMPARE(entries(mountPoint), QStringList({"anchor"}));
}

void TestAtomicFile::readFileLimits()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("f");
    QVERIFY(writeFileAtomically(str(path), bytesOf("0123456789")).ok());
    auto exact = readFile(str(path), 10);
    QVERIFY(exact.ok());
    QVERIFY(*exact == bytesOf("0123456789"));
    auto tooLarge = readFile(str(path), 9);
    QVERIFY(!tooLarge.ok());
    QCOMPARE(tooLarge.error().code, ErrorCode::MalformedInput);
    QCOMPARE(tooLarge.error().file, str(path));
    QCOMPARE(readFile(str(dir.filePath("missing")), 10).error().code, ErrorCode::NotFound);
    QCOMPARE(readFile(str(dir.path()), 10).error().code, ErrorCode::MalformedInput); // a folder
    QVERIFY(writeFileAtomically(str(path), {}).ok());
    auto empty = readFile(str(path), 0);
    QVERIFY(empty.ok());
    QVERIFY(empty->empty());
}

void TestAtomicFile::staleTemporariesAreRemoved()
{
    // What a crash or a failed clean-up leaves: temporarySibling() names, and nothing else, go.
    QVERIFY(detail::isTemporarySiblingName(detail::temporarySibling("/x/keyslots.ccks")));
    QVERIFY(detail::isTemporarySiblingName("backup-export.db.tmp-4df1af368d0101e0.tmp-37f8b637e06a1730"));
    QVERIFY(!detail::isTemporarySiblingName("audit.anchor"));
    QVERIFY(!detail::isTemporarySiblingName("a.tmp-0123456789ABCDEF")); // upper case: not ours
    QVERIFY(!detail::isTemporarySiblingName("a.tmp-0123456789abcde"));  // 15 digits
    QVERIFY(!detail::isTemporarySiblingName(".tmp-0123456789abcdef"));  // no file before it

    QTemporaryDir dir;
    const std::string folder = str(dir.path());
    QVERIFY(writeFileAtomically(folder + "/audit.anchor", bytesOf("kept")).ok());
    QVERIFY(writeFileAtomically(folder + "/audit.anchor.tmp-0123456789abcdef", bytesOf("stale")).ok());
    QVERIFY(writeFileAtomically(folder + "/notes.tmp-0123456789ABCDEF", bytesOf("not ours")).ok());
    QVERIFY(QDir().mkpath(dir.filePath("portal.tmp-0123456789abcdef"))); // a folder: not removed
    detail::removeStaleTemporaries(folder);
    QCOMPARE(entries(dir.path()),
             QStringList({"audit.anchor", "notes.tmp-0123456789ABCDEF", "portal.tmp-0123456789abcdef"}));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
