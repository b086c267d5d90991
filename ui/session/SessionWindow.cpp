// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/SessionWindow.h"

#include "ui_SessionWindow.h"

namespace cc::ui {

SessionWindow::SessionWindow(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::SessionWindow>())
{
    m_ui->setupUi(this);
    connect(m_ui->lockPushButton, &QPushButton::clicked, this, &SessionWindow::lockRequested);
    connect(m_ui->logoutPushButton, &QPushButton::clicked, this, &SessionWindow::logoutRequested);
}

SessionWindow::~SessionWindow() = default;

void SessionWindow::setUser(const QString& userName, const QString& roleText)
{
    m_ui->userLabel->setText(userName);
    m_ui->roleLabel->setText(tr("Logged in as %1.").arg(roleText));
    setWindowTitle(tr("CipherChart — %1").arg(userName));
}

} // namespace cc::ui
