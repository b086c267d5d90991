// SPDX-License-Identifier: GPL-3.0-or-later
// The review step for flagged audit events over a real clinic: a doctor's refused request waits
// for review, the home page counts it, the dialog records a review with a comment (itself an
// audit event); an empty comment and a second review are refused.
#include "core/services/AccountService.h"
#include "core/services/AuditReviewService.h"
#include "core/services/VerifyService.h"
#include "db/Database.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/admin/ReviewDialog.h"
#include "ui/admin/ReviewTableModel.h"
#include "ui/common/MessageBox.h"

#include "core/services/AuditService.h"
#include "ui/common/WitnessIndicator.h"
#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>

#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using cc::testing::ClinicFixture;
using namespace cc;
using namespace cc::ui;

class TestAuditReview : public QObject
{
    Q_OBJECT

private slots:
    /// An unreachable audit witness shows as a red warning in the status bar (work goes on), the
    /// collector's address and the backlog in its tooltip.
    void unreachableWitnessIsShownInTheStatusBar()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        AdminWindow window(f.clinic());
        window.show();
        auto* indicator = window.findChild<cc::ui::WitnessIndicator*>("witnessLabel");
        QVERIFY(indicator != nullptr);
        QVERIFY(indicator->isHidden());
        // Port 1 on the loopback: nothing listens, every delivery fails at once.
        QVERIFY(cc::services::AuditService(f.clinic()).setWitness("127.0.0.1:1").ok());
        window.showPage(AdminWindow::Page::Home); // audited reads: deliveries attempted
        indicator->refresh();
        QVERIFY2(!indicator->isHidden(), qPrintable(indicator->text()));
        QVERIFY(indicator->text().contains("witness"));
        QVERIFY(indicator->toolTip().contains("127.0.0.1"));
    }
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        MessageBox::setTestMode(true);
    }

    void refusalWaitsAndIsReviewedOnce()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        AdminHomeView home(f.clinic());
        home.refresh();
        const int before = home.unreviewedCount();
        QVERIFY(before >= 0);
        f.clinic().logout();

        // A doctor asks for the account list: refused, recorded as a serious failure.
        QVERIFY(f.login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        QCOMPARE(services::AccountService(f.clinic()).list().error().code, ErrorCode::AccessDenied);
        f.clinic().logout();

        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        home.refresh();
        QCOMPARE(home.unreviewedCount(), before + 1);
        QVERIFY(home.findChild<QLabel*>("reviewLabel")->text().contains(QString::number(before + 1)));

        ReviewDialog* dialog = home.openReviewDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        int row = -1;
        for (int r = 0; r < dialog->model()->rowCount(); ++r)
            if (dialog->model()->item(r).event.userName == ClinicFixture::kDoctor)
                row = r;
        QVERIFY(row >= 0);
        QVERIFY(dialog->model()->index(row, ReviewTableModel::EventColumn).data().toString().startsWith("Refused"));
        dialog->selectRow(row);
        auto* mark = dialog->findChild<QPushButton*>("markReviewedPushButton");
        QVERIFY(!mark->isEnabled()); // no comment yet
        QTest::keyClicks(dialog->findChild<QLineEdit*>("commentLineEdit"), "asked Dr Grey: clicked the wrong menu");
        QVERIFY(mark->isEnabled());
        QVERIFY(testing::adminScreenshot(dialog, "admin-audit-review.png"));
        const std::uint64_t seq = dialog->model()->item(row).event.seq;
        QTest::mouseClick(mark, Qt::LeftButton);
        QVERIFY2(dialog->findChild<QLabel*>("statusLabel")->text().contains("Review recorded"),
                 qPrintable(dialog->findChild<QLabel*>("statusLabel")->text()));
        QCOMPARE(home.unreviewedCount(), before); // the home page counted again

        // The review is an audit event carrying the comment.
        const auto reviews = testing::eventsStartingWith(f.clinic(), "review of event " + std::to_string(seq));
        QCOMPARE(reviews.size(), std::size_t{1});
        QCOMPARE(reviews.front().reason, std::string("asked Dr Grey: clicked the wrong menu"));
        QCOMPARE(reviews.front().userName, std::string(ClinicFixture::kAdmin));

        // Refusals, each audited: a second review, an empty comment, an event that needs none.
        services::AuditReviewService service(f.clinic());
        QCOMPARE(service.markReviewed(seq, "again").error().code, ErrorCode::AlreadyExists);
        QCOMPARE(service.markReviewed(seq, "  ").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(service.markReviewed(1, "the ceremony").error().code, ErrorCode::NotFound);
        QCOMPARE(testing::eventsStartingWith(f.clinic(), "review of event " + std::to_string(seq) + " refused").size(),
                 std::size_t{2});
    }

    /// The automatic check after an administrator's login: a clean clinic raises nothing; an
    /// altered identity document raises the tamper alarm (audited, flagged), which stays on Home, also for the
    /// next login, until an administrator marks it examined with a comment (audited).
    void tamperCheckRaisesAnAlarmUntilExamined()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        AdminWindow window(f.clinic());
        window.show();
        window.showPage(AdminWindow::Page::Home);
        QCOMPARE(window.checkClinic(), QString());
        QVERIFY(!window.homeView()->alarmShown());
        // Home at a glance: when the clinic was verified and by whom, key ages, account states.
        window.homeView()->refresh();
        const auto label = [&](const char* name) { return window.homeView()->findChild<QLabel*>(name)->text(); };
        QVERIFY2(label("verifiedLabel").contains(ClinicFixture::kAdmin), qPrintable(label("verifiedLabel")));
        QVERIFY2(label("keyAgesLabel").contains("DatabaseKey v1"), qPrintable(label("keyAgesLabel")));
        QVERIFY2(label("accountsStateLabel").startsWith("0 locked"), qPrintable(label("accountsStateLabel")));
        QVERIFY(testing::eventsStartingWith(f.clinic(), "tamper alarm").empty());
        // "Verify now" on Home runs the same check at once (one more audited verify).
        const auto verifiesBefore = testing::eventsStartingWith(f.clinic(), "verify clinic").size();
        QTest::mouseClick(window.homeView()->findChild<QPushButton*>("verifyNowPushButton"), Qt::LeftButton);
        QCOMPARE(testing::eventsStartingWith(f.clinic(), "verify clinic").size(), verifiesBefore + 1);
        QVERIFY(!window.homeView()->alarmShown());

        // Someone with the database key alters a patient's sealed identity document.
        const auto patient = f.registerPatient("Ida", "Tamm", "MRN-9001", "1970-01-01");
        QVERIFY(patient.ok());
        auto rows = f.store().patients().list();
        QVERIFY(rows.ok() && rows->size() == 1);
        std::vector<std::uint8_t> doc = rows->front().document;
        doc[doc.size() / 2] ^= 0x01;
        auto stmt = f.store().database().prepare("UPDATE patients SET doc = ?1 WHERE id = ?2;");
        QVERIFY(stmt.ok() && stmt->bindBlob(1, doc).ok() && stmt->bindBlob(2, rows->front().id).ok() &&
                stmt->step().ok());
        const QString problem = window.checkClinic();
        QVERIFY2(!problem.isEmpty(), "the damaged anchor is a finding");
        QVERIFY(window.homeView()->alarmShown());
        const QString text = window.homeView()->findChild<QLabel*>("alarmLabel")->text();
        QVERIFY2(text.contains(QStringLiteral("Tamper alarm")) && text.contains(problem.left(20).toHtmlEscaped()),
                 qPrintable(text));
        const auto raised = testing::eventsStartingWith(f.clinic(), "tamper alarm raised");
        QCOMPARE(raised.size(), std::size_t{1});
        QVERIFY(raised.front().flagged);
        QVERIFY(testing::adminScreenshot(&window, "admin-tamper-alarm.png"));

        // Another administrator session sees it too.
        f.clinic().logout();
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        AdminHomeView home(f.clinic());
        home.refresh();
        QVERIFY(home.alarmShown());
        QCOMPARE(home.markAlarmExamined(QStringLiteral("ok")).error().code, ErrorCode::InvalidArgument);
        QVERIFY(home.alarmShown());
        QVERIFY(home.markAlarmExamined(QStringLiteral("Anchor overwritten by a disk tool; trail verified against the "
                                                      "witness, nothing missing"))
                    .ok());
        QVERIFY(!home.alarmShown());
        const auto examined = testing::eventsStartingWith(f.clinic(), "tamper alarm examined");
        QCOMPARE(examined.size(), std::size_t{2}); // the refused comment and the accepted one
        QVERIFY(examined.back().reason.find("disk tool") != std::string::npos);
        home.refresh();
        QVERIFY(!home.alarmShown());
    }
};

QTEST_MAIN(TestAuditReview)
#include "TestAuditReview.moc"
