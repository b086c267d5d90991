// SPDX-License-Identifier: GPL-3.0-or-later
// ClinicFolder: paths, folder creation (0700, refuses an existing clinic), strict clinic.json.
#include "db/ClinicFolder.h"

#include "../DbTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using cc::db::test::str;

namespace {

db::ClinicDescriptor sample()
{
    db::ClinicDescriptor d;
    d.clinicId = ClinicId{IdBytes{0xc1, 0x1c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}};
    d.name = "Praxis Müller & Söhne";
    d.demo = true;
    d.createdAt = 1767225600;
    return d;
}

// The canonical text of sample(), as encodeDescriptor writes it (Qt's indented JSON, sorted keys).
const char* const kCanonical = "{\n"
                               "    \"clinicId\": \"c11c000102030405060708090a0b0c0d\",\n"
                               "    \"createdAt\": 1767225600,\n"
                               "    \"demo\": true,\n"
                               "    \"format\": 1,\n"
                               "    \"name\": \"Praxis Müller & Söhne\"\n"
                               "}\n";

QByteArray replaced(const char* from, const char* to)
{
    return QByteArray(kCanonical).replace(from, to);
}

bool same(const db::ClinicDescriptor& a, const db::ClinicDescriptor& b)
{
    return a.clinicId == b.clinicId && a.name == b.name && a.demo == b.demo && a.createdAt == b.createdAt;
}

} // namespace

class TestClinicFolder : public QObject
{
    Q_OBJECT

private slots:
    void paths()
    {
        const db::ClinicFolder folder("/srv/clinic/");
        QCOMPARE(folder.dir(), std::string("/srv/clinic"));
        QCOMPARE(folder.databasePath(), std::string("/srv/clinic/clinic.db"));
        QCOMPARE(folder.keySlotPath(), std::string("/srv/clinic/keyslots.ccks"));
        QCOMPARE(folder.anchorPath(), std::string("/srv/clinic/audit.anchor"));
        QCOMPARE(folder.lockPath(), std::string("/srv/clinic/clinic.lock"));
        QCOMPARE(folder.descriptorPath(), std::string("/srv/clinic/clinic.json"));
        QCOMPARE(folder.pendingAuditPath(), std::string("/srv/clinic/pending-audit.log"));
        QCOMPARE(folder.recoveryPath(), std::string("/srv/clinic/recovery.ccr"));
    }

    void encodeIsCanonical()
    {
        const auto text = db::ClinicFolder::encodeDescriptor(sample());
        QVERIFY(text.ok());
        QCOMPARE(QByteArray::fromStdString(*text), QByteArray(kCanonical));
        const auto parsed = db::ClinicFolder::parseDescriptor(*text, "clinic.json");
        QVERIFY(parsed.ok());
        QVERIFY(same(*parsed, sample()));
    }

