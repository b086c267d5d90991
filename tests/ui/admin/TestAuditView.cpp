// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/RowId.h"
#include "core/services/KeyService.h"
#include "core/services/PatientService.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AuditTableModel.h"
#include "ui/admin/AuditView.h"
#include "ui/common/FileDialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using cc::testing::ClinicFixture;
using cc::ui::AuditTableModel;
using cc::ui::AuditView;
using cc::ui::FileDialog;

class TestAuditView : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClinicFixture> m_fixture;
    std::unique_ptr<AuditView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    int countWhere(int column, const QString& text) const
    {
        int n = 0;
        for (int row = 0; row < m_view->model()->rowCount(); ++row)
            if (m_view->model()->index(row, column).data().toString() == text)
                ++n;
        return n;
    }

    void show() { QTest::mouseClick(m_view->findChild<QPushButton*>("showPushButton"), Qt::LeftButton); }

private slots:
    // One clinic for the file (the ceremony takes seconds); each test gets a fresh view.
    void initTestCase()
    {
        m_fixture = std::make_unique<ClinicFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error());
        // A failed doctor login before the administrator's: it reaches the trail at the next login.
        QVERIFY(!m_fixture->login(ClinicFixture::kDoctor, "wrong password"));
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void init()
    {
        QVERIFY(m_fixture && m_fixture->ok());
        m_view = std::make_unique<AuditView>(m_fixture->clinic());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_view->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_view->show();
    }

    void cleanup()
    {
        m_tester.reset();
        m_view.reset();
    }

    void rowsAppear()
    {
        show();
        const int all = m_view->model()->rowCount();
        QVERIFY(all >= 3);
        QVERIFY(countWhere(AuditTableModel::UserColumn, ClinicFixture::kAdmin) >= 1);
        QVERIFY(countWhere(AuditTableModel::OutcomeColumn, QStringLiteral("Minor failure")) >= 1);
        QVERIFY(m_view->model()->index(0, AuditTableModel::TimeColumn).data().toString().endsWith('Z'));
    }

    void eventsInWordsAndTruthfulOutcomes()
    {
        // A routine read of the key status (DICOM Security Alert) is not shown as an alert.
        QVERIFY(cc::services::KeyService(m_fixture->clinic()).status().ok());
        show();
        QVERIFY(countWhere(AuditTableModel::EventColumn, QStringLiteral("Key status viewed")) >= 1);
        QCOMPARE(countWhere(AuditTableModel::EventColumn, QStringLiteral("Security alert")), 0);
        // The doctor's failed login reads as failed and its detail as not done.
        int failedLogins = 0;
        for (int row = 0; row < m_view->model()->rowCount(); ++row)
            if (m_view->model()->index(row, AuditTableModel::EventColumn).data().toString() == "Login failed") {
                ++failedLogins;
                QVERIFY(m_view->model()
                            ->index(row, AuditTableModel::ReasonColumn)
                            .data()
                            .toString()
                            .startsWith("Not done"));
            }
        QVERIFY(failedLogins >= 1);
        // The event filter keeps one kind only.
        auto* events = m_view->findChild<QComboBox*>("eventComboBox");
        events->setCurrentIndex(events->findText(QStringLiteral("Logins and logouts")));
        show();
        const int logins = m_view->model()->rowCount();
        QVERIFY(logins >= 2);
        QCOMPARE(countWhere(AuditTableModel::EventColumn, QStringLiteral("Login")) +
                     countWhere(AuditTableModel::EventColumn, QStringLiteral("Login failed")) +
                     countWhere(AuditTableModel::EventColumn, QStringLiteral("Logout")),
                 logins);
        events->setCurrentIndex(0);
    }

    void filtersNarrow()
    {
        show();
        const int all = m_view->model()->rowCount();
        QTest::keyClicks(m_view->findChild<QLineEdit*>("userLineEdit"), ClinicFixture::kDoctor);
        show();
        const int doctorRows = m_view->model()->rowCount();
        QVERIFY(doctorRows >= 1);
        QVERIFY(doctorRows < all);
        QCOMPARE(countWhere(AuditTableModel::UserColumn, ClinicFixture::kDoctor), doctorRows);

        m_view->findChild<QLineEdit*>("userLineEdit")->clear();
        auto* action = m_view->findChild<QComboBox*>("actionComboBox");
        action->setCurrentIndex(action->findText(QStringLiteral("Create")));
        show();
        QCOMPARE(countWhere(AuditTableModel::ActionColumn, QStringLiteral("Create")), m_view->model()->rowCount());
        QVERIFY(m_view->model()->rowCount() < all);

        action->setCurrentIndex(0);
        m_view->findChild<QCheckBox*>("flaggedCheckBox")->setChecked(true);
        show();
        QCOMPARE(m_view->model()->rowCount(), 0); // no break-glass yet
    }

    /// Administrators hold the identity key: the patient column names the patient (the id in the
    /// tool tip), a name or MRN filters, and the lookup is itself audited. Doctors may not use it.
    void patientsAreNamed()
    {
        const auto adaId = m_fixture->registerPatient("Ada", "Lovelace", "AV-1815", "1815-12-10");
        QVERIFY(adaId.ok());
        QVERIFY(m_fixture->registerPatient("Bob", "Byron", "AV-1788", "1988-01-22").ok());
        // A doctor may not use the administrator's lookup.
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        const auto refused = cc::services::PatientService(m_fixture->clinic()).identitiesOf({*adaId});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, cc::ErrorCode::AccessDenied);
        m_fixture->clinic().logout();
        QVERIFY(m_fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));

        show();
        const QString adaLabel = QStringLiteral("Lovelace, Ada — MRN AV-1815");
        const int adaRows = countWhere(AuditTableModel::PatientColumn, adaLabel);
        QVERIFY(adaRows >= 1);
        QVERIFY(countWhere(AuditTableModel::PatientColumn, QStringLiteral("Byron, Bob — MRN AV-1788")) >= 1);
        const QString adaHex = cc::model::rowIdToHex(*adaId);
        QCOMPARE(countWhere(AuditTableModel::PatientColumn, adaHex), 0); // named, not shown as an id
        for (int row = 0; row < m_view->model()->rowCount(); ++row)
            if (m_view->model()->index(row, AuditTableModel::PatientColumn).data().toString() == adaLabel)
                QVERIFY(m_view->model()
                            ->index(row, AuditTableModel::PatientColumn)
                            .data(Qt::ToolTipRole)
                            .toString()
                            .contains(adaHex));

        auto* patient = m_view->findChild<QLineEdit*>("patientIdLineEdit");
        for (const QString& typed : {QStringLiteral("lovelace"), QStringLiteral("AV-1815"), adaHex.toUpper()}) {
            patient->setText(typed);
            show();
            QVERIFY2(m_view->model()->rowCount() >= 1, qPrintable(typed));
            QCOMPARE(countWhere(AuditTableModel::PatientColumn, adaLabel), m_view->model()->rowCount());
        }
        patient->setText(QStringLiteral("nobody of that name"));
        show();
        QCOMPARE(m_view->model()->rowCount(), 0);
        patient->clear();
        show();
        QVERIFY(countWhere(AuditTableModel::ReasonColumn,
                           QStringLiteral("patient names for the audit viewer, 2 asked, 2 found")) >= 1);
    }

    void verifyBannerOk()
    {
        auto* banner = m_view->findChild<QLabel*>("bannerLabel");
        QVERIFY(!banner->isVisible());
        QTest::mouseClick(m_view->findChild<QPushButton*>("verifyPushButton"), Qt::LeftButton);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith("Audit trail intact"), qPrintable(banner->text()));
        QVERIFY(banner->styleSheet().contains("#1b5e20"));
        m_view->clear();
        QVERIFY(!banner->isVisible());
        QCOMPARE(m_view->model()->rowCount(), 0);
    }

    void exportCsvIsAtomic()
    {
        QTemporaryDir out;
        const QString path = out.filePath("audit.csv");
        FileDialog::setNextSaveFileName(path);
        QTest::mouseClick(m_view->findChild<QPushButton*>("exportCsvPushButton"), Qt::LeftButton);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.count('\n') >= 3);
        QVERIFY(csv.contains(ClinicFixture::kAdmin));

        // Cancelled: nothing written. Syslog: RFC 5424 lines start with "<PRI>1 ".
        FileDialog::setNextSaveFileName(QString());
        QTest::mouseClick(m_view->findChild<QPushButton*>("exportSyslogPushButton"), Qt::LeftButton);
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 1);
        const QString logPath = out.filePath("audit.log");
        FileDialog::setNextSaveFileName(logPath);
        QTest::mouseClick(m_view->findChild<QPushButton*>("exportSyslogPushButton"), Qt::LeftButton);
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readLine().startsWith('<'));

        // A folder that does not exist: an error, and no half-written file anywhere.
        FileDialog::setNextSaveFileName(out.filePath("missing/audit.csv"));
        QTest::mouseClick(m_view->findChild<QPushButton*>("exportCsvPushButton"), Qt::LeftButton);
        QVERIFY(m_view->findChild<QLabel*>("statusLabel")->styleSheet().contains("#b00020"));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2);
    }

    void exportOneUserNeedsAnExactName()
    {
        QTest::keyClicks(m_view->findChild<QLineEdit*>("userLineEdit"), "adm");
        show();
        QTemporaryDir out;
        FileDialog::setNextSaveFileName(out.filePath("a.csv"));
        QTest::mouseClick(m_view->findChild<QPushButton*>("exportCsvPushButton"), Qt::LeftButton);
        QVERIFY(!QFile::exists(out.filePath("a.csv")));
        QVERIFY(m_view->findChild<QLabel*>("statusLabel")->text().contains("exact account name"));
        FileDialog::setNextSaveFileName(QString()); // the seam was not consumed: reset it
    }
};

QTEST_MAIN(TestAuditView)
#include "TestAuditView.moc"
