// SPDX-License-Identifier: GPL-3.0-or-later
// Report spec v1: strict reading naming the field, canonical form, cells, and agreement with the JSON Schema.
#include "core/reports/ReportSpec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cc;
using namespace cc::reports;

namespace {

const char* kValid = R"({"version": 1, "title": "Blood pressure by sex and age", "purpose": "research",
  "measures": [{"code": "8480-6"}, {"code": "8462-4"}], "selection": "latest",
  "filters": {"ageBands": ["50-59", "40-49"], "years": {"from": 2010, "to": 2020}},
  "groupBy": ["sex", "ageBand"]})";

QJsonObject validObject()
{
    return QJsonDocument::fromJson(kValid).object();
}

QByteArray bytesOf(const QJsonObject& o)
{
    return QJsonDocument(o).toJson();
}

QStringList enumOf(const QJsonObject& schema, const QStringList& path)
{
    QJsonValue v = schema;
    for (const auto& p : path)
        v = v.toObject().value(p);
    QStringList out;
    for (const auto& e : v.toObject().value("enum").toArray())
        out << e.toString();
    return out;
}

} // namespace

class TestReportSpec : public QObject
{
    Q_OBJECT

private slots:
    void readsAValidSpec()
    {
        auto spec = ReportSpec::fromJson(kValid, "spec.json");
        QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().describe().c_str());
        QCOMPARE(spec->purpose, Purpose::Research);
        QCOMPARE(spec->selection, Selection::Latest);
        QCOMPARE(spec->measures.size(), std::size_t{2});
        // Filter values come back in the index's order, whatever order the file used.
        QCOMPARE(spec->ageBandFilter, (std::vector<QString>{"40-49", "50-59"}));
        QCOMPARE(spec->groupBy, (std::vector<Dimension>{Dimension::Sex, Dimension::AgeBand}));
        // 2 measures × 4 sexes × 2 age bands, measures outermost, last grouping fastest.
        const auto cells = spec->cells();
        QCOMPARE(cells.size(), std::size_t{16});
        QCOMPARE(cells[0].measure, QStringLiteral("8480-6"));
        QCOMPARE(cells[0].group, (std::vector<QString>{"female", "40-49"}));
        QCOMPARE(cells[1].group, (std::vector<QString>{"female", "50-59"}));
        QCOMPARE(cells[2].group, (std::vector<QString>{"male", "40-49"}));
        QCOMPARE(cells[8].measure, QStringLiteral("8462-4"));
        QCOMPARE(cells[15].index, std::uint32_t{15});
        QVERIFY(spec->describe().contains("opted out"));
    }

    void canonicalFormIsStable()
    {
        auto a = ReportSpec::fromJson(kValid);
        QJsonObject reordered = validObject();
        QJsonObject filters = reordered["filters"].toObject();
        filters["ageBands"] = QJsonArray{"40-49", "50-59"};
        reordered["filters"] = filters;
        auto b = ReportSpec::fromJson(QJsonDocument(reordered).toJson(QJsonDocument::Indented));
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->canonicalJson(), b->canonicalJson());
        QCOMPARE(a->sha256(), b->sha256());
        // The canonical bytes read back to the same spec.
        auto again = ReportSpec::fromJson(a->canonicalJson());
        QVERIFY(again.ok());
        QCOMPARE(again->canonicalJson(), a->canonicalJson());
        // A different title is a different spec.
        reordered["title"] = "Other";
        QVERIFY(ReportSpec::fromJson(bytesOf(reordered))->sha256() != a->sha256());
    }

    void groupingNoneIsOneCellPerMeasure()
    {
        auto spec = ReportSpec::fromJson(
            R"({"version":1,"title":"t","purpose":"quality","measures":[{"code":"24467-3"}],"selection":"all"})");
        QVERIFY(spec.ok());
        QCOMPARE(spec->cells().size(), std::size_t{1});
        QVERIFY(spec->cells()[0].group.empty());
        QVERIFY(spec->describe().contains("every patient"));
    }

    void refusesNamingTheField_data()
    {
        QTest::addColumn<QString>("member"); // dotted path to replace; "-x" removes x; "+x" adds x
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("code");
        const int bad = static_cast<int>(ErrorCode::MalformedInput);
        QTest::newRow("unknown member") << "+colour" << QJsonValue("red") << "colour" << bad;
        QTest::newRow("no version") << "-version" << QJsonValue() << "version" << bad;
        QTest::newRow("version 2") << "version" << QJsonValue(2) << "version"
                                   << static_cast<int>(ErrorCode::Unsupported);
        QTest::newRow("empty title") << "title" << QJsonValue("  ") << "title" << bad;
        QTest::newRow("title control character") << "title"
                                                 << QJsonValue(QStringLiteral("a\x07"
                                                                              "b"))
                                                 << "title" << bad;
        QTest::newRow("purpose") << "purpose" << QJsonValue("marketing") << "purpose" << bad;
        QTest::newRow("measures empty") << "measures" << QJsonValue(QJsonArray{}) << "measures" << bad;
        QTest::newRow("second measure unknown")
            << "measures" << QJsonValue(QJsonArray{QJsonObject{{"code", "8480-6"}}, QJsonObject{{"code", "0000-0"}}})
            << "measures[1].code" << bad;
        QTest::newRow("measure repeated")
            << "measures" << QJsonValue(QJsonArray{QJsonObject{{"code", "8480-6"}}, QJsonObject{{"code", "8480-6"}}})
            << "measures[1].code" << bad;
        QTest::newRow("measure member") << "measures"
                                        << QJsonValue(QJsonArray{QJsonObject{{"code", "8480-6"}, {"unit", "mm[Hg]"}}})
                                        << "measures[0].unit" << bad;
        QTest::newRow("measure code not a string")
            << "measures" << QJsonValue(QJsonArray{QJsonObject{{"code", 8480}}}) << "measures[0].code" << bad;
        QTest::newRow("selection") << "selection" << QJsonValue("first") << "selection" << bad;
        QTest::newRow("sex value") << "filters" << QJsonValue(QJsonObject{{"sex", QJsonArray{"female", "F"}}})
                                   << "filters.sex[1]" << bad;
        QTest::newRow("sex repeated") << "filters" << QJsonValue(QJsonObject{{"sex", QJsonArray{"male", "male"}}})
                                      << "filters.sex[1]" << bad;
        QTest::newRow("age band") << "filters" << QJsonValue(QJsonObject{{"ageBands", QJsonArray{"40-50"}}})
                                  << "filters.ageBands[0]" << bad;
        QTest::newRow("years reversed") << "filters"
                                        << QJsonValue(QJsonObject{{"years", QJsonObject{{"from", 2020}, {"to", 2010}}}})
                                        << "filters.years.to" << bad;
        QTest::newRow("year fraction") << "filters"
                                       << QJsonValue(
                                              QJsonObject{{"years", QJsonObject{{"from", 2010.5}, {"to", 2012}}}})
                                       << "filters.years.from" << bad;
        QTest::newRow("filters member") << "filters" << QJsonValue(QJsonObject{{"condition", "E11"}})
                                        << "filters.condition" << bad;
        const auto conditions = [](const QJsonArray& list) { return QJsonValue(QJsonObject{{"conditions", list}}); };
        const QString sct = QStringLiteral("http://snomed.info/sct");
        QTest::newRow("conditions empty") << "filters" << conditions({}) << "filters.conditions" << bad;
        QTest::newRow("condition not an object")
            << "filters" << conditions({"44054006"}) << "filters.conditions[0]" << bad;
        QTest::newRow("condition system unknown")
            << "filters" << conditions({QJsonObject{{"system", "SNOMED-CT"}, {"code", "44054006"}}})
            << "filters.conditions[0].system" << bad;
        QTest::newRow("condition system missing")
            << "filters" << conditions({QJsonObject{{"code", "44054006"}}}) << "filters.conditions[0].system" << bad;
        QTest::newRow("condition LOINC system")
            << "filters" << conditions({QJsonObject{{"system", "http://loinc.org"}, {"code", "4548-4"}}})
            << "filters.conditions[0].system" << bad;
        QTest::newRow("second condition code invalid")
            << "filters"
            << conditions({QJsonObject{{"system", sct}, {"code", "44054006"}},
                           QJsonObject{{"system", sct}, {"code", "E11.9"}}})
            << "filters.conditions[1].code" << bad;
        QTest::newRow("condition code a number")
            << "filters" << conditions({QJsonObject{{"system", sct}, {"code", 44054006}}})
            << "filters.conditions[0].code" << bad;
        QTest::newRow("condition ICD-10 code malformed")
            << "filters" << conditions({QJsonObject{{"system", "http://hl7.org/fhir/sid/icd-10"}, {"code", "e11"}}})
            << "filters.conditions[0].code" << bad;
        QTest::newRow("condition repeated") << "filters"
                                            << conditions({QJsonObject{{"system", sct}, {"code", "44054006"}},
                                                           QJsonObject{{"system", sct}, {"code", "44054006"}}})
                                            << "filters.conditions[1]" << bad;
        QTest::newRow("condition member")
            << "filters" << conditions({QJsonObject{{"system", sct}, {"code", "44054006"}, {"display", "Diabetes"}}})
            << "filters.conditions[0].display" << bad;
        QJsonArray tooMany;
        for (int i = 0; i <= static_cast<int>(ReportSpec::kMaxConditions); ++i)
            tooMany.append(QJsonObject{{"system", sct}, {"code", QString::number(100000 + i)}});
        QTest::newRow("too many conditions") << "filters" << conditions(tooMany) << "filters.conditions" << bad;
        QTest::newRow("group unknown") << "groupBy" << QJsonValue(QJsonArray{"sex", "postcode"}) << "groupBy[1]" << bad;
        QTest::newRow("group three") << "groupBy" << QJsonValue(QJsonArray{"sex", "ageBand", "year"}) << "groupBy"
                                     << bad;
        QTest::newRow("group repeated") << "groupBy" << QJsonValue(QJsonArray{"sex", "sex"}) << "groupBy[1]" << bad;
    }
    void refusesNamingTheField()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QFETCH(int, code);
        QJsonObject o = validObject();
        if (member.startsWith('-'))
            o.remove(member.mid(1));
        else if (member.startsWith('+'))
            o.insert(member.mid(1), value);
        else
            o[member] = value;
        auto spec = ReportSpec::fromJson(bytesOf(o), "spec.json");
        QVERIFY(!spec.ok());
        QCOMPARE(static_cast<int>(spec.error().code), code);
        QCOMPARE(QString::fromStdString(spec.error().field), field);
        QCOMPARE(QString::fromStdString(spec.error().file), QStringLiteral("spec.json"));
    }

    void conditionFilterReadsSortedAndCanonical()
    {
        QJsonObject o = validObject();
        QJsonObject filters = o["filters"].toObject();
        filters["conditions"] = QJsonArray{QJsonObject{{"system", "http://snomed.info/sct"}, {"code", "59621000"}},
                                           QJsonObject{{"code", "E11.9"}, {"system", "http://hl7.org/fhir/sid/icd-10"}},
                                           QJsonObject{{"system", "http://snomed.info/sct"}, {"code", "44054006"}}};
        o["filters"] = filters;
        auto spec = ReportSpec::fromJson(bytesOf(o), "spec.json");
        QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().describe().c_str());
        // Sorted by system, then code, whatever order the file used.
        QCOMPARE(spec->conditionFilter.size(), std::size_t{3});
        QCOMPARE(spec->conditionFilter[0].system, QStringLiteral("http://hl7.org/fhir/sid/icd-10"));
        QCOMPARE(spec->conditionFilter[1].code, QStringLiteral("44054006"));
        QCOMPARE(spec->conditionFilter[2].code, QStringLiteral("59621000"));
        QVERIFY(spec->describe().contains("SNOMED CT 44054006 or SNOMED CT 59621000"));
        // The filter does not change the cells, but it is part of the spec's identity.
        QCOMPARE(spec->cells().size(), ReportSpec::fromJson(kValid)->cells().size());
        QVERIFY(spec->sha256() != ReportSpec::fromJson(kValid)->sha256());
        auto again = ReportSpec::fromJson(spec->canonicalJson());
        QVERIFY(again.ok());
        QCOMPARE(again->canonicalJson(), spec->canonicalJson());
        QCOMPARE(again->conditionFilter, spec->conditionFilter);
        QJsonArray reversed;
        for (const auto& c : filters["conditions"].toArray())
            reversed.prepend(c);
        filters["conditions"] = reversed;
        o["filters"] = filters;
        QCOMPARE(ReportSpec::fromJson(bytesOf(o))->sha256(), spec->sha256());
    }

    void yearGroupingNeedsAYearRange()
    {
        QJsonObject o = validObject();
        o.remove("filters");
        o["groupBy"] = QJsonArray{"year"};
        auto spec = ReportSpec::fromJson(bytesOf(o));
        QCOMPARE(QString::fromStdString(spec.error().field), QStringLiteral("groupBy[0]"));
        o["filters"] = QJsonObject{{"years", QJsonObject{{"from", 2000}, {"to", 2002}}}};
        auto ok = ReportSpec::fromJson(bytesOf(o));
        QVERIFY(ok.ok());
        QCOMPARE(ok->valuesOf(Dimension::Year), (std::vector<QString>{"2000", "2001", "2002"}));
    }

    void notJsonIsRefused()
    {
        auto spec = ReportSpec::fromJson("{\"version\": 1,", "broken.json");
        QCOMPARE(spec.error().code, ErrorCode::MalformedInput);
        QCOMPARE(spec.error().file, std::string("broken.json"));
    }

    void schemaFileAgreesWithTheReader()
    {
        QFile f(QStringLiteral(CC_SCHEMA_PATH));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject schema = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!schema.isEmpty());
        QCOMPARE(enumOf(schema, {"properties", "purpose"}), (QStringList{"research", "quality"}));
        QCOMPARE(enumOf(schema, {"properties", "selection"}), (QStringList{"all", "latest"}));
        QCOMPARE(enumOf(schema, {"properties", "groupBy", "items"}), (QStringList{"sex", "ageBand", "year"}));
        QStringList sexes(allSexes().begin(), allSexes().end());
        QCOMPARE(enumOf(schema, {"properties", "filters", "properties", "sex", "items"}), sexes);
        QStringList bands(allAgeBands().begin(), allAgeBands().end());
        QCOMPARE(enumOf(schema, {"properties", "filters", "properties", "ageBands", "items"}), bands);
        const QStringList top = schema["properties"].toObject().keys();
        QCOMPARE(top, (QStringList{"filters", "groupBy", "measures", "purpose", "selection", "title", "version"}));
        QCOMPARE(schema["properties"].toObject()["measures"].toObject()["maxItems"].toInt(),
                 static_cast<int>(ReportSpec::kMaxMeasures));
        const QJsonObject conditions =
            schema["properties"].toObject()["filters"].toObject()["properties"].toObject()["conditions"].toObject();
        QCOMPARE(conditions["maxItems"].toInt(), static_cast<int>(ReportSpec::kMaxConditions));
        QCOMPARE(enumOf(conditions, {"items", "properties", "system"}),
                 (QStringList{"http://snomed.info/sct", "http://hl7.org/fhir/sid/icd-10",
                              "http://hl7.org/fhir/sid/icd-10-cm"}));
    }
};

QTEST_GUILESS_MAIN(TestReportSpec)
#include "TestReportSpec.moc"
