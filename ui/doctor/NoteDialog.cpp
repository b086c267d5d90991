// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/NoteDialog.h"

#include "core/model/FieldLimits.h"

#include "ui_NoteDialog.h"

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

void NoteDialog::setNote(const QString& title, const QString& text, bool shared)
{
    setWindowTitle(tr("Amend note"));
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
