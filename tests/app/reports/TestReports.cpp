// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted reports end to end over a real clinic: ACTG 315 and Synthea reference figures through
// run → custodian share → publish; suppression; the differencing refusal; research opt-outs; a
// custodian refusing a substituted cell; tampered files; a 2-of-3 quorum with a forged partial.
#include "core/access/KeyRing.h"
#include "core/crypto/Hex.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/PackedLayout.h"
#include "core/records/BlindToken.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/Base64Url.h"
#include "core/reports/DecryptionShare.h"
#include "core/services/AuditService.h"
#include "core/services/ConsentService.h"
#include "core/services/ImportService.h"
#include "core/services/ObservationService.h"
#include "core/services/ReportService.h"
#include "core/services/ValueLayouts.h"
#include "core/services/VerifyService.h"
#include "db/Database.h"
#include "db/SqlReportStore.h"
#include "tests/support/TestClinic.h"

#include <QTest>

#include <cmath>

using namespace cc;
using namespace cc::reports;
using services::ReportService;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);

ReportSpec spec(const QString& json)
{
    auto s = ReportSpec::fromJson(json.toUtf8());
    if (!s.ok())
        qFatal("bad spec in test: %s", s.error().message.c_str());
    return std::move(s).value();
}

QString oneMeasure(const QString& code, const QString& selection, const QString& purpose = "quality",
                   const QString& extra = {})
{
    return QStringLiteral(R"({"version":1,"title":"t","purpose":"%1","measures":[{"code":"%2"}],"selection":"%3"%4})")
        .arg(purpose, code, selection, extra);
}

} // namespace

/// The report service of a test clinic's current session (the store lives with the database).
struct Reports
{
    explicit Reports(test::TestClinic& t) : store(t.store().database()), service(t.clinic(), store) {}
    ReportService* operator->() { return &service; }
    db::SqlReportStore store;
    ReportService service;
};

class TestReports : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestClinic> m_t;

    void fresh(const std::function<void(services::SetupRequest&)>& adjust = {})
    {
        auto t = test::TestClinic::create(adjust);
        if (!t.ok())
            qFatal("clinic: %s", t.error().describe().c_str());
        m_t = std::move(t).value();
    }

    void as(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        auto s = m_t->login(name, password);
        if (!s.ok())
            qFatal("login %s: %s", name.c_str(), s.error().describe().c_str());
    }
    void asAdmin() { as(test::kAdmin, test::kAdminPassword); }

    void importSynthea()
    {
        as(test::kDoctor, test::kDoctorPassword);
        auto s = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
    }

    void importActg()
    {
        as(test::kDoctor, test::kDoctorPassword);
        auto s = services::ImportService(m_t->clinic()).importActg315(kData + "/actg315/ACTG315.csv");
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
    }

    /// Runs a spec as the administrator, who is the sole custodian, and publishes it.
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

    /// The index rows of a code (test-only direct look at the store; tokens need the index key).
    std::vector<ports::ObservationIndexRow> indexRows(const QString& code)
    {
        const auto* ring = m_t->clinic().keys().value();
        const auto& indexKey = ring->find(access::KeyKind::Index)->secret;
        auto token =
            records::BlindToken::compute(indexKey, records::TokenDimension::ObservationCode, code.toStdString());
        return m_t->store().clinical().indexByCode({token->begin(), token->end()}).value();
    }

    /// The clinic's signing key, as any administrator holds it (to forge "clinic-signed" files).
    crypto::Ed25519PrivateKey clinicSigner()
    {
        const auto* ring = m_t->clinic().keys().value();
        return crypto::Ed25519PrivateKey::fromSeed(ring->find(access::KeyKind::ClinicSigning)->secret.span()).value();
    }

    std::vector<audit::AuditEvent> reportEvents()
    {
        std::vector<audit::AuditEvent> out;
        auto entries = services::AuditService(m_t->clinic()).list({});
        if (!entries.ok())
            qFatal("audit list: %s", entries.error().describe().c_str());
        for (const auto& e : *entries)
            if (e.event.objectType == "Report")
                out.push_back(e.event);
        return out;
    }

    static bool near(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance; }

