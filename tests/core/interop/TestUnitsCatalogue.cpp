// SPDX-License-Identifier: GPL-3.0-or-later
// Units catalogue: conversions, range refusal, fixed-point encoding, bins and data coverage.
#include "core/interop/CsvReader.h"
#include "core/interop/Ucum.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/records/ObservationLayout.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <set>

using namespace cc;
using namespace cc::interop;

class TestUnitsCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void builtInIsConsistent()
    {
        const UnitsCatalogue& c = UnitsCatalogue::builtIn();
        QVERIFY(c.size() >= 90);
        for (const UnitDefinition* d : c.definitions()) {
            QVERIFY2(d->binEdges.size() >= 2, qPrintable(d->code));
            QCOMPARE(d->encode(d->minValue).value(),
                     std::uint64_t(std::llround(d->minValue * double(d->scale())) + d->offset()));
            QVERIFY(d->encode(d->maxValue).ok());
        }
        // The consistency checks refuse a broken table.
        UnitDefinition d = *c.find(QStringLiteral("8480-6"));
        QVERIFY(!UnitsCatalogue::fromDefinitions({d, d}).ok()); // duplicate
        UnitDefinition unsorted = d;
        unsorted.binEdges = {100, 90};
        QVERIFY(!UnitsCatalogue::fromDefinitions({unsorted}).ok());
        UnitDefinition empty = d;
        empty.maxValue = empty.minValue;
        QVERIFY(!UnitsCatalogue::fromDefinitions({empty}).ok());
    }

    void converts_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("expected");
        // Source: FHIR R4 example observation-example.json (185 [lb_av]) and -body-height.json
        // (66.9 [in_i]); factors are the exact international pound and inch.
        QTest::newRow("lb to kg") << "29463-7" << 185.0 << "[lb_av]" << 83.9;
        QTest::newRow("in to cm") << "8302-2" << 66.89999999999999 << "[in_i]" << 169.9;
        QTest::newRow("kg unchanged") << "29463-7" << 66.86 << "kg" << 66.9;
        QTest::newRow("glucose mmol/L to mg/dL (x 18.0156)") << "2339-0" << 5.0 << "mmol/L" << 90.1;
        QTest::newRow("glucose mg/dL to mmol/L") << "15074-8" << 113.5 << "mg/dL" << 6.3;
        QTest::newRow("cholesterol mmol/L to mg/dL (x 38.67)") << "2093-3" << 4.0 << "mmol/L" << 154.7;
        QTest::newRow("HDL from FHIR lipid example") << "2085-9" << 1.3 << "mmol/L" << 50.3;
        QTest::newRow("98.6 degF is 37 Cel") << "8310-5" << 98.6 << "[degF]" << 37.0;
        QTest::newRow("CD4 per mm3") << "24467-3" << 221.76 << "/mm3" << 221.76;
        QTest::newRow("negative base excess") << "11555-0" << -5.3 << "mmol/L" << -5.3;
        // Codes appended later (sources in UnitsTable.cpp's header).
        QTest::newRow("capillary glucose mmol/L to mg/dL") << "41653-7" << 5.5 << "mmol/L" << 99.1;
        QTest::newRow("capillary glucose molar from mg/dL") << "14743-9" << 99.0 << "mg/dL" << 5.5;
        QTest::newRow("CD8 per mm3") << "14135-8" << 612.5 << "/mm3" << 612.5;
        QTest::newRow("CD4 percent") << "8123-2" << 24.5 << "%" << 24.5;
        QTest::newRow("CD4/CD8 ratio written as 1") << "54218-3" << 0.87 << "1" << 0.87;
        QTest::newRow("urine specific gravity") << "5811-5" << 1.015 << "1" << 1.015;
        QTest::newRow("urine specific gravity, any method") << "2965-2" << 1.0 << "1" << 1.0;
    }

    void converts()
    {
        QFETCH(QString, code);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(double, expected);
        const auto n = UnitsCatalogue::builtIn().normalise(code, value, unit);
        QVERIFY2(n.ok(), n.ok() ? "" : n.error().describe().c_str());
        QCOMPARE(n.value().value, expected);
        QCOMPARE(n.value().definition->decode(n.value().encoded), expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("field");
        QTest::newRow("systolic 3000") << "8480-6" << 3000.0 << "mm[Hg]"
                                       << "value";
        QTest::newRow("negative weight") << "29463-7" << -1.0 << "kg"
                                         << "value";
        QTest::newRow("NaN") << "29463-7" << std::nan("") << "kg"
                             << "value";
        QTest::newRow("base excess below -40") << "11555-0" << -41.0 << "mmol/L"
                                               << "value";
        QTest::newRow("unknown unit") << "29463-7" << 80.0 << "lb"
                                      << "unit";
        QTest::newRow("BMD g/cm-2 is not g/cm2 in UCUM") << "24701-5" << 0.887 << "g/cm-2"
                                                         << "unit";
        QTest::newRow("unknown code") << "1783-0" << 1.0 << "U/L"
                                      << "code";
    }

    void refuses()
    {
        QFETCH(QString, code);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, field);
        const auto n = UnitsCatalogue::builtIn().normalise(code, value, unit);
        QVERIFY(!n.ok());
        QCOMPARE(n.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(n.error().field), field);
        QVERIFY(QString::fromStdString(n.error().message).contains(code));
    }

    void ucumSyntax_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("valid");
        // Valid: units written by Synthea, the FHIR R4 examples and LOINC's example units, and the
        // grammar's corner cases (UCUM 2.1 §2: leading solidus, exponents with sign, factors,
        // parentheses, annotations alone or after a unit, bracketed atoms).
        for (const char* unit : {"mg/dL",      "mm[Hg]",      "kg/m2",
                                 "/min",       "10*3/uL",     "10*9/L",
                                 "{score}",    "{copies}/mL", "mL/min/{1.73_m2}",
                                 "[in_i]",     "[lb_av]",     "Cel",
                                 "[degF]",     "%",           "g/cm2",
                                 "s-1",        "m.s-2",       "kg/(m.s2)",
                                 "10*-3",      "2.m",         "{#}",
                                 "{cells}/uL", "meq/L",       "U/L",
                                 "[iU]/L",     "ng/mL{FEU}",  "10.L/(min.m2)",
                                 "[pH]",       "a",           "/[HPF]"})
            QTest::newRow(unit) << QString::fromLatin1(unit) << true;
        // Invalid: blanks, non-ASCII (micro sign, degree sign), unbalanced brackets, braces or
        // parentheses, operators without operands, an exponent on a number, a sign inside a
        // symbol, an annotation on a number, a nested annotation.
        QTest::newRow("space") << QStringLiteral("mg / dL") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("micro sign") << QString::fromUtf8("\u00b5g/L") << false;
        QTest::newRow("degree sign") << QString::fromUtf8("\u00b0C") << false;
        QTest::newRow("greek mu") << QString::fromUtf8("\u03bcmol/L") << false;
        QTest::newRow("open bracket") << QStringLiteral("mm[Hg") << false;
        QTest::newRow("empty brackets") << QStringLiteral("mm[]") << false;
        QTest::newRow("open brace") << QStringLiteral("{score") << false;
        QTest::newRow("nested brace") << QStringLiteral("{a{b}}") << false;
        QTest::newRow("open parenthesis") << QStringLiteral("kg/(m.s2") << false;
        QTest::newRow("close parenthesis") << QStringLiteral("kg)") << false;
        QTest::newRow("trailing solidus") << QStringLiteral("mg/") << false;
        QTest::newRow("double solidus") << QStringLiteral("//min") << false;
        QTest::newRow("double period") << QStringLiteral("m..s") << false;
        QTest::newRow("number exponent") << QStringLiteral("10-3") << false;
        QTest::newRow("sign in exponent") << QStringLiteral("m2-1") << false;
        QTest::newRow("sign without digits") << QStringLiteral("s-") << false;
        QTest::newRow("annotated number") << QStringLiteral("10{x}") << false;
        QTest::newRow("equals") << QStringLiteral("mg=dL") << false;
        QTest::newRow("quote") << QStringLiteral("in\"") << false;
    }

    void ucumSyntax()
    {
        QFETCH(QString, unit);
        QFETCH(bool, valid);
        const Status s = checkUcumSyntax(unit);
        QVERIFY2(s.ok() == valid, s.ok() ? "accepted" : s.error().message.c_str());
        if (!valid) {
            QCOMPARE(s.error().code, ErrorCode::MalformedInput);
            QCOMPARE(s.error().field, std::string("unit"));
        }
    }

    void acceptsAnyCodeInUcum_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("catalogued");
        QTest::addColumn<double>("stored");
        QTest::addColumn<bool>("indexed");
        QTest::newRow("catalogued, converted") << "29463-7" << 185.0 << "[lb_av]" << true << 83.9 << true;
        QTest::newRow("unknown code, score") << "91146-1" << 4.0 << "{score}" << false << 4.0 << true;
        QTest::newRow("unknown code, kept exactly") << "1783-0" << 0.123456 << "U/L" << false << 0.123456 << true;
        QTest::newRow("catalogued code, unconverted unit") << "2339-0" << 1.2 << "g/L" << false << 1.2 << true;
        QTest::newRow("negative generic") << "99999-9" << -999.5 << "mmol/L" << false << -999.5 << true;
        QTest::newRow("generic above range") << "99999-9" << 15000.5 << "/uL" << false << 15000.5 << false;
        QTest::newRow("generic below range") << "99999-9" << -1000.5 << "/uL" << false << -1000.5 << false;
    }

    void acceptsAnyCodeInUcum()
    {
        QFETCH(QString, code);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(bool, catalogued);
        QFETCH(double, stored);
        QFETCH(bool, indexed);
        const auto a = UnitsCatalogue::builtIn().accept(code, value, unit);
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().describe().c_str());
        QCOMPARE(a->catalogued(), catalogued);
        QCOMPARE(a->value, stored);
        QCOMPARE(a->encoded.has_value(), indexed);
        if (!catalogued) {
            QCOMPARE(a->unit, unit);
            if (indexed) {
                const UnitDefinition g = UnitsCatalogue::generic(code, unit);
                QCOMPARE(g.decode(*a->encoded), g.rounded(value));
            }
        }
    }

    void acceptRefusesWithReason_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("field");
        QTest::newRow("no unit") << "1783-0" << 1.0 << ""
                                 << "unit";
        QTest::newRow("not UCUM") << "1783-0" << 1.0 << QString::fromUtf8("\u00b5mol/L") << "unit";
        QTest::newRow("catalogued unit not UCUM") << "29463-7" << 80.0 << "k g"
                                                  << "unit";
        QTest::newRow("not finite") << "1783-0" << std::nan("") << "U/L"
                                    << "value";
        QTest::newRow("catalogued out of range") << "8480-6" << 3000.0 << "mm[Hg]"
                                                 << "value";
    }

    void acceptRefusesWithReason()
    {
        QFETCH(QString, code);
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, field);
        const auto a = UnitsCatalogue::builtIn().accept(code, value, unit);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(a.error().field), field);
    }

    void everyCatalogueUnitIsUcum()
    {
        // The catalogue's own units and accepted alternatives pass the same syntax check as
        // imported units, so a catalogue typo cannot turn a catalogued value generic.
        for (const UnitDefinition* d : UnitsCatalogue::builtIn().definitions()) {
            const Status s = checkUcumSyntax(d->unit);
            QVERIFY2(s.ok(), qPrintable(d->code + QLatin1Char(' ') + d->unit));
            for (const UnitConversion& c : d->conversions)
                QVERIFY2(checkUcumSyntax(c.unit).ok(), qPrintable(d->code + QLatin1Char(' ') + c.unit));
        }
    }

    void coversWhatLabsSend_data()
    {
        QTest::addColumn<QString>("code");
        // One code per group of issue 12 (sources in UnitsTable.cpp's header): vitals, body
        // measures, BMP/CMP, CBC with differential (percent and absolute), lipids, liver,
        // coagulation, thyroid, iron, renal/eGFR, urine, HbA1c and glucose, HIV, scores.
        for (const char* code :
             {"8480-6",  "8867-4",  "29463-7", "39156-5", "2345-7",  "3094-0",  "2160-0",  "2951-2",
              "2823-3",  "2075-0",  "2028-9",  "17861-6", "33037-3", "6690-2",  "770-8",   "751-8",
              "736-9",   "731-0",   "5905-5",  "742-7",   "713-8",   "711-2",   "706-2",   "704-7",
              "788-0",   "2093-3",  "2085-9",  "13457-7", "2571-8",  "43396-1", "1742-6",  "1920-8",
              "6768-6",  "1975-2",  "1751-7",  "5902-2",  "6301-6",  "48065-7", "3016-3",  "3024-7",
              "2276-4",  "2498-4",  "2500-7",  "2502-3",  "33914-3", "98980-6", "14959-1", "5803-2",
              "4548-4",  "2339-0",  "20447-9", "24467-3", "72514-3", "55758-7", "44261-6", "70274-6",
              "41653-7", "14743-9", "14135-8", "8123-2",  "54218-3", "5811-5",  "2965-2",  "25836-8"})
            QTest::newRow(code) << QString::fromLatin1(code);
    }

    void layoutIdsAreStableWhenCodesAreAdded()
    {
        // The codes appended after layout ids were positions: without them and with positional
        // ids, every other code must get exactly the id it has in the built-in catalogue, so
        // values stored before the codes were added keep summing under their layout.
        const QStringList appended{"14135-8", "8123-2", "54218-3", "41653-7", "14743-9", "2965-2", "5811-5", "25836-8"};
        std::vector<UnitDefinition> older;
        std::set<std::uint16_t> ids;
        for (const UnitDefinition* d : UnitsCatalogue::builtIn().definitions()) {
            QVERIFY(d->layoutId > 0 && d->layoutId < 0x8000);
            QVERIFY(ids.insert(d->layoutId).second);
            if (appended.contains(d->code)) {
                QVERIFY(d->layoutId > 152); // appended after the 152 codes numbered by position
                continue;
            }
            UnitDefinition copy = *d;
            copy.layoutId = 0;
            copy.retiredLayoutIds.clear();
            older.push_back(copy);
        }
        QCOMPARE(older.size(), std::size_t{152});
        auto positional = UnitsCatalogue::fromDefinitions(older);
        QVERIFY(positional.ok());
        for (const UnitDefinition* d : positional->definitions()) {
            auto then = records::ObservationLayout::forCode(*positional, d->code);
            auto now = records::ObservationLayout::forCode(UnitsCatalogue::builtIn(), d->code);
            QVERIFY(then.ok() && now.ok());
            const auto& retired = UnitsCatalogue::builtIn().find(d->code)->retiredLayoutIds;
            if (d->code == QLatin1String("20447-9")) {
                // Re-laid-out (a wider Σx² slot): its old id is retired, never reused, and its new
                // id comes after every other.
                QCOMPARE(retired, std::vector<std::uint16_t>{then->id()});
                QVERIFY(now->id() > 160);
                QVERIFY(!ids.contains(then->id()));
                continue;
            }
            QVERIFY(retired.empty());
            QCOMPARE(now->id(), then->id());
            QCOMPARE(now->slotSpecs(), then->slotSpecs());
        }
        // Every code sums 2^20 values, viral load in copies/mL (Σx² of 10^9 values: 80 bits) too.
        auto copies = records::ObservationLayout::forCode(UnitsCatalogue::builtIn(), QStringLiteral("20447-9"));
        QVERIFY(copies.ok());
        QCOMPARE(copies->maxCount(), records::ObservationLayout::kMaxCount);
        QCOMPARE(copies->slotSpecs()[2].width, 80u);
        // A retired id is checked like a current one.
        std::vector<UnitDefinition> clash;
        for (const UnitDefinition* d : UnitsCatalogue::builtIn().definitions())
            clash.push_back(*d);
        clash[0].retiredLayoutIds.push_back(clash[1].layoutId);
        QVERIFY(!UnitsCatalogue::fromDefinitions(clash).ok());
        // Built-in ids are checked: a duplicate or a missing one is refused.
        std::vector<UnitDefinition> all;
        for (const UnitDefinition* d : UnitsCatalogue::builtIn().definitions())
            all.push_back(*d);
        all[1].layoutId = all[0].layoutId;
        QVERIFY(!UnitsCatalogue::fromDefinitions(all).ok());
        all[1].layoutId = 0;
        QVERIFY(!UnitsCatalogue::fromDefinitions(all).ok());
    }

    void coversWhatLabsSend()
    {
        QFETCH(QString, code);
        const UnitDefinition* d = UnitsCatalogue::builtIn().find(code);
        QVERIFY(d != nullptr);
        QVERIFY(d->encode(d->minValue).ok());
    }

    void genericDefinitionFitsPackedSlots()
    {
        const UnitDefinition g = UnitsCatalogue::generic(QStringLiteral("91146-1"), QStringLiteral("{score}"));
        QCOMPARE(g.scale(), std::int64_t(1000));
        QCOMPARE(g.offset(), std::int64_t(1000000));
        QCOMPARE(g.maxEncoded(), std::uint64_t(16000000));
        QVERIFY(g.maxEncoded() < (std::uint64_t(1) << 24));
        QCOMPARE(g.encode(-1000.0).value(), std::uint64_t(0));
        QCOMPARE(g.decode(g.encode(12.345).value()), 12.345);
        QVERIFY(!g.encode(15000.001).ok());
    }

    void encodingIsNonNegativeAndExact()
    {
        const UnitDefinition* be = UnitsCatalogue::builtIn().find(QStringLiteral("11555-0"));
        QCOMPARE(be->offset(), std::int64_t(400));
        QCOMPARE(be->encode(-40.0).value(), std::uint64_t(0));
        QCOMPARE(be->encode(-5.3).value(), std::uint64_t(347));
        QCOMPARE(be->decode(347), -5.3);
        const UnitDefinition* cd4 = UnitsCatalogue::builtIn().find(QStringLiteral("24467-3"));
        QCOMPARE(cd4->encode(221.76).value(), std::uint64_t(22176));
    }

    void bins()
    {
        const UnitDefinition* sbp = UnitsCatalogue::builtIn().find(QStringLiteral("8480-6"));
        QCOMPARE(sbp->binIndex(30), std::size_t(0));
        QCOMPARE(sbp->binIndex(119), std::size_t(1));
        QCOMPARE(sbp->binIndex(120), std::size_t(2));
        QCOMPARE(sbp->binIndex(300), sbp->binEdges.size() - 2);
    }

    void coversEveryDataSetCode_data()
    {
        QTest::addColumn<QString>("code");
        // ACTG 315 README: viral load 20447-9, CD4 24467-3. FHIR R4 examples: numeric
        // Observation.valueQuantity and component codes in tests of ../shared/data/fhir_r4_examples
        // (lipids, Apgar, blood pressure, BMD, BMI, height, temperature, glucose, base excess,
        // pCO2, erythrocytes, hemoglobin, bicarbonate, eGFR, Glasgow, head circumference, heart
        // rate, mycoplasma, mean BP, SpO2, respiratory rate, weight).
        for (const char* code :
             {"20447-9", "24467-3", "35200-5", "35217-9", "2085-9",  "13457-7", "9271-8",  "9272-6",
              "9273-4",  "9274-2",  "8480-6",  "8462-4",  "24701-5", "39156-5", "8302-2",  "8310-5",
              "15074-8", "11555-0", "11557-6", "789-8",   "718-7",   "1963-8",  "48643-1", "48642-3",
              "9269-2",  "9843-4",  "8867-4",  "80219-9", "8478-0",  "2708-6",  "9279-1",  "29463-7"})
            QTest::newRow(code) << QString::fromLatin1(code);
    }

    void coversEveryDataSetCode()
    {
        QFETCH(QString, code);
        QVERIFY(UnitsCatalogue::builtIn().find(code) != nullptr);
    }

    void everySyntheaNumericValueEncodes()
    {
        // Every TYPE=numeric row of the Synthea sample: code known, unit accepted, value in
        // range, and encode/decode gives back the source value (the sample has one decimal).
        QFile file(QStringLiteral(CC_TEST_DATA_DIR "/synthea/observations.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader csv(file, QStringLiteral("observations.csv"));
        QVERIFY(csv.readHeader().ok());
        const int code = csv.requireColumn("CODE").value();
        const int value = csv.requireColumn("VALUE").value();
        const int units = csv.requireColumn("UNITS").value();
        const int type = csv.requireColumn("TYPE").value();
        int numeric = 0;
        std::set<QString> codes;
        for (;;) {
            auto more = csv.next();
            QVERIFY(more.ok());
            if (!more.value())
                break;
            if (csv.field(type) != QLatin1String("numeric"))
                continue;
            ++numeric;
            codes.insert(csv.field(code));
            const double v = csv.field(value).toDouble();
            const auto n = UnitsCatalogue::builtIn().normalise(csv.field(code), v, csv.field(units));
            QVERIFY2(n.ok(), n.ok() ? "" : n.error().describe().c_str());
            QVERIFY(std::fabs(n.value().definition->decode(n.value().encoded) - v) < 1e-9);
        }
        // loinc_inventory.derived.csv: 599 numeric rows over 74 codes.
        QCOMPARE(numeric, 599);
        QCOMPARE(codes.size(), std::size_t(74));
    }
};

QTEST_GUILESS_MAIN(TestUnitsCatalogue)
#include "TestUnitsCatalogue.moc"
