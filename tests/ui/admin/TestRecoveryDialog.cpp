// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery dialog over real clinics: per-share checksum feedback as each share is typed, more
// lines when the shares ask for them, a custodian refused, a doctor's access restored (one audit
// event, flagged).
#include "core/crypto/Rng.h"
#include "tests/support/TestClinic.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "ui/admin/RecoveryDialog.h"
#include "ui/common/FileDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using namespace cc::ui;

namespace {

QString labelText(QWidget* parent, const QString& name)
{
    auto* label = parent->findChild<QLabel*>(name);
    return label != nullptr && label->isVisibleTo(parent) ? label->text() : QString();
}

QLineEdit* edit(QWidget* parent, const QString& name)
{
    return parent->findChild<QLineEdit*>(name);
}

QPushButton* okButton(QWidget* dialog)
{
    return dialog->findChild<QDialogButtonBox*>("buttonBox")->button(QDialogButtonBox::Ok);
}

/// One base32 character changed: the format stays, the CRC-32 no longer matches.
QString mistyped(const std::string& share)
{
    std::string s = share;
    // The first data character ("CC1-k-i-X..."): a full group, every bit of it counts.
    const auto pos = s.find('-', s.find('-', s.find('-') + 1) + 1) + 1;
    s[pos] = s[pos] == 'A' ? 'B' : 'A';
    return QString::fromStdString(s);
}

std::unique_ptr<RecoveryDialog> dialogFor(test::TestClinic& c)
{
    return std::make_unique<RecoveryDialog>(c.store(), c.clock(), crypto::SystemRng::instance(), c.options(),
                                            c.setup().recoveryBlob);
}

} // namespace

