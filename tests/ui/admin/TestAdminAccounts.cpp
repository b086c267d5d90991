// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/KeyService.h"
#include "core/services/PatientService.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AccountDialog.h"
#include "ui/admin/AccountTableModel.h"
#include "ui/admin/AccountsView.h"
#include "ui/admin/AdminHomeView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QStringListModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;
using cc::ui::AccountDialog;
using cc::ui::AccountTableModel;
using cc::ui::AdminWindow;
using cc::ui::MessageBox;

class TestAdminAccounts : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClinicFixture> m_fixture;
    std::unique_ptr<AdminWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    /// The accounts page: other pages have widgets of the same names.
    QWidget* accounts() const { return m_window->accountsView(); }

    AccountTableModel* model() const { return m_window->accountsView()->model(); }

    int rowOf(const QString& name) const
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (model()->index(row, AccountTableModel::NameColumn).data().toString() == name)
                return row;
        return -1;
    }

    QString statusOf(const QString& name) const
    {
        const int row = rowOf(name);
        return row < 0 ? QString() : model()->index(row, AccountTableModel::StatusColumn).data().toString();
    }

    void select(const QString& name)
    {
        auto* table = accounts()->findChild<QTableView*>("accountsTableView");
        table->selectRow(rowOf(name));
    }

    AccountDialog* openCreateDialog()
    {
        QTest::mouseClick(accounts()->findChild<QPushButton*>("createPushButton"), Qt::LeftButton);
        auto* dialog = m_window->findChild<AccountDialog*>();
        if (dialog == nullptr || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    static void fillCreate(AccountDialog* d, const QString& name, const QString& role, const QString& password)
    {
        QTest::keyClicks(d->findChild<QLineEdit*>("nameLineEdit"), name);
        auto* roles = d->findChild<QComboBox*>("roleComboBox");
        roles->setCurrentIndex(roles->findText(role));
        QTest::keyClicks(d->findChild<QLineEdit*>("passwordLineEdit"), password);
        QTest::keyClicks(d->findChild<QLineEdit*>("repeatPasswordLineEdit"), password);
    }

    static void clickOk(AccountDialog* d)
    {
        QTest::mouseClick(d->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private slots:
    // One clinic for the whole file (the key ceremony takes a few seconds); each test gets a fresh
    // window. Tests run in declaration order and use their own account names; the one that
    // disables an account runs last.
    void initTestCase()
    {
        MessageBox::setTestMode(true);
        m_fixture = std::make_unique<ClinicFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error());
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void init()
    {
        QVERIFY(m_fixture && m_fixture->ok());
        m_window = std::make_unique<AdminWindow>(m_fixture->clinic());
        m_tester =
            std::make_unique<QAbstractItemModelTester>(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->show();
        m_window->showPage(AdminWindow::Page::Accounts);
    }

    void cleanup()
    {
        m_tester.reset();
        m_window.reset();
    }

    void listsTheCeremonyAccounts()
    {
        QCOMPARE(model()->rowCount(), 2);
        QCOMPARE(statusOf(ClinicFixture::kAdmin), QStringLiteral("enabled"));
        QCOMPARE(model()->index(rowOf(ClinicFixture::kDoctor), AccountTableModel::RoleColumn).data().toString(),
                 QStringLiteral("Doctor"));
        QCOMPARE(model()->index(rowOf(ClinicFixture::kAdmin), AccountTableModel::CustodianColumn).data().toString(),
                 QStringLiteral("report-key share"));
        QVERIFY(m_window->statusBar()->findChild<QLabel*>("userLabel")->text().contains("admin (Administrator)"));
    }

    void createAdministratorThroughTheDialog()
    {
        auto* dialog = openCreateDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->findChild<QWidget*>("sponsorGroupBox")->isVisible()); // administrators need no sponsor
        fillCreate(dialog, "carol", "Administrator", "temporary pass 1");
        clickOk(dialog);
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(rowOf("carol") >= 0);
        QCOMPARE(statusOf("carol"), QStringLiteral("must change password"));
    }

    void dialogChecksPasswords()
    {
        auto* dialog = openCreateDialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>("nameLineEdit"), "dave");
        QTest::keyClicks(dialog->findChild<QLineEdit*>("passwordLineEdit"), "temporary pass 1");
        QTest::keyClicks(dialog->findChild<QLineEdit*>("repeatPasswordLineEdit"), "temporary pass 2");
        clickOk(dialog);
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains("differ"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(rowOf("dave"), -1);
    }

    void doctorWithoutSponsorShowsError()
    {
        auto* dialog = openCreateDialog();
        QVERIFY(dialog);
        fillCreate(dialog, "drdave", "Doctor", "temporary pass 1");
        QVERIFY(dialog->findChild<QWidget*>("sponsorGroupBox")->isVisible());
        clickOk(dialog);
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains("sponsor", Qt::CaseInsensitive), qPrintable(error->text()));
        QVERIFY(dialog->isVisible()); // nothing typed is lost
        QCOMPARE(rowOf("drdave"), -1);
    }

    void doctorWithSponsorIsCreated()
    {
        auto* dialog = openCreateDialog();
        QVERIFY(dialog);
        fillCreate(dialog, "drdave", "Doctor", "temporary pass 1");
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorNameLineEdit"), ClinicFixture::kDoctor);
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorPasswordLineEdit"), "not the doctor's password");
        clickOk(dialog);
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Wrong account name or password."));
        QCOMPARE(rowOf("drdave"), -1);

        auto* sponsorPassword = dialog->findChild<QLineEdit*>("sponsorPasswordLineEdit");
        sponsorPassword->clear();
        QTest::keyClicks(sponsorPassword, ClinicFixture::kDoctorPassword);
        clickOk(dialog);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(statusOf("drdave"), QStringLiteral("must change password"));
    }

    /// A patient's own account: the record is found by name (never by id), a doctor sponsors, and
    /// a first-login slip can be printed (the temporary password is never on it).
    void patientAccountFromARecordSearch()
    {
        QVERIFY(m_fixture->registerPatient("Nora", "Quist", "MRN-5150", "1990-07-01").ok());
        m_window->showPage(AdminWindow::Page::Accounts);

        auto* dialog = openCreateDialog();
        QVERIFY(dialog);
        fillCreate(dialog, "nora", "Patient", "temporary pass 1");
        QVERIFY(dialog->findChild<QWidget*>("patientGroupBox")->isVisible());
        QVERIFY(dialog->findChild<QWidget*>("sponsorGroupBox")->isVisible());
        auto* error = dialog->findChild<QLabel*>("errorLabel");
        clickOk(dialog); // no record chosen yet
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains("record"), qPrintable(error->text()));
        auto* search = dialog->findChild<QLineEdit*>("patientSearchLineEdit");
        QTest::keyClicks(search, "quist");
        QTest::mouseClick(dialog->findChild<QPushButton*>("findPatientPushButton"), Qt::LeftButton);
        auto* found = dialog->findChild<QListWidget*>("patientListWidget");
        QCOMPARE(found->count(), 1);
        QVERIFY(found->item(0)->text().contains("MRN-5150"));
        QCOMPARE(found->currentRow(), 0); // a single match is chosen
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorNameLineEdit"), ClinicFixture::kDoctor);
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorPasswordLineEdit"), ClinicFixture::kDoctorPassword);
        QVERIFY(cc::testing::adminScreenshot(dialog, QStringLiteral("create-patient-account.png")));
        QTemporaryDir dir;
        const QString slip = dir.filePath("first-login-nora.pdf");
        MessageBox::setNextAnswer(true);
        cc::ui::FileDialog::setNextSaveFileName(slip);
        clickOk(dialog);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(statusOf("nora"), QStringLiteral("must change password"));
        QVERIFY2(MessageBox::lastText().contains("MRN-5150"), qPrintable(MessageBox::lastText()));
        QFile pdf(slip);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(!bytes.contains("temporary pass 1"));
        if (qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1)
            QFile::copy(slip, QStringLiteral(CC_SCREENSHOT_DIR "/first-login-slip.pdf"));
        QCOMPARE(pdf.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        // The account works: the patient logs in with the temporary password.
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login("nora", "temporary pass 1"));
        QCOMPARE(m_fixture->clinic().session()->role(), cc::access::Role::Patient);
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
    }

    void ownAccountCannotBeDisabled()
    {
        select(ClinicFixture::kAdmin);
        MessageBox::setNextAnswer(true);
        QTest::mouseClick(accounts()->findChild<QPushButton*>("disablePushButton"), Qt::LeftButton);
        auto* status = accounts()->findChild<QLabel*>("statusLabel");
        QVERIFY(status->isVisible());
        QVERIFY(!status->text().isEmpty());
        QCOMPARE(statusOf(ClinicFixture::kAdmin), QStringLiteral("enabled"));
    }

    void careTeamAddListRemove()
    {
        // A patient created by the doctor (who joins the care team), found by name, never by id.
        QVERIFY(m_fixture->registerPatient("Lena", "Moreau", "MRN-4711", "1971-03-09").ok());

        auto* status = accounts()->findChild<QLabel*>("statusLabel");
        QTest::mouseClick(accounts()->findChild<QPushButton*>("addCareTeamPushButton"), Qt::LeftButton);
        QVERIFY(status->text().contains("choose a patient"));
        QTest::keyClicks(accounts()->findChild<QLineEdit*>("patientSearchLineEdit"), "moreau");
        QTest::mouseClick(accounts()->findChild<QPushButton*>("findPatientPushButton"), Qt::LeftButton);
        auto* patients = accounts()->findChild<QComboBox*>("patientComboBox");
        QCOMPARE(patients->count(), 1);
        QVERIFY(patients->currentText().contains("Moreau, Lena"));
        QVERIFY(patients->currentText().contains("MRN-4711"));
        QTest::mouseClick(accounts()->findChild<QPushButton*>("listCareTeamPushButton"), Qt::LeftButton);
        auto* team = m_window->accountsView()->careTeamModel();
        QAbstractItemModelTester tester(team, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(team->stringList(), QStringList{ClinicFixture::kDoctor});
        QTest::keyClicks(accounts()->findChild<QLineEdit*>("doctorLineEdit"), ClinicFixture::kDoctor);
        QTest::mouseClick(accounts()->findChild<QPushButton*>("removeCareTeamPushButton"), Qt::LeftButton);
        QVERIFY(team->stringList().isEmpty());
        QTest::mouseClick(accounts()->findChild<QPushButton*>("addCareTeamPushButton"), Qt::LeftButton);
        QCOMPARE(team->stringList(), QStringList{ClinicFixture::kDoctor});

        // An administrator is not a doctor: the service refuses, the view says so.
        auto* doctor = accounts()->findChild<QLineEdit*>("doctorLineEdit");
        doctor->clear();
        QTest::keyClicks(doctor, ClinicFixture::kAdmin);
        QTest::mouseClick(accounts()->findChild<QPushButton*>("addCareTeamPushButton"), Qt::LeftButton);
        QVERIFY(status->styleSheet().contains("#b00020"));

        // A search that matches nobody says so.
        auto* search = accounts()->findChild<QLineEdit*>("patientSearchLineEdit");
        search->clear();
        QTest::keyClicks(search, "nobody-like-this");
        QTest::mouseClick(accounts()->findChild<QPushButton*>("findPatientPushButton"), Qt::LeftButton);
        QCOMPARE(patients->count(), 0);
        QVERIFY(status->text().contains("No patient matches"));
    }

    void clearSensitiveDataEmptiesModels()
    {
        QVERIFY(model()->rowCount() > 0);
        m_window->clearSensitiveData();
        QCOMPARE(model()->rowCount(), 0);
    }

    void disableAsksFirst()
    {
        select(ClinicFixture::kDoctor);
        auto* disable = accounts()->findChild<QPushButton*>("disablePushButton");
        QVERIFY(disable->isEnabled());
        MessageBox::setNextAnswer(false);
        QTest::mouseClick(disable, Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(ClinicFixture::kDoctor));
        // The cost of the rotations that disabling performs is stated before (issue 10 item 7).
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("about a second per 100 MB")));
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("re-wrap per patient")));
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("next doctor who logs in")));
        QCOMPARE(statusOf(ClinicFixture::kDoctor), QStringLiteral("enabled"));

        MessageBox::setNextAnswer(true);
        QTest::mouseClick(disable, Qt::LeftButton);
        QCOMPARE(statusOf(ClinicFixture::kDoctor), QStringLiteral("disabled"));
        auto* status = accounts()->findChild<QLabel*>("statusLabel");
        QVERIFY2(status->text().contains(QStringLiteral("rotated to version 2")), qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("rotation pending")));
        // The session took the new keys and goes on; Home shows the pending clinical rotation.
        QVERIFY(m_fixture->clinic().session() != nullptr);
        auto pending = cc::services::KeyService(m_fixture->clinic()).pendingRotations();
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), std::size_t{1});
        m_window->homeView()->refresh();
        QCOMPARE(m_window->homeView()->pendingRotations(), 1);
        auto* label = m_window->homeView()->findChild<QLabel*>("pendingRotationsLabel");
        QVERIFY(label->text().contains(QStringLiteral("the next doctor who logs in rotates it")));
    }
};

QTEST_MAIN(TestAdminAccounts)
#include "TestAdminAccounts.moc"