    void strictParsing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        const int malformed = static_cast<int>(ErrorCode::MalformedInput);
        QTest::newRow("not JSON") << QByteArray("clinic") << malformed << "";
        QTest::newRow("array") << QByteArray("[1]") << malformed << "";
        QTest::newRow("missing name") << replaced(",\n    \"name\": \"Praxis Müller & Söhne\"", "") << malformed
                                      << "name";
        QTest::newRow("unknown key") << replaced("\"demo\"", "\"demoX\"") << malformed << "(unknown)";
        QTest::newRow("format 2") << replaced("\"format\": 1", "\"format\": 2")
                                  << static_cast<int>(ErrorCode::Unsupported) << "format";
        QTest::newRow("format as string") << replaced("\"format\": 1", "\"format\": \"1\"") << malformed << "format";
        QTest::newRow("clinicId short") << replaced("0c0d\"", "0c\"") << malformed << "clinicId";
        QTest::newRow("clinicId not hex") << replaced("0c0d\"", "0c0g\"") << malformed << "clinicId";
        QTest::newRow("demo as number") << replaced("\"demo\": true", "\"demo\": 1") << malformed << "demo";
        QTest::newRow("createdAt negative") << replaced("1767225600", "-1") << malformed << "createdAt";
        QTest::newRow("createdAt fractional") << replaced("1767225600", "1767225600.5") << malformed << "createdAt";
        QTest::newRow("empty name") << replaced("Praxis Müller & Söhne", "") << malformed << "name";
        QTest::newRow("name with a control character") << replaced("Praxis", "Pra\\u0007xis") << malformed << "name";
        QTest::newRow("name of 101 characters")
            << replaced("Praxis Müller & Söhne", QByteArray(101, 'a').constData()) << malformed << "name";
        // QJsonDocument keeps the last of two equal keys: only the canonical-form check sees it.
        QTest::newRow("duplicate key") << replaced("\"demo\": true,", "\"demo\": false,\n    \"demo\": true,")
                                       << malformed << "";
        QTest::newRow("upper-case hex") << replaced("0a0b0c0d", "0A0B0C0D") << malformed << "";
        QTest::newRow("no final LF") << QByteArray(kCanonical).chopped(1) << malformed << "";
    }

    void strictParsing()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        QFETCH(QString, field);
        const auto parsed = db::ClinicFolder::parseDescriptor(text.toStdString(), "/x/clinic.json");
        QVERIFY(!parsed.ok());
        QCOMPARE(static_cast<int>(parsed.error().code), code);
        QCOMPARE(parsed.error().file, std::string("/x/clinic.json"));
        QCOMPARE(QString::fromStdString(parsed.error().field), field);
    }

    void names_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QByteArray("Clinic") << true;
        QTest::newRow("100 characters, multi-byte") << QString(100, QChar(0x00fc)).toUtf8() << true;
        QTest::newRow("101 characters") << QByteArray(101, 'c') << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("tab") << QByteArray("a\tb") << false;
        QTest::newRow("newline") << QByteArray("a\nb") << false;
        QTest::newRow("DEL") << QByteArray("a\x7f") << false;
        QTest::newRow("invalid UTF-8") << QByteArray("a\xff") << false;
    }

    void names()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, valid);
        QCOMPARE(db::ClinicFolder::validateName(name.toStdString()).ok(), valid);
    }

    void createMakesAPrivateFolder()
    {
        QTemporaryDir parent;
        const db::ClinicFolder folder(str(parent.filePath("clinic")));
        QVERIFY(folder.create().ok());
        const QFileInfo info(QString::fromStdString(folder.dir()));
        QVERIFY(info.isDir());
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther),
                 QFile::Permissions{});
        QVERIFY(folder.create().ok()); // an existing folder without a clinic is accepted
        QVERIFY(folder.writeDescriptor(sample()).ok());
        QVERIFY(same(*folder.readDescriptor(), sample()));
        QCOMPARE(db::ClinicFolder(str(parent.filePath("a/b"))).create().error().code, ErrorCode::NotFound);
    }

    void createRefusesAnExistingClinic_data()
    {
        QTest::addColumn<QString>("existing");
        QTest::newRow("clinic.db") << "clinic.db";
        QTest::newRow("keyslots.ccks") << "keyslots.ccks";
    }

    void createRefusesAnExistingClinic()
    {
        QFETCH(QString, existing);
        QTemporaryDir dir;
        QFile f(dir.filePath(existing));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto created = db::ClinicFolder(str(dir.path())).create();
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::AlreadyExists);
    }

    void readDescriptorErrors()
    {
        QTemporaryDir dir;
        const db::ClinicFolder folder(str(dir.path()));
        QCOMPARE(folder.readDescriptor().error().code, ErrorCode::NotFound);
        QFile f(QString::fromStdString(folder.descriptorPath()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(replaced("\"demo\": true", "\"demo\": null"));
        f.close();
        const auto read = folder.readDescriptor();
        QCOMPARE(read.error().code, ErrorCode::MalformedInput);
        QCOMPARE(read.error().file, folder.descriptorPath());
        QCOMPARE(read.error().field, std::string("demo"));
        db::ClinicDescriptor bad = sample();
        bad.name = "line\nbreak";
        QCOMPARE(folder.writeDescriptor(bad).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestClinicFolder)
#include "TestClinicFolder.moc"
