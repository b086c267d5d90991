// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/ChangePasswordDialog.h"

#include "core/services/ClinicService.h"
#include "core/services/PasswordPolicy.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/ErrorText.h"
#include "ui/common/PasswordBytes.h"

#include "ui_ChangePasswordDialog.h"

#include <QPushButton>

#include <memory>

namespace cc::ui {

ChangePasswordDialog::ChangePasswordDialog(services::ClinicService& clinic, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ChangePasswordDialog>()), m_clinic(clinic)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Change password"));
    // The Ok button must not close the dialog by itself: the change may fail.
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

void ChangePasswordDialog::submit()
{
    if (m_busy)
        return;
    if (m_ui->newPasswordLineEdit->text() != m_ui->repeatPasswordLineEdit->text()) {
        finish(tr("The two passwords differ."));
        return;
    }
    auto password = std::make_shared<crypto::SecureBytes>(passwordBytes(m_ui->newPasswordLineEdit->text()));
    m_ui->newPasswordLineEdit->clear();
    m_ui->repeatPasswordLineEdit->clear();
    if (auto checked = services::checkNewPassword(password->span()); !checked) {
        finish(tr("The new password needs at least %1 characters.").arg(services::kMinNewPasswordLength));
        return;
    }
    setBusy(true);
    services::ClinicService* clinic = &m_clinic;
    runInBackground(
        this, [clinic, password]() { return clinic->changeOwnPassword(password->span()); },
        [this](const Status& status) {
            setBusy(false);
            if (status)
                accept();
            else
                finish(ErrorText::forError(status.error()));
        });
}

void ChangePasswordDialog::finish(const QString& error)
{
    m_ui->errorLabel->setText(error);
    m_ui->errorLabel->show();
    m_ui->newPasswordLineEdit->setFocus();
}

void ChangePasswordDialog::reject()
{
    // The background change uses the session: the caller may log out only once it has finished.
    if (!m_busy)
        QDialog::reject();
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->newPasswordLineEdit->setEnabled(!busy);
    m_ui->repeatPasswordLineEdit->setEnabled(!busy);
    m_ui->buttonBox->setEnabled(!busy);
}

} // namespace cc::ui
