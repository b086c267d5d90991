// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/LockScreen.h"

#include "ui_LockScreen.h"

namespace cc::ui {

LockScreen::LockScreen(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::LockScreen>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    connect(m_ui->unlockPushButton, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_ui->passwordLineEdit, &QLineEdit::returnPressed, this, &LockScreen::submit);
    connect(m_ui->logoutPushButton, &QPushButton::clicked, this, &LockScreen::logoutRequested);
}

LockScreen::~LockScreen() = default;

void LockScreen::reset(const QString& userName)
{
    m_ui->messageLabel->setText(
        tr("The session of %1 was locked. Enter the password to continue, or log out.").arg(userName));
    m_ui->passwordLineEdit->clear();
    m_ui->errorLabel->hide();
    setBusy(false);
    m_ui->passwordLineEdit->setFocus();
}

void LockScreen::showError(const QString& message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
    setBusy(false);
    m_ui->passwordLineEdit->setFocus();
}

void LockScreen::setBusy(bool busy)
{
    m_ui->passwordLineEdit->setEnabled(!busy);
    m_ui->unlockPushButton->setEnabled(!busy);
    m_ui->logoutPushButton->setEnabled(!busy);
}

void LockScreen::submit()
{
    if (m_ui->passwordLineEdit->text().isEmpty() || !m_ui->unlockPushButton->isEnabled())
        return;
    QString password = m_ui->passwordLineEdit->text();
    m_ui->passwordLineEdit->clear();
    m_ui->errorLabel->hide();
    setBusy(true);
    emit unlockRequested(password);
    password.fill(QChar(0));
}

} // namespace cc::ui
