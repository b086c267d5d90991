// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/login/LoginWindow.h"

#include "ui_LoginWindow.h"

namespace cc::ui {

LoginWindow::LoginWindow(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::LoginWindow>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->passwordLineEdit->setEchoMode(QLineEdit::Password);
    connect(m_ui->loginPushButton, &QPushButton::clicked, this, &LoginWindow::submit);
    connect(m_ui->passwordLineEdit, &QLineEdit::returnPressed, this, &LoginWindow::submit);
    connect(m_ui->userLineEdit, &QLineEdit::textChanged, this, &LoginWindow::updateButton);
    connect(m_ui->passwordLineEdit, &QLineEdit::textChanged, this, &LoginWindow::updateButton);
    connect(m_ui->recoverPushButton, &QPushButton::clicked, this, &LoginWindow::recoveryRequested);
    m_ui->recoverPushButton->hide();
    updateButton();
    m_ui->clinicLabel->setText(tr("No clinic open"));
    setWindowTitle(tr("CipherChart — Log in"));
}

LoginWindow::~LoginWindow() = default;

void LoginWindow::setClinic(const QString& clinicName, bool demo)
{
    m_ui->clinicLabel->setText(clinicName);
    setWindowTitle(demo ? tr("CipherChart — DEMO clinic — Log in") : tr("CipherChart — Log in"));
}

void LoginWindow::setNoClinic()
{
    m_clinicOpen = false;
    setClinic(tr("No clinic is open on this workstation."), false);
    m_ui->errorLabel->setText(tr("Create a clinic with\n  cipherchart-cli init --clinic DIR --admin NAME\n"
                                 "then start  cipherchart --clinic DIR"));
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: #333333;"));
    m_ui->errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui->errorLabel->show();
    setBusy(true);
}

void LoginWindow::showError(const QString& message)
{
    if (!m_clinicOpen)
        return;
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
    setBusy(false);
    m_ui->passwordLineEdit->setFocus();
}

void LoginWindow::setBusy(bool busy)
{
    // Without a clinic there is nothing to log into: the fields stay off.
    const bool off = busy || !m_clinicOpen;
    m_ui->userLineEdit->setEnabled(!off);
    m_ui->passwordLineEdit->setEnabled(!off);
    m_ui->loginPushButton->setEnabled(!off);
    m_ui->recoverPushButton->setEnabled(!off);
    if (!off)
        updateButton();
}

void LoginWindow::setRecoveryAvailable(bool available)
{
    m_ui->recoverPushButton->setVisible(available && m_clinicOpen);
}

void LoginWindow::submit()
{
    const QString user = m_ui->userLineEdit->text().trimmed();
    if (user.isEmpty() || m_ui->passwordLineEdit->text().isEmpty())
        return;
    QString password = m_ui->passwordLineEdit->text();
    m_ui->passwordLineEdit->clear();
    m_ui->errorLabel->hide();
    setBusy(true);
    emit loginRequested(user, password);
    password.fill(QChar(0));
}

void LoginWindow::updateButton()
{
    m_ui->loginPushButton->setEnabled(!m_ui->userLineEdit->text().trimmed().isEmpty() &&
                                      !m_ui->passwordLineEdit->text().isEmpty());
}

} // namespace cc::ui