class TestRecoveryDialog : public QObject
{
    Q_OBJECT

private slots:
    void feedbackAsEachShareIsTyped()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        auto dialog = dialogFor(c);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QCOMPARE(dialog->shareFieldCount(), 2);
        const auto& shares = c.setup().recoveryShares;
        QTest::keyClicks(edit(dialog.get(), "shareLineEdit1"), QString::fromStdString(shares[0]));
        QVERIFY2(labelText(dialog.get(), "shareStatusLabel1")
                     .contains("✓ Checksum matches: share number 1 of a set "
                               "that needs 2"),
                 qPrintable(labelText(dialog.get(), "shareStatusLabel1")));
        // Half typed: the format is not complete yet; mistyped: the checksum says so.
        QTest::keyClicks(edit(dialog.get(), "shareLineEdit2"), QString::fromStdString(shares[1]).left(12));
        QVERIFY(labelText(dialog.get(), "shareStatusLabel2").startsWith("✗"));
        edit(dialog.get(), "shareLineEdit2")->setText(mistyped(shares[1]));
        QVERIFY2(labelText(dialog.get(), "shareStatusLabel2").contains("checksum"),
                 qPrintable(labelText(dialog.get(), "shareStatusLabel2")));
        // The same share twice is refused before anything is combined.
        edit(dialog.get(), "shareLineEdit2")->setText(QString::fromStdString(shares[0]));
        QVERIFY(labelText(dialog.get(), "shareStatusLabel2").contains("already typed"));
        QTest::keyClicks(edit(dialog.get(), "accountLineEdit"), test::kDoctor);
        QTest::keyClicks(edit(dialog.get(), "passwordLineEdit"), "temporary password 1");
        QTest::keyClicks(edit(dialog.get(), "repeatLineEdit"), "temporary password 1");
        QVERIFY(!okButton(dialog.get())->isEnabled());
        edit(dialog.get(), "shareLineEdit2")->setText(mistyped(shares[2]));
        QVERIFY(testing::adminScreenshot(dialog.get(), "admin-recovery.png"));
        QVERIFY(!okButton(dialog.get())->isEnabled());
        edit(dialog.get(), "shareLineEdit2")->setText(QString::fromStdString(shares[2]).toLower());
        QVERIFY(labelText(dialog.get(), "shareStatusLabel2").contains("share number 3"));
        QVERIFY(okButton(dialog.get())->isEnabled());

        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QVERIFY2(dialog->recovered(), qPrintable(labelText(dialog.get(), "resultLabel")));
        QVERIFY(labelText(dialog.get(), "resultLabel").contains("new key slot"));
        QVERIFY(edit(dialog.get(), "shareLineEdit1")->text().isEmpty()); // shares are not kept on screen
        QVERIFY(testing::adminScreenshot(dialog.get(), "admin-recovery-done.png"));
        QVERIFY(c.login(test::kDoctor, "temporary password 1").ok());
        QVERIFY(c.clinic().mustChangePassword());
        c.clinic().logout();
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        const auto events = testing::eventsStartingWith(c.clinic(), "recovery key:");
        QCOMPARE(events.size(), std::size_t{1});
        QVERIFY(events.front().flagged);
        QCOMPARE(events.front().userName, std::string(test::kDoctor));
    }

    void custodianRefusedInTheDialog()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        auto dialog = dialogFor(c);
        dialog->show();
        const auto& shares = c.setup().recoveryShares;
        edit(dialog.get(), "shareLineEdit1")->setText(QString::fromStdString(shares[1]));
        edit(dialog.get(), "shareLineEdit2")->setText(QString::fromStdString(shares[2]));
        edit(dialog.get(), "accountLineEdit")->setText(test::kAdmin);
        edit(dialog.get(), "passwordLineEdit")->setText("temporary password 1");
        edit(dialog.get(), "repeatLineEdit")->setText("temporary password 1");
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QVERIFY(!dialog->recovered());
        QVERIFY2(labelText(dialog.get(), "resultLabel").contains("report-key share"),
                 qPrintable(labelText(dialog.get(), "resultLabel")));
        QVERIFY(okButton(dialog.get())->isEnabled());              // nothing typed is lost: try another account
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok()); // alice's slot is untouched
        const auto events = testing::eventsStartingWith(c.clinic(), "recovery key: refused");
        QCOMPARE(events.size(), std::size_t{1});
        QCOMPARE(events.front().outcome, audit::AuditOutcome::MinorFailure);
    }

    void moreLinesWhenTheSharesAskForThem()
    {
        auto made = test::TestClinic::create([](services::SetupRequest& r) {
            r.recoveryShares = 4;
            r.recoveryThreshold = 3;
        });
        QVERIFY(made.ok());
        auto& c = **made;
        auto dialog = dialogFor(c);
        dialog->show();
        edit(dialog.get(), "shareLineEdit1")->setText(QString::fromStdString(c.setup().recoveryShares[3]));
        QCOMPARE(dialog->shareFieldCount(), 3);
        QVERIFY(labelText(dialog.get(), "shareStatusLabel1").contains("needs 3"));
        QTRY_VERIFY(labelText(dialog.get(), "shareStatusLabel3").contains("Waiting")); // shown by the layout
        // The keyboard goes top to bottom: account, every share line (the third one added at run
        // time included), then the temporary password.
        QApplication::setActiveWindow(dialog.get());
        edit(dialog.get(), "accountLineEdit")->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), edit(dialog.get(), "accountLineEdit"));
        for (const char* next : {"shareLineEdit1", "shareLineEdit2", "shareLineEdit3", "passwordLineEdit"}) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), edit(dialog.get(), next));
        }
    }

    void reissueShowsTheNewSetAndItsPages()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        auto dialog = dialogFor(c);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        // Re-issuing asks for who and the new set, not for an account or a password.
        dialog->findChild<QRadioButton*>("reissueRadioButton")->setChecked(true);
        QVERIFY(!edit(dialog.get(), "accountLineEdit")->isVisibleTo(dialog.get()));
        QVERIFY(edit(dialog.get(), "requestedByLineEdit")->isVisibleTo(dialog.get()));
        QCOMPARE(okButton(dialog.get())->text(), QStringLiteral("&Issue the new shares"));
        const auto& shares = c.setup().recoveryShares;
        edit(dialog.get(), "shareLineEdit1")->setText(QString::fromStdString(shares[0]));
        edit(dialog.get(), "shareLineEdit2")->setText(QString::fromStdString(shares[2]));
        QVERIFY(!okButton(dialog.get())->isEnabled()); // nobody named yet
        QTest::keyClicks(edit(dialog.get(), "requestedByLineEdit"), "Ada Custodian");
        auto* k = dialog->findChild<QSpinBox*>("newThresholdSpinBox");
        auto* n = dialog->findChild<QSpinBox*>("newCountSpinBox");
        k->setValue(4);
        QVERIFY(!okButton(dialog.get())->isEnabled()); // 4 of 3: refused before asking
        QVERIFY(labelText(dialog.get(), "newSetHintLabel").startsWith("✗"));
        n->setValue(5);
        k->setValue(3);
        QVERIFY(okButton(dialog.get())->isEnabled());
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QCOMPARE(dialog->newShares().size(), std::size_t{5});
        QVERIFY2(labelText(dialog.get(), "resultLabel").contains("3 of 5"),
                 qPrintable(labelText(dialog.get(), "resultLabel")));
        QVERIFY(edit(dialog.get(), "shareLineEdit1")->text().isEmpty()); // the old shares are not kept on screen
        QVERIFY(!okButton(dialog.get())->isEnabled());                   // once is enough
        const QString listed = dialog->findChild<QPlainTextEdit*>("newSharesEdit")->toPlainText();
        for (const auto& share : dialog->newShares())
            QVERIFY(listed.contains(QString::fromStdString(share)));

        // One page per custodian, owner-only.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString pdf = tmp.filePath("shares.pdf");
        FileDialog::setNextSaveFileName(pdf);
        QTest::mouseClick(dialog->findChild<QPushButton*>("savePagesButton"), Qt::LeftButton);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY2(bytes.contains("/Count 5"), "the PDF has five pages");
        QVERIFY2(labelText(dialog.get(), "pagesLabel").contains("5 pages"),
                 qPrintable(labelText(dialog.get(), "pagesLabel")));
        // A folder that cannot be written: said beside the button, the shares stay on screen.
        FileDialog::setNextSaveFileName(tmp.filePath("missing/shares.pdf"));
        QTest::mouseClick(dialog->findChild<QPushButton*>("savePagesButton"), Qt::LeftButton);
        QVERIFY2(labelText(dialog.get(), "pagesLabel").startsWith("The pages were not saved"),
                 qPrintable(labelText(dialog.get(), "pagesLabel")));
        QVERIFY(dialog->findChild<QPlainTextEdit*>("newSharesEdit")->toPlainText().contains("Share 5:"));
        FileDialog::setNextSaveFileName(pdf + ".again.pdf");
        QTest::mouseClick(dialog->findChild<QPushButton*>("savePagesButton"), Qt::LeftButton);
        QTest::qWait(50); // the layout makes room for the two lines of the label
        QVERIFY(testing::adminScreenshot(dialog.get(), "admin-recovery-reissued.png"));

        // The new set restores access; the event names who asked.
        const std::vector<std::string> fresh = dialog->newShares();
        dialog.reset();
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        auto files = c.store().recoveryRing()->load();
        QVERIFY(files.ok());
        auto restored = recovery.recover(files->current, {fresh[4], fresh[1], fresh[2]}, test::kDoctor,
                                         test::bytes("temporary password 1"));
        QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().describe().c_str());
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        const auto events = testing::eventsStartingWith(c.clinic(), "recovery shares re-issued 3-of-5");
        QCOMPARE(events.size(), std::size_t{1});
        QCOMPARE(events.front().userName, std::string("Ada Custodian"));
        QVERIFY(events.front().flagged);
    }
};

QTEST_MAIN(TestRecoveryDialog)
#include "TestRecoveryDialog.moc"
