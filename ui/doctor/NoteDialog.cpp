// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/NoteDialog.h"

#include "core/model/FieldLimits.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/EntryFormSupport.h"

#include "ui_NoteDialog.h"

#include <QLabel>
#include <QPushButton>

namespace cc::ui {

NoteDialog::NoteDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::NoteDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->titleLineEdit, &QLineEdit::textChanged, this, &NoteDialog::validate);
    connect(m_ui->textPlainTextEdit, &QPlainTextEdit::textChanged, this, &NoteDialog::validate);
    validate();
}

NoteDialog::~NoteDialog() = default;

void NoteDialog::setPatientLine(const QString& patientLine)
{
    entryform::showPatient(this, patientLine);
}

QString NoteDialog::patientText() const
{
    const auto* label = findChild<QLabel*>(QStringLiteral("patientLabel"));
    return label != nullptr ? label->text() : QString();
}

bool NoteDialog::hasUnsavedInput() const
{
    return title() != m_originalTitle || text() != m_originalText;
}

void NoteDialog::reject()
{
    if (hasUnsavedInput() &&
        !MessageBox::confirm(this, tr("Discard note"), tr("Close without saving? What you typed is lost.")))
        return;
    QDialog::reject();
}

void NoteDialog::setNote(const QString& title, const QString& text, bool shared)
{
    setWindowTitle(tr("Amend note"));
    m_originalTitle = title.trimmed();
    m_originalText = text;
    m_ui->titleLineEdit->setText(title);
    m_ui->textPlainTextEdit->setPlainText(text);
    m_ui->sharedCheckBox->setChecked(shared);
    validate();
}

QString NoteDialog::title() const
{
    return m_ui->titleLineEdit->text().trimmed();
}

QString NoteDialog::text() const
{
    return m_ui->textPlainTextEdit->toPlainText();
}

bool NoteDialog::shared() const
{
    return m_ui->sharedCheckBox->isChecked();
}

QString NoteDialog::problem() const
{
    return m_ui->errorLabel->text();
}

void NoteDialog::validate()
{
    // The same limits as model::ClinicalNote::fromJson (bytes of UTF-8); the service checks again.
    QString message;
    if (text().trimmed().isEmpty())
        message = tr("Write the note's text.");
    else if (static_cast<std::size_t>(text().toUtf8().size()) > model::limits::kNote)
        message = tr("The note is longer than 1 MB.");
    else if (static_cast<std::size_t>(title().toUtf8().size()) > model::limits::kDisplay)
        message = tr("The title is too long.");
    m_ui->errorLabel->setText(message);
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(message.isEmpty());
}

} // namespace cc::ui
