// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/KeyStatusView.h"

#include "ui/admin/KeyStatusModel.h"
#include "ui/common/ErrorText.h"

#include "ui_KeyStatusView.h"

#include <QHeaderView>

namespace cc::ui {

KeyStatusView::KeyStatusView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::KeyStatusView>())
    , m_clinic(clinic)
    , m_keys(clinic)
    , m_model(new KeyStatusModel(this))
{
    m_ui->setupUi(this);
    m_ui->keysTableView->setModel(m_model);
    m_ui->keysTableView->verticalHeader()->hide();
    m_ui->keysTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->idleTimeoutSpinBox->setRange(static_cast<int>(access::Session::kMinIdleTimeout.count()),
                                       static_cast<int>(access::Session::kMaxIdleTimeout.count()));
    m_ui->statusLabel->hide();
    connect(m_ui->applyIdleTimeoutPushButton, &QPushButton::clicked, this, &KeyStatusView::applyIdleTimeout);
    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, &KeyStatusView::refresh);
}

KeyStatusView::~KeyStatusView() = default;

void KeyStatusView::refresh()
{
    if (const auto* session = m_clinic.session())
        m_ui->idleTimeoutSpinBox->setValue(static_cast<int>(session->idleTimeout().count()));
    auto keys = m_keys.status();
    if (!keys) {
        m_model->clear();
        showStatus(ErrorText::forError(keys.error()), true);
        return;
    }
    m_model->setKeys(std::move(keys).value());
    m_ui->keysTableView->resizeColumnsToContents();
    m_ui->keysTableView->horizontalHeader()->setStretchLastSection(true);
}

void KeyStatusView::clear()
{
    m_model->clear();
    m_ui->statusLabel->hide();
}

void KeyStatusView::applyIdleTimeout()
{
    const int minutes = m_ui->idleTimeoutSpinBox->value();
    if (auto status = m_keys.setIdleTimeout(std::chrono::minutes(minutes)); !status) {
        showStatus(ErrorText::forError(status.error()), true);
        return;
    }
    showStatus(tr("Idle sessions now lock after %n minute(s).", nullptr, minutes), false);
}

void KeyStatusView::showStatus(const QString& text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->show();
}

} // namespace cc::ui
