// SPDX-License-Identifier: GPL-3.0-or-later
// The forced password change after a login with a temporary password.
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ChangePasswordDialog;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Asks for the new password twice, checks it against the clinic's rule (PasswordPolicy) and
/// calls ClinicService::changeOwnPassword off the GUI thread (Argon2id). Accepted when the change
/// is stored; rejected on Cancel, after which the caller logs out.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    /// `clinic` must outlive the dialog and have a logged-in session.
    explicit ChangePasswordDialog(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ChangePasswordDialog() override;

    /// True while the change runs in the background.
    [[nodiscard]] bool busy() const { return m_busy; }

private:
    void submit();
    void finish(const QString& error);
    void reject() override;
    void setBusy(bool busy);

    std::unique_ptr<Ui::ChangePasswordDialog> m_ui;
    services::ClinicService& m_clinic;
    bool m_busy = false;
};

} // namespace cc::ui
