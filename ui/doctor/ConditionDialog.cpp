// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ConditionDialog.h"

#include "core/model/CodeSystem.h"
#include "ui/doctor/CodeSearch.h"
#include "ui/doctor/EntryFormSupport.h"

#include "ui_ConditionDialog.h"

#include <QDialogButtonBox>

namespace cc::ui {

ConditionDialog::ConditionDialog(Submit submit, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConditionDialog>()), m_submit(std::move(submit))
{
    m_ui->setupUi(this);
    // The combo's items, in .ui order, carry their FHIR system URIs.
    const char* systems[] = {model::codesystem::kIcd10, model::codesystem::kIcd10Cm, model::codesystem::kSnomed};
    for (int i = 0; i < m_ui->systemComboBox->count(); ++i)
        m_ui->systemComboBox->setItemData(i, QString::fromLatin1(systems[i]));
    m_coding = new CodedEntryBinding(m_ui->formLayout, m_ui->systemComboBox, m_ui->codeLineEdit, m_ui->displayLineEdit,
                                     interop::CodedEntryKind::Condition);
    // A new problem starts as free text; typing in its name offers the code list.
    m_ui->systemComboBox->setCurrentIndex(m_ui->systemComboBox->findData(QString()));
    setTabOrder(m_ui->displayLineEdit, m_ui->systemComboBox);
    setTabOrder(m_ui->systemComboBox, m_ui->codeLineEdit);
    m_ui->displayLineEdit->setFocus();
    m_ui->onsetDateEdit->setDate(QDate::currentDate());
    m_ui->abatementDateEdit->setDate(QDate::currentDate());
    m_ui->abatementDateEdit->setEnabled(false);
    connect(m_ui->resolvedCheckBox, &QCheckBox::toggled, m_ui->abatementDateEdit, &QWidget::setEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConditionDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConditionDialog::reject);
    entryform::watchInput(this);
}

ConditionDialog::~ConditionDialog() = default;

void ConditionDialog::setCondition(const model::Condition& condition)
{
    m_original = condition;
    setWindowTitle(tr("Edit problem"));
    if (const int i = m_ui->systemComboBox->findData(condition.codeSystem); i >= 0)
        m_ui->systemComboBox->setCurrentIndex(i);
    m_ui->codeLineEdit->setText(condition.code);
    m_ui->displayLineEdit->setText(condition.display);
    m_coding->refresh();
    entryform::setDate(m_ui->onsetDateEdit, condition.onset, QDate::currentDate());
    m_ui->resolvedCheckBox->setChecked(!condition.abatement.isEmpty());
    entryform::setDate(m_ui->abatementDateEdit, condition.abatement, QDate::currentDate());
    if (const int i = m_ui->statusComboBox->findText(condition.clinicalStatus); i >= 0)
        m_ui->statusComboBox->setCurrentIndex(i);
}

model::Condition ConditionDialog::condition() const
{
    model::Condition c = m_original;
    c.codeSystem = m_ui->systemComboBox->currentData().toString();
    c.code = m_coding->freeText() ? QString() : m_ui->codeLineEdit->text().trimmed();
    c.display = m_ui->displayLineEdit->text().trimmed();
    c.onset = entryform::isoDate(m_ui->onsetDateEdit, m_original.onset);
    c.abatement = m_ui->resolvedCheckBox->isChecked()
                      ? entryform::isoDate(m_ui->abatementDateEdit, m_original.abatement)
                      : QString();
    c.clinicalStatus = m_ui->statusComboBox->currentText();
    return c;
}

QString ConditionDialog::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

void ConditionDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void ConditionDialog::reject()
{
    if (entryform::confirmDiscard(this))
        QDialog::reject();
}

void ConditionDialog::accept()
{
    const model::Condition c = condition();
    if (!c.codeSystem.isEmpty() && !model::isValidCode(c.codeSystem, c.code)) {
        showError(tr("Not a valid %1 code (ICD-10: a letter, two characters and an optional part "
                     "after a dot, e.g. E11.9; SNOMED CT: 6 to 18 digits). Pick a suggestion, or "
                     "choose Free text.")
                      .arg(m_ui->systemComboBox->currentText()));
        m_ui->codeLineEdit->setFocus();
        return;
    }
    if (c.display.isEmpty()) {
        showError(tr("Enter the problem's name."));
        m_ui->displayLineEdit->setFocus();
        return;
    }
    if (const Status stored = m_submit(c); !stored) {
        showError(entryform::inlineError(stored.error()));
        return;
    }
    showError({});
    QDialog::accept();
}

} // namespace cc::ui
