// SPDX-License-Identifier: GPL-3.0-or-later
// The one display format of the windows: locale dates in local time, UCUM display forms, names.
#include "ui/common/DisplayText.h"

#include <QLocale>
#include <QTest>

using namespace cc;
using ui::DisplayText;

class TestDisplayText : public QObject
{
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void dates()
    {
        // A date is the locale's short date; never the ISO text.
        QCOMPARE(DisplayText::date(QStringLiteral("2023-10-09")),
                 QLocale().toString(QDate(2023, 10, 9), QLocale::ShortFormat));
        QVERIFY(!DisplayText::date(QStringLiteral("2023-10-09")).contains(QLatin1Char('-')));
        QCOMPARE(DisplayText::date(QString()), QString());
        // Not ISO: shown as it is (an imported free text is not lost).
        QCOMPARE(DisplayText::date(QStringLiteral("spring 1990")), QStringLiteral("spring 1990"));
        QCOMPARE(DisplayText::date(QStringLiteral("2023-02-30")), QStringLiteral("2023-02-30"));
    }

    void dateTimesInLocalTime()
    {
        const QString iso = QStringLiteral("2023-10-10T04:17:47Z");
        const QDateTime local = QDateTime(QDate(2023, 10, 10), QTime(4, 17, 47), Qt::UTC).toLocalTime();
        QCOMPARE(DisplayText::dateTime(iso), QLocale().toString(local, QLocale::ShortFormat));
        QVERIFY(!DisplayText::dateTime(iso).contains(QLatin1Char('T')));
        QVERIFY(!DisplayText::dateTime(iso).contains(QLatin1Char('Z')));
        // An offset is honoured: the same instant, the same text.
        QCOMPARE(DisplayText::dateTime(QStringLiteral("2023-10-10T06:17:47+02:00")), DisplayText::dateTime(iso));
        // The date of an instant is its local calendar day.
        QCOMPARE(DisplayText::date(iso), QLocale().toString(local.date(), QLocale::ShortFormat));
        // A date alone stays a date.
        QCOMPARE(DisplayText::dateTime(QStringLiteral("2023-10-10")), DisplayText::date(QStringLiteral("2023-10-10")));
    }

    void units_data()
    {
        QTest::addColumn<QString>("ucum");
        QTest::addColumn<QString>("shown");
        // UCUM codes of core/interop/UnitsTable.cpp and their usual written forms.
        QTest::newRow("mm[Hg]") << "mm[Hg]"
                                << "mmHg";
        QTest::newRow("{score}") << "{score}"
                                 << "score";
        QTest::newRow("a") << "a"
                           << "years";
        QTest::newRow("10*3/uL") << "10*3/uL"
                                 << "10³/µL";
        QTest::newRow("10*6/uL") << "10*6/uL"
                                 << "10⁶/µL";
        QTest::newRow("Cel") << "Cel"
                             << "°C";
        QTest::newRow("kg/m2") << "kg/m2"
                               << "kg/m²";
        QTest::newRow("eGFR") << "mL/min/{1.73_m2}"
                              << "mL/min/1.73 m²";
        QTest::newRow("copies") << "{copies}/mL"
                                << "copies/mL";
        QTest::newRow("/uL") << "/uL"
                             << "/µL";
        QTest::newRow("plain mg/dL") << "mg/dL"
                                     << "mg/dL";
        QTest::newRow("other annotation") << "{beats}/min"
                                          << "beats/min";
    }

    void units()
    {
        QFETCH(QString, ucum);
        QFETCH(QString, shown);
        QCOMPARE(DisplayText::unit(ucum), shown);
    }

    void quantities()
    {
        QCOMPARE(DisplayText::quantity(120, QStringLiteral("mm[Hg]")), QStringLiteral("120 mmHg"));
        QCOMPARE(DisplayText::quantity(72, QStringLiteral("/min")), QStringLiteral("72/min"));
        QCOMPARE(DisplayText::quantity(37.5, QStringLiteral("Cel")), QStringLiteral("37,5°C")); // German decimal comma
        QCOMPARE(DisplayText::quantity(98, QStringLiteral("%")), QStringLiteral("98%"));
    }

    void oneNamePerCode()
    {
        // The catalogue's short name wins over whatever the source called it.
        QCOMPARE(DisplayText::observationName(QStringLiteral("8480-6"), QStringLiteral("Systolic Blood Pressure")),
                 QStringLiteral("Systolic blood pressure"));
        QCOMPARE(DisplayText::observationName(QStringLiteral("8480-6"), QStringLiteral("SBP")),
                 QStringLiteral("Systolic blood pressure"));
        QCOMPARE(DisplayText::observationName(QStringLiteral("72166-2"), QStringLiteral("Tobacco smoking status")),
                 QStringLiteral("Tobacco smoking status"));
    }

    void plainNamesForPatients()
    {
        QCOMPARE(DisplayText::plainObservationName(QStringLiteral("2339-0"), QStringLiteral("Glucose")),
                 QStringLiteral("Blood sugar (glucose)"));
        QCOMPARE(DisplayText::plainObservationName(QStringLiteral("33914-3"), QString()),
                 QStringLiteral("Kidney function (eGFR)"));
        // Without a lay name: the one clinical name, then the source's.
        QCOMPARE(DisplayText::plainObservationName(QStringLiteral("59576-9"), QStringLiteral("x")),
                 DisplayText::observationName(QStringLiteral("59576-9"), QStringLiteral("x")));
        QCOMPARE(DisplayText::plainObservationName(QStringLiteral("72166-2"), QStringLiteral("Tobacco smoking status")),
                 QStringLiteral("Tobacco smoking status"));
    }

    void ranges()
    {
        QLocale::setDefault(QLocale::c());
        const auto* systolic = services::referenceRange(QStringLiteral("8480-6"), model::Sex::Unknown);
        QCOMPARE(DisplayText::range(systolic), QStringLiteral("90–129 mmHg"));
        const auto* hdl = services::referenceRange(QStringLiteral("2085-9"), model::Sex::Unknown);
        QCOMPARE(DisplayText::range(hdl), QStringLiteral("≥ 40 mg/dL"));
        QCOMPARE(DisplayText::range(nullptr), QString());
    }

    void patientLine()
    {
        model::Patient p;
        p.givenName = QStringLiteral("Ada");
        p.familyName = QStringLiteral("Lovelace");
        p.prefix = QStringLiteral("Ms.");
        p.mrn = QStringLiteral("MRN-0001");
        QCOMPARE(DisplayText::patientLine(p), QStringLiteral("Lovelace, Ms. Ada — MRN MRN-0001"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "TestDisplayText.moc"
