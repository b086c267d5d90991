// SPDX-License-Identifier: GPL-3.0-or-later
// ReportService::shareStatus: no share, then the custodian's own share (1 of 1),
// another report's shares not counted, a doctor refused (and the refusal audited); reportCsv of an
// encrypted and a published report.
#include "core/reports/ReportCsv.h"
#include "core/services/AuditService.h"
#include "core/services/ImportService.h"
#include "core/services/ReportService.h"
#include "db/SqlReportStore.h"
#include "tests/support/TestClinic.h"

#include <QTest>

using namespace cc;
using services::ReportService;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
const QByteArray kSpec = R"({"version":1,"title":"CD4","purpose":"quality","measures":[{"code":"24467-3"}],)"
                         R"("selection":"latest"})";

reports::ReportSpec spec()
{
    return reports::ReportSpec::fromJson(kSpec).value();
}

} // namespace

class TestReportShareStatus : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestClinic> m_t;

    void as(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        auto s = m_t->login(name, password);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
    }

    void fresh(const std::function<void(services::SetupRequest&)>& adjust = {})
    {
        auto t = test::TestClinic::create(adjust);
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        m_t = std::move(t).value();
        as(test::kDoctor, test::kDoctorPassword);
        auto imported =
            services::ImportService(m_t->clinic()).importActg315(kData + QStringLiteral("/actg315/ACTG315.csv"));
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
    }

private slots:
    void soleCustodian()
    {
        fresh();
        as(test::kAdmin, test::kAdminPassword);
        db::SqlReportStore store(m_t->store().database());
        ReportService reports(m_t->clinic(), store);
        auto file = reports.run(spec());
        QVERIFY(file.ok());
        const auto id = reports::ReportFile::read(*file)->reportId;
        auto before = reports.shareStatus(id);
        QVERIFY2(before.ok(), before.ok() ? "" : before.error().describe().c_str());
        QCOMPARE(before->threshold, 1u);
        QCOMPARE(before->parties, 1u);
        QCOMPARE(before->ownIndex, 1u);
        QVERIFY(before->custodians.empty());
        // The encrypted report's CSV has its cells and no figures.
        const std::string encryptedCsv = reports::reportCsv(*reports::ReportFile::read(*file));
        QVERIFY2(encryptedCsv.find(",\"24467-3\",\"/uL\",\"all\",no,\"\",,,,,,,\n") != std::string::npos,
                 encryptedCsv.c_str());
        QVERIFY(reports.decryptShare(*file).ok());
        auto after = reports.shareStatus(id);
        QVERIFY(after.ok());
        QCOMPARE(after->custodians, std::vector<std::uint32_t>{1});
        // Another report has none.
        auto other = reports.run(spec());
        QVERIFY(other.ok());
        QVERIFY(reports.shareStatus(reports::ReportFile::read(*other)->reportId)->custodians.empty());
        // Published: the CSV has the README figures (latest CD4 n 46, mean 285.665870, SD 102.017767).
        auto published = reports.publish(*file);
        QVERIFY2(published.ok(), published.ok() ? "" : published.error().describe().c_str());
        const std::string csv = reports::reportCsv(published->report);
        QVERIFY2(csv.rfind("report_id,purpose,cell,measure,unit,group,suppressed", 0) == 0, csv.c_str());
        QVERIFY2(csv.find(",\"24467-3\",\"/uL\",\"all\",no,\"\",46,46,285.67,102.02,") != std::string::npos,
                 csv.c_str());
    }

    void doctorIsRefusedAndAudited()
    {
        fresh();
        as(test::kDoctor, test::kDoctorPassword);
        db::SqlReportStore store(m_t->store().database());
        reports::ReportId id{};
        id[0] = 7;
        auto status = ReportService(m_t->clinic(), store).shareStatus(id);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::AccessDenied);
        as(test::kAdmin, test::kAdminPassword);
        auto events = services::AuditService(m_t->clinic()).list({});
        QVERIFY(events.ok());
        bool denied = false;
        for (const auto& e : *events)
            denied |= e.event.objectType == "Report" && e.event.objectId == reports::reportIdHex(id) &&
                      e.event.outcome != audit::AuditOutcome::Success;
        QVERIFY(denied);
    }
};

QTEST_GUILESS_MAIN(TestReportShareStatus)
#include "TestReportShareStatus.moc"
