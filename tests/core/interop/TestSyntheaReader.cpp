// SPDX-License-Identifier: GPL-3.0-or-later
// Synthea import of the 27-patient sample: counts, README reference aggregates, malformed input.
#include "core/crypto/Rng.h"
#include "core/interop/SyntheaReader.h"
#include "core/interop/UnitsCatalogue.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace cc;
using namespace cc::interop;
using namespace cc::model;

namespace {

const QString kSample = QStringLiteral(CC_TEST_DATA_DIR "/synthea");
const char* const kFiles[] = {"patients", "encounters", "conditions", "observations", "medications", "allergies"};

// The fixed-point round trip a stored value goes through (Paillier plaintext, DESIGN.md 6).
double stored(const Observation& o)
{
    const UnitDefinition* d = UnitsCatalogue::builtIn().find(o.code);
    return d->decode(d->encode(*o.value).value());
}

struct Aggregate
{
    std::size_t n = 0;
    double sum = 0;
};

// All-observation and latest-per-patient aggregates of `code`, as the README defines them.
std::pair<Aggregate, Aggregate> aggregates(const ClinicalImport& im, const QString& code)
{
    Aggregate all;
    std::map<access::PatientId, const Observation*> latest;
    for (const Observation& o : im.observations) {
        if (o.code != code || !o.value)
            continue;
        ++all.n;
        all.sum += stored(o);
        auto& slot = latest[o.patientId];
        if (slot == nullptr || slot->effective < o.effective)
            slot = &o;
    }
    Aggregate last;
    for (const auto& [patient, o] : latest) {
        ++last.n;
        last.sum += stored(*o);
    }
    return {all, last};
}

Result<ClinicalImport> importFolder(const QString& folder)
{
    crypto::DeterministicRng rng(27);
    return SyntheaReader(UnitsCatalogue::builtIn(), rng).readFolder(folder);
}

// Copies the sample into `dir` (tests never write to the fixture).
void copySample(const QTemporaryDir& dir)
{
    for (const char* name : kFiles) {
        const QString file = QString::fromLatin1(name) + QStringLiteral(".csv");
        QVERIFY(QFile::copy(QDir(kSample).filePath(file), QDir(dir.path()).filePath(file)));
        QFile::setPermissions(QDir(dir.path()).filePath(file), QFile::ReadOwner | QFile::WriteOwner);
    }
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

} // namespace

class TestSyntheaReader : public QObject
{
    Q_OBJECT

private slots:
    void importsSample()
    {
        const auto im = importFolder(kSample);
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        const ImportSummary& s = im.value().summary;
        // README "Files copied": data rows per file. No row of the sample is skipped.
        QCOMPARE(s.count("patients"), std::size_t(27));
        QCOMPARE(s.count("encounters"), std::size_t(604));
        QCOMPARE(s.count("conditions"), std::size_t(438));
        QCOMPARE(s.count("observations"), std::size_t(990));
        QCOMPARE(s.count("medications"), std::size_t(663));
        QCOMPARE(s.count("allergies"), std::size_t(40));
        QVERIFY(s.skipped.empty());
        // Population: 13 F, 14 M, 2 deceased.
        int female = 0;
        int deceased = 0;
        for (const Patient& p : im.value().patients) {
            female += p.sex == Sex::Female ? 1 : 0;
            deceased += p.deathDate.isEmpty() ? 0 : 1;
        }
        QCOMPARE(female, 13);
        QCOMPARE(deceased, 2);
        // 75 observations have no encounter in the source; all others resolved.
        std::size_t withoutEncounter = 0;
        for (const Observation& o : im.value().observations)
            withoutEncounter += o.encounterId ? 0 : 1;
        QCOMPARE(withoutEncounter, std::size_t(75));
        // Every produced record is a valid stored document.
        for (const Observation& o : im.value().observations)
            QVERIFY(Observation::fromJson(o.toJson()).ok());
    }

