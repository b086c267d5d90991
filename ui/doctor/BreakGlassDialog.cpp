// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/BreakGlassDialog.h"

#include "core/access/BreakGlassGrant.h"
#include "core/services/PatientService.h"
#include "ui/common/ErrorText.h"

#include "ui_BreakGlassDialog.h"

#include <QPushButton>

namespace cc::ui {

BreakGlassDialog::BreakGlassDialog(services::ClinicService& clinic, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::BreakGlassDialog>()), m_clinic(clinic)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Open chart"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &BreakGlassDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &BreakGlassDialog::reject);
}

BreakGlassDialog::~BreakGlassDialog() = default;

void BreakGlassDialog::setPatient(const model::RowId& patient)
{
    m_ui->recordLabel->setText(tr("Patient record id:"));
    m_ui->recordLineEdit->setText(model::rowIdToHex(patient));
    m_ui->recordLineEdit->setReadOnly(true);
    m_ui->reasonPlainTextEdit->setFocus();
}

void BreakGlassDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(true);
}

void BreakGlassDialog::accept()
{
    const std::string reason = m_ui->reasonPlainTextEdit->toPlainText().toStdString();
    // The core's own rule, asked first so the doctor reads its message; the service checks it again
    // (and, at the time of writing, reports a refused reason as a damaged audit event instead).
    if (const auto valid = access::BreakGlassGrant::validateReason(reason); !valid) {
        showError(ErrorText::forError(valid.error()));
        return;
    }
    services::PatientService service(m_clinic);
    // Opened from a refused chart, the record id is known and locked; opened from the toolbar, the
    // doctor types the MRN and the service looks it up only once the reason is valid.
    if (m_ui->recordLineEdit->isReadOnly()) {
        auto id = model::rowIdFromHex(m_ui->recordLineEdit->text().trimmed());
        if (!id) {
            showError(tr("The record id has 32 hexadecimal digits."));
            return;
        }
        const auto granted = service.breakGlass(*id, reason);
        if (!granted) {
            showError(ErrorText::forError(granted.error()));
            return;
        }
        m_patient = *id;
    } else {
        const auto granted = service.breakGlassByMrn(m_ui->recordLineEdit->text(), reason);
        if (!granted) {
            showError(ErrorText::forError(granted.error()));
            return;
        }
        m_patient = *granted;
    }
    QDialog::accept();
}

} // namespace cc::ui
