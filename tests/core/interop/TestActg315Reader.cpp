// SPDX-License-Identifier: GPL-3.0-or-later
// ACTG 315 import: visits, patients and the README's reference figures from stored values.
#include "core/crypto/Rng.h"
#include "core/interop/Actg315Reader.h"
#include "core/interop/UnitsCatalogue.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace cc;
using namespace cc::interop;
using namespace cc::model;

namespace {

const QString kFile = QStringLiteral(CC_TEST_DATA_DIR "/actg315/ACTG315.csv");

Result<ClinicalImport> importFile(const QString& path)
{
    crypto::DeterministicRng rng(315);
    return Actg315Reader(UnitsCatalogue::builtIn(), rng).readFile(path);
}

struct Figures
{
    std::size_t n = 0;
    std::uint64_t encodedSum = 0; // exact: sums of fixed-point integers, as a Paillier report adds
    double sum = 0;
    double log10Sum = 0;
};

} // namespace

class TestActg315Reader : public QObject
{
    Q_OBJECT

private slots:
    void importsAndMatchesReadme()
    {
        const auto im = importFile(kFile);
        QVERIFY2(im.ok(), im.ok() ? "" : im.error().describe().c_str());
        const ClinicalImport& r = im.value();
        // tests/data/actg315/README.md: 46 patients, 361 visits, three observations each (viral
        // load in copies/mL and log10, CD4).
        QCOMPARE(r.summary.count("patients"), std::size_t(46));
        QCOMPARE(r.summary.count("visits"), std::size_t(361));
        QCOMPARE(r.observations.size(), std::size_t(1083));
        QVERIFY(r.summary.skipped.empty());
        QCOMPARE(r.patients.front().mrn, QStringLiteral("ACTG-11542"));
        QCOMPARE(r.observations.front().effective, QStringLiteral("1996-01-01T09:00:00Z"));
        QCOMPARE(r.observations[3].effective, QStringLiteral("1996-01-03T09:00:00Z")); // day 2

        const UnitsCatalogue& catalogue = UnitsCatalogue::builtIn();
        std::map<QString, Figures> all;
        std::map<QString, Figures> dayZero;
        std::map<std::pair<QString, access::PatientId>, const Observation*> latest;
        for (const Observation& o : r.observations) {
            const UnitDefinition* d = catalogue.find(o.code);
            const std::uint64_t encoded = d->encode(*o.value).value();
            const double value = d->decode(encoded);
            for (Figures* f : {&all[o.code], o.effective.startsWith(u"1996-01-01") ? &dayZero[o.code] : nullptr}) {
                if (f == nullptr)
                    continue;
                ++f->n;
                f->encodedSum += encoded;
                f->sum += value;
                f->log10Sum += std::log10(value);
            }
            auto& slot = latest[{o.code, o.patientId}];
            if (slot == nullptr || slot->effective < o.effective)
                slot = &o;
        }
        std::map<QString, Figures> last;
        for (const auto& [key, o] : latest) {
            Figures& f = last[key.first];
            ++f.n;
            f.sum += *o->value;
            f.log10Sum += std::log10(*o->value);
        }
        const Figures& cd4 = all[QStringLiteral("24467-3")];
        const Figures& vl = all[QStringLiteral("20447-9")];
        QCOMPARE(cd4.n, std::size_t(361));
        QCOMPARE(cd4.encodedSum, std::uint64_t(9014966)); // 90149.66 at two decimals, exact
        QVERIFY(std::fabs(cd4.sum / 361 - 249.722050) < 5e-7);
        QCOMPARE(vl.encodedSum, std::uint64_t(19290001));
        // The log10 column as stored (four decimals): the source's log10 mean within rounding.
        const Figures& logVl = all[QStringLiteral("25836-8")];
        QCOMPARE(logVl.n, std::size_t(361));
        QVERIFY(std::fabs(logVl.sum / 361 - 3.610381) < 5e-5);
        // log10 is derived from stored copies/mL: it reproduces the source log10 mean.
        QVERIFY(std::fabs(vl.log10Sum / 361 - 3.610381) < 5e-7);
        QCOMPARE(dayZero[QStringLiteral("24467-3")].n, std::size_t(43));
        QVERIFY(std::fabs(dayZero[QStringLiteral("24467-3")].sum - 7663.69) < 1e-6);
        const Figures& lastCd4 = last[QStringLiteral("24467-3")];
        const Figures& lastVl = last[QStringLiteral("20447-9")];
        QCOMPARE(lastCd4.n, std::size_t(46));
        QVERIFY(std::fabs(lastCd4.sum / 46 - 285.665870) < 5e-7);
        QVERIFY(std::fabs(lastVl.sum / 46 - 15915.434783) < 5e-7);
        QVERIFY(std::fabs(lastVl.log10Sum / 46 - 2.886837) < 5e-6);
        QVERIFY(std::fabs(last[QStringLiteral("25836-8")].sum / 46 - 2.886837) < 5e-5);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("find");
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing column") << QByteArray(",cd4\n") << QByteArray(",cd_4\n") << 1L << "cd4";
        QTest::newRow("non-numeric CD4") << QByteArray("23000,221.76") << QByteArray("23000,n/a") << 2L << "cd4";
        QTest::newRow("copies disagree with log10")
            << QByteArray("4.361728,23000") << QByteArray("4.361728,2300") << 2L << "rna_copies_per_ml";
        QTest::newRow("negative day") << QByteArray("1,11542,0,") << QByteArray("1,11542,-3,") << 2L << "day";
        QTest::newRow("CD4 out of range") << QByteArray("23000,221.76") << QByteArray("23000,22176") << 2L << "cd4";
        QTest::newRow("invalid UTF-8") << QByteArray("1,11542,0,")
                                       << QByteArray("1,115\xFF"
                                                     "42,0,")
                                       << 2L << "patid";
    }

    void rejectsMalformed()
    {
        QFETCH(QByteArray, find);
        QFETCH(QByteArray, replace);
        QFETCH(long, line);
        QFETCH(QString, field);
        QTemporaryDir dir;
        QFile source(kFile);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray data = source.readAll();
        const qsizetype at = data.indexOf(find);
        QVERIFY(at >= 0);
        data.replace(at, find.size(), replace);
        const QString path = QDir(dir.path()).filePath(QStringLiteral("ACTG315.csv"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(data);
        out.close();
        const auto im = importFile(path);
        QVERIFY(!im.ok());
        QCOMPARE(im.error().code, ErrorCode::MalformedInput);
        QCOMPARE(im.error().file, std::string("ACTG315.csv"));
        QCOMPARE(im.error().line, line);
        QCOMPARE(QString::fromStdString(im.error().field), field);
    }
};

QTEST_GUILESS_MAIN(TestActg315Reader)
#include "TestActg315Reader.moc"