    void referenceAggregates_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("sum");
        QTest::addColumn<int>("latestN");
        QTest::addColumn<double>("latestSum");
        // tests/data/synthea/README.md, "Reference aggregates" (Python and R, identical).
        QTest::newRow("HbA1c") << "4548-4" << 7 << 43.2 << 5 << 31.1;
        QTest::newRow("systolic BP") << "8480-6" << 27 << 3122.0 << 24 << 2787.0;
        QTest::newRow("diastolic BP") << "8462-4" << 27 << 2150.0 << 24 << 1920.0;
        QTest::newRow("total cholesterol") << "2093-3" << 9 << 1610.5 << 9 << 1610.5;
        QTest::newRow("weight") << "29463-7" << 27 << 1805.3 << 24 << 1580.0;
        QTest::newRow("BMI") << "39156-5" << 25 << 660.2 << 23 << 589.8;
        QTest::newRow("glucose") << "2339-0" << 10 << 802.8 << 6 << 490.0;
    }

    void referenceAggregates()
    {
        QFETCH(QString, code);
        QFETCH(int, n);
        QFETCH(double, sum);
        QFETCH(int, latestN);
        QFETCH(double, latestSum);
        static const auto im = importFolder(kSample);
        QVERIFY(im.ok());
        const auto [all, latest] = aggregates(im.value(), code);
        QCOMPARE(all.n, std::size_t(n));
        QVERIFY2(std::fabs(all.sum - sum) < 1e-6, qPrintable(QString::number(all.sum, 'f', 6)));
        QCOMPARE(latest.n, std::size_t(latestN));
        QVERIFY2(std::fabs(latest.sum - latestSum) < 1e-6, qPrintable(QString::number(latest.sum, 'f', 6)));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("find");
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("field");
        // Each row edits one file of a copy of the sample; `find` is replaced once (an empty
        // `find` appends `replace`). Line numbers count the header as line 1.
        QTest::newRow("bad header") << "observations" << QByteArray("VALUE,UNITS") << QByteArray("VALUE2,UNITS") << 1L
                                    << "VALUE";
        QTest::newRow("dangling patient reference")
            << "conditions" << QByteArray("2023-02-09,3edac2e3-d223-6fae-d515-daf96ef6bc76")
            << QByteArray("2023-02-09,00000000-0000-0000-0000-000000000000") << 2L << "PATIENT";
        QTest::newRow("dangling encounter reference")
            << "medications" << QByteArray("f2de2a64-fdf0-13f1-e7e5-2c466588d688,665078")
            << QByteArray("ffffffff-fdf0-13f1-e7e5-2c466588d688,665078") << 2L << "ENCOUNTER";
        QTest::newRow("invalid date") << "patients" << QByteArray("2014-10-06") << QByteArray("2014-13-06") << 2L
                                      << "BIRTHDATE";
        QTest::newRow("invalid UTF-8") << "patients" << QByteArray("Maynard46") << QByteArray("Mayn\xC3rd46") << 2L
                                       << "FIRST";
        QTest::newRow("truncated file (open quote)")
            << "allergies" << QByteArray() << QByteArray("2009-09-27,,\"9d188916") << 42L << "PATIENT";
        QTest::newRow("truncated file (short row)")
            << "allergies" << QByteArray() << QByteArray("2009-09-27,,9d188916-8390-282b-3ec2-73fce6e08649") << 42L
            << "ENCOUNTER";
        QTest::newRow("10 MB field") << "patients" << QByteArray("Maynard46") << QByteArray(10 * 1024 * 1024, 'M') << 2L
                                     << "FIRST";
        QTest::newRow("name over 200 bytes")
            << "patients" << QByteArray("Maynard46") << QByteArray(201, 'M') << 2L << "FIRST";
    }

