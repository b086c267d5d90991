// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AccountDialog.h"

#include "core/services/PasswordPolicy.h"
#include "ui/common/PasswordBytes.h"
#include "ui/common/RoleText.h"

#include "ui_AccountDialog.h"

#include <QPushButton>

namespace cc::ui {

AccountDialog::AccountDialog(Mode mode, const QString& name, access::Role role, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AccountDialog>()), m_mode(mode)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    // Patient accounts are created with the patient record (clinical records, issue 5).
    for (access::Role r : {access::Role::Administrator, access::Role::Doctor})
        m_ui->roleComboBox->addItem(RoleText::name(r), static_cast<int>(r));
    m_ui->roleComboBox->setCurrentIndex(m_ui->roleComboBox->findData(static_cast<int>(role)));
    m_ui->nameLineEdit->setText(name);
    m_ui->nameLineEdit->setReadOnly(mode != Mode::Create);
    m_ui->roleComboBox->setEnabled(mode == Mode::Create || mode == Mode::SetRole);

    QString okText;
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("Create account"));
        okText = tr("&Create");
        break;
    case Mode::Enable:
        setWindowTitle(tr("Enable account"));
        okText = tr("&Enable");
        break;
    case Mode::ResetPassword:
        setWindowTitle(tr("Reset password"));
        okText = tr("&Reset password");
        break;
    case Mode::SetRole:
        setWindowTitle(tr("Change role"));
        okText = tr("&Change role");
        m_ui->introLabel->setText(tr("A new role means a new key slot: the account gets the new role's keys and a "
                                     "temporary password it must change at the next login."));
        break;
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(okText);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->roleComboBox, &QComboBox::currentIndexChanged, this, &AccountDialog::updateSponsor);
    updateSponsor();
}

AccountDialog::~AccountDialog() = default;

QString AccountDialog::accountName() const
{
    return m_ui->nameLineEdit->text().trimmed();
}

access::Role AccountDialog::role() const
{
    const auto code = static_cast<std::uint8_t>(m_ui->roleComboBox->currentData().toInt());
    return access::roleFromCode(code).value_or(access::Role::Administrator);
}

crypto::SecureBytes AccountDialog::temporaryPassword() const
{
    return passwordBytes(m_ui->passwordLineEdit->text());
}

std::optional<services::Sponsor> AccountDialog::sponsor() const
{
    const QString name = m_ui->sponsorNameLineEdit->text().trimmed();
    if (role() != access::Role::Doctor || name.isEmpty())
        return std::nullopt;
    return services::Sponsor{name.toStdString(), passwordBytes(m_ui->sponsorPasswordLineEdit->text())};
}

void AccountDialog::showError(const QString& message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}

void AccountDialog::done(int result)
{
    m_ui->passwordLineEdit->clear();
    m_ui->repeatPasswordLineEdit->clear();
    m_ui->sponsorPasswordLineEdit->clear();
    QDialog::done(result);
}

void AccountDialog::submit()
{
    if (accountName().isEmpty()) {
        showError(tr("Enter the account name."));
        return;
    }
    if (m_ui->passwordLineEdit->text() != m_ui->repeatPasswordLineEdit->text()) {
        showError(tr("The two passwords differ."));
        return;
    }
    if (auto checked = services::checkNewPassword(temporaryPassword().span()); !checked) {
        showError(tr("The temporary password needs at least %1 characters.").arg(services::kMinNewPasswordLength));
        return;
    }
    m_ui->errorLabel->hide();
    emit submitted();
}

void AccountDialog::updateSponsor()
{
    m_ui->sponsorGroupBox->setVisible(role() == access::Role::Doctor);
    adjustSize();
}

} // namespace cc::ui
