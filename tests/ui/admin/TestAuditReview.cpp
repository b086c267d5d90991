// SPDX-License-Identifier: GPL-3.0-or-later
// The review step for flagged audit events over a real clinic: a doctor's refused request waits
// for review, the home page counts it, the dialog records a review with a comment (itself an
// audit event); an empty comment and a second review are refused.
#include "core/services/AccountService.h"
#include "core/services/AuditReviewService.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/ReviewDialog.h"
#include "ui/admin/ReviewTableModel.h"
#include "ui/common/MessageBox.h"

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
};

QTEST_MAIN(TestAuditReview)
#include "TestAuditReview.moc"
