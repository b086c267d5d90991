// SPDX-License-Identifier: GPL-3.0-or-later
// The chart summary's rules: SNOMED CT semantic tags, active entries, age, reference ranges and flags.
#include "core/services/ChartSummary.h"

#include <QTest>

using namespace cc;
using namespace cc::services;

namespace {

model::Condition condition(const QString& code, const QString& display, const QString& onset,
                           const QString& abatement = {}, const QString& status = {})
{
    model::Condition c;
    c.codeSystem = QStringLiteral("http://snomed.info/sct");
    c.code = code;
    c.display = display;
    c.onset = onset;
    c.abatement = abatement;
    c.clinicalStatus = status;
    return c;
}

model::Observation numeric(const QString& code, double value, const QString& unit, const QString& effective,
                           const QString& category = QStringLiteral("laboratory"))
{
    model::Observation o;
    o.code = code;
    o.value = value;
    o.unit = unit;
    o.effective = effective;
    o.category = category;
    return o;
}

} // namespace

class TestChartSummary : public QObject
{
    Q_OBJECT

private slots:
    void category_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("display");
        QTest::addColumn<int>("category");
        // Displays as tests/data/synthea/conditions.csv has them (Synthea, Apache-2.0).
        QTest::newRow("disorder") << "40055000"
                                  << "Chronic sinusitis (disorder)" << static_cast<int>(ProblemCategory::Diagnosis);
        QTest::newRow("no tag") << "59621000"
                                << "Hypertension" << static_cast<int>(ProblemCategory::Diagnosis);
        QTest::newRow("clinical finding") << "73595000"
                                          << "Stress (finding)" << static_cast<int>(ProblemCategory::Finding);
        QTest::newRow("social finding") << "160903007"
                                        << "Full-time employment (finding)"
                                        << static_cast<int>(ProblemCategory::Social);
        QTest::newRow("housing") << "105531004"
                                 << "Housing unsatisfactory (finding)" << static_cast<int>(ProblemCategory::Social);
        QTest::newRow("situation") << "399211009"
                                   << "History of myocardial infarction (situation)"
                                   << static_cast<int>(ProblemCategory::History);
        QTest::newRow("tag with spaces") << "1"
                                         << "Something ( Disorder ) " << static_cast<int>(ProblemCategory::Diagnosis);
        QTest::newRow("parenthesis inside") << "2"
                                            << "Pain (chronic) of neck" << static_cast<int>(ProblemCategory::Diagnosis);
    }

    void category()
    {
        QFETCH(QString, code);
        QFETCH(QString, display);
        QFETCH(int, category);
        QCOMPARE(static_cast<int>(problemCategory(condition(code, display, QStringLiteral("2020-01-01")))), category);
    }

    void activeEntries()
    {
        QVERIFY(isActiveProblem(condition("1", "A", "2020-01-01")));
        QVERIFY(!isActiveProblem(condition("1", "A", "2020-01-01", "2021-01-01")));
        QVERIFY(!isActiveProblem(condition("1", "A", "2020-01-01", {}, "resolved")));
        QVERIFY(isActiveProblem(condition("1", "A", "2020-01-01", {}, "recurrence")));
        model::Medication m;
        QVERIFY(isCurrentMedication(m));
        m.status = QStringLiteral("completed");
        QVERIFY(!isCurrentMedication(m));
        m.status = QStringLiteral("on-hold");
        QVERIFY(isCurrentMedication(m));
        m.stop = QStringLiteral("2021-01-01");
        QVERIFY(!isCurrentMedication(m));
        model::Allergy a;
        QVERIFY(isActiveAllergy(a));
        a.stop = QStringLiteral("2021-01-01");
        QVERIFY(!isActiveAllergy(a));
    }

    void age_data()
    {
        QTest::addColumn<QString>("born");
        QTest::addColumn<QDate>("at");
        QTest::addColumn<int>("years"); // -1: unknown
        QTest::newRow("day before birthday") << "1980-06-15" << QDate(2020, 6, 14) << 39;
        QTest::newRow("birthday") << "1980-06-15" << QDate(2020, 6, 15) << 40;
        QTest::newRow("leap day, non-leap year") << "2000-02-29" << QDate(2021, 2, 28) << 20;
        QTest::newRow("newborn") << "2020-06-15" << QDate(2020, 6, 15) << 0;
        QTest::newRow("before birth") << "2020-06-15" << QDate(2020, 6, 14) << -1;
        QTest::newRow("not a date") << "15/06/1980" << QDate(2020, 6, 14) << -1;
    }

    void age()
    {
        QFETCH(QString, born);
        QFETCH(QDate, at);
        QFETCH(int, years);
        const auto got = ageInYears(born, at);
        QCOMPARE(got.value_or(-1), years);
    }

    void flags_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<int>("sex");
        QTest::addColumn<int>("flag");
        const int any = static_cast<int>(model::Sex::Unknown);
        const int female = static_cast<int>(model::Sex::Female);
        const int male = static_cast<int>(model::Sex::Male);
        const auto f = [](ObservationFlag flag) { return static_cast<int>(flag); };
        QTest::newRow("systolic 128") << "8480-6" << 128.0 << "mm[Hg]" << any << f(ObservationFlag::Normal);
        QTest::newRow("systolic 130 (ACC/AHA stage 1)")
            << "8480-6" << 130.0 << "mm[Hg]" << any << f(ObservationFlag::High);
        QTest::newRow("systolic 85") << "8480-6" << 85.0 << "mm[Hg]" << any << f(ObservationFlag::Low);
        QTest::newRow("glucose 99 upper bound") << "2339-0" << 99.0 << "mg/dL" << any << f(ObservationFlag::Normal);
        QTest::newRow("glucose 126") << "2339-0" << 126.0 << "mg/dL" << any << f(ObservationFlag::High);
        QTest::newRow("glucose in another unit") << "2339-0" << 126.0 << "mmol/L" << any << f(ObservationFlag::NoRange);
        QTest::newRow("HDL 35, lower bound only") << "2085-9" << 35.0 << "mg/dL" << any << f(ObservationFlag::Low);
        QTest::newRow("HDL 90, no upper bound") << "2085-9" << 90.0 << "mg/dL" << any << f(ObservationFlag::Normal);
        QTest::newRow("hemoglobin 13 female") << "718-7" << 13.0 << "g/dL" << female << f(ObservationFlag::Normal);
        QTest::newRow("hemoglobin 13 male") << "718-7" << 13.0 << "g/dL" << male << f(ObservationFlag::Low);
        QTest::newRow("hemoglobin, sex unknown") << "718-7" << 13.0 << "g/dL" << any << f(ObservationFlag::NoRange);
        QTest::newRow("no interval (PHQ-9)") << "44261-6" << 20.0 << "{score}" << any << f(ObservationFlag::NoRange);
    }

    void flags()
    {
        QFETCH(QString, code);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(int, sex);
        QFETCH(int, flag);
        const auto o = numeric(code, value, unit, QStringLiteral("2024-01-01T10:00:00Z"));
        const ReferenceRange* range = nullptr;
        QCOMPARE(static_cast<int>(flagObservation(o, static_cast<model::Sex>(sex), &range)), flag);
        QCOMPARE(range != nullptr, flag != static_cast<int>(ObservationFlag::NoRange) || unit == "mmol/L");
    }

    void textValueHasNoFlag()
    {
        model::Observation o;
        o.code = QStringLiteral("2339-0");
        o.text = QStringLiteral("high");
        QCOMPARE(flagObservation(o, model::Sex::Female), ObservationFlag::NoRange);
    }

    void summary()
    {
        PatientChart chart;
        chart.patient.birthDate = QStringLiteral("1970-03-01");
        chart.patient.sex = model::Sex::Male;
        chart.conditions = {
            condition("160903007", "Full-time employment (finding)", "2019-01-01"),
            condition("73595000", "Stress (finding)", "2018-01-01"),
            condition("59621000", "Hypertension", "2010-01-01"),
            condition("40055000", "Chronic sinusitis (disorder)", "2015-01-01"),
            condition("444814009", "Viral sinusitis (disorder)", "2016-01-01", "2016-02-01"),
        };
        model::Medication current;
        current.display = QStringLiteral("lisinopril");
        current.start = QStringLiteral("2010-02-01");
        model::Medication stopped = current;
        stopped.display = QStringLiteral("amoxicillin");
        stopped.stop = QStringLiteral("2016-02-01");
        chart.medications = {stopped, current};
        model::Allergy peanut;
        peanut.display = QStringLiteral("Peanut");
        model::Allergy old = peanut;
        old.stop = QStringLiteral("2000-01-01");
        chart.allergies = {peanut, old};
        chart.observations = {
            numeric("2339-0", 90, "mg/dL", "2020-01-01T08:00:00Z"),
            numeric("2339-0", 140, "mg/dL", "2023-01-01T08:00:00Z"), // the latest: High
            numeric("2339-0", 100, "mg/dL", "2021-01-01T08:00:00Z"),
            numeric("8480-6", 118, "mm[Hg]", "2023-01-01T08:00:00Z", QStringLiteral("vital-signs")),
            numeric("44261-6", 4, "{score}", "2023-01-01T08:00:00Z", QStringLiteral("survey")),
        };
        for (int i = 0; i < 7; ++i) {
            model::Encounter e;
            e.start = QStringLiteral("202%1-05-01T09:00:00Z").arg(i);
            e.display = QStringLiteral("visit %1").arg(i);
            chart.encounters.push_back(e);
        }

        const ChartSummary s = summarizeChart(chart, QDate(2024, 2, 29), 5);
        QCOMPARE(s.ageYears.value_or(-1), 53);
        // Diagnoses first (newest onset first), then findings, then social findings; resolved left out.
        QCOMPARE(s.activeProblems.size(), std::size_t{4});
        QCOMPARE(s.activeProblems[0].condition.display, QStringLiteral("Chronic sinusitis (disorder)"));
        QCOMPARE(s.activeProblems[1].condition.display, QStringLiteral("Hypertension"));
        QCOMPARE(s.activeProblems[2].category, ProblemCategory::Finding);
        QCOMPARE(s.activeProblems[3].category, ProblemCategory::Social);
        QCOMPARE(s.currentMedications.size(), std::size_t{1});
        QCOMPARE(s.currentMedications[0].display, QStringLiteral("lisinopril"));
        QCOMPARE(s.allergies.size(), std::size_t{1});
        QCOMPARE(s.latestLabs.size(), std::size_t{1});
        QCOMPARE(*s.latestLabs[0].observation.value, 140.0);
        QCOMPARE(s.latestLabs[0].flag, ObservationFlag::High);
        QCOMPARE(s.latestVitals.size(), std::size_t{1});
        QCOMPARE(s.latestVitals[0].flag, ObservationFlag::Normal);
        QCOMPARE(s.lastEncounters.size(), std::size_t{5});
        QCOMPARE(s.lastEncounters[0].display, QStringLiteral("visit 6"));
        QCOMPARE(s.lastEncounters[4].display, QStringLiteral("visit 2"));

        // A deceased patient's age is the age at death.
        chart.patient.deathDate = QStringLiteral("2000-02-28");
        QCOMPARE(summarizeChart(chart, QDate(2024, 2, 29)).ageYears.value_or(-1), 29);
    }
};

QTEST_GUILESS_MAIN(TestChartSummary)
#include "TestChartSummary.moc"
