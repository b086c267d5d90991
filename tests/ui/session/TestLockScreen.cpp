// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AccountService.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AccountTableModel.h"
#include "ui/admin/AccountsView.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/common/BackgroundTask.h"
#include "ui/doctor/DoctorWindow.h"
#include "ui/login/LoginWindow.h"
#include "ui/session/ChangePasswordDialog.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionFlow.h"
#include "ui/session/SessionWindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using cc::access::Session;
using cc::testing::ClinicFixture;
using cc::ui::SessionFlow;
using namespace std::chrono_literals;

class TestLockScreen : public QObject
{
    Q_OBJECT

    static void loginThroughWindow(SessionFlow& flow, const QString& user, const QString& password)
    {
        auto* login = flow.loginWindow();
        auto* userEdit = login->findChild<QLineEdit*>("userLineEdit");
        userEdit->clear();
        QTest::keyClicks(userEdit, user);
        QTest::keyClicks(login->findChild<QLineEdit*>("passwordLineEdit"), password);
        QTest::mouseClick(login->findChild<QPushButton*>("loginPushButton"), Qt::LeftButton);
    }

    static void unlockWith(SessionFlow& flow, const QString& password)
    {
        auto* lock = flow.lockScreen();
        QTest::keyClicks(lock->findChild<QLineEdit*>("passwordLineEdit"), password);
        QTest::mouseClick(lock->findChild<QPushButton*>("unlockPushButton"), Qt::LeftButton);
    }

private slots:
    void cleanup() { cc::ui::waitForBackgroundTasks(); }

    void wrongLoginShowsError()
    {
        ClinicFixture f(true, "Demo Clinic");
        QVERIFY2(f.ok(), f.error());
        SessionFlow flow(f.clinic(), "Demo Clinic", true);
        flow.start();
        QVERIFY(flow.loginWindow()->windowTitle().contains("DEMO"));
        loginThroughWindow(flow, ClinicFixture::kAdmin, "not the password");
        auto* error = flow.loginWindow()->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Wrong account name or password."));
        QVERIFY(flow.adminWindow() == nullptr);
        QVERIFY(f.clinic().session() == nullptr);
    }

