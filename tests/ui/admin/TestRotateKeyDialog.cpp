// SPDX-License-Identifier: GPL-3.0-or-later
// The key page's rotation dialog and report-key custody over a real clinic: the plan names the
// holders before anything happens, a wrong sponsor is refused in the dialog (audited), a rotation
// shows its result, ends the session (one audit event) and the administrator logs in again.
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/KeyStatusModel.h"
#include "ui/admin/KeyStatusView.h"
#include "ui/admin/RotateKeyDialog.h"
#include "ui/common/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
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

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok);
}

} // namespace

class TestRotateKeyDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { MessageBox::setTestMode(true); }

    void custodyNamesCustodiansAndWhatALeaverMeans()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        KeyStatusView view(f.clinic());
        view.resize(1000, 760);
        view.refresh();
        const QString custody = labelText(&view, "custodyLabel");
        QVERIFY2(custody.contains("<b>1 of 1</b>"), qPrintable(custody));
        QVERIFY(custody.contains(ClinicFixture::kAdmin));
        QVERIFY(custody.contains("no longer be decrypted"));
        // Names in words, ids in one format (hex), never a key.
        QStringList names;
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            names << view.model()->index(row, KeyStatusModel::NameColumn).data().toString();
            const QString id = view.model()->index(row, KeyStatusModel::IdColumn).data().toString();
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]+$")).match(id).hasMatch(), qPrintable(id));
        }
        QVERIFY2(names.join('|').contains("Database key"), qPrintable(names.join('|')));
        QVERIFY(names.join('|').contains("Report key"));
        QVERIFY(testing::adminScreenshot(&view, "admin-key-custody.png"));

        // A 2-of-3 quorum survives one leaver.
        services::KeyStatus quorum;
        quorum.name = "ReportKey";
        quorum.id = "a1b2c3d4e5f60718";
        quorum.version = 1;
        quorum.holders = {"ann (share 1)", "ben (share 2)", "cy (share 3)", "decrypts with 2 of 3 custodians"};
        const QString text = KeyStatusView::custodyText(quorum);
        QVERIFY(text.contains("<b>2 of 3</b>"));
        QVERIFY(text.contains("the other 2 can still decrypt"));
        QVERIFY(text.contains("ann (share 1), ben (share 2), cy (share 3)"));
    }

    void clinicalNeedsTheRightSponsor()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        KeyStatusView view(f.clinic());
        view.show();
        view.refresh();
        RotateKeyDialog* dialog = view.openRotateDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->setKind(access::KeyKind::ClinicalCategory);
        const QString plan = labelText(dialog, "planLabel");
        QVERIFY2(plan.contains(ClinicFixture::kDoctor), qPrintable(plan)); // who receives it
        QVERIFY(plan.contains("recovery ring"));
        QVERIFY(!plan.contains(QStringLiteral("%1 (administrator)").arg(ClinicFixture::kAdmin)));
        QVERIFY(plan.contains("session then ends"));
        QVERIFY(dialog->findChild<QWidget*>("sponsorGroupBox")->isVisibleTo(dialog));
        QVERIFY(!okButton(dialog)->isEnabled());
        dialog->findChild<QCheckBox*>("understoodCheckBox")->setChecked(true);
        QVERIFY(!okButton(dialog)->isEnabled()); // no sponsor yet
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorNameLineEdit"), ClinicFixture::kDoctor);
        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorPasswordLineEdit"), "not the password");
        QVERIFY(testing::adminScreenshot(dialog, "admin-rotate-key.png"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY2(labelText(dialog, "resultLabel").contains("Not rotated"),
                 qPrintable(labelText(dialog, "resultLabel")));
        QVERIFY(f.clinic().session() != nullptr);
        QVERIFY(!dialog->rotated());
        auto refused = testing::eventsStartingWith(f.clinic(), "rotate ClinicalCategory");
        QCOMPARE(refused.size(), std::size_t{1});
        QCOMPARE(refused.front().outcome, audit::AuditOutcome::MinorFailure);

        QTest::keyClicks(dialog->findChild<QLineEdit*>("sponsorPasswordLineEdit"), ClinicFixture::kDoctorPassword);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY2(labelText(dialog, "resultLabel").contains("rotated to version 2"),
                 qPrintable(labelText(dialog, "resultLabel")));
        QVERIFY(dialog->rotated());
        QVERIFY(f.clinic().session() == nullptr);
        QVERIFY(!okButton(dialog)->isEnabled());
        QSignalSpy ended(&view, &KeyStatusView::sessionEnded);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Close),
                          Qt::LeftButton);
        QCOMPARE(ended.count(), 1);
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        auto done = testing::eventsStartingWith(f.clinic(), "rotate ClinicalCategory to version 2");
        QCOMPARE(done.size(), std::size_t{1});
        QVERIFY(done.front().detail.find(ClinicFixture::kDoctor) != std::string::npos);
    }

    void databaseKeyRotationEndsTheSession()
    {
        ClinicFixture f;
        QVERIFY2(f.ok(), f.error());
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        KeyStatusView view(f.clinic());
        view.show();
        view.refresh();
        QTest::mouseClick(view.findChild<QPushButton*>("rotatePushButton"), Qt::LeftButton);
        auto* dialog = view.findChild<RotateKeyDialog*>();
        QVERIFY(dialog != nullptr && QTest::qWaitForWindowExposed(dialog));
        QVERIFY(labelText(dialog, "planLabel").contains("re-encrypted"));
        QVERIFY(!dialog->findChild<QWidget*>("sponsorGroupBox")->isVisibleTo(dialog));
        dialog->findChild<QCheckBox*>("understoodCheckBox")->setChecked(true);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY2(labelText(dialog, "resultLabel").contains("sealed for 3 recipient"),
                 qPrintable(labelText(dialog, "resultLabel")));
        QVERIFY(testing::adminScreenshot(dialog, "admin-rotate-key-done.png"));
        QVERIFY(f.clinic().session() == nullptr);
        // The doctor and the administrator take the new key at their next login.
        QVERIFY(f.login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword));
        f.clinic().logout();
        QVERIFY(f.login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword));
        QCOMPARE(testing::eventsStartingWith(f.clinic(), "rotate DatabaseKey").size(), std::size_t{1});
    }
};

QTEST_MAIN(TestRotateKeyDialog)
#include "TestRotateKeyDialog.moc"
