// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/KeyStatusView.h"

#include "ui/admin/AdminFormat.h"
#include "ui/admin/KeyStatusModel.h"
#include "ui/admin/RotateKeyDialog.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"

#include "ui_KeyStatusView.h"

#include <QHeaderView>
#include <QRegularExpression>

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
    connect(m_ui->rotatePushButton, &QPushButton::clicked, this, &KeyStatusView::openRotateDialog);
    auto* pin = new QPushButton(tr("&Pin unpinned accounts…"), this);
    pin->setObjectName(QStringLiteral("pinPushButton"));
    pin->setToolTip(tr("For a clinic created before pinned keys: rotations refuse accounts whose box public key "
                       "has no pin (docs/KEYS.md section 8)."));
    m_ui->keyActionsLayout->insertWidget(1, pin);
    connect(pin, &QPushButton::clicked, this, &KeyStatusView::pinUnpinned);
    m_ui->custodyLabel->setText(tr("Refresh to see who holds the report key's shares."));
}

RotateKeyDialog* KeyStatusView::openRotateDialog()
{
    auto* dialog = new RotateKeyDialog(m_clinic, m_model->keys(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &RotateKeyDialog::sessionEnded, this, &KeyStatusView::sessionEnded);
    dialog->open();
    return dialog;
}

void KeyStatusView::pinUnpinned()
{
    if (!MessageBox::confirm(this, tr("Pin unpinned accounts"),
                             tr("Key rotations are sealed only to box public keys that carry a pin. This trusts the "
                                "keys of every account without a pin as they are now (existing pins are never "
                                "replaced). Do it only if you are sure nobody has changed the clinic's key-slot file "
                                "since the upgrade. The step is recorded in the audit trail and flagged for review.")))
        return;
    auto pinned = m_keys.pinUnpinned();
    if (!pinned) {
        showStatus(ErrorText::forError(pinned.error()), true);
        return;
    }
    QStringList names;
    for (const auto& n : *pinned)
        names << QString::fromStdString(n);
    showStatus(
        names.isEmpty()
            ? tr("Every account was pinned already: nothing changed.")
            : tr("Pinned: %1. The audit trail records it, flagged for review.").arg(names.join(QStringLiteral(", "))),
        false);
}

QString KeyStatusView::custodyText(const services::KeyStatus& reportKey)
{
    static const QRegularExpression quorumPattern(QStringLiteral("^decrypts with (\\d+) of (\\d+) custodians$"));
    QStringList custodians;
    int threshold = 0;
    int parties = 0;
    for (const auto& h : reportKey.holders) {
        const QString holder = QString::fromStdString(h);
        const auto match = quorumPattern.match(holder);
        if (match.hasMatch()) {
            threshold = match.captured(1).toInt();
            parties = match.captured(2).toInt();
        } else {
            custodians << holder.toHtmlEscaped();
        }
    }
    QString leaving;
    if (threshold == 0)
        leaving = tr("The threshold is not recorded.");
    else if (parties - 1 >= threshold)
        leaving = tr("If one custodian leaves, the other %1 can still decrypt reports (%2 are needed). Their "
                     "account cannot be disabled or reset while it holds a share: the share exists only in their "
                     "key slot and would be lost.")
                      .arg(parties - 1)
                      .arg(threshold);
    else
        leaving = tr("If one custodian leaves, reports can no longer be decrypted: all %1 custodians are needed. "
                     "Keep every custodian's password safe; a custodian's account cannot be disabled or reset "
                     "while it holds a share, and the recovery key does not hold the shares.")
                      .arg(parties);
    return tr("<p>Key id (fingerprint of the public key): <code>%1</code>, version %2.<br>"
              "Decrypting a report's totals takes <b>%3 of %4</b> custodians, each with their own share.</p>"
              "<p>Custodians: %5</p><p>%6</p>")
        .arg(keyIdText(reportKey.id).toHtmlEscaped())
        .arg(reportKey.version)
        .arg(threshold)
        .arg(parties)
        .arg(custodians.join(QStringLiteral(", ")), leaving.toHtmlEscaped());
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
    for (const auto& key : *keys)
        if (key.name == "ReportKey")
            m_ui->custodyLabel->setText(custodyText(key));
    m_model->setKeys(std::move(keys).value());
    m_ui->keysTableView->resizeColumnsToContents();
    m_ui->keysTableView->horizontalHeader()->setStretchLastSection(true);
}

void KeyStatusView::clear()
{
    m_model->clear();
    m_ui->custodyLabel->setText(tr("Refresh to see who holds the report key's shares."));
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
