// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AccountDialog.h"
#include "ui/admin/AccountsView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/admin/AuditView.h"
#include "ui/common/BackgroundTask.h"
#include "ui/login/LoginWindow.h"
#include "ui/session/ChangePasswordDialog.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionWindow.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;
using namespace cc::ui;

class TestScreenshots : public QObject
{
    Q_OBJECT

    QTemporaryDir m_temp;
    QString m_dir;
    std::unique_ptr<ClinicFixture> m_fixture;

    void save(QWidget* widget, const QString& name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(widget));
        QCoreApplication::processEvents();
        const QImage image = widget->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY2(image.save(QDir(m_dir).filePath(name)), qPrintable(name));
    }

private slots:
    void initTestCase()
    {
        m_dir = qEnvironmentVariable("CC_WRITE_SCREENSHOTS") == QLatin1String("1") ? QStringLiteral(CC_SCREENSHOT_DIR)
                                                                                   : m_temp.path();
        m_fixture = std::make_unique<ClinicFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error());
    }

    void cleanup() { waitForBackgroundTasks(); }

    void login()
    {
        LoginWindow w;
        w.setClinic(QStringLiteral("Riverside Clinic"), false);
        QTest::keyClicks(w.findChild<QLineEdit*>("userLineEdit"), ClinicFixture::kAdmin);
        w.show();
        save(&w, QStringLiteral("login-clinic.png"));
    }

    void adminPages()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        AdminWindow w(m_fixture->clinic());
        w.resize(1100, 680);
        w.show();
        w.showPage(AdminWindow::Page::Accounts);
        save(&w, QStringLiteral("admin-accounts.png"));

        QTest::mouseClick(w.accountsView()->findChild<QPushButton*>("createPushButton"), Qt::LeftButton);
        auto* dialog = w.findChild<AccountDialog*>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>("nameLineEdit"), "drdave");
        auto* roles = dialog->findChild<QComboBox*>("roleComboBox");
        roles->setCurrentIndex(roles->findText(QStringLiteral("Doctor")));
        QTest::keyClicks(dialog->findChild<QLineEdit*>("passwordLineEdit"), "temporary pass 1");
        QTest::keyClicks(dialog->findChild<QLineEdit*>("repeatPasswordLineEdit"), "temporary pass 1");
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorNameLineEdit"), ClinicFixture::kDoctor);
        dialog->resize(540, dialog->sizeHint().height());
        save(dialog, QStringLiteral("create-account.png"));
        dialog->reject();

        w.showPage(AdminWindow::Page::Keys);
        save(&w, QStringLiteral("key-status.png"));

        w.showPage(AdminWindow::Page::Audit);
        QTest::mouseClick(w.auditView()->findChild<QPushButton*>("verifyPushButton"), Qt::LeftButton);
        save(&w, QStringLiteral("audit-verify.png"));
        m_fixture->clinic().logout();
    }

    void changePassword()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        ChangePasswordDialog d(m_fixture->clinic());
        QTest::keyClicks(d.findChild<QLineEdit*>("newPasswordLineEdit"), "short");
        QTest::keyClicks(d.findChild<QLineEdit*>("repeatPasswordLineEdit"), "short");
        d.show();
        QTest::keyClick(d.findChild<QLineEdit*>("repeatPasswordLineEdit"), Qt::Key_Return); // shows the rule
        save(&d, QStringLiteral("change-password.png"));
        m_fixture->clinic().logout();
    }

    void lockScreen()
    {
        LockScreen w;
        w.reset(QString::fromLatin1(ClinicFixture::kAdmin));
        w.resize(640, 380);
        w.show();
        save(&w, QStringLiteral("lock-screen.png"));
    }

    void sessionWindow()
    {
        SessionWindow w;
        w.setUser(QString::fromLatin1(ClinicFixture::kDoctor), QStringLiteral("Doctor"));
        w.show();
        save(&w, QStringLiteral("session-window.png"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
