// SPDX-License-Identifier: GPL-3.0-or-later
// The form behind Create, Enable, Reset password and Set role: name, role, temporary password, sponsor.
#pragma once

#include "core/access/Role.h"
#include "core/crypto/SecureBytes.h"
#include "core/model/Patient.h"
#include "core/services/AccountService.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QGroupBox;
class QLineEdit;
class QListWidget;

namespace Ui {
class AccountDialog;
}

namespace cc::ui {

/// Collects what an account change needs; it calls no service. On Ok it checks that the two
/// passwords match and follow the clinic's rule, then emits submitted(); the owner calls the
/// service and either closes the dialog (done) or shows the service's error in it (showError),
/// so a mistake never loses what was typed. Sponsor fields appear for the doctor role only.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Enable, ResetPassword, SetRole };

    /// Finds patient records by name or MRN for a patient account (the owner's PatientService
    /// search, audited there): the dialog itself calls no service.
    using PatientFinder = std::function<Result<std::vector<model::Patient>>(const QString& search)>;

    /// `name` is fixed for every mode but Create; `role` preselects the role. With `findPatients`
    /// (Create only), the role list offers Patient: the record is chosen by search, and a doctor
    /// sponsors (the patient's clinical key is a doctor's to unwrap).
    AccountDialog(Mode mode, const QString& name, access::Role role, QWidget* parent = nullptr,
                  PatientFinder findPatients = {});
    ~AccountDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    /// The account name (trimmed).
    [[nodiscard]] QString accountName() const;
    /// The selected role.
    [[nodiscard]] access::Role role() const;
    /// The temporary password as wiped bytes.
    [[nodiscard]] crypto::SecureBytes temporaryPassword() const;
    /// The sponsor if the role is doctor or patient and a sponsor name was typed.
    [[nodiscard]] std::optional<services::Sponsor> sponsor() const;
    /// The chosen patient record (role patient), if any.
    [[nodiscard]] std::optional<model::Patient> patient() const;
    /// Shows an error and keeps the dialog open.
    void showError(const QString& message);
    /// Clears the password fields and closes the dialog as accepted.
    void done(int result) override;

signals:
    /// The form passed its own checks; the owner now calls the service.
    void submitted();

private:
    void submit();
    void updateSponsor();
    void findPatients();

    std::unique_ptr<Ui::AccountDialog> m_ui;
    Mode m_mode;
    PatientFinder m_findPatients;
    std::vector<model::Patient> m_found;
    QGroupBox* m_patientBox = nullptr;
    QLineEdit* m_patientSearch = nullptr;
    QListWidget* m_patientList = nullptr;
};

} // namespace cc::ui
