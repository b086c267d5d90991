// SPDX-License-Identifier: GPL-3.0-or-later
// The form behind Create, Enable, Reset password and Set role: name, role, temporary password, sponsor.
#pragma once

#include "core/access/Role.h"
#include "core/crypto/SecureBytes.h"
#include "core/services/AccountService.h"

#include <QDialog>

#include <memory>
#include <optional>

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

    /// `name` is fixed for every mode but Create; `role` preselects the role.
    AccountDialog(Mode mode, const QString& name, access::Role role, QWidget* parent = nullptr);
    ~AccountDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    /// The account name (trimmed).
    [[nodiscard]] QString accountName() const;
    /// The selected role.
    [[nodiscard]] access::Role role() const;
    /// The temporary password as wiped bytes.
    [[nodiscard]] crypto::SecureBytes temporaryPassword() const;
    /// The sponsor if the role is doctor and a sponsor name was typed.
    [[nodiscard]] std::optional<services::Sponsor> sponsor() const;
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

    std::unique_ptr<Ui::AccountDialog> m_ui;
    Mode m_mode;
};

} // namespace cc::ui
