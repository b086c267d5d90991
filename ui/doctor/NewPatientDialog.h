// SPDX-License-Identifier: GPL-3.0-or-later
// The doctor's "New patient" form.
#pragma once

#include "core/model/Patient.h"
#include "core/model/RowId.h"

#include <QDialog>

#include <memory>

namespace Ui {
class NewPatientDialog;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Identity fields, an MRN typed or generated, and Save. The rules are PatientRegistration's:
/// the field errors come from the identity document's decoder ("patient.birthDate: ..."), an MRN
/// in use is refused, and a patient with the same name and birth date is a probable duplicate:
/// the dialog names those on the doctor's list (and counts the others) and saves only once
/// duplicateCheckBox is ticked. The new patient joins the doctor's care team. Accepted once stored.
class NewPatientDialog : public QDialog
{
    Q_OBJECT

public:
    /// `clinic` must outlive the dialog.
    explicit NewPatientDialog(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~NewPatientDialog() override;

    /// The identity the form describes.
    [[nodiscard]] model::Patient patient() const;
    /// The new patient's row id (after accept).
    [[nodiscard]] const access::PatientId& created() const { return m_created; }
    /// The inline error shown, or empty.
    [[nodiscard]] QString errorText() const;

    void accept() override;
    /// Asks before dropping typed input (MessageBox seam).
    void reject() override;

private:
    void generateMrn();
    void showError(const QString& text);

    std::unique_ptr<Ui::NewPatientDialog> m_ui;
    services::ClinicService& m_clinic;
    access::PatientId m_created{};
};

} // namespace cc::ui