    void recoveryLinkOpensTheDialogFromTheLoginWindow()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        SessionFlow flow(f.clinic(), "Riverside Clinic", false);
        flow.start();
        auto* link = flow.loginWindow()->findChild<QPushButton*>("recoverPushButton");
        QVERIFY(link != nullptr);
        QVERIFY(!link->isVisible()); // no recovery ring given: no link
        QList<QWidget*> parents;
        flow.setRecovery([&parents](QWidget* parent) { parents.append(parent); });
        QTRY_VERIFY(link->isVisible());
        QTest::mouseClick(link, Qt::LeftButton);
        QCOMPARE(parents.size(), 1);
        QCOMPARE(parents.front(), static_cast<QWidget*>(flow.loginWindow()));
        // While someone is logged in the link is out of reach, and a stray signal opens nothing.
        loginThroughWindow(flow, ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword);
        QTRY_VERIFY(flow.doctorWindow() != nullptr);
        emit flow.loginWindow()->recoveryRequested();
        QCOMPARE(parents.size(), 1);
    }

    void idleLockWipesAndResumes()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        SessionFlow flow(f.clinic(), "Riverside Clinic", false);
        flow.start();
        loginThroughWindow(flow, ClinicFixture::kAdmin, ClinicFixture::kAdminPassword);
        QTRY_VERIFY(flow.adminWindow() != nullptr);
        auto* admin = flow.adminWindow();
        QVERIFY(admin->isVisible());
        QVERIFY(!flow.loginWindow()->isVisible());
        // The Home page comes first; the accounts are loaded when their page is shown.
        QVERIFY(admin->homeView()->unreviewedCount() >= 0);
        admin->showPage(cc::ui::AdminWindow::Page::Accounts);
        QVERIFY(admin->accountsView()->model()->rowCount() >= 2);

        // Nine minutes idle: still active. Eleven: locked (default timeout 10 minutes).
        f.clock().advance(9min);
        flow.idleWatcher()->pollNow();
        QCOMPARE(f.clinic().session()->state(), Session::State::Active);
        f.clock().advance(2min);
        flow.idleWatcher()->pollNow();
        QTRY_VERIFY(flow.lockScreen()->isVisible());
        QCOMPARE(f.clinic().session()->state(), Session::State::Locked);
        QVERIFY(!f.clinic().session()->keys()); // keys wiped
        QVERIFY(!admin->isVisible());
        QCOMPARE(admin->accountsView()->model()->rowCount(), 0); // models cleared
        QCOMPARE(admin->homeView()->unreviewedCount(), -1);

        unlockWith(flow, "wrong password!");
        auto* error = flow.lockScreen()->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Wrong account name or password."));
        QCOMPARE(f.clinic().session()->state(), Session::State::Locked);
        QVERIFY(flow.lockScreen()->isVisible());

        unlockWith(flow, ClinicFixture::kAdminPassword);
        QTRY_VERIFY(!flow.lockScreen()->isVisible());
        QCOMPARE(f.clinic().session()->state(), Session::State::Active);
        QVERIFY(f.clinic().session()->keys());
        QVERIFY(admin->isVisible());
        QVERIFY(admin->accountsView()->model()->rowCount() >= 2); // reloaded
    }

    void activityKeepsTheSessionOpen()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        SessionFlow flow(f.clinic(), "Riverside Clinic", false);
        flow.start();
        loginThroughWindow(flow, ClinicFixture::kAdmin, ClinicFixture::kAdminPassword);
        QTRY_VERIFY(flow.adminWindow() != nullptr);
        f.clock().advance(8min);
        // A key press anywhere in the application counts as activity (the event filter).
        QTest::keyClick(flow.adminWindow(), Qt::Key_Shift);
        f.clock().advance(8min);
        flow.idleWatcher()->pollNow();
        QCOMPARE(f.clinic().session()->state(), Session::State::Active);
    }

    void lockButtonAndLogout()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        SessionFlow flow(f.clinic(), "Riverside Clinic", false);
        flow.start();
        loginThroughWindow(flow, ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword);
        QTRY_VERIFY(flow.doctorWindow() != nullptr);
        auto* window = flow.doctorWindow();
        QVERIFY(window->findChild<QLabel*>("userLabel")->text().contains(ClinicFixture::kDoctor));
        auto* lock = window->findChild<QAction*>("actionLock");
        QVERIFY(lock != nullptr);
        lock->trigger();
        QTRY_VERIFY(flow.lockScreen()->isVisible());
        QVERIFY(!window->isVisible());
        QTest::mouseClick(flow.lockScreen()->findChild<QPushButton*>("logoutPushButton"), Qt::LeftButton);
        QTRY_VERIFY(flow.loginWindow()->isVisible());
        QVERIFY(!flow.lockScreen()->isVisible());
        QVERIFY(f.clinic().session() == nullptr);
        QVERIFY(flow.doctorWindow() == nullptr);
    }

    void expiryReturnsToLogin()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        SessionFlow flow(f.clinic(), "Riverside Clinic", false);
        flow.start();
        loginThroughWindow(flow, ClinicFixture::kAdmin, ClinicFixture::kAdminPassword);
        QTRY_VERIFY(flow.adminWindow() != nullptr);
        // Stay active (a key press every 5 minutes) until the 12-hour limit passes.
        for (int i = 0; i < 12 * 12 - 1; ++i) {
            f.clock().advance(5min);
            QTest::keyClick(flow.adminWindow(), Qt::Key_Shift);
        }
        QCOMPARE(f.clinic().session()->state(), Session::State::Active);
        f.clock().advance(6min); // 12 h 1 min after login, 6 minutes idle
        flow.idleWatcher()->pollNow();
        QTRY_VERIFY(flow.loginWindow()->isVisible());
        QVERIFY(flow.loginWindow()->findChild<QLabel*>("errorLabel")->text().contains("12 hours"));
        QVERIFY(flow.adminWindow() == nullptr);
        QVERIFY(f.clinic().session() == nullptr);
    }

    void forcedChangeCancelLogsOut()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        cc::services::AccountService accounts(f.clinic());
        QVERIFY(accounts.create("newbie", cc::access::Role::Administrator, cc::testing::bytesOf("temporary pass 1")));
        f.clinic().logout();

        SessionFlow flow(f.clinic(), "Riverside Clinic", false);
        flow.start();
        loginThroughWindow(flow, "newbie", "temporary pass 1");
        QTRY_VERIFY(flow.changePasswordDialog() != nullptr);
        auto* dialog = flow.changePasswordDialog();
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(flow.adminWindow() == nullptr); // no work window before the change
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QTRY_VERIFY(flow.loginWindow()->isVisible());
        QVERIFY(f.clinic().session() == nullptr);
        QVERIFY(flow.adminWindow() == nullptr);
    }
};

QTEST_MAIN(TestLockScreen)
#include "TestLockScreen.moc"
