// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/AllergyDialog.h"

#include "core/model/CodeSystem.h"
#include "ui/doctor/CodeSearch.h"
#include "ui/doctor/EntryFormSupport.h"

#include "ui_AllergyDialog.h"

#include <QDialogButtonBox>

namespace cc::ui {

AllergyDialog::AllergyDialog(Submit submit, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AllergyDialog>()), m_submit(std::move(submit))
{
    m_ui->setupUi(this);
    const char* systems[] = {model::codesystem::kSnomed, model::codesystem::kRxNorm};
    for (int i = 0; i < m_ui->systemComboBox->count(); ++i)
        m_ui->systemComboBox->setItemData(i, QString::fromLatin1(systems[i]));
    m_coding = new CodedEntryBinding(m_ui->formLayout, m_ui->systemComboBox, m_ui->codeLineEdit, m_ui->displayLineEdit,
                                     interop::CodedEntryKind::Allergen);
    m_ui->systemComboBox->setCurrentIndex(m_ui->systemComboBox->findData(QString()));
    setTabOrder(m_ui->displayLineEdit, m_ui->systemComboBox);
    setTabOrder(m_ui->systemComboBox, m_ui->codeLineEdit);
    m_ui->displayLineEdit->setFocus();
    // A reaction is coded (SNOMED CT) or absent: its search fills the code.
    new CodeSearch(m_ui->reactionLineEdit, interop::CodedEntryKind::Reaction,
                   [this](const interop::CodedEntry& entry) { m_ui->reactionCodeLineEdit->setText(entry.code); });
    m_ui->startDateEdit->setDate(QDate::currentDate());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AllergyDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AllergyDialog::reject);
    entryform::watchInput(this);
}

AllergyDialog::~AllergyDialog() = default;

void AllergyDialog::setAllergy(const model::Allergy& allergy)
{
    m_original = allergy;
    setWindowTitle(tr("Edit allergy"));
    if (const int i = m_ui->systemComboBox->findData(allergy.codeSystem); i >= 0)
        m_ui->systemComboBox->setCurrentIndex(i);
    m_ui->codeLineEdit->setText(allergy.code);
    m_ui->displayLineEdit->setText(allergy.display);
    m_coding->refresh();
    entryform::setDate(m_ui->startDateEdit, allergy.start, QDate::currentDate());
    m_ui->criticalityComboBox->setCurrentIndex(std::max(0, m_ui->criticalityComboBox->findText(allergy.criticality)));
    if (const int i = m_ui->statusComboBox->findText(allergy.clinicalStatus); i >= 0)
        m_ui->statusComboBox->setCurrentIndex(i);
    // The form edits the first reaction; further (imported) reactions are kept as they are.
    if (!allergy.reactions.empty()) {
        const auto& r = allergy.reactions.front();
        m_ui->reactionCodeLineEdit->setText(r.code);
        m_ui->reactionLineEdit->setText(r.display);
        m_ui->severityComboBox->setCurrentIndex(std::max(0, m_ui->severityComboBox->findText(r.severity)));
    }
}

model::Allergy AllergyDialog::allergy() const
{
    model::Allergy a = m_original;
    a.codeSystem = m_ui->systemComboBox->currentData().toString();
    a.code = m_coding->freeText() ? QString() : m_ui->codeLineEdit->text().trimmed();
    a.display = m_ui->displayLineEdit->text().trimmed();
    a.start = entryform::isoDate(m_ui->startDateEdit, m_original.start);
    a.criticality = m_ui->criticalityComboBox->currentText();
    a.clinicalStatus = m_ui->statusComboBox->currentText();
    const model::Allergy::Reaction reaction{m_ui->reactionCodeLineEdit->text().trimmed(),
                                            m_ui->reactionLineEdit->text().trimmed(),
                                            m_ui->severityComboBox->currentText()};
    const bool hasReaction = !reaction.code.isEmpty() || !reaction.display.isEmpty();
    if (!a.reactions.empty())
        a.reactions.erase(a.reactions.begin());
    if (hasReaction)
        a.reactions.insert(a.reactions.begin(), reaction);
    return a;
}

QString AllergyDialog::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

void AllergyDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void AllergyDialog::reject()
{
    if (entryform::confirmDiscard(this))
        QDialog::reject();
}

void AllergyDialog::accept()
{
    const model::Allergy a = allergy();
    if (!a.codeSystem.isEmpty() && !model::isValidCode(a.codeSystem, a.code)) {
        showError(tr("Not a valid %1 code (digits only). Pick a suggestion, or choose Free text.")
                      .arg(m_ui->systemComboBox->currentText()));
        m_ui->codeLineEdit->setFocus();
        return;
    }
    if (a.display.isEmpty()) {
        showError(tr("Enter the substance."));
        m_ui->displayLineEdit->setFocus();
        return;
    }
    if (!a.reactions.empty() && a.reactions.front().code.isEmpty() != a.reactions.front().display.isEmpty()) {
        showError(tr("A reaction needs both its SNOMED CT code and its name."));
        return;
    }
    if (const Status stored = m_submit(a); !stored) {
        showError(entryform::inlineError(stored.error()));
        return;
    }
    showError({});
    QDialog::accept();
}

} // namespace cc::ui
