// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/Database.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/KeyStatusModel.h"
#include "ui/admin/KeyStatusView.h"
#include "ui/common/MessageBox.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTest>

using cc::testing::ClinicFixture;
using cc::ui::KeyStatusModel;
using cc::ui::KeyStatusView;

class TestKeyStatusView : public QObject
{
    Q_OBJECT

private slots:
    void rowsWithoutKeys()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        KeyStatusView view(f.clinic());
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();
        view.refresh();
        auto* model = view.model();
        QVERIFY(model->rowCount() >= 4);

        QStringList names;
        // A 128-bit or longer secret would show as 32+ hex digits or 22+ base64 characters: the
        // table must contain neither (key ids are short numbers or fingerprints under 32 digits).
        const QRegularExpression longHex(QStringLiteral("[0-9a-fA-F]{32,}"));
        const QRegularExpression longBase64(QStringLiteral("[A-Za-z0-9+/]{40,}={0,2}"));
        for (int row = 0; row < model->rowCount(); ++row) {
            names << model->index(row, KeyStatusModel::NameColumn).data().toString();
            const QString holders = model->index(row, KeyStatusModel::HoldersColumn).data().toString();
            QVERIFY2(!holders.isEmpty(), qPrintable(names.last()));
            for (int column = 0; column < KeyStatusModel::ColumnCount; ++column) {
                const QString cell = model->index(row, column).data().toString();
                if (column == KeyStatusModel::IdColumn)
                    continue; // ids are public by design (a key fingerprint may be long hex)
                QVERIFY2(!longHex.match(cell).hasMatch(), qPrintable(cell));
                QVERIFY2(!longBase64.match(cell).hasMatch(), qPrintable(cell));
            }
        }
        QVERIFY2(names.join(' ').contains("Database key"), qPrintable(names.join(' ')));
        // The doctor holds the clinical key; the administrator does not (DESIGN.md section 4).
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, KeyStatusModel::NameColumn).data().toString().contains("Clinical")) {
                const QString holders = model->index(row, KeyStatusModel::HoldersColumn).data().toString();
                QVERIFY(holders.contains(ClinicFixture::kDoctor));
                QVERIFY(!holders.contains(QStringLiteral("admin (")));
            }

        view.clear();
        QCOMPARE(model->rowCount(), 0);
    }

    // A clinic from before pinned keys: "Pin unpinned accounts…" asks first, then pins every
    // account and the recovery ring and says whom; a second time there is nothing to do.
    void pinUnpinnedAccounts()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        QVERIFY(f.store().database().exec("DELETE FROM meta WHERE name = 'box_key_pins';").ok());
        KeyStatusView view(f.clinic());
        view.show();
        auto* status = view.findChild<QLabel*>("statusLabel");
        QVERIFY(view.findChild<QPushButton*>("pinPushButton") != nullptr);
        cc::ui::MessageBox::setNextAnswer(false);
        view.pinUnpinned();
        QVERIFY(status->isHidden()); // declined: nothing done
        cc::ui::MessageBox::setNextAnswer(true);
        view.pinUnpinned();
        QVERIFY2(status->text().contains(ClinicFixture::kDoctor) && status->text().contains("recovery ring"),
                 qPrintable(status->text()));
        cc::ui::MessageBox::setNextAnswer(true);
        view.pinUnpinned();
        QVERIFY2(status->text().contains("nothing changed"), qPrintable(status->text()));
    }

    void idleTimeoutSetting()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        KeyStatusView view(f.clinic());
        view.show();
        view.refresh();
        auto* spin = view.findChild<QSpinBox*>("idleTimeoutSpinBox");
        QCOMPARE(spin->value(), 10);
        QCOMPARE(spin->minimum(), 2);
        QCOMPARE(spin->maximum(), 30);
        spin->setValue(5);
        QTest::mouseClick(view.findChild<QPushButton*>("applyIdleTimeoutPushButton"), Qt::LeftButton);
        QCOMPARE(f.clinic().session()->idleTimeout(), std::chrono::minutes(5));
        QVERIFY(view.findChild<QLabel*>("statusLabel")->text().contains("5"));

        // The setting is the clinic's: the next login uses it.
        f.clinic().logout();
        QVERIFY(f.login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        QCOMPARE(f.clinic().session()->idleTimeout(), std::chrono::minutes(5));
    }
};

QTEST_MAIN(TestKeyStatusView)
#include "TestKeyStatusView.moc"
