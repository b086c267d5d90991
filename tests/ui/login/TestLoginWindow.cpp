// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/login/LoginWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using cc::ui::LoginWindow;

class TestLoginWindow : public QObject
{
    Q_OBJECT

private slots:
    void buttonNeedsBothFields()
    {
        LoginWindow w;
        w.show();
        auto* user = w.findChild<QLineEdit*>("userLineEdit");
        auto* password = w.findChild<QLineEdit*>("passwordLineEdit");
        auto* button = w.findChild<QPushButton*>("loginPushButton");
        QVERIFY(user && password && button);
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(user, "drhouse");
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(password, "secret");
        QVERIFY(button->isEnabled());
        QCOMPARE(password->echoMode(), QLineEdit::Password);
    }

    void loginHandsOverAndClearsPassword()
    {
        LoginWindow w;
        w.show();
        QSignalSpy spy(&w, &LoginWindow::loginRequested);
        QTest::keyClicks(w.findChild<QLineEdit*>("userLineEdit"), "  drhouse ");
        auto* password = w.findChild<QLineEdit*>("passwordLineEdit");
        QTest::keyClicks(password, "correct horse");
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("drhouse"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("correct horse"));
        QVERIFY(password->text().isEmpty());
        QVERIFY(!w.findChild<QPushButton*>("loginPushButton")->isEnabled()); // busy until answered
    }

    void errorReenables()
    {
        LoginWindow w;
        w.show();
        w.setBusy(true);
        w.showError("Wrong password");
        auto* error = w.findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Wrong password"));
        QVERIFY(w.findChild<QLineEdit*>("userLineEdit")->isEnabled());
    }

    void noClinicSaysHowToCreateOne()
    {
        LoginWindow w;
        w.setNoClinic();
        w.show();
        auto* error = w.findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains("cipherchart-cli init --clinic DIR --admin NAME"));
        QVERIFY(!w.findChild<QLineEdit*>("userLineEdit")->isEnabled());
        QVERIFY(!w.findChild<QPushButton*>("loginPushButton")->isEnabled());
        w.setBusy(false); // an answer to a login that cannot happen must not enable the form
        QVERIFY(!w.findChild<QPushButton*>("loginPushButton")->isEnabled());
    }

    void recoveryLinkShownOnlyWhenAvailable()
    {
        LoginWindow w;
        w.show();
        auto* link = w.findChild<QPushButton*>("recoverPushButton");
        QVERIFY(link != nullptr);
        QVERIFY(!link->isVisible());
        w.setRecoveryAvailable(true);
        QVERIFY(link->isVisible());
        QSignalSpy spy(&w, &LoginWindow::recoveryRequested);
        QTest::mouseClick(link, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        w.setBusy(true); // a login being checked: no recovery beside it
        QVERIFY(!link->isEnabled());
        w.setBusy(false);
        QVERIFY(link->isEnabled());

        LoginWindow none;
        none.setNoClinic();
        none.setRecoveryAvailable(true);
        none.show();
        QVERIFY(!none.findChild<QPushButton*>("recoverPushButton")->isVisible());
    }

    void demoTitle()
    {
        LoginWindow w;
        w.setClinic("Demo Clinic", true);
        QVERIFY(w.windowTitle().contains("DEMO"));
        w.setClinic("Riverside Clinic", false);
        QVERIFY(!w.windowTitle().contains("DEMO"));
    }
};

QTEST_MAIN(TestLoginWindow)
#include "TestLoginWindow.moc"
