// SPDX-License-Identifier: GPL-3.0-or-later
// Disclosure control: primary and complementary suppression by distinct patients, histogram merging,
// rounding and interpolated quantiles.
#include "core/interop/UnitsCatalogue.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/Disclosure.h"
#include "core/reports/Estimates.h"

#include <QTest>

using namespace cc;
using namespace cc::reports;

namespace {

ReportSpec specOf(const char* json)
{
    auto spec = ReportSpec::fromJson(json);
    if (!spec.ok())
        qFatal("bad spec in test: %s", spec.error().message.c_str());
    return std::move(spec).value();
}

// One measure by sex: four cells (female, male, other, unknown).
const char* kBySex = R"({"version":1,"title":"t","purpose":"quality","measures":[{"code":"8480-6"}],
  "selection":"latest","groupBy":["sex"]})";
// Two sexes × two age bands.
const char* kTable = R"({"version":1,"title":"t","purpose":"quality","measures":[{"code":"8480-6"}],
  "selection":"latest","filters":{"sex":["female","male"],"ageBands":["40-49","50-59"]},
  "groupBy":["sex","ageBand"]})";

using Plan = std::vector<CellRelease>;
constexpr auto R = CellRelease::Released;
constexpr auto P = CellRelease::BelowThreshold;
constexpr auto C = CellRelease::Complementary;

} // namespace

Q_DECLARE_METATYPE(std::vector<std::uint64_t>)
Q_DECLARE_METATYPE(Plan)

