// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled code subset of the coded-entry search: it loads, finds what a clinician types, ranks
// codes before words, keeps kinds apart, and a malformed table is refused naming line and field.
// Also the model's free-text (uncoded) entries: accepted as a pair of empty system and code only.
#include "core/interop/CodedEntrySearch.h"
#include "core/model/Allergy.h"
#include "core/model/CodeSystem.h"
#include "core/model/Condition.h"
#include "core/model/Medication.h"

#include <QTest>

using namespace cc;
using namespace cc::interop;

namespace {

QStringList codes(const std::vector<const CodedEntry*>& hits)
{
    QStringList out;
    for (const CodedEntry* e : hits)
        out << e->code;
    return out;
}

} // namespace

class TestCodedEntrySearch : public QObject
{
    Q_OBJECT

private slots:
    void builtInLoads()
    {
        const CodedEntrySearch& subset = CodedEntrySearch::builtIn();
        // 7,683 ICD-10-CM categories and subcategories plus the Synthea and FHIR example codes.
        QVERIFY2(subset.size() > 7700, qPrintable(QString::number(subset.size())));
        QVERIFY(subset.find(CodedEntryKind::Condition, QString::fromLatin1(model::codesystem::kIcd10Cm), u"E11") !=
                nullptr);
        QVERIFY(subset.find(CodedEntryKind::Medication, QString::fromLatin1(model::codesystem::kRxNorm), u"198405") !=
                nullptr);
        QVERIFY(subset.find(CodedEntryKind::Allergen, QString::fromLatin1(model::codesystem::kSnomed), u"762952008") !=
                nullptr);
    }

    void search_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expectedCode");
        QTest::addColumn<int>("maxPosition");
        const int condition = static_cast<int>(CodedEntryKind::Condition);
        QTest::newRow("exact ICD code first") << condition << "E11.6"
                                              << "E11.6" << 0;
        QTest::newRow("code without the dot") << condition << "e116"
                                              << "E11.6" << 0;
        QTest::newRow("code prefix") << condition << "I1"
                                     << "I10" << 5;
        QTest::newRow("words in any order") << condition << "diabetes type 2"
                                            << "E11" << 3;
        QTest::newRow("word prefixes") << condition << "essent hypert"
                                       << "I10" << 0;
        QTest::newRow("SNOMED from Synthea") << condition << "viral sinusitis"
                                             << "444814009" << 2;
        QTest::newRow("medication by ingredient") << static_cast<int>(CodedEntryKind::Medication) << "ibuprofen"
                                                  << "198405" << 3;
        QTest::newRow("allergen") << static_cast<int>(CodedEntryKind::Allergen) << "peanut"
                                  << "762952008" << 0;
    }

    void search()
    {
        QFETCH(int, kind);
        QFETCH(QString, query);
        QFETCH(QString, expectedCode);
        QFETCH(int, maxPosition);
        const auto hits = CodedEntrySearch::builtIn().search(static_cast<CodedEntryKind>(kind), query);
        const qsizetype at = codes(hits).indexOf(expectedCode);
        QVERIFY2(at >= 0 && at <= maxPosition, qPrintable(codes(hits).mid(0, 8).join(u' ')));
        for (const CodedEntry* e : hits)
            QCOMPARE(static_cast<int>(e->kind), kind);
    }

    void searchLimitsAndEmptyQuery()
    {
        const CodedEntrySearch& subset = CodedEntrySearch::builtIn();
        QCOMPARE(subset.search(CodedEntryKind::Condition, u"a", 7).size(), std::size_t{7});
        QVERIFY(subset.search(CodedEntryKind::Condition, u"  ").empty());
        QVERIFY(subset.search(CodedEntryKind::Condition, u"zzqqxx").empty());
        // Kinds stay apart: a medication name is not offered as an allergen.
        QVERIFY(subset.search(CodedEntryKind::Allergen, u"ibuprofen 100").empty());
    }

    void malformedTable_data()
    {
        QTest::addColumn<QByteArray>("tsv");
        QTest::addColumn<QString>("field");
        const QByteArray header = "# kind\tsystem\tcode\tdisplay\tsource\n";
        QTest::newRow("fields") << header + "condition\tsnomed\t44054006\n"
                                << "line";
        QTest::newRow("kind") << header + "procedure\tsnomed\t44054006\tx\tsynthea\n"
                              << "kind";
        QTest::newRow("system") << header + "condition\tloinc\t4548-4\tx\tsynthea\n"
                                << "system";
        QTest::newRow("code") << header + "condition\ticd10cm\tE1\tx\ticd10cm\n"
                              << "code";
        QTest::newRow("display") << header + "condition\tsnomed\t44054006\t \tsynthea\n"
                                 << "display";
    }

    void malformedTable()
    {
        QFETCH(QByteArray, tsv);
        QFETCH(QString, field);
        const auto parsed = CodedEntrySearch::fromTsv(tsv, QStringLiteral("t.tsv"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(parsed.error().file), QStringLiteral("t.tsv"));
        QCOMPARE(parsed.error().line, 2L);
        QCOMPARE(QString::fromStdString(parsed.error().field), field);
    }

    void freeTextEntries()
    {
        model::Condition c;
        c.display = QStringLiteral("Tired all the time");
        c.onset = QStringLiteral("2026-01-02");
        auto back = model::Condition::fromJson(c.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
        QVERIFY(back.value().code.isEmpty());
        QCOMPARE(back.value().display, c.display);

        c.code = QStringLiteral("E11");
        QVERIFY(!model::Condition::fromJson(c.toJson()).ok()); // a code without its system
        c.code.clear();
        c.codeSystem = QString::fromLatin1(model::codesystem::kIcd10Cm);
        QVERIFY(!model::Condition::fromJson(c.toJson()).ok()); // a system without a code
        c.code = QStringLiteral("E11");
        QVERIFY(model::Condition::fromJson(c.toJson()).ok());

        model::Allergy a;
        a.display = QStringLiteral("Sticking plaster");
        a.start = QStringLiteral("2020-05-01");
        auto allergy = model::Allergy::fromJson(a.toJson());
        QVERIFY2(allergy.ok(), allergy.ok() ? "" : allergy.error().describe().c_str());

        model::Medication m;
        m.display = QStringLiteral("Herbal tea blend");
        m.start = QStringLiteral("2024-03-01");
        QVERIFY(model::Medication::fromJson(m.toJson()).ok());
        m.code = QStringLiteral("not-a-number");
        QVERIFY(!model::Medication::fromJson(m.toJson()).ok());
    }
};

QTEST_GUILESS_MAIN(TestCodedEntrySearch)
#include "TestCodedEntrySearch.moc"
