// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/BreakGlassDialog.h"

#include "core/access/BreakGlassGrant.h"
#include "core/services/PatientService.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"

#include "ui_BreakGlassDialog.h"

#include <QPushButton>

namespace cc::ui {

BreakGlassDialog::BreakGlassDialog(services::ClinicService& clinic, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::BreakGlassDialog>()), m_clinic(clinic)
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &BreakGlassDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &BreakGlassDialog::reject);
    connect(m_ui->checkPushButton, &QPushButton::clicked, this, &BreakGlassDialog::check);
    // Enter in the MRN field presses the default button: Check until the MRN is checked, then Open.
    // Another MRN is another question: the answer given for the previous one no longer holds.
    connect(m_ui->recordLineEdit, &QLineEdit::textEdited, this, [this] {
        if (!m_fromChart)
            setState(State::Unchecked);
    });
    setState(State::Unchecked);
}

BreakGlassDialog::~BreakGlassDialog() = default;

void BreakGlassDialog::setState(State state)
{
    m_state = state;
    auto* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    const bool needsReason = state == State::NeedsEmergencyAccess;
    m_ui->reasonLabel->setVisible(needsReason);
    m_ui->reasonPlainTextEdit->setVisible(needsReason);
    ok->setEnabled(state != State::Unchecked);
    ok->setText(needsReason ? tr("&Open chart (emergency access)") : tr("&Open chart"));
    ok->setDefault(state != State::Unchecked);
    m_ui->checkPushButton->setDefault(state == State::Unchecked);
    if (state == State::Unchecked) {
        m_ui->statusLabel->hide();
        m_ui->errorLabel->hide();
    }
}

void BreakGlassDialog::setPatient(const access::PatientId& patient)
{
    m_fromChart = true;
    setWindowTitle(tr("Emergency access"));
    m_ui->explanationLabel->setText(
        tr("This patient is not on your care team. In an emergency you may open the chart for 60 minutes. Your "
           "reason is recorded in the audit trail and an administrator reviews every emergency access."));
    m_ui->recordLabel->setText(tr("Patient record id:"));
    m_ui->recordLineEdit->setText(model::rowIdToHex(patient));
    m_ui->recordLineEdit->setReadOnly(true);
    m_ui->checkPushButton->hide();
    setState(State::NeedsEmergencyAccess);
    m_ui->reasonPlainTextEdit->setFocus();
}

void BreakGlassDialog::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void BreakGlassDialog::check()
{
    if (m_fromChart)
        return;
    const QString mrn = m_ui->recordLineEdit->text().trimmed();
    if (mrn.isEmpty()) {
        setState(State::Unchecked);
        showError(tr("Type the patient's MRN first."));
        return;
    }
    showError({});
    // Only the care team is searched here (no patient outside it is looked up without a reason).
    auto found = services::PatientService(m_clinic).findByMrn(mrn);
    if (found) {
        m_patient = found->id;
        setState(State::OnCareTeam);
        m_ui->statusLabel->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_ui->statusLabel->setText(tr("%1, born %2, is on your care team: no emergency access is needed. The chart "
                                      "opens normally.")
                                       .arg(DisplayText::patientLine(*found), DisplayText::date(found->birthDate)));
        m_ui->statusLabel->show();
        return;
    }
    if (found.error().code != ErrorCode::NotFound) {
        setState(State::Unchecked);
        showError(ErrorText::forError(found.error()));
        return;
    }
    setState(State::NeedsEmergencyAccess);
    m_ui->statusLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    m_ui->statusLabel->setText(
        tr("No patient with this MRN is on your care team: emergency access is needed. Give your reason; the MRN "
           "is then looked up among all patients, the chart opens for 60 minutes, and an administrator reviews "
           "the access."));
    m_ui->statusLabel->show();
    m_ui->reasonPlainTextEdit->setFocus();
}

void BreakGlassDialog::accept()
{
    if (m_state == State::Unchecked) {
        check();
        return;
    }
    if (m_state == State::OnCareTeam) {
        m_emergency = false;
        QDialog::accept();
        return;
    }
    const std::string reason = m_ui->reasonPlainTextEdit->toPlainText().toStdString();
    // The core's own rule, asked first so the doctor reads its message; the service checks it again.
    if (const auto valid = access::BreakGlassGrant::validateReason(reason); !valid) {
        showError(ErrorText::forError(valid.error()));
        return;
    }
    services::PatientService service(m_clinic);
    if (m_fromChart) {
        auto id = model::rowIdFromHex<access::PatientId>(m_ui->recordLineEdit->text().trimmed());
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
        const auto granted = service.breakGlassByMrn(m_ui->recordLineEdit->text().trimmed(), reason);
        if (!granted) {
            showError(ErrorText::forError(granted.error()));
            return;
        }
        m_patient = *granted;
    }
    m_emergency = true;
    QDialog::accept();
}

} // namespace cc::ui
