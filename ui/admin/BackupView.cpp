// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/BackupView.h"

#include "ui/admin/AdminFormat.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/common/OffThread.h"
#include "ui/common/PasswordBytes.h"

#include "ui_BackupView.h"

#include <QDateTime>

namespace cc::ui {

namespace {

const QString kFilter = QStringLiteral("CipherChart backups (*.ccbk);;All files (*)");

QString step(bool done, bool failed, const QString& text)
{
    const QString mark = failed ? QStringLiteral("<span style='color:#b00020'>✗</span>")
                         : done ? QStringLiteral("<span style='color:#1b5e20'>✓</span>")
                                : QStringLiteral("○");
    return mark + QStringLiteral(" ") + text.toHtmlEscaped();
}

} // namespace

BackupView::BackupView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::BackupView>()), m_clinic(clinic), m_backups(clinic)
{
    m_ui->setupUi(this);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->manifestPlainTextEdit->setFont(mono);
    m_ui->statusLabel->hide();
    m_ui->stepsLabel->hide();
    connect(m_ui->createPushButton, &QPushButton::clicked, this, &BackupView::createBackup);
    connect(m_ui->inspectPushButton, &QPushButton::clicked, this, &BackupView::inspectBackup);
    connect(m_ui->verifyPushButton, &QPushButton::clicked, this, &BackupView::verifyBackup);
    connect(m_ui->restorePushButton, &QPushButton::clicked, this, &BackupView::restoreBackup);
}

BackupView::~BackupView() = default;

QString BackupView::groupedFingerprint(const std::string& hex)
{
    QString out;
    for (std::size_t i = 0; i < hex.size(); i += 4)
        out += (i ? QStringLiteral(" ") : QString()) + QString::fromStdString(hex.substr(i, 4));
    return out;
}

void BackupView::clear()
{
    m_ui->manifestPlainTextEdit->clear();
    m_ui->backupPasswordLineEdit->clear();
    m_ui->statusLabel->hide();
    m_ui->stepsLabel->hide();
}

services::RestoreOptions BackupView::restoreOptions() const
{
    services::RestoreOptions options;
    options.allowOtherClinic = m_ui->allowOtherClinicCheckBox->isChecked();
    options.backupUser = m_ui->backupUserLineEdit->text().trimmed().toStdString();
    if (!options.backupUser.empty())
        options.backupPassword = passwordBytes(m_ui->backupPasswordLineEdit->text());
    return options;
}

