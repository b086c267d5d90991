// SPDX-License-Identifier: GPL-3.0-or-later
// The condition filter of encrypted reports over a real clinic (docs/REPORTS.md, docs/RECORDS.md
// "Condition tokens"): tokens written at import and entry and removed with the row; a report
// filtered on condition codes counts exactly the patients who have them (checked against the
// Synthea CSV files read here); refusal until a doctor's login computes the tokens of older rows;
// no link from a token to a named patient.
#include "core/audit/AuditEvent.h"
#include "core/crypto/Hex.h"
#include "core/records/BlindToken.h"
#include "core/records/PatientRef.h"
#include "core/reports/CellComputation.h"
#include "core/services/ClinicalEntryService.h"
#include "core/services/ImportService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "core/services/ReportService.h"
#include "db/Database.h"
#include "db/SqlReportStore.h"
#include "tests/support/TestClinic.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace cc;
using namespace cc::reports;
using services::ReportService;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
const QString kSnomed = QStringLiteral("http://snomed.info/sct");
const QString kBodyWeight = QStringLiteral("29463-7");
const QString kFullTimeEmployment = QStringLiteral("160903007");
const QString kLimitedSocialContact = QStringLiteral("423315002");

/// The first `columns` fields of every data line of a tests/data Synthea CSV (the fields used here
/// come before the first free-text one, so a plain split is exact).
std::vector<QStringList> csvRows(const QString& file, int columns)
{
    QFile f(kData + "/synthea/" + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    std::vector<QStringList> out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty())
            out.push_back(line.split(u',').mid(0, columns));
    }
    return out;
}

/// conditions.csv (START, STOP, PATIENT, ENCOUNTER, CODE): the Synthea patient ids per code.
std::map<QString, std::set<QString>> patientsByCondition()
{
    std::map<QString, std::set<QString>> out;
    for (const auto& r : csvRows("conditions.csv", 5))
        out[r[4]].insert(r[2]);
    return out;
}

/// The Synthea patient ids with an observation of `code` (observations.csv: DATE, PATIENT,
/// ENCOUNTER, CATEGORY, CODE).
std::set<QString> patientsWithObservation(const QString& code)
{
    std::set<QString> out;
    for (const auto& r : csvRows("observations.csv", 5))
        if (r[4] == code)
            out.insert(r[1]);
    return out;
}

QString conditionsSpec(const QStringList& codes, const QString& purpose = QStringLiteral("quality"))
{
    QStringList items;
    for (const auto& c : codes)
        items << QStringLiteral(R"({"system":"%1","code":"%2"})").arg(kSnomed, c);
    return QStringLiteral(R"({"version":1,"title":"Weight by condition","purpose":"%1","measures":[{"code":"%2"}],)"
                          R"("selection":"latest","filters":{"conditions":[%3]}})")
        .arg(purpose, kBodyWeight, items.join(u','));
}

ReportSpec spec(const QString& json)
{
    auto s = ReportSpec::fromJson(json.toUtf8());
    if (!s.ok())
        qFatal("bad spec in test: %s", s.error().message.c_str());
    return std::move(s).value();
}

/// One row of condition_tokens joined to its clinical row.
struct TokenRow
{
    std::vector<std::uint8_t> rowId, ref, token, rowRef;
    std::string kind;
    friend bool operator<(const TokenRow& a, const TokenRow& b)
    {
        return std::tie(a.rowId, a.ref, a.token) < std::tie(b.rowId, b.ref, b.token);
    }
    friend bool operator==(const TokenRow& a, const TokenRow& b)
    {
        return a.rowId == b.rowId && a.ref == b.ref && a.token == b.token;
    }
};

} // namespace

/// The report service of a test clinic's current session.
struct Reports
{
    explicit Reports(test::TestClinic& t) : store(t.store().database()), service(t.clinic(), store) {}
    ReportService* operator->() { return &service; }
    db::SqlReportStore store;
    ReportService service;
};

