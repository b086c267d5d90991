// SPDX-License-Identifier: GPL-3.0-or-later
// The backup page and the home page's reminder over a real clinic: create (fingerprint, one audit
// event), declined and refused creates, inspect, verify (intact and tampered), restore (verify step
// shown, confirmation naming clinic and date, declined, done: the session ends and the clinic is
// as it was at the backup).
#include "core/services/AccountService.h"
#include "core/services/BackupService.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/admin/BackupView.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;
using namespace cc;
using namespace cc::ui;

namespace {

QString labelText(QWidget* parent, const char* name)
{
    auto* label = parent->findChild<QLabel*>(name);
    return label != nullptr && label->isVisibleTo(parent) ? label->text() : QString();
}

std::string fingerprintOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    auto manifest = services::BackupService::inspectBytes(
        std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())));
    return manifest ? services::BackupService::manifestFingerprint(*manifest) : std::string();
}

} // namespace

class TestBackupView : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClinicFixture> m_fixture;
    std::unique_ptr<AdminWindow> m_window;
    QTemporaryDir m_tmp;

    BackupView* page() const { return m_window->backupView(); }
    void click(QWidget* parent, const char* button)
    {
        QTest::mouseClick(parent->findChild<QPushButton*>(button), Qt::LeftButton);
    }
    QString file(const char* name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CipherChartTests"));
        QSettings().clear();
        MessageBox::setTestMode(true);
        QVERIFY(m_tmp.isValid());
        m_fixture = std::make_unique<ClinicFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error());
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void init()
    {
        if (m_fixture->clinic().session() == nullptr)
            QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        m_window = std::make_unique<AdminWindow>(m_fixture->clinic());
        m_window->resize(1000, 720);
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void homeRemindsWhenNeverBackedUp()
    {
        m_window->showPage(AdminWindow::Page::Home);
        QVERIFY(m_window->homeView()->reminderShown());
        QVERIFY(labelText(m_window->homeView(), "reminderLabel").contains("never been backed up"));
        QVERIFY(labelText(m_window->homeView(), "lastBackupLabel").contains("No backup"));
    }

    void createDeclinedOrCancelledWritesNothing()
    {
        m_window->showPage(AdminWindow::Page::Backups);
        FileDialog::setNextSaveFileName(QString()); // cancelled
        click(page(), "createPushButton");
        FileDialog::setNextSaveFileName(file("declined.ccbk"));
        MessageBox::setNextAnswer(false);
        click(page(), "createPushButton");
        QVERIFY(MessageBox::lastText().contains("Riverside Clinic")); // says what it will do first
        QVERIFY(MessageBox::lastText().contains(file("declined.ccbk")));
        QVERIFY(!QFile::exists(file("declined.ccbk")));
        QVERIFY(testing::eventsStartingWith(m_fixture->clinic(), "backup").empty());
    }

    void createShowsFingerprintAndAuditsOnce()
    {
        m_window->showPage(AdminWindow::Page::Backups);
        QSignalSpy created(page(), &BackupView::backupCreated);
        FileDialog::setNextSaveFileName(file("b1.ccbk"));
        MessageBox::setNextAnswer(true);
        click(page(), "createPushButton");
        QVERIFY(QFile::exists(file("b1.ccbk")));
        QCOMPARE(created.count(), 1);
        const std::string fingerprint = fingerprintOf(file("b1.ccbk"));
        QCOMPARE(fingerprint.size(), std::size_t{64});
        const QString manifest = page()->findChild<QPlainTextEdit*>("manifestPlainTextEdit")->toPlainText();
        QVERIFY2(manifest.contains(BackupView::groupedFingerprint(fingerprint)), qPrintable(manifest));
        QVERIFY(manifest.contains("Riverside Clinic"));
        QVERIFY(labelText(page(), "statusLabel").contains("Backup written"));
        QCOMPARE(testing::eventsStartingWith(m_fixture->clinic(), "backup created").size(), std::size_t{1});
        QVERIFY(testing::adminScreenshot(m_window.get(), "admin-backup-created.png"));

        // The home page now names it and the reminder is gone.
        m_window->showPage(AdminWindow::Page::Home);
        QVERIFY(!m_window->homeView()->reminderShown());
        QVERIFY(labelText(m_window->homeView(), "lastBackupLabel").contains(ClinicFixture::kAdmin));

        // The same file again: refused (never replaced), shown in red, audited as a failure.
        m_window->showPage(AdminWindow::Page::Backups);
        FileDialog::setNextSaveFileName(file("b1.ccbk"));
        MessageBox::setNextAnswer(true);
        click(page(), "createPushButton");
        QVERIFY(labelText(page(), "statusLabel").contains("No backup was written"));
        QCOMPARE(fingerprintOf(file("b1.ccbk")), fingerprint);
        QCOMPARE(testing::eventsStartingWith(m_fixture->clinic(), "backup created").size(), std::size_t{1});
        const auto failed = testing::eventsStartingWith(m_fixture->clinic(), "backup failed");
        QCOMPARE(failed.size(), std::size_t{1});
        QCOMPARE(failed.back().outcome, audit::AuditOutcome::MinorFailure);
    }

    void reminderAfterTheSetting()
    {
        // Eight days later (a new login: a session expires after 12 hours).
        m_window.reset();
        m_fixture->clinic().logout();
        m_fixture->clock().advance(std::chrono::hours(24 * 8));
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        m_window = std::make_unique<AdminWindow>(m_fixture->clinic());
        m_window->resize(1000, 720);
        m_window->show();
        m_window->showPage(AdminWindow::Page::Home);
        QVERIFY(m_window->homeView()->reminderShown());
        QVERIFY(labelText(m_window->homeView(), "reminderLabel").contains("older than 7 day"));
        QVERIFY(testing::adminScreenshot(m_window.get(), "admin-home-backup-reminder.png"));
        // A longer setting hides it, and is kept for the next start.
        m_window->homeView()->findChild<QSpinBox*>("reminderDaysSpinBox")->setValue(14);
        QVERIFY(!m_window->homeView()->reminderShown());
        QCOMPARE(QSettings().value("admin/backupReminderDays").toInt(), 14);
        m_window->homeView()->findChild<QSpinBox*>("reminderDaysSpinBox")->setValue(7);
        QVERIFY(m_window->homeView()->reminderShown());
        // "Back up now" goes to the backup page and asks where to write.
        FileDialog::setNextSaveFileName(QString());
        click(m_window->homeView(), "backUpNowPushButton");
        QVERIFY(m_window->findChild<QStackedWidget*>("pagesStackedWidget")->currentWidget() == page());
    }

    void inspectAndVerify()
    {
        m_window->showPage(AdminWindow::Page::Backups);
        FileDialog::setNextOpenFileName(file("b1.ccbk"));
        click(page(), "inspectPushButton");
        QVERIFY(page()
                    ->findChild<QPlainTextEdit*>("manifestPlainTextEdit")
                    ->toPlainText()
                    .contains("Signed by this clinic"));
        QCOMPARE(testing::eventsStartingWith(m_fixture->clinic(), "backup inspect").size(), std::size_t{1});

        FileDialog::setNextOpenFileName(file("b1.ccbk"));
        click(page(), "verifyPushButton");
        QVERIFY2(labelText(page(), "statusLabel").contains("intact"), qPrintable(labelText(page(), "statusLabel")));
        QCOMPARE(testing::eventsStartingWith(m_fixture->clinic(), "backup verify: every check passed").size(),
                 std::size_t{1});

        // One flipped byte in the sealed payload: the verify names the failure, nothing else happens.
        QFile original(file("b1.ccbk"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray bytes = original.readAll();
        bytes[bytes.size() - 40] = static_cast<char>(bytes[bytes.size() - 40] ^ 0x01);
        QFile tampered(file("tampered.ccbk"));
        QVERIFY(tampered.open(QIODevice::WriteOnly));
        tampered.write(bytes);
        tampered.close();
        FileDialog::setNextOpenFileName(file("tampered.ccbk"));
        click(page(), "verifyPushButton");
        QVERIFY2(labelText(page(), "statusLabel").contains("failed verification"),
                 qPrintable(labelText(page(), "statusLabel")));
        QCOMPARE(testing::eventsStartingWith(m_fixture->clinic(), "backup verify failed").size(), std::size_t{1});
    }

    void restoreDeclinedChangesNothing()
    {
        m_window->showPage(AdminWindow::Page::Backups);
        FileDialog::setNextOpenFileName(file("b1.ccbk"));
        MessageBox::setNextAnswer(false);
        click(page(), "restorePushButton");
        // The confirmation names the clinic and the backup's date, after the verify step.
        QVERIFY(MessageBox::lastText().contains("Riverside Clinic"));
        QVERIFY(MessageBox::lastText().contains("UTC"));
        QVERIFY(labelText(page(), "stepsLabel").contains("Verified"));
        QVERIFY(labelText(page(), "stepsLabel").contains("Not confirmed"));
        QVERIFY(m_fixture->clinic().session() != nullptr);
        QVERIFY(testing::eventsStartingWith(m_fixture->clinic(), "restore starting").empty());
        QVERIFY(testing::adminScreenshot(m_window.get(), "admin-restore-declined.png"));
    }

    void restoreEndsSessionAndBringsBackTheBackup()
    {
        // An account created after the backup disappears with the restore.
        services::AccountService accounts(m_fixture->clinic());
        QVERIFY(accounts.create("later", access::Role::Administrator, testing::bytesOf("later password 1")).ok());
        m_window->showPage(AdminWindow::Page::Backups);
        QSignalSpy ended(m_window.get(), &AdminWindow::logoutRequested);
        FileDialog::setNextOpenFileName(file("b1.ccbk"));
        MessageBox::setNextAnswer(true);
        click(page(), "restorePushButton");
        QCOMPARE(ended.count(), 1);
        QVERIFY(m_fixture->clinic().session() == nullptr);
        m_window.reset();
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        auto list = services::AccountService(m_fixture->clinic()).list();
        QVERIFY(list.ok());
        for (const auto& a : *list)
            QVERIFY(a.info.userName != "later");
    }
};

QTEST_MAIN(TestBackupView)
#include "TestBackupView.moc"
