// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AccountService.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/common/BackgroundTask.h"
#include "ui/session/ChangePasswordDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using cc::testing::bytesOf;
using cc::testing::ClinicFixture;
using cc::ui::ChangePasswordDialog;

class TestChangePasswordDialog : public QObject
{
    Q_OBJECT

    /// A fixture logged in as "newbie", an administrator created with a temporary password.
    std::unique_ptr<ClinicFixture> temporaryLogin()
    {
        auto f = std::make_unique<ClinicFixture>();
        if (!f->ok() || !f->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword))
            return nullptr;
        cc::services::AccountService accounts(f->clinic());
        if (!accounts.create("newbie", cc::access::Role::Administrator, bytesOf("temporary pass 1")))
            return nullptr;
        f->clinic().logout();
        if (!f->login("newbie", "temporary pass 1"))
            return nullptr;
        return f;
    }

    static void fill(ChangePasswordDialog& d, const QString& password, const QString& repeat)
    {
        QTest::keyClicks(d.findChild<QLineEdit*>("newPasswordLineEdit"), password);
        QTest::keyClicks(d.findChild<QLineEdit*>("repeatPasswordLineEdit"), repeat);
        QTest::mouseClick(d.findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private slots:
    void mismatchIsRefused()
    {
        auto f = temporaryLogin();
        QVERIFY(f);
        QVERIFY(f->clinic().mustChangePassword());
        ChangePasswordDialog d(f->clinic());
        d.show();
        fill(d, "a long new password", "a long new passwort");
        auto* error = d.findChild<QLabel*>("errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains("differ"));
        QVERIFY(!d.busy());
        QCOMPARE(d.result(), 0);
        QVERIFY(f->clinic().mustChangePassword());
    }

    void tooShortIsRefused()
    {
        auto f = temporaryLogin();
        QVERIFY(f);
        ChangePasswordDialog d(f->clinic());
        d.show();
        fill(d, "short pw 11", "short pw 11"); // 11 characters: one short of the rule
        auto* error = d.findChild<QLabel*>("errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains("12"));
        QVERIFY(f->clinic().mustChangePassword());
        // The fields are cleared after every attempt: no password lingers in the dialog.
        QVERIFY(d.findChild<QLineEdit*>("newPasswordLineEdit")->text().isEmpty());
    }

    void successChangesThePassword()
    {
        auto f = temporaryLogin();
        QVERIFY(f);
        ChangePasswordDialog d(f->clinic());
        d.show();
        fill(d, "my own long password", "my own long password");
        QTRY_COMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(!f->clinic().mustChangePassword());
        f->clinic().logout();
        QVERIFY(!f->login("newbie", "temporary pass 1"));
        QVERIFY(f->login("newbie", "my own long password"));
        QVERIFY(!f->clinic().mustChangePassword());
    }

    void cancelRejects()
    {
        auto f = temporaryLogin();
        QVERIFY(f);
        ChangePasswordDialog d(f->clinic());
        d.show();
        QTest::mouseClick(d.findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QVERIFY(f->clinic().mustChangePassword());
    }

    void cleanup() { cc::ui::waitForBackgroundTasks(); }
};

QTEST_MAIN(TestChangePasswordDialog)
#include "TestChangePasswordDialog.moc"