class TestConditionFilter : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestClinic> m_t;

    void as(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        auto s = m_t->login(name, password);
        if (!s.ok())
            qFatal("login %s: %s", name.c_str(), s.error().describe().c_str());
    }
    void asAdmin() { as(test::kAdmin, test::kAdminPassword); }
    void asDoctor() { as(test::kDoctor, test::kDoctorPassword); }

    void importSynthea()
    {
        asDoctor();
        auto s = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
    }

    const crypto::SecureBytes& indexKey() { return m_t->clinic().keys().value()->find(access::KeyKind::Index)->secret; }

    std::vector<std::uint8_t> expectedToken(const QString& system, const QString& code)
    {
        // Computed here from the documented form, not through records::conditionToken.
        auto t = records::BlindToken::compute(indexKey(), records::TokenDimension::ConditionCode,
                                              (system + "|" + code).toStdString());
        return {t->begin(), t->end()};
    }

    std::vector<TokenRow> tokenRows()
    {
        auto stmt = m_t->store().database().prepare(
            "SELECT t.row_id, t.patient_ref, t.token, c.patient_ref, c.kind FROM condition_tokens t "
            "LEFT JOIN clinical_rows c ON c.id = t.row_id ORDER BY t.row_id;");
        if (!stmt.ok())
            qFatal("select: %s", stmt.error().message.c_str());
        std::vector<TokenRow> out;
        while (*stmt->step())
            out.push_back({stmt->columnBlob(0), stmt->columnBlob(1), stmt->columnBlob(2), stmt->columnBlob(3),
                           stmt->columnText(4)});
        return out;
    }

    std::int64_t count(const std::string& sql)
    {
        auto stmt = m_t->store().database().prepare(sql);
        if (!stmt.ok() || !*stmt->step())
            qFatal("count: %s", sql.c_str());
        return stmt->columnInt64(0);
    }

    /// The stored patients by Synthea id (a doctor's session).
    std::map<QString, model::Patient> patientsBySource()
    {
        auto all = services::PatientService(m_t->clinic()).list();
        if (!all.ok())
            qFatal("list: %s", all.error().message.c_str());
        std::map<QString, model::Patient> out;
        for (auto& p : *all)
            out.emplace(p.sourceId, p);
        return out;
    }

    /// The cohort's patient references as the report's own selection code computes them (a
    /// doctor's or administrator's session: index key and report key only).
    Result<std::set<access::PatientRef>> selected(const QString& json)
    {
        const ReportSpec s = spec(json);
        auto key = services::ObservationService::reportKey(m_t->clinic());
        CC_TRY(key);
        const crypto::SecureBytes& index = indexKey();
        CellQuery q;
        q.spec = &s;
        q.indexKey = &index;
        q.key = &*key;
        q.verifyRow = [&index](const ports::ObservationIndexRow& row) -> Status {
            auto mac = services::ObservationService::rowMac(index, row.rowId, row.paillier);
            CC_TRY(mac);
            if (!crypto::constantTimeEqual(*mac, row.paillierMac))
                return makeError(ErrorCode::IntegrityFailure, "row MAC");
            return {};
        };
        db::SqlReportStore store(m_t->store().database());
        auto cells = computeCells(store, q);
        CC_TRY(cells);
        std::set<access::PatientRef> out;
        for (const auto& [ref, rows] : cells->at(0).rowsPerPatient)
            out.insert(ref);
        return out;
    }

    Result<services::PublishOutcome> runAndPublish(const QString& json)
    {
        asAdmin();
        Reports reports(*m_t);
        auto file = reports->run(spec(json));
        CC_TRY(file);
        auto share = reports->decryptShare(*file);
        CC_TRY(share);
        return reports->publish(*file);
    }

    /// Every audit event, read from the store (any session; the bodies are not secret here).
    std::vector<audit::AuditEvent> events()
    {
        std::vector<audit::AuditEvent> out;
        auto records = m_t->store().auditStore().read(1, 100000);
        if (!records)
            qFatal("audit read: %s", records.error().describe().c_str());
        for (const auto& r : *records)
            if (auto e = audit::decodeEvent(r.body))
                out.push_back(std::move(*e));
        return out;
    }