private slots:
    void actg315ReferenceFigures()
    {
        fresh();
        importActg();
        // README: CD4 all visits n=361, mean 249.722050, SD 97.496255 (46 patients); decimals 2.
        auto all = runAndPublish(oneMeasure("24467-3", "all"));
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().describe().c_str());
        const auto& f = all->report.cells.at(0).figures;
        QVERIFY(!f.suppressed);
        QCOMPARE(f.observations, std::uint64_t{361});
        QCOMPARE(f.patients, std::uint64_t{46});
        QVERIFY2(near(f.mean, 249.722050, 0.005), qPrintable(QString::number(f.mean)));
        QVERIFY2(near(f.sd, 97.496255, 0.005), qPrintable(QString::number(f.sd)));
        QVERIFY(f.p25Estimate <= f.medianEstimate && f.medianEstimate <= f.p75Estimate);
        // Histogram bins each hold at least 11 × (most rows of one patient) rows, or none.
        std::uint64_t total = 0;
        for (const auto& b : f.histogram) {
            total += b.count;
            QVERIFY(b.count == 0 || b.count >= 11);
        }
        QCOMPARE(total, std::uint64_t{361});
        QVERIFY(all->rejectedPartials.empty());
        QCOMPARE(all->report.custodians, std::vector<std::uint32_t>{1});
        // README: latest CD4 per patient n=46, mean 285.665870, SD 102.017767.
        auto latest = runAndPublish(oneMeasure("24467-3", "latest"));
        QVERIFY2(latest.ok(), latest.ok() ? "" : latest.error().describe().c_str());
        const auto& l = latest->report.cells.at(0).figures;
        QCOMPARE(l.observations, std::uint64_t{46});
        QVERIFY2(near(l.mean, 285.665870, 0.005), qPrintable(QString::number(l.mean)));
        QVERIFY2(near(l.sd, 102.017767, 0.005), qPrintable(QString::number(l.sd)));
        // The published file reads back, signed by the clinic.
        auto verified = Reports(*m_t)->verify(latest->file);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().describe().c_str());
        QCOMPARE(verified->kind, ReportFile::Kind::Published);
        // Run, share and publish are each audited with the report id and the spec hash.
        const auto events = reportEvents();
        const std::string id = reportIdHex(latest->report.reportId);
        const std::string hash = crypto::hexEncode(latest->report.specSha256);
        int forThisReport = 0;
        for (const auto& e : events)
            if (e.objectId == id) {
                ++forThisReport;
                QVERIFY2(e.detail.find(hash) != std::string::npos, e.detail.c_str());
            }
        QCOMPARE(forThisReport, 4); // run, decryption share, publish, verify
    }

    void viralLoadCopiesReferenceFigures()
    {
        fresh();
        importActg();
        // README: RNA copies/mL (round(10^log10)), all visits n=361, mean 53434.905817, SD 159429.3;
        // latest per patient n=46, mean 15915.434783, SD 37367.56. Σx² is above 2^64 (about
        // 9.2e12 · 10^3): the 80-bit slot of the copies/mL layout sums them all exactly. Published
        // at the catalogue's precision (whole copies).
        auto all = runAndPublish(oneMeasure("20447-9", "all"));
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().describe().c_str());
        const auto& a = all->report.cells.at(0).figures;
        QVERIFY(!a.suppressed);
        QCOMPARE(a.observations, std::uint64_t{361});
        QVERIFY2(near(a.mean, 53434.905817, 0.5), qPrintable(QString::number(a.mean, 'f', 1)));
        QVERIFY2(near(a.sd, 159429.3, 0.5), qPrintable(QString::number(a.sd, 'f', 1)));
        auto latest = runAndPublish(oneMeasure("20447-9", "latest"));
        QVERIFY2(latest.ok(), latest.ok() ? "" : latest.error().describe().c_str());
        const auto& l = latest->report.cells.at(0).figures;
        QCOMPARE(l.observations, std::uint64_t{46});
        QVERIFY2(near(l.mean, 15915.434783, 0.5), qPrintable(QString::number(l.mean, 'f', 1)));
        QVERIFY2(near(l.sd, 37367.56, 0.5), qPrintable(QString::number(l.sd, 'f', 1)));
    }

    void viralLoadUnderItsRetiredLayoutIsReencryptedAtADoctorsLogin()
    {
        fresh();
        importActg();
        // A clinic from before 2026-12: its copies/mL values under the retired layout (18 values
        // at most), here each with a wrong value, so that only a re-encryption from the charts can
        // give the reference figures; and no value_layouts marker.
        const QString code = QStringLiteral("20447-9");
        const interop::UnitDefinition* def = interop::UnitsCatalogue::builtIn().find(code);
        QCOMPARE(def->retiredLayoutIds.size(), std::size_t{1});
        const auto current = records::ObservationLayout::forCode(interop::UnitsCatalogue::builtIn(), code).value();
        const auto retired =
            paillier::PackedLayout::forValues(def->retiredLayoutIds[0], 18, current.maxValue(), current.binEdges())
                .value();
        const auto key = services::ObservationService::reportKey(m_t->clinic()).value();
        const auto& indexKey = m_t->clinic().keys().value()->find(access::KeyKind::Index)->secret;
        auto rows = indexRows(code);
        QCOMPARE(rows.size(), std::size_t{361});
        {
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            for (auto& row : rows) {
                row.paillier = retired.encrypt(key, 7, m_t->clinic().rng()).value().toBytes();
                const auto mac = records::ObservationIndexer::rowMac(indexKey, row.rowId, row.paillier).value();
                row.paillierMac.assign(mac.begin(), mac.end());
                QVERIFY(m_t->store().clinical().updateIndex(row).ok());
            }
            auto stmt = m_t->store().database().prepare("DELETE FROM meta WHERE name = 'value_layouts';");
            QVERIFY(stmt.ok() && stmt->step().ok());
            QVERIFY((*tx)->commit().ok());
        }
        // Until a doctor logs in, a report of the code is refused with the reason; others run.
        asAdmin();
        auto refused = Reports(*m_t)->run(spec(oneMeasure(code, "all")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
        QVERIFY2(refused.error().message.find("a doctor's login re-encrypts them") != std::string::npos,
                 refused.error().message.c_str());
        QVERIFY(Reports(*m_t)->run(spec(oneMeasure("25836-8", "all"))).ok());
        // The doctor's login re-encrypts every value under the current layout, from the charts,
        // audited, in one sealed unit of work; the next login has nothing to do.
        as(test::kDoctor, test::kDoctorPassword);
        for (const auto& row : indexRows(code))
            QCOMPARE(paillier::Ciphertext::checkHeader(key, row.paillier).value(), current.id());
        QCOMPARE(services::ValueLayouts::complete(m_t->clinic()).value(), std::size_t{0});
        auto verified = services::VerifyService(m_t->clinic()).verifyClinic();
        QVERIFY2(verified.ok() && verified->ok, verified.ok() ? verified->problem.c_str() : "verify failed");
        asAdmin();
        bool audited = false;
        const auto entries = services::AuditService(m_t->clinic()).list({});
        QVERIFY(entries.ok());
        for (const auto& e : *entries)
            audited = audited || (e.event.objectType == "ValueLayouts" &&
                                  e.event.detail.find("361 values of 46 patients") != std::string::npos);
        QVERIFY(audited);
        auto all = runAndPublish(oneMeasure(code, "all"));
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().describe().c_str());
        QVERIFY(near(all->report.cells.at(0).figures.mean, 53434.905817, 0.5));
    }

    void viralLoadLog10ReferenceFigures()
    {
        fresh();
        importActg();
        // README: log10 RNA all visits n=361, mean 3.610381, SD 1.137140; latest per patient n=46,
        // mean 2.886837, SD 1.182296. Stored at four decimals (25836-8) and published at the
        // catalogue's precision: within 1e-4 plus the rounding of each stored value.
        auto all = runAndPublish(oneMeasure("25836-8", "all"));
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().describe().c_str());
        const auto& a = all->report.cells.at(0).figures;
        QVERIFY(!a.suppressed);
        QCOMPARE(a.observations, std::uint64_t{361});
        QCOMPARE(a.patients, std::uint64_t{46});
        QVERIFY2(near(a.mean, 3.610381, 0.00015), qPrintable(QString::number(a.mean, 'f', 6)));
        QVERIFY2(near(a.sd, 1.137140, 0.00015), qPrintable(QString::number(a.sd, 'f', 6)));
        auto latest = runAndPublish(oneMeasure("25836-8", "latest"));
        QVERIFY2(latest.ok(), latest.ok() ? "" : latest.error().describe().c_str());
        const auto& l = latest->report.cells.at(0).figures;
        QCOMPARE(l.observations, std::uint64_t{46});
        QVERIFY2(near(l.mean, 2.886837, 0.00015), qPrintable(QString::number(l.mean, 'f', 6)));
        QVERIFY2(near(l.sd, 1.182296, 0.00015), qPrintable(QString::number(l.sd, 'f', 6)));
        // The median estimate comes from the histogram (edges 1.7, 2.3, 3, 4, …): README 2.69679.
        QVERIFY(l.medianEstimate >= 2.3 && l.medianEstimate <= 3.0);
    }

    void syntheaReferenceFiguresAndSuppression()
    {
        fresh();
        importSynthea();
        // README: systolic BP 8480-6 all n=27 sum 3122; total cholesterol 2093-3 n=9 (decimals 0 and 1).
        auto r = runAndPublish(QStringLiteral(R"({"version":1,"title":"BP and cholesterol","purpose":"quality",
            "measures":[{"code":"8480-6"},{"code":"2093-3"}],"selection":"all"})"));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        const auto& bp = r->report.cells.at(0).figures;
        QCOMPARE(bp.observations, std::uint64_t{27});
        QVERIFY(near(bp.mean, 3122.0 / 27.0, 0.5));
        // Nine cholesterol values cannot come from 11 patients: suppressed, nothing shown.
        const auto& chol = r->report.cells.at(1).figures;
        QVERIFY(chol.suppressed);
        QCOMPARE(chol.reason, QStringLiteral("fewer than 11 patients"));
        QCOMPARE(chol.observations, std::uint64_t{0});
        // By sex (latest, n=24): empty sexes are suppressed, the rest add up to the 24 patients.
        auto bySex = runAndPublish(oneMeasure("8480-6", "latest", "quality", R"(,"groupBy":["sex"])"));
        if (!bySex.ok()) {
            // Both sexes small: a refusal with its reason, audited.
            QCOMPARE(bySex.error().code, ErrorCode::AccessDenied);
        } else {
            std::uint64_t patients = 0;
            for (const auto& c : bySex->report.cells)
                patients += c.figures.suppressed ? 0 : c.figures.patients;
            QVERIFY(patients == 24 || patients == 0);
            QVERIFY(bySex->report.cells[2].figures.suppressed); // "other": nobody
        }
    }

    void minimumCellSizeRules()
    {
        fresh();
        asAdmin();
        Reports reports(*m_t);
        QCOMPARE(reports->minimumCellSize().value(), std::uint32_t{11});
        QCOMPARE(reports->setMinimumCellSize(4).error().code, ErrorCode::InvalidArgument);
        QVERIFY(reports->setMinimumCellSize(5).ok());
        QCOMPARE(reports->minimumCellSize().value(), std::uint32_t{5});
        // A doctor may not change it, nor run reports.
        as(test::kDoctor, test::kDoctorPassword);
        QCOMPARE(Reports(*m_t)->setMinimumCellSize(20).error().code, ErrorCode::AccessDenied);
        QCOMPARE(Reports(*m_t)->run(spec(oneMeasure("8480-6", "all"))).error().code, ErrorCode::AccessDenied);
    }

    void researchLeavesOutOptOutsAndDifferencingRefuses()
    {
        fresh();
        importSynthea();
        const auto rows = indexRows("8480-6");
        // The doctor (still logged in after the import) finds whose reference the row carries.
        access::PatientId optedOut{};
        auto all = m_t->store().patients().list();
        QVERIFY(all.ok());
        for (const auto& p : *all)
            if (m_t->refOf(p.id) == rows.front().patientRef)
                optedOut = p.id;
        QVERIFY(optedOut != access::PatientId{});
        auto opt = services::ConsentService(m_t->clinic()).setResearchOptOut(optedOut, true);
        QVERIFY2(opt.ok(), opt.ok() ? "" : opt.error().describe().c_str());
        // Research: the opted-out patient's latest value is left out (24 → 23).
        auto research = runAndPublish(oneMeasure("8480-6", "latest", "research"));
        QVERIFY2(research.ok(), research.ok() ? "" : research.error().describe().c_str());
        QCOMPARE(research->report.cells[0].figures.patients, std::uint64_t{23});
        QCOMPARE(research->report.cells[0].figures.observations, std::uint64_t{23});
        // The quality report over the same measure differs by that one patient: refused, with the
        // reason, at the custodian's share, and audited as refused.
        asAdmin();
        Reports reports(*m_t);
        auto quality = reports->run(spec(oneMeasure("8480-6", "latest", "quality")));
        QVERIFY(quality.ok());
        auto share = reports->decryptShare(*quality);
        QVERIFY(!share.ok());
        QCOMPARE(share.error().code, ErrorCode::AccessDenied);
        QVERIFY2(share.error().message.find("differencing") != std::string::npos, share.error().message.c_str());
        QVERIFY(share.error().message.find("by 1 patients") != std::string::npos);
        auto publish = reports->publish(*quality);
        QCOMPARE(publish.error().code, ErrorCode::AccessDenied);
        bool audited = false;
        for (const auto& e : reportEvents())
            audited = audited || (e.outcome == audit::AuditOutcome::SeriousFailure &&
                                  e.reason.find("refused: differencing") != std::string::npos);
        QVERIFY(audited);
    }

    void custodianRefusesASubstitutedCell()
    {
        fresh();
        importSynthea();
        asAdmin();
        Reports reports(*m_t);
        auto bytes = reports->run(spec(oneMeasure("8480-6", "latest")));
        QVERIFY(bytes.ok());
        // An administrator (who holds the signing key) swaps the cell for one patient's ciphertext
        // and re-signs: the file verifies, but no custodian decrypts it.
        auto file = ReportFile::read(*bytes).value();
        file.cells[0].ciphertext = indexRows("8480-6").front().paillier;
        const auto forged = file.sign(clinicSigner());
        QVERIFY(reports->verify(forged).ok());
        auto share = reports->decryptShare(forged);
        QVERIFY(!share.ok());
        QCOMPARE(share.error().code, ErrorCode::IntegrityFailure);
        QVERIFY2(share.error().message.find("cell 0 is not the product") != std::string::npos,
                 share.error().message.c_str());
        QCOMPARE(reports->publish(forged).error().code, ErrorCode::IntegrityFailure);
    }

    // The index MAC is no longer checked row by row in a run (the index seal covers the MAC column
    // and the ciphertext of every row; everyone who can write the database holds the MAC key).
    void badRowMacIsNamedByTheSealFailureAndTheDoctorsVerify()
    {
        fresh();
        importSynthea();
        asAdmin();
        auto row = indexRows("8480-6").at(3);
        row.paillierMac[0] ^= 0x01;
        {
            // An administrator's unit of work cannot change the index (issue 10 item 6).
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            QVERIFY(m_t->store().clinical().updateIndex(row).ok());
            QCOMPARE((*tx)->commit().error().code, ErrorCode::AccessDenied);
        }
        // Changed by SQL (no seal follows): the run is refused by the seal, and the rows' MACs,
        // checked only then, name the row.
        auto setMac = [&](const std::vector<std::uint8_t>& mac) {
            auto stmt =
                m_t->store().database().prepare("UPDATE observation_index SET paillier_mac = ?2 WHERE row_id = ?1;");
            return stmt.ok() && stmt->bindBlob(1, row.rowId).ok() && stmt->bindBlob(2, mac).ok() && stmt->step().ok();
        };
        std::vector<std::uint8_t> genuine = row.paillierMac;
        genuine[0] ^= 0x01;
        QVERIFY(setMac(row.paillierMac));
        auto refused = Reports(*m_t)->run(spec(oneMeasure("8480-6", "all")));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::IntegrityFailure);
        QVERIFY2(refused.error().message.find("does not match its seal") != std::string::npos &&
                     refused.error().message.find(crypto::hexEncode(row.rowId) + " fails its MAC") != std::string::npos,
                 refused.error().message.c_str());
        QVERIFY(setMac(genuine));
        QVERIFY(Reports(*m_t)->run(spec(oneMeasure("8480-6", "all"))).ok());
        // A doctor's session seals what it writes: a bad MAC written through CipherChart itself (a
        // bug, since every writer holds the key) leaves the ciphertext and so the sums right; the
        // doctor's whole-clinic verify, which checks every index MAC, names the row.
        as(test::kDoctor, test::kDoctorPassword);
        {
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            QVERIFY(m_t->store().clinical().updateIndex(row).ok());
            QVERIFY((*tx)->commit().ok());
        }
        auto report = services::VerifyService(m_t->clinic()).verifyClinic();
        QVERIFY(report.ok() && !report->ok);
        QVERIFY2(report->problem.find(crypto::hexEncode(row.rowId)) != std::string::npos, report->problem.c_str());
        asAdmin();
        QVERIFY(Reports(*m_t)->run(spec(oneMeasure("8480-6", "all"))).ok());
    }

    void tamperedFilesAreRefused_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("flipped byte") << 0;
        QTest::newRow("swapped cells, signature kept") << 1;
        QTest::newRow("another clinic's signature") << 2;
        QTest::newRow("another report key id, re-signed") << 3;
        QTest::newRow("c >= n², re-signed") << 4;
        QTest::newRow("c = 0, re-signed") << 5;
    }
    void tamperedFilesAreRefused()
    {
        QFETCH(int, what);
        fresh();
        importSynthea();
        asAdmin();
        Reports reports(*m_t);
        const auto sexSpec = spec(oneMeasure("8480-6", "all", "quality", R"(,"groupBy":["sex"])"));
        auto bytes = reports->run(sexSpec).value();
        auto file = ReportFile::read(bytes).value();
        switch (what) {
        case 0:
            bytes[bytes.size() / 2] ^= 0x10;
            break;
        case 1: {
            // Swap the two cells' ciphertexts in place in the signed body.
            auto body = QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
            const QByteArray a = reports::toBase64Url(file.cells[0].ciphertext).toLatin1();
            const QByteArray b = reports::toBase64Url(file.cells[1].ciphertext).toLatin1();
            body.replace(a, "@SWAP@").replace(b, a).replace("@SWAP@", b);
            bytes.assign(body.begin(), body.end());
            break;
        }
        case 2: {
            auto other = test::TestClinic::create();
            QVERIFY(other.ok());
            QVERIFY((*other)->login(test::kAdmin, test::kAdminPassword).ok());
            bytes = Reports(**other)->run(sexSpec).value();
            break;
        }
        case 3:
            file.keyId[0] ^= 0xFF;
            bytes = file.sign(clinicSigner());
            break;
        case 4:
        case 5: {
            auto& c = file.cells[1].ciphertext;
            std::fill(c.begin() + 12, c.end(), what == 4 ? 0xFF : 0x00);
            bytes = file.sign(clinicSigner());
            break;
        }
        default:
            QFAIL("unknown case");
        }
        auto verified = reports->verify(bytes);
        QVERIFY(!verified.ok());
        // Both map to the CLI's exit code 3.
        QVERIFY2(verified.error().code == ErrorCode::IntegrityFailure ||
                     verified.error().code == ErrorCode::KeyMismatch,
                 verified.error().describe().c_str());
        QVERIFY(!reports->decryptShare(bytes).ok());
        QVERIFY(!reports->publish(bytes).ok());
    }

    void quorumTwoOfThreeNamesAForgedPartial()
    {
        fresh([](services::SetupRequest& r) {
            r.custodians.push_back({"carol", test::secret("carol-password-1")});
            r.custodians.push_back({"dave", test::secret("dave-password-1")});
            r.adminIsCustodian = true;
            r.reportThreshold = 2;
        });
        importActg();
        asAdmin();
        auto bytes = Reports(*m_t)->run(spec(oneMeasure("24467-3", "latest"))).value();
        auto alice = Reports(*m_t)->decryptShare(bytes);
        QVERIFY2(alice.ok(), alice.ok() ? "" : alice.error().describe().c_str());
        QCOMPARE(alice->custodian, std::uint32_t{1});
        // One share is not enough.
        QCOMPARE(Reports(*m_t)->publish(bytes).error().code, ErrorCode::InvalidArgument);
        // A forged share claiming to be custodian 3 (alice's partials relabelled): named and refused.
        auto forged = DecryptionShare::decode(alice->share).value();
        forged.custodian = 3;
        for (auto& p : forged.partials)
            p.partial.index = 3;
        const auto forgedBytes = forged.encode();
        auto notEnough = Reports(*m_t)->publish(bytes, {forgedBytes});
        QCOMPARE(notEnough.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(notEnough.error().message.find("custodian 3") != std::string::npos, notEnough.error().message.c_str());
        // Carol, at the same workstation, contributes; the forged one is named and skipped.
        as("carol", "carol-password-1");
        auto carol = Reports(*m_t)->decryptShare(bytes);
        QVERIFY2(carol.ok(), carol.ok() ? "" : carol.error().describe().c_str());
        QCOMPARE(carol->custodian, std::uint32_t{2});
        auto published = Reports(*m_t)->publish(bytes, {forgedBytes});
        QVERIFY2(published.ok(), published.ok() ? "" : published.error().describe().c_str());
        QCOMPARE(published->report.custodians, (std::vector<std::uint32_t>{1, 2}));
        QCOMPARE(published->rejectedPartials.size(), std::size_t{1});
        QVERIFY(published->rejectedPartials[0].find("custodian 3") != std::string::npos);
        QVERIFY(near(published->report.cells[0].figures.mean, 285.665870, 0.005));
        // A doctor holds no share.
        as(test::kDoctor, test::kDoctorPassword);
        QCOMPARE(Reports(*m_t)->decryptShare(bytes).error().code, ErrorCode::AccessDenied);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "TestReports.moc"
