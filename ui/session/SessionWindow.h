// SPDX-License-Identifier: GPL-3.0-or-later
// A placeholder work window for a role that has no window of its own (none today).
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class SessionWindow;
}

namespace cc::ui {

/// Shows who is logged in and offers Lock and Log out. Says plainly that the chart views are not
/// built yet; it shows no patient data, real or invented.
class SessionWindow : public QWidget
{
    Q_OBJECT

public:
    explicit SessionWindow(QWidget* parent = nullptr);
    ~SessionWindow() override;

    /// Shows the account name and its role's display name.
    void setUser(const QString& userName, const QString& roleText);

signals:
    void lockRequested();
    void logoutRequested();

private:
    std::unique_ptr<Ui::SessionWindow> m_ui;
};

} // namespace cc::ui