private slots:
    void init()
    {
        auto t = test::TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        m_t = std::move(t).value();
    }
    void cleanup() { m_t.reset(); }

    // Every imported condition row gets one token, with the row's own patient reference, equal to
    // HMAC(index key, "condition" 0x00 system|code) of the CSV's code; re-importing adds none.
    void tokensAreWrittenAtImport()
    {
        importSynthea();
        const auto rows = csvRows("conditions.csv", 5);
        QCOMPARE(count("SELECT count(*) FROM clinical_rows WHERE kind = 'condition';"),
                 static_cast<std::int64_t>(rows.size()));
        const auto stored = tokenRows();
        QCOMPARE(stored.size(), rows.size());
        std::multiset<std::vector<std::uint8_t>> expected, actual;
        for (const auto& r : rows)
            expected.insert(expectedToken(kSnomed, r[4]));
        for (const auto& t : stored) {
            QCOMPARE(t.kind, std::string("condition"));
            QCOMPARE(t.ref, t.rowRef);
            actual.insert(t.token);
        }
        QVERIFY(actual == expected);
        // The tokens of one patient are under the reference the doctor computes for that patient.
        const auto bySource = patientsBySource();
        const auto byCondition = patientsByCondition();
        std::set<std::vector<std::uint8_t>> withEmployment;
        for (const auto& id : byCondition.at(kFullTimeEmployment)) {
            const auto ref = m_t->refOf(bySource.at(id).id);
            withEmployment.insert({ref.bytes.begin(), ref.bytes.end()});
        }
        std::set<std::vector<std::uint8_t>> tokenised;
        for (const auto& t : stored)
            if (t.token == expectedToken(kSnomed, kFullTimeEmployment))
                tokenised.insert(t.ref);
        QCOMPARE(tokenised, withEmployment);

        auto again = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().describe().c_str());
        QCOMPARE(tokenRows(), stored);
    }

    // Entry: a condition added, recoded, made free text, coded again and removed keeps exactly its
    // one token (or none), in the row's transaction.
    void tokensFollowEntryAndRemoval()
    {
        importSynthea();
        const model::Patient patient = patientsBySource().begin()->second;
        const auto ref = m_t->refOf(patient.id);
        services::ClinicalEntryService entry(m_t->clinic());
        const std::size_t before = tokenRows().size();
        model::Condition c;
        c.codeSystem = QStringLiteral("http://hl7.org/fhir/sid/icd-10");
        c.code = QStringLiteral("E11.9");
        c.display = QStringLiteral("Type 2 diabetes mellitus without complications");
        c.onset = QStringLiteral("2019-03-04");
        auto id = entry.addCondition(patient.id, c);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().describe().c_str());
        const std::vector<std::uint8_t> rowId(id->begin(), id->end());
        auto tokenOf = [&]() -> std::optional<TokenRow> {
            for (const auto& t : tokenRows())
                if (t.rowId == rowId)
                    return t;
            return std::nullopt;
        };
        auto t = tokenOf();
        QVERIFY(t.has_value());
        QCOMPARE(t->token, expectedToken(c.codeSystem, c.code));
        QCOMPARE(t->ref, std::vector<std::uint8_t>(ref.bytes.begin(), ref.bytes.end()));
        QCOMPARE(tokenRows().size(), before + 1);

        c.id = *id;
        c.patientId = patient.id;
        c.codeSystem = kSnomed;
        c.code = QStringLiteral("44054006");
        QVERIFY(entry.updateCondition(c).ok());
        QCOMPARE(tokenOf()->token, expectedToken(kSnomed, QStringLiteral("44054006")));
        QCOMPARE(tokenRows().size(), before + 1);

        c.codeSystem.clear();
        c.code.clear(); // free text: no token
        QVERIFY(entry.updateCondition(c).ok());
        QVERIFY(!tokenOf().has_value());
        QCOMPARE(tokenRows().size(), before);

        c.codeSystem = kSnomed;
        c.code = QStringLiteral("59621000");
        QVERIFY(entry.updateCondition(c).ok());
        QCOMPARE(tokenOf()->token, expectedToken(kSnomed, QStringLiteral("59621000")));

        // A refused edit (invalid code) leaves the token as it was.
        model::Condition bad = c;
        bad.code = QStringLiteral("not-a-code");
        QVERIFY(!entry.updateCondition(bad).ok());
        QCOMPARE(tokenOf()->token, expectedToken(kSnomed, QStringLiteral("59621000")));

        QVERIFY(entry.removeCondition(patient.id, *id).ok());
        QVERIFY(!tokenOf().has_value());
        QCOMPARE(tokenRows().size(), before);
        // An uncoded condition added as free text gets no token.
        model::Condition freeText = c;
        freeText.id = {};
        freeText.codeSystem.clear();
        freeText.code.clear();
        QVERIFY(entry.addCondition(patient.id, freeText).ok());
        QCOMPARE(tokenRows().size(), before);
    }

    // The filter selects exactly the patients of the CSV files who have any of the conditions and
    // the measure; the encrypted run, the custodian's recomputation and the published count agree.
    void reportCountsExactlyThePatientsWithTheConditions_data()
    {
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("full-time employment") << QStringList{kFullTimeEmployment};
        QTest::newRow("employment or limited social contact")
            << QStringList{kFullTimeEmployment, kLimitedSocialContact};
    }
    void reportCountsExactlyThePatientsWithTheConditions()
    {
        QFETCH(QStringList, codes);
        importSynthea();
        // Independent count from the fixture's CSV files.
        const auto byCondition = patientsByCondition();
        const auto weighed = patientsWithObservation(kBodyWeight);
        std::set<QString> cohort;
        for (const auto& code : codes)
            for (const auto& id : byCondition.at(code))
                if (weighed.count(id) != 0)
                    cohort.insert(id);
        QVERIFY(cohort.size() >= 5);
        const auto bySource = patientsBySource();
        std::set<access::PatientRef> expectedRefs;
        for (const auto& id : cohort)
            expectedRefs.insert(m_t->refOf(bySource.at(id).id));
        const QString json = conditionsSpec(codes);

        asAdmin();
        // The administrator's selection (index key only) picks exactly these references.
        auto refs = selected(json);
        QVERIFY2(refs.ok(), refs.ok() ? "" : refs.error().describe().c_str());
        QCOMPARE(*refs, expectedRefs);
        QVERIFY(Reports(*m_t)->setMinimumCellSize(5).ok());
        auto published = runAndPublish(json);
        QVERIFY2(published.ok(), published.ok() ? "" : published.error().describe().c_str());
        const auto& f = published->report.cells.at(0).figures;
        QVERIFY(!f.suppressed);
        QCOMPARE(f.patients, static_cast<std::uint64_t>(cohort.size()));
        QCOMPARE(f.observations, static_cast<std::uint64_t>(cohort.size())); // latest: one per patient
        // Without the filter the cohort is every weighed patient: the filter did the selecting.
        asAdmin();
        auto everyone = selected(QStringLiteral(R"({"version":1,"title":"t","purpose":"quality",)"
                                                R"("measures":[{"code":"29463-7"}],"selection":"latest"})"));
        QVERIFY(everyone.ok());
        QCOMPARE(everyone->size(), weighed.size());
    }

    // A custodian recomputes the cohort with the same selection code: once the conditions are
    // removed from the clinic, the file's cell is no longer the product of the clinic's rows.
    void custodianRecomputesTheSameCohort()
    {
        importSynthea();
        const QString json = conditionsSpec({kFullTimeEmployment});
        asAdmin();
        auto file = Reports(*m_t)->run(spec(json));
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().describe().c_str());

        asDoctor();
        services::ClinicalEntryService entry(m_t->clinic());
        for (const auto& [source, patient] : patientsBySource()) {
            auto list = entry.conditions(patient.id);
            QVERIFY(list.ok());
            for (const auto& c : *list)
                if (c.code == kFullTimeEmployment)
                    QVERIFY(entry.removeCondition(patient.id, c.id).ok());
        }
        asAdmin();
        auto refs = selected(json);
        QVERIFY(refs.ok() && refs->empty());
        auto share = Reports(*m_t)->decryptShare(*file);
        QVERIFY(!share.ok());
        QCOMPARE(share.error().code, ErrorCode::IntegrityFailure);
        QVERIFY2(share.error().message.find("not the product of the clinic's rows") != std::string::npos,
                 share.error().message.c_str());
    }

    // A clinic from before schema 8 (and before patient references): its condition rows have no
    // tokens. A report with a condition filter is refused with the reason until the first doctor's
    // login, which converts the references and computes the tokens in one audited transaction.
    void refusedUntilADoctorLoginComputesTheTokens()
    {
        importSynthea();
        const auto stored = tokenRows();
        QVERIFY(!stored.empty());
        const QString json = conditionsSpec({kFullTimeEmployment});
        asAdmin();
        QVERIFY(Reports(*m_t)->setMinimumCellSize(5).ok());
        auto before = runAndPublish(json);
        QVERIFY2(before.ok(), before.ok() ? "" : before.error().describe().c_str());
        auto encrypted = Reports(*m_t)->run(spec(json));
        QVERIFY(encrypted.ok());

        // Back to the old form: clear patient ids in the rows, no tokens, no marker.
        asDoctor();
        std::map<access::PatientId, access::PatientRef> refs;
        for (const auto& [source, p] : patientsBySource())
            refs[p.id] = m_t->refOf(p.id);
        std::vector<model::RowId> tokenised;
        for (const auto& t : tokenRows()) {
            model::RowId id{};
            std::copy(t.rowId.begin(), t.rowId.end(), id.begin());
            tokenised.push_back(id);
        }
        QVERIFY(m_t->store()
                    .database()
                    .exec("DELETE FROM meta WHERE name IN ('condition_tokens', "
                          "'patient_ref_scheme');")
                    .ok());
        {
            // In one unit of work of the doctor's session, so the index seal follows (issue 10 item 6).
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            for (const auto& id : tokenised)
                QVERIFY(m_t->store().clinical().setConditionToken(id, {}).ok());
            for (const auto& [id, ref] : refs)
                QVERIFY(m_t->store().clinical().replacePatientRef(ref, records::legacyPatientRef(id)).ok());
            QVERIFY((*tx)->commit().ok());
        }

        asAdmin(); // an administrator's login cannot compute them (no clinical key)
        QCOMPARE(count("SELECT count(*) FROM condition_tokens;"), std::int64_t{0});
        auto refused = Reports(*m_t)->run(spec(json));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
        QVERIFY2(refused.error().message.find("condition tokens not yet computed: a doctor's login completes them") !=
                     std::string::npos,
                 refused.error().message.c_str());
        // The refusal is audited with its reason; reports without the filter still run.
        bool audited = false;
        for (const auto& e : events())
            audited = audited || (e.objectType == "Report" && e.outcome != audit::AuditOutcome::Success &&
                                  e.reason.find("condition tokens not yet computed") != std::string::npos);
        QVERIFY(audited);
        QVERIFY(Reports(*m_t)
                    ->run(spec(QStringLiteral(R"({"version":1,"title":"t","purpose":"quality",)"
                                              R"("measures":[{"code":"29463-7"}],"selection":"latest"})")))
                    .ok());
        // A custodian cannot decrypt an earlier filtered report either: the recomputation refuses.
        auto share = Reports(*m_t)->decryptShare(*encrypted);
        QVERIFY(!share.ok());
        QCOMPARE(share.error().code, ErrorCode::Unsupported);

        asDoctor();
        QVERIFY(m_t->store().meta().get(ports::meta::kConditionTokens)->has_value());
        auto after = tokenRows();
        QCOMPARE(after, stored); // same rows, same references (converted first), same tokens
        for (const auto& [id, ref] : refs)
            for (const auto& t : after)
                QVERIFY(t.ref != std::vector<std::uint8_t>(id.begin(), id.end()));
        bool computed = false;
        const std::string expected = "condition tokens computed: ";
        for (const auto& e : events())
            computed = computed || (e.objectType == "ConditionTokens" && e.outcome == audit::AuditOutcome::Success &&
                                    e.detail.rfind(expected, 0) == 0 &&
                                    e.detail.find(std::to_string(stored.size()) + " conditions") != std::string::npos);
        QVERIFY(computed);
        // Once: the next doctor login changes nothing and writes no second event.
        asDoctor();
        QCOMPARE(tokenRows(), stored);
        std::size_t conversions = 0;
        for (const auto& e : events())
            conversions += e.objectType == "ConditionTokens" ? 1 : 0;
        QCOMPARE(conversions, std::size_t{1});

        auto again = runAndPublish(json);
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().describe().c_str());
        QCOMPARE(again->report.cells.at(0).figures.patients, before->report.cells.at(0).figures.patients);
    }

    // An administrator (database, identity and index keys) finds no condition token by a named
    // patient's id; the table holds the row id, the pseudonymous reference and the token only.
    void administratorCannotLinkConditionTokensToNamedPatients()
    {
        importSynthea();
        asAdmin();
        auto all = m_t->store().patients().list();
        QVERIFY(all.ok() && !all->empty());
        const auto stored = tokenRows();
        std::set<std::vector<std::uint8_t>> tokenRefs;
        for (const auto& t : stored)
            tokenRefs.insert(t.ref);
        for (const auto& p : *all) {
            QVERIFY(!tokenRefs.count(std::vector<std::uint8_t>(p.id.begin(), p.id.end())));
            auto byId = m_t->store().database().prepare("SELECT count(*) FROM condition_tokens WHERE patient_ref = ?1 "
                                                        "OR row_id = ?1;");
            QVERIFY(byId.ok() && byId->bindBlob(1, p.id).ok() && *byId->step());
            QCOMPARE(byId->columnInt64(0), std::int64_t{0});
        }
        // The references are the clinical rows' own pseudonyms, which an administrator cannot
        // compute (TestRecords::administratorCannotLinkRowsToNamedPatients).
        auto rowRefs = m_t->store().clinical().patientRefs();
        QVERIFY(rowRefs.ok());
        std::set<std::vector<std::uint8_t>> pseudonyms;
        for (const auto& r : *rowRefs)
            pseudonyms.insert({r.bytes.begin(), r.bytes.end()});
        for (const auto& r : tokenRefs)
            QVERIFY(pseudonyms.count(r));
        auto columns = m_t->store().database().prepare("PRAGMA table_info(condition_tokens);");
        QVERIFY(columns.ok());
        QStringList names;
        while (*columns->step())
            names << QString::fromStdString(columns->columnText(1));
        QCOMPARE(names, (QStringList{"row_id", "patient_ref", "token"}));
        // And the administrator's run works on them (index key only).
        auto refs = selected(conditionsSpec({kFullTimeEmployment}));
        QVERIFY2(refs.ok(), refs.ok() ? "" : refs.error().describe().c_str());
        QVERIFY(!refs->empty());
    }
};

QTEST_GUILESS_MAIN(TestConditionFilter)
#include "TestConditionFilter.moc"