void BackupView::createBackup()
{
    const QString clinicName = QString::fromStdString(m_clinic.backend().descriptor().name);
    const QString suggested = QStringLiteral("clinic-backup-%1.ccbk")
                                  .arg(QDateTime::fromSecsSinceEpoch(m_clinic.clock().nowSeconds(), QTimeZone::utc())
                                           .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = FileDialog::saveFileName(this, tr("Create backup"), suggested, kFilter);
    if (path.isEmpty())
        return;
    if (!MessageBox::confirm(this, tr("Create backup"),
                             tr("Back up the whole clinic \"%1\" to\n%2?\n\nThe database is exported under a fresh "
                                "key, sealed and signed with the clinic signing key; an existing file is never "
                                "replaced. The backup is recorded in the audit trail. The window is busy until "
                                "the file is written (seconds for a small clinic).")
                                 .arg(clinicName, path)))
        return;
    auto made = runBusy(this, tr("Writing the backup…"), [&]() { return m_backups.create(path.toStdString()); });
    if (!made) {
        showStatus(tr("No backup was written: %1").arg(ErrorText::forError(made.error())), true);
        return;
    }
    showManifest(*made, tr("Backup written to %1").arg(path));
    showStatus(tr("Backup written. Note its fingerprint to recognise the file later: %1")
                   .arg(groupedFingerprint(services::BackupService::manifestFingerprint(*made)).left(39)),
               false);
    emit backupCreated();
}

void BackupView::inspectBackup()
{
    const QString path = FileDialog::openFileName(this, tr("Inspect backup"), kFilter);
    if (!path.isEmpty())
        inspectFile(path);
}

bool BackupView::inspectFile(const QString& path)
{
    auto seen = runBusy(this, tr("Reading the backup…"), [&]() { return m_backups.inspect(path.toStdString()); });
    if (!seen) {
        showStatus(tr("Not a usable backup: %1").arg(ErrorText::forError(seen.error())), true);
        return false;
    }
    showManifest(seen->manifest, seen->signedByThisClinic
                                     ? tr("Signed by this clinic's signing key. Nothing was decrypted.")
                                     : tr("Signed by another key (another clinic's, or a forged file): the "
                                          "signature only proves the manifest is intact. Nothing was decrypted."));
    showStatus(tr("Manifest read; to check the contents too, use Verify."), false);
    return true;
}

void BackupView::verifyBackup()
{
    const QString path = FileDialog::openFileName(this, tr("Verify backup"), kFilter);
    if (path.isEmpty())
        return;
    auto verified = runBusy(this, tr("Verifying every part of the backup…"),
                            [&]() { return m_backups.verify(path.toStdString(), restoreOptions()); });
    if (!verified) {
        showStatus(tr("The backup failed verification: %1").arg(ErrorText::forError(verified.error())), true);
        return;
    }
    showManifest(*verified, tr("Verified: signature, every member's SHA-256, the sealed payload and the database "
                               "copy's integrity check. The live clinic was not touched."));
    showStatus(tr("The backup is intact and this clinic can restore it."), false);
}

void BackupView::restoreBackup()
{
    const QString path = FileDialog::openFileName(this, tr("Restore backup"), kFilter);
    if (path.isEmpty())
        return;
    const QString liveName = QString::fromStdString(m_clinic.backend().descriptor().name);
    m_ui->stepsLabel->setText(step(false, false, tr("1. Verify the backup (nothing is changed)")) +
                              QStringLiteral("<br>") + step(false, false, tr("2. Confirm")) + QStringLiteral("<br>") +
                              step(false, false, tr("3. Replace the clinic and end the session")));
    m_ui->stepsLabel->show();
    const services::RestoreOptions options = restoreOptions();
    auto verified = runBusy(this, tr("Step 1 of 3: verifying the backup…"),
                            [&]() { return m_backups.verify(path.toStdString(), options); });
    if (!verified) {
        m_ui->stepsLabel->setText(step(false, true, tr("1. Verification failed: nothing was changed")));
        showStatus(tr("Not restored: %1").arg(ErrorText::forError(verified.error())), true);
        return;
    }
    showManifest(*verified, tr("Step 1 passed: every check of the restore, on a staged copy that was discarded."));
    const QString backupName = QString::fromStdString(verified->clinicName);
    const QString when = utcDateTime(verified->createdAtMs);
    m_ui->stepsLabel->setText(step(true, false, tr("1. Verified")) + QStringLiteral("<br>") +
                              step(false, false, tr("2. Confirm")) + QStringLiteral("<br>") +
                              step(false, false, tr("3. Replace the clinic and end the session")));
    if (!MessageBox::confirm(
            this, tr("Restore backup"),
            tr("Replace the clinic \"%1\" with the backup of \"%2\" made on %3 by %4?\n\nEverything recorded after "
               "that date, the audit events included, is moved to the folder pre-restore-%5 and is no longer part "
               "of the clinic. The passwords of that date apply again. Your session ends and you log in again.")
                .arg(liveName, backupName, when, QString::fromStdString(verified->createdBy),
                     QString::fromStdString(verified->backupId)))) {
        m_ui->stepsLabel->setText(step(true, false, tr("1. Verified")) + QStringLiteral("<br>") +
                                  step(false, true, tr("2. Not confirmed: nothing was changed")));
        return;
    }
    auto restored = runBusy(this, tr("Step 3 of 3: restoring the backup…"),
                            [&]() { return m_backups.restore(path.toStdString(), options); });
    m_ui->backupPasswordLineEdit->clear();
    if (!restored) {
        m_ui->stepsLabel->setText(step(true, false, tr("1. Verified")) + QStringLiteral("<br>") +
                                  step(true, false, tr("2. Confirmed")) + QStringLiteral("<br>") +
                                  step(false, true, tr("3. Restore refused")));
        showStatus(tr("Not restored: %1").arg(ErrorText::forError(restored.error())), true);
        // A refusal after the verify leaves the session as it was, unless the service ended it.
        if (m_clinic.session() == nullptr)
            emit sessionEnded();
        return;
    }
    MessageBox::warning(this, tr("Backup restored"),
                        tr("The clinic was restored from the backup of %1. Log in again with the password the "
                           "account had then.")
                            .arg(when));
    emit sessionEnded();
}

void BackupView::showManifest(const services::BackupManifest& m, const QString& verdict)
{
    QString text = verdict + QStringLiteral("\n\n");
    const auto line = [&](const QString& label, const QString& value) {
        text += label.leftJustified(22, QLatin1Char(' ')) + value + QLatin1Char('\n');
    };
    line(tr("Fingerprint"), groupedFingerprint(services::BackupService::manifestFingerprint(m)));
    line(tr("Backup id"), QString::fromStdString(m.backupId));
    line(tr("Clinic"),
         QStringLiteral("%1 (%2)").arg(QString::fromStdString(m.clinicName), QString::fromStdString(m.clinicId)));
    line(tr("Created"), tr("%1 by %2").arg(utcDateTime(m.createdAtMs), QString::fromStdString(m.createdBy)));
    line(tr("Audit events"), tr("up to number %1").arg(m.auditHeadSeq));
    line(tr("Key slots"), tr("generation %1").arg(m.keySlotGeneration));
    line(tr("Schema version"), QString::number(m.schemaVersion));
    line(tr("Signer"), groupedFingerprint(m.signer));
    for (const auto& member : m.members)
        line(tr("  %1").arg(QString::fromStdString(member.name)),
             tr("%1 bytes, SHA-256 %2…")
                 .arg(QLocale().toString(static_cast<qulonglong>(member.size)),
                      QString::fromStdString(member.sha256.substr(0, 16))));
    m_ui->manifestPlainTextEdit->setPlainText(text);
}

void BackupView::showStatus(const QString& text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->show();
}

} // namespace cc::ui
