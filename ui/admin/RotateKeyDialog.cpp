// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/RotateKeyDialog.h"

#include "ui/admin/AdminFormat.h"
#include "ui/admin/KeyStatusModel.h"
#include "ui/common/ErrorText.h"
#include "ui/common/OffThread.h"
#include "ui/common/PasswordBytes.h"

#include "ui_RotateKeyDialog.h"

#include <QPushButton>

namespace cc::ui {

using access::KeyKind;

RotateKeyDialog::RotateKeyDialog(services::ClinicService& clinic, std::vector<services::KeyStatus> keys,
                                 QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RotateKeyDialog>()), m_clinic(clinic), m_keys(std::move(keys))
{
    m_ui->setupUi(this);
    for (KeyKind k : {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::ClinicalCategory})
        m_ui->keyComboBox->addItem(KeyStatusModel::keyName(std::string(access::keyKindName(k))), static_cast<int>(k));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Rotate"));
    m_ui->resultLabel->hide();
    connect(m_ui->keyComboBox, &QComboBox::currentIndexChanged, this, &RotateKeyDialog::updatePlan);
    connect(m_ui->understoodCheckBox, &QCheckBox::toggled, this, &RotateKeyDialog::updatePlan);
    connect(m_ui->sponsorNameLineEdit, &QLineEdit::textChanged, this, &RotateKeyDialog::updatePlan);
    connect(m_ui->sponsorPasswordLineEdit, &QLineEdit::textChanged, this, &RotateKeyDialog::updatePlan);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RotateKeyDialog::rotate);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, [this]() {
        if (m_rotated)
            emit sessionEnded();
        reject();
    });
    updatePlan();
}

RotateKeyDialog::~RotateKeyDialog() = default;

void RotateKeyDialog::setKind(KeyKind kind)
{
    m_ui->keyComboBox->setCurrentIndex(m_ui->keyComboBox->findData(static_cast<int>(kind)));
}

KeyKind RotateKeyDialog::kind() const
{
    return static_cast<KeyKind>(m_ui->keyComboBox->currentData().toInt());
}

QString RotateKeyDialog::whatText(KeyKind kind)
{
    switch (kind) {
    case KeyKind::DatabaseKey:
        return tr("A new random database key replaces the current one and the whole database file is re-encrypted "
                  "with it (SQLCipher rekey).");
    case KeyKind::IdentityCategory:
        return tr("A new identity category key replaces the current one; every patient's identity key is re-wrapped "
                  "under it in one transaction.");
    default:
        return tr("A new clinical category key replaces the current one; every patient's clinical key and every "
                  "confidential-note key is re-wrapped under it. A doctor must take part: administrators never "
                  "hold this key.");
    }
}

QString RotateKeyDialog::costText(KeyKind kind)
{
    switch (kind) {
    case KeyKind::DatabaseKey:
        return tr("Every page of the database is rewritten: about a second per 100 MB; the clinic is unusable "
                  "meanwhile. Backups made before keep the old key.");
    case KeyKind::IdentityCategory:
        return tr("One small re-wrap per patient: fast even for thousands of patients.");
    default:
        return tr("One small re-wrap per patient and per confidential key: fast even for thousands of patients.");
    }
}

void RotateKeyDialog::updatePlan()
{
    const KeyKind k = kind();
    const std::string name(access::keyKindName(k));
    QStringList holders;
    QString current;
    for (const auto& key : m_keys)
        if (key.name == name) {
            for (const auto& h : key.holders)
                holders << QString::fromStdString(h).toHtmlEscaped();
            current = tr("now version %1, id %2, %n day(s) old", nullptr, static_cast<int>(key.ageDays))
                          .arg(key.version)
                          .arg(keyIdText(key.id));
        }
    const QString what = whatText(k);
    const QString cost = costText(k);
    m_ui->planLabel->setText(
        QStringLiteral("<p><b>%1</b> (%2)</p><p>%3</p><p>%4</p><p>%5</p><ul><li>%6</li></ul><p>%7</p>")
            .arg(KeyStatusModel::keyName(name).toHtmlEscaped(), current, what.toHtmlEscaped(), cost.toHtmlEscaped(),
                 tr("The new key is sealed into the key-slot file's mailbox for each holder, who takes it at the "
                    "next login (no password is needed now; disabled accounts get nothing):")
                     .toHtmlEscaped(),
                 holders.join(QStringLiteral("</li><li>")),
                 tr("Your session then ends: your key ring holds the old key. The rotation is recorded in the "
                    "audit trail.")
                     .toHtmlEscaped()));
    const bool clinical = k == KeyKind::ClinicalCategory;
    m_ui->sponsorGroupBox->setVisible(clinical);
    const bool sponsorReady = !clinical || (!m_ui->sponsorNameLineEdit->text().trimmed().isEmpty() &&
                                            !m_ui->sponsorPasswordLineEdit->text().isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_rotated && m_ui->understoodCheckBox->isChecked() && sponsorReady);
}

void RotateKeyDialog::rotate()
{
    const KeyKind k = kind();
    std::optional<services::Sponsor> sponsor;
    if (k == KeyKind::ClinicalCategory)
        sponsor = services::Sponsor{m_ui->sponsorNameLineEdit->text().trimmed().toStdString(),
                                    passwordBytes(m_ui->sponsorPasswordLineEdit->text())};
    m_ui->sponsorPasswordLineEdit->clear();
    services::KeyService keys(m_clinic);
    auto rotated =
        runBusy(this, tr("Rotating the key…"), [&]() { return keys.rotate(k, sponsor ? &*sponsor : nullptr); });
    if (!rotated) {
        showResult(tr("Not rotated: %1").arg(ErrorText::forError(rotated.error())), true);
        // A refusal keeps the session unless the service ended it.
        if (m_clinic.session() == nullptr) {
            m_rotated = true;
            updatePlan();
        }
        return;
    }
    m_rotated = true;
    showResult(tr("%1 rotated to version %2 (id %3), sealed for %n recipient(s) including the recovery ring. "
                  "Your session has ended: close this window and log in again to take the new key.",
                  nullptr, static_cast<int>(rotated->recipients))
                   .arg(KeyStatusModel::keyName(rotated->name))
                   .arg(rotated->version)
                   .arg(keyIdText(std::to_string(rotated->keyId))),
               false);
    m_ui->keyComboBox->setEnabled(false);
    m_ui->understoodCheckBox->setEnabled(false);
    m_ui->sponsorGroupBox->setEnabled(false);
    updatePlan();
}

void RotateKeyDialog::showResult(const QString& text, bool error)
{
    m_ui->resultLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->resultLabel->setText(text);
    m_ui->resultLabel->show();
}

} // namespace cc::ui