class TestDisclosure : public QObject
{
    Q_OBJECT

private slots:
    void suppression_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<std::vector<std::uint64_t>>("patients");
        QTest::addColumn<Plan>("expected");
        QTest::newRow("all large, empty cells hide nobody")
            << kBySex << std::vector<std::uint64_t>{20, 15, 0, 0} << Plan{R, R, P, P};
        // 3 "other" patients could be recovered as total − female − male: male (smallest) goes too.
        QTest::newRow("one small cell gets a complement")
            << kBySex << std::vector<std::uint64_t>{20, 15, 3, 0} << Plan{R, C, P, P};
        QTest::newRow("two small cells summing below the threshold")
            << kBySex << std::vector<std::uint64_t>{30, 25, 3, 4} << Plan{R, C, P, P};
        QTest::newRow("two small cells summing to the threshold need nothing more")
            << kBySex << std::vector<std::uint64_t>{30, 25, 5, 6} << Plan{R, R, P, P};
        QTest::newRow("a total below the threshold hides everything")
            << kBySex << std::vector<std::uint64_t>{4, 3, 0, 0} << Plan{P, P, P, P};
        QTest::newRow("exactly the threshold is released")
            << kBySex << std::vector<std::uint64_t>{11, 11, 0, 0} << Plan{R, R, P, P};
        // Table (female 40-49, female 50-59, male 40-49, male 50-59): a small cell needs a
        // complement in its row and in its column, and the complements' own lines stay covered.
        QTest::newRow("table: one small cell")
            << kTable << std::vector<std::uint64_t>{2, 30, 40, 50} << Plan{P, C, C, C};
        QTest::newRow("table: no small cell")
            << kTable << std::vector<std::uint64_t>{12, 30, 40, 50} << Plan{R, R, R, R};
    }
    void suppression()
    {
        QFETCH(QString, spec);
        QFETCH(std::vector<std::uint64_t>, patients);
        QFETCH(Plan, expected);
        const auto plan = planSuppression(specOf(spec.toUtf8().constData()), patients, 11);
        QCOMPARE(plan, expected);
        // Invariant: in no line can the suppressed cells be recovered as a group of 1 … 10 patients.
        std::uint64_t hidden = 0;
        for (std::size_t i = 0; i < plan.size(); ++i)
            hidden += plan[i] == R ? 0 : patients[i];
        QVERIFY(hidden == 0 || hidden >= 11 || std::all_of(plan.begin(), plan.end(), [](auto p) { return p != R; }));
    }

    void figuresFromASum()
    {
        // Systolic blood pressure 8480-6 values 100, 110, 120, 130, 140 (mm[Hg]).
        const auto& catalogue = interop::UnitsCatalogue::builtIn();
        const auto* unit = catalogue.find("8480-6");
        QVERIFY(unit != nullptr);
        auto layout = records::ObservationLayout::forCode(catalogue, "8480-6");
        QVERIFY(layout.ok());
        paillier::PackedSum sum;
        sum.histogram.assign(layout->binEdges().size() + 1, 0);
        const std::vector<double> values{100, 110, 120, 130, 140};
        for (double v : values) {
            const auto x = unit->encode(v).value();
            ++sum.count;
            sum.sum += x;
            sum.sumSquares += x * x;
            std::size_t bin = 0;
            while (bin < layout->binEdges().size() && x >= layout->binEdges()[bin])
                ++bin;
            ++sum.histogram[bin];
        }
        // Threshold 1: bins are shown as they are; mean 120, sample SD sqrt(250) = 15.811…
        auto f = figuresFor(sum, *layout, *unit, 5, 5, 1, 1);
        QVERIFY(f.ok());
        QCOMPARE(f->mean, 120.0);
        QVERIFY(std::abs(f->sd - std::round(std::sqrt(250.0) * std::pow(10, unit->decimals)) /
                                     std::pow(10, unit->decimals)) < 1e-9);
        std::uint64_t total = 0;
        for (const auto& b : f->histogram)
            total += b.count;
        QCOMPARE(total, std::uint64_t{5});
        QVERIFY(f->p25Estimate <= f->medianEstimate && f->medianEstimate <= f->p75Estimate);
        QVERIFY(f->medianEstimate >= 100 && f->medianEstimate <= 140);
        QVERIFY(estimatesInformative(*f)); // five narrow bins, SD ~16
        // Threshold 3 with up to 2 rows per patient: every non-empty merged bin holds ≥ 6 rows, here
        // one bin of all five.
        auto merged = figuresFor(sum, *layout, *unit, 3, 5, 2, 3);
        QVERIFY(merged.ok());
        std::size_t nonEmpty = 0;
        for (const auto& b : merged->histogram)
            nonEmpty += b.count > 0 ? 1 : 0;
        QCOMPARE(nonEmpty, std::size_t{1});
        // One bin over the whole range: its interpolated median says nothing; every output shows
        // "not estimable" instead (the demo clinic's "median ~165" beside a mean of 116).
        QVERIFY(!estimatesInformative(*merged));
        // Contiguous bins covering the range.
        for (std::size_t i = 1; i < merged->histogram.size(); ++i)
            QCOMPARE(merged->histogram[i].from, merged->histogram[i - 1].to);
        QCOMPARE(merged->histogram.front().from, unit->minValue);
        QCOMPARE(merged->histogram.back().to, unit->maxValue);
        // The folded top bin ends where the raw bin of the highest value (140) ends, not at the
        // catalogue's maximum: the empty bins above it stay empty bins, as below the lowest value.
        const auto top = std::find_if(merged->histogram.rbegin(), merged->histogram.rend(),
                                      [](const HistogramBin& b) { return b.count > 0; });
        QVERIFY(top != merged->histogram.rend());
        QVERIFY2(top->to > 140 && top->to < unit->maxValue, qPrintable(QString::number(top->to)));
        QVERIFY(top != merged->histogram.rbegin()); // empty bins above it
        double rawTop = unit->maxValue;             // the upper edge of 140's raw bin
        for (std::size_t i = 0; i < layout->binEdges().size(); ++i)
            if (unit->decode(layout->binEdges()[i]) > 140) {
                rawTop = unit->decode(layout->binEdges()[i]);
                break;
            }
        QCOMPARE(top->to, rawTop);
        // No empty bin of zero width (the layout's outer edges are the catalogue's range).
        for (const auto& b : merged->histogram)
            QVERIFY(b.from < b.to || b.count > 0);
        // Two non-empty bins, but the median's bin is wider than four SDs: not estimable either;
        // narrowed to four SDs it is.
        CellFigures wide;
        wide.sd = 10;
        wide.histogram = {{0, 100, 6}, {100, 110, 6}};
        wide.p25Estimate = 50;
        wide.medianEstimate = 100;
        wide.p75Estimate = 105;
        QVERIFY(!estimatesInformative(wide));
        wide.histogram = {{60, 100, 6}, {100, 110, 6}};
        wide.p25Estimate = 80;
        QVERIFY(estimatesInformative(wide));
        wide.sd = 0;
        QVERIFY(!estimatesInformative(wide));
        wide.sd = 10;
        wide.suppressed = true;
        QVERIFY(!estimatesInformative(wide));
        // A decrypted count that differs from the rows selected is tampering.
        QCOMPARE(figuresFor(sum, *layout, *unit, 5, 6, 1, 1).error().code, ErrorCode::IntegrityFailure);
    }
};

QTEST_GUILESS_MAIN(TestDisclosure)
#include "TestDisclosure.moc"
