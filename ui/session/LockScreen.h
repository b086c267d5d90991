// SPDX-License-Identifier: GPL-3.0-or-later
// The window shown instead of the work windows while the session is idle-locked.
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LockScreen;
}

namespace cc::ui {

/// Asks the locked user's password (resume) or offers Log out. Shows only the account name: the
/// work windows are hidden and their models cleared before this appears.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(QWidget* parent = nullptr);
    ~LockScreen() override;

    /// Names the locked account and clears the previous error and password.
    void reset(const QString& userName);
    /// Shows an error (wrong password, throttling) and re-enables the fields.
    void showError(const QString& message);
    /// Disables the fields while the password is checked.
    void setBusy(bool busy);

signals:
    /// The password is handed over once; the field is cleared right after.
    void unlockRequested(const QString& password);
    void logoutRequested();

private:
    void submit();

    std::unique_ptr<Ui::LockScreen> m_ui;
};

} // namespace cc::ui