    void rejectsMalformed()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, find);
        QFETCH(QByteArray, replace);
        QFETCH(long, line);
        QFETCH(QString, field);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        copySample(dir);
        const QString path = QDir(dir.path()).filePath(file + QStringLiteral(".csv"));
        QByteArray data = readAll(path);
        if (find.isEmpty()) {
            data.append(replace);
        } else {
            const qsizetype at = data.indexOf(find);
            QVERIFY(at >= 0);
            data.replace(at, find.size(), replace);
        }
        writeAll(path, data);
        const auto im = importFolder(dir.path());
        QVERIFY(!im.ok()); // all or nothing: no partial import comes back
        QCOMPARE(im.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(im.error().file), file + QStringLiteral(".csv"));
        QCOMPARE(im.error().line, line);
        QCOMPARE(QString::fromStdString(im.error().field), field);
    }

    void numericRowsAreKeptOrSkippedNeverRejected_data()
    {
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<QString>("skippedField"); ///< empty: kept
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("unit");
        // The first observation row, "vital-signs,8302-2,Body Height,127.9,cm", edited (issue 12:
        // no numeric observation is refused for its code; reasoned skips stay reasoned skips).
        QTest::newRow("not a number") << QByteArray("vital-signs,8302-2,Body Height,tall,cm") << "VALUE"
                                      << ""
                                      << "";
        QTest::newRow("no unit") << QByteArray("vital-signs,8302-2,Body Height,127.9,") << "UNITS"
                                 << ""
                                 << "";
        QTest::newRow("unit not UCUM") << QByteArray("vital-signs,8302-2,Body Height,127.9,\xc2\xb5m") << "UNITS"
                                       << ""
                                       << "";
        QTest::newRow("code outside the catalogue") << QByteArray("vital-signs,1783-0,Body Height,127.9,U/L") << ""
                                                    << "1783-0"
                                                    << "U/L";
        QTest::newRow("unit the catalogue does not convert")
            << QByteArray("vital-signs,8302-2,Body Height,127.9,[fur_us]") << ""
            << "8302-2"
            << "[fur_us]";
    }

    void numericRowsAreKeptOrSkippedNeverRejected()
    {
        QFETCH(QByteArray, replace);
        QFETCH(QString, skippedField);
        QFETCH(QString, code);
        QFETCH(QString, unit);
        QTemporaryDir dir;
        copySample(dir);
        const QString path = QDir(dir.path()).filePath(QStringLiteral("observations.csv"));
        QByteArray data = readAll(path);
        const QByteArray find("vital-signs,8302-2,Body Height,127.9,cm");
        const qsizetype at = data.indexOf(find);
        QVERIFY(at >= 0);
        data.replace(at, find.size(), replace);
        writeAll(path, data);
        const auto im = importFolder(dir.path());
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        const ImportSummary& s = im.value().summary;
        if (!skippedField.isEmpty()) {
            QCOMPARE(s.count("observations"), std::size_t(989));
            QCOMPARE(s.skipped.size(), std::size_t(1));
            QCOMPARE(s.skipped.front().line, 2L);
            QCOMPARE(QString::fromStdString(s.skipped.front().field), skippedField);
            QVERIFY(s.uncatalogued.empty());
        } else {
            QCOMPARE(s.count("observations"), std::size_t(990));
            QVERIFY(s.skipped.empty());
            QCOMPARE(s.uncatalogued.size(), std::size_t(1));
            QCOMPARE(s.uncatalogued.at({code, unit}), std::size_t(1));
            // Kept as given: value and unit unchanged.
            bool found = false;
            for (const auto& o : im.value().observations)
                if (o.code == code && o.unit == unit && o.value && *o.value == 127.9)
                    found = true;
            QVERIFY(found);
        }
    }

    void implausibleValueIsSkippedWithReason()
    {
        QTemporaryDir dir;
        copySample(dir);
        const QString path = QDir(dir.path()).filePath(QStringLiteral("observations.csv"));
        QByteArray data = readAll(path);
        data.replace(data.indexOf("Body Height,127.9,cm"), 20, "Body Height,1279,cm");
        writeAll(path, data);
        const auto im = importFolder(dir.path());
        QVERIFY(im.ok());
        QCOMPARE(im.value().summary.count("observations"), std::size_t(989));
        QCOMPARE(im.value().summary.skipped.size(), std::size_t(1));
        const SkippedItem& skip = im.value().summary.skipped.front();
        QCOMPARE(skip.file, QStringLiteral("observations.csv"));
        QCOMPARE(skip.line, 2L);
        QCOMPARE(skip.field, std::string("VALUE"));
        QVERIFY(QString::fromStdString(skip.reason).contains(QStringLiteral("8302-2")));
        QVERIFY(QString::fromStdString(skip.reason).contains(QStringLiteral("1279")));
    }

    void missingFileIsNamed()
    {
        QTemporaryDir dir;
        copySample(dir);
        QVERIFY(QFile::remove(QDir(dir.path()).filePath(QStringLiteral("allergies.csv"))));
        const auto im = importFolder(dir.path());
        QVERIFY(!im.ok());
        QCOMPARE(im.error().code, ErrorCode::NotFound);
        QCOMPARE(im.error().file, std::string("allergies.csv"));
    }
};

QTEST_GUILESS_MAIN(TestSyntheaReader)
#include "TestSyntheaReader.moc"
