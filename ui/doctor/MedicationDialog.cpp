// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/MedicationDialog.h"

#include "core/model/CodeSystem.h"
#include "ui/doctor/CodeSearch.h"
#include "ui/doctor/EntryFormSupport.h"

#include "ui_MedicationDialog.h"

#include <QDialogButtonBox>
#include <QPushButton>

namespace cc::ui {

MedicationDialog::MedicationDialog(Submit submit, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::MedicationDialog>()), m_submit(std::move(submit))
{
    m_ui->setupUi(this);
    m_coding = new CodedEntryBinding(m_ui->formLayout, nullptr, m_ui->codeLineEdit, m_ui->displayLineEdit,
                                     interop::CodedEntryKind::Medication);
    setTabOrder(m_ui->displayLineEdit, m_ui->codeLineEdit);
    m_ui->displayLineEdit->setFocus();
    m_ui->startDateEdit->setDate(QDate::currentDate());
    m_ui->stopDateEdit->setDate(QDate::currentDate());
    m_ui->stopDateEdit->setEnabled(false);
    connect(m_ui->stoppedCheckBox, &QCheckBox::toggled, m_ui->stopDateEdit, &QWidget::setEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &MedicationDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &MedicationDialog::reject);
    entryform::watchInput(this);
}

MedicationDialog::~MedicationDialog() = default;

void MedicationDialog::setMedication(const model::Medication& medication)
{
    m_original = medication;
    setWindowTitle(tr("Edit medication"));
    m_ui->codeLineEdit->setText(medication.code);
    m_ui->displayLineEdit->setText(medication.display);
    m_coding->refresh();
    entryform::setDate(m_ui->startDateEdit, medication.start, QDate::currentDate());
    m_ui->stoppedCheckBox->setChecked(!medication.stop.isEmpty());
    entryform::setDate(m_ui->stopDateEdit, medication.stop, QDate::currentDate());
    m_ui->dosageLineEdit->setText(medication.dosage);
    if (const int i = m_ui->statusComboBox->findText(medication.status); i >= 0)
        m_ui->statusComboBox->setCurrentIndex(i);
}

model::Medication MedicationDialog::medication() const
{
    model::Medication m = m_original;
    m.code = m_ui->codeLineEdit->text().trimmed();
    m.display = m_ui->displayLineEdit->text().trimmed();
    m.start = entryform::isoDate(m_ui->startDateEdit, m_original.start);
    m.stop = m_ui->stoppedCheckBox->isChecked() ? entryform::isoDate(m_ui->stopDateEdit, m_original.stop) : QString();
    m.dosage = m_ui->dosageLineEdit->text().trimmed();
    m.status = m_ui->statusComboBox->currentText();
    return m;
}

QString MedicationDialog::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

void MedicationDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void MedicationDialog::reject()
{
    if (entryform::confirmDiscard(this))
        QDialog::reject();
}

void MedicationDialog::accept()
{
    const model::Medication m = medication();
    if (!m.code.isEmpty() && !model::isValidCode(QString::fromLatin1(model::codesystem::kRxNorm), m.code)) {
        showError(tr("The RxNorm code is a number of up to 12 digits (RXCUI); leave it empty for a "
                     "free-text (uncoded) medication."));
        m_ui->codeLineEdit->setFocus();
        return;
    }
    if (m.display.isEmpty()) {
        showError(tr("Enter the medication's name."));
        m_ui->displayLineEdit->setFocus();
        return;
    }
    if (const Status stored = m_submit(m); !stored) {
        showError(entryform::inlineError(stored.error()));
        return;
    }
    showError({});
    QDialog::accept();
}

} // namespace cc::ui
