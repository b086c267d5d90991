// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AccountDialog.h"

#include "core/services/PasswordPolicy.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/PasswordBytes.h"
#include "ui/common/RoleText.h"

#include "ui_AccountDialog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc::ui {

AccountDialog::AccountDialog(Mode mode, const QString& name, access::Role role, QWidget* parent,
                             PatientFinder findPatients)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountDialog>())
    , m_mode(mode)
    , m_findPatients(std::move(findPatients))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    for (access::Role r : {access::Role::Administrator, access::Role::Doctor})
        m_ui->roleComboBox->addItem(RoleText::name(r), static_cast<int>(r));
    // A patient's own account belongs to an existing record, chosen by search (never by id).
    if (mode == Mode::Create && m_findPatients) {
        m_ui->roleComboBox->addItem(RoleText::name(access::Role::Patient), static_cast<int>(access::Role::Patient));
        m_patientBox = new QGroupBox(tr("Patient record"), this);
        m_patientBox->setObjectName(QStringLiteral("patientGroupBox"));
        m_patientSearch = new QLineEdit(m_patientBox);
        m_patientSearch->setObjectName(QStringLiteral("patientSearchLineEdit"));
        m_patientSearch->setPlaceholderText(tr("name or MRN"));
        m_patientSearch->setAccessibleName(tr("Search the patient's record"));
        auto* find = new QPushButton(tr("F&ind"), m_patientBox);
        find->setObjectName(QStringLiteral("findPatientPushButton"));
        find->setAutoDefault(false);
        m_patientList = new QListWidget(m_patientBox);
        m_patientList->setObjectName(QStringLiteral("patientListWidget"));
        m_patientList->setAccessibleName(tr("Patient records found"));
        m_patientList->setMinimumHeight(90);
        auto* searchRow = new QHBoxLayout;
        auto* searchLabel = new QLabel(tr("&Patient:"), m_patientBox);
        searchLabel->setBuddy(m_patientSearch);
        searchRow->addWidget(searchLabel);
        searchRow->addWidget(m_patientSearch, 1);
        searchRow->addWidget(find);
        auto* boxLayout = new QVBoxLayout(m_patientBox);
        boxLayout->addLayout(searchRow);
        boxLayout->addWidget(m_patientList);
        m_ui->mainLayout->insertWidget(m_ui->mainLayout->indexOf(m_ui->sponsorGroupBox), m_patientBox);
        setMinimumWidth(480); // the record line and the sponsor notice read on one or two lines
        connect(find, &QPushButton::clicked, this, &AccountDialog::findPatients);
        connect(m_patientSearch, &QLineEdit::returnPressed, this, &AccountDialog::findPatients);
    }
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
    if ((role() != access::Role::Doctor && role() != access::Role::Patient) || name.isEmpty())
        return std::nullopt;
    return services::Sponsor{name.toStdString(), passwordBytes(m_ui->sponsorPasswordLineEdit->text())};
}

std::optional<model::Patient> AccountDialog::patient() const
{
    if (role() != access::Role::Patient || m_patientList == nullptr || m_patientList->currentRow() < 0 ||
        static_cast<std::size_t>(m_patientList->currentRow()) >= m_found.size())
        return std::nullopt;
    return m_found[static_cast<std::size_t>(m_patientList->currentRow())];
}

void AccountDialog::findPatients()
{
    m_patientList->clear();
    m_found.clear();
    const QString search = m_patientSearch->text().trimmed();
    if (search.isEmpty()) {
        showError(tr("Type part of the patient's name or their MRN."));
        return;
    }
    auto found = m_findPatients(search);
    if (!found) {
        showError(ErrorText::forError(found.error()));
        return;
    }
    m_found = std::move(*found);
    for (const auto& p : m_found)
        m_patientList->addItem(
            tr("%1, %2 — MRN %3 — born %4").arg(p.familyName, p.givenName, p.mrn, DisplayText::date(p.birthDate)));
    if (m_found.empty()) {
        showError(tr("No patient record matches \"%1\".").arg(search));
        return;
    }
    m_ui->errorLabel->hide();
    if (m_found.size() == 1)
        m_patientList->setCurrentRow(0);
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
    if (role() == access::Role::Patient && !patient()) {
        showError(tr("Find the patient's record and choose it in the list."));
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
    const bool patient = role() == access::Role::Patient;
    m_ui->sponsorGroupBox->setVisible(role() == access::Role::Doctor || patient);
    m_ui->sponsorNoticeLabel->setText(
        patient ? tr("A patient's own clinical key is wrapped under the clinical key that administrators do not hold. "
                     "A doctor vouches by typing their own account name and password here.")
                : tr("A doctor account opens clinical keys that administrators do not hold. A doctor vouches for it by "
                     "typing their own account name and password here."));
    if (m_patientBox != nullptr)
        m_patientBox->setVisible(patient);
    adjustSize();
}

} // namespace cc::ui
