// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/NewPatientDialog.h"

#include "core/services/PatientRegistration.h"
#include "ui/common/DisplayText.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/EntryFormSupport.h"

#include "ui_NewPatientDialog.h"

#include <QPushButton>

namespace cc::ui {

NewPatientDialog::NewPatientDialog(services::ClinicService& clinic, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::NewPatientDialog>()), m_clinic(clinic)
{
    m_ui->setupUi(this);
    for (const auto sex : {model::Sex::Female, model::Sex::Male, model::Sex::Other, model::Sex::Unknown})
        m_ui->sexComboBox->addItem(DisplayText::sex(sex), static_cast<int>(sex));
    m_ui->sexComboBox->setCurrentIndex(m_ui->sexComboBox->findData(static_cast<int>(model::Sex::Unknown)));
    m_ui->birthDateEdit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_ui->birthDateEdit->setMinimumDate(QDate(1800, 1, 1));
    m_ui->birthDateEdit->setMaximumDate(QDate::currentDate());
    m_ui->birthDateEdit->setDate(QDate(1970, 1, 1));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Register"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &NewPatientDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &NewPatientDialog::reject);
    connect(m_ui->generateMrnPushButton, &QPushButton::clicked, this, &NewPatientDialog::generateMrn);
    // A change of name or birth date is another question: the duplicate answer no longer holds.
    for (QLineEdit* edit : {m_ui->givenNameLineEdit, m_ui->familyNameLineEdit})
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_ui->duplicateLabel->hide();
            m_ui->duplicateCheckBox->hide();
            m_ui->duplicateCheckBox->setChecked(false);
        });
    connect(m_ui->birthDateEdit, &QDateEdit::dateChanged, this, [this] {
        m_ui->duplicateLabel->hide();
        m_ui->duplicateCheckBox->hide();
        m_ui->duplicateCheckBox->setChecked(false);
    });
}

NewPatientDialog::~NewPatientDialog() = default;

model::Patient NewPatientDialog::patient() const
{
    model::Patient p;
    p.mrn = m_ui->mrnLineEdit->text().trimmed();
    p.givenName = m_ui->givenNameLineEdit->text().trimmed();
    p.familyName = m_ui->familyNameLineEdit->text().trimmed();
    p.birthDate = m_ui->birthDateEdit->date().toString(Qt::ISODate);
    p.sex = static_cast<model::Sex>(m_ui->sexComboBox->currentData().toInt());
    p.phone = m_ui->phoneLineEdit->text().trimmed();
    p.addressLine = m_ui->addressLineEdit->text().trimmed();
    p.city = m_ui->cityLineEdit->text().trimmed();
    p.postalCode = m_ui->postalCodeLineEdit->text().trimmed();
    return p;
}

QString NewPatientDialog::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

void NewPatientDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void NewPatientDialog::generateMrn()
{
    auto mrn = services::PatientRegistration(m_clinic).generateMrn();
    if (!mrn) {
        showError(entryform::inlineError(mrn.error()));
        return;
    }
    m_ui->mrnLineEdit->setText(*mrn);
}

void NewPatientDialog::accept()
{
    const model::Patient p = patient();
    if (p.mrn.isEmpty()) {
        showError(tr("Type the MRN or press Generate."));
        return;
    }
    services::PatientRegistration registration(m_clinic);
    auto check = registration.check(p);
    if (!check) {
        showError(entryform::inlineError(check.error()));
        return;
    }
    if (check->mrnInUse) {
        showError(tr("The MRN %1 is already in use: type another or press Generate.").arg(p.mrn));
        return;
    }
    if (check->hasDuplicates() && !m_ui->duplicateCheckBox->isChecked()) {
        QStringList names;
        for (const auto& d : check->duplicatesOnCareTeam)
            names << DisplayText::patientLine(d);
        QString text = tr("Possible duplicate: a patient with the same name and date of birth is already registered.");
        if (!names.isEmpty())
            text += QLatin1Char(' ') + tr("On your list: %1.").arg(names.join(QStringLiteral("; ")));
        if (check->duplicatesElsewhere > 0)
            text += QLatin1Char(' ') + tr("%n more not on your care team (ask the clinic's administrator).", nullptr,
                                          static_cast<int>(check->duplicatesElsewhere));
        m_ui->duplicateLabel->setText(text);
        m_ui->duplicateLabel->show();
        m_ui->duplicateCheckBox->show();
        showError({});
        return;
    }
    auto created = registration.registerPatient(p, m_ui->duplicateCheckBox->isChecked());
    if (!created) {
        showError(entryform::inlineError(created.error()));
        return;
    }
    m_created = *created;
    QDialog::accept();
}

void NewPatientDialog::reject()
{
    const model::Patient p = patient();
    const bool typed = !p.givenName.isEmpty() || !p.familyName.isEmpty() || !p.phone.isEmpty() ||
                       !p.addressLine.isEmpty() || !p.city.isEmpty() || !p.postalCode.isEmpty();
    if (typed &&
        !MessageBox::confirm(this, tr("Discard new patient"), tr("Close without registering? What you typed is lost.")))
        return;
    QDialog::reject();
}

} // namespace cc::ui
