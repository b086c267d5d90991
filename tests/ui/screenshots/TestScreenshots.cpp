// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AccountService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AccountDialog.h"
#include "ui/admin/AccountsView.h"
#include "ui/admin/AdminWindow.h"
#include "ui/admin/AuditTableModel.h"
#include "ui/admin/AuditView.h"
#include "ui/common/BackgroundTask.h"
#include "ui/doctor/BreakGlassDialog.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/DoctorWindow.h"
#include "ui/doctor/ImportDialog.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/doctor/PatientListModel.h"
#include "ui/login/LoginWindow.h"
#include "ui/patient/PatientWindow.h"
#include "ui/session/ChangePasswordDialog.h"
#include "ui/session/LockScreen.h"
#include "ui/session/SessionWindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
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
        w.setRecoveryAvailable(true); // the clinic has its recovery.ccr
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

    /// The Synthea fixture imported by the fixture's doctor (tests/data/synthea, read in place).
    void doctorScreens()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        auto imported =
            cc::services::ImportService(m_fixture->clinic()).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea"));
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message.c_str());
        DoctorWindow w(m_fixture->clinic());
        w.resize(1440, 860);
        w.show();
        w.refresh();
        save(&w, QStringLiteral("doctor-patients.png"));

        // The patient of the fixture with four Glucose results (tests/data/synthea/observations.csv).
        const auto* model = w.patientModel();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->patient(row)->sourceId == QLatin1String("5f8d3e13-bc80-dd66-0f1b-d24f9692a697"))
                QVERIFY(w.openPatient(model->patient(row)->id).ok());
        QVERIFY(w.chartView()->hasPatient());
        w.chartView()->showTab(ChartView::Tab::Observations);
        w.chartView()->observationsPage()->selectCode(QStringLiteral("2339-0"));
        save(&w, QStringLiteral("doctor-chart-observations.png"));
        m_fixture->clinic().logout();
    }

    void importDialog()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        ImportDialog d(m_fixture->clinic());
        d.resize(900, 520);
        d.show();
        // HL7's official examples: two patients are skipped (reasons listed), the others imported.
        const QString dir = QStringLiteral(CC_TEST_DATA_DIR "/fhir/examples/");
        QStringList files;
        for (const char* name : {"patient-example.json", "patient-example-a.json", "patient-example-animal.json",
                                 "observation-example.json", "observation-example-bloodpressure.json"})
            files << dir + QLatin1String(name);
        d.setInput(ImportDialog::Source::FhirFiles, files.join(QLatin1Char(';')));
        const auto status = d.startImport();
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        save(&d, QStringLiteral("import-dialog.png"));
        d.reject();
        m_fixture->clinic().logout();
    }

    void breakGlassDialog()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        auto patients = cc::services::PatientService(m_fixture->clinic()).list();
        QVERIFY(patients.ok() && !patients->empty());
        const auto id = patients->front().id;
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        BreakGlassDialog d(m_fixture->clinic());
        d.setPatient(id);
        QTest::keyClicks(d.findChild<QPlainTextEdit*>("reasonPlainTextEdit"), QStringLiteral("urgent"));
        d.show();
        QTest::mouseClick(d.findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
        save(&d, QStringLiteral("break-glass.png"));
        d.reject();
        m_fixture->clinic().logout();
    }

    void patientWindow()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        auto patients = cc::services::PatientService(m_fixture->clinic()).list();
        QVERIFY(patients.ok() && !patients->empty());
        const std::string mrn = patients->front().mrn.toStdString();
        cc::services::Sponsor sponsor{ClinicFixture::kDoctor,
                                      cc::crypto::SecureBytes(cc::testing::bytesOf(ClinicFixture::kDoctorPassword))};
        auto created = cc::services::AccountService(m_fixture->clinic())
                           .createPatientAccount("patient1", mrn, cc::testing::bytesOf("patient password 1"), &sponsor);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login("patient1", "patient password 1"));
        QVERIFY(m_fixture->clinic().changeOwnPassword(cc::testing::bytesOf("patient password 2")).ok());
        PatientWindow w(m_fixture->clinic());
        w.resize(1200, 760);
        w.show();
        w.refresh();
        save(&w, QStringLiteral("patient-window.png"));
        m_fixture->clinic().logout();
    }

    /// After the doctor's screens opened a chart: the audit viewer names the patients.
    void auditWithPatientNames()
    {
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        AdminWindow w(m_fixture->clinic());
        w.resize(1280, 680);
        w.show();
        w.showPage(AdminWindow::Page::Audit);
        QTest::mouseClick(w.auditView()->findChild<QPushButton*>("showPushButton"), Qt::LeftButton);
        QVERIFY(w.auditView()->model()->rowCount() > 0);
        save(&w, QStringLiteral("admin-audit-patients.png"));
        m_fixture->clinic().logout();
    }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
