// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LoginWindow;
}

namespace cc::ui {

/// The first window: clinic name, account name and password. Emits loginRequested; the
/// composition root answers with showError() or closes the window. Holds no secret longer than
/// the click: the password field is cleared as soon as it is handed over.
class LoginWindow : public QWidget
{
    Q_OBJECT

public:
    explicit LoginWindow(QWidget* parent = nullptr);
    ~LoginWindow() override;

    /// Shows which clinic the window logs into ("DEMO" appears in the title for the demo clinic).
    void setClinic(const QString& clinicName, bool demo);
    /// Says that no clinic is open and how to create one; the fields stay disabled.
    void setNoClinic();
    /// Shows an error under the fields and re-enables them.
    void showError(const QString& message);
    /// Disables the fields while a login is checked (Argon2id takes about a second).
    void setBusy(bool busy);
    /// Shows the link to the recovery dialog (the clinic has a recovery ring: recovery.ccr).
    void setRecoveryAvailable(bool available);

signals:
    /// The password is handed over once; the field is cleared right after.
    void loginRequested(const QString& userName, const QString& password);
    /// "Passwords lost?": the composition root opens the recovery dialog over this window.
    void recoveryRequested();

private:
    void submit();
    void updateButton();

    std::unique_ptr<Ui::LoginWindow> m_ui;
    bool m_clinicOpen = true;
};

} // namespace cc::ui
