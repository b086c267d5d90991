// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/RecoveryDialog.h"

#include "core/access/Role.h"
#include "core/services/PasswordPolicy.h"
#include "ui/admin/BusyDialog.h"
#include "ui/common/ErrorText.h"
#include "ui/common/PasswordBytes.h"
#include "ui/common/RoleText.h"

#include "ui_RecoveryDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <set>

namespace cc::ui {

namespace {
// Threshold of the smallest recovery set (SetupService refuses 1-of-n): the lines shown at first.
constexpr int kMinShares = 2;
// More lines than the largest threshold SetupService allows are never needed.
constexpr int kMaxShares = 255;
} // namespace

RecoveryDialog::RecoveryDialog(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng,
                               services::ServiceOptions options, std::vector<std::uint8_t> recoveryBlob,
                               QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RecoveryDialog>())
    , m_service(backend, clock, rng, std::move(options))
    , m_blob(std::move(recoveryBlob))
{
    m_ui->setupUi(this);
    m_ui->resultLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Recover access"));
    for (int i = 0; i < kMinShares; ++i)
        addShareField();
    connect(m_ui->accountLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->passwordLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->repeatLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RecoveryDialog::recover);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

RecoveryDialog::~RecoveryDialog()
{
    for (auto* edit : m_shareEdits)
        edit->clear();
}

void RecoveryDialog::addShareField()
{
    const int number = static_cast<int>(m_shareEdits.size()) + 1;
    auto* edit = new QLineEdit(m_ui->sharesGroupBox);
    edit->setObjectName(QStringLiteral("shareLineEdit%1").arg(number));
    edit->setPlaceholderText(QStringLiteral("CC1-k-i-XXXX-XXXX-…"));
    edit->setAccessibleName(tr("Recovery share %1").arg(number));
    edit->setEchoMode(QLineEdit::PasswordEchoOnEdit); // readable while typed from paper, hidden after
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    edit->setFont(mono);
    auto* label = new QLabel(m_ui->sharesGroupBox);
    label->setObjectName(QStringLiteral("shareStatusLabel%1").arg(number));
    label->setWordWrap(true);
    auto* row = new QWidget(m_ui->sharesGroupBox);
    auto* rowLayout = new QVBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(edit);
    rowLayout->addWidget(label);
    m_ui->sharesLayout->addRow(tr("Share &%1:").arg(number), row);
    connect(edit, &QLineEdit::textChanged, this, &RecoveryDialog::checkShares);
    m_shareEdits.push_back(edit);
    m_shareLabels.push_back(label);
    checkShares();
}

void RecoveryDialog::checkShares()
{
    unsigned threshold = 0;
    int valid = 0;
    bool consistent = true;
    std::set<unsigned> indexes;
    for (std::size_t i = 0; i < m_shareEdits.size(); ++i) {
        const QString text = m_shareEdits[i]->text();
        QLabel* label = m_shareLabels[i];
        if (text.trimmed().isEmpty()) {
            label->setStyleSheet(QStringLiteral("color: #555555;"));
            label->setText(tr("Waiting for this share."));
            continue;
        }
        auto checked = services::RecoveryService::checkShare(text.toStdString());
        if (!checked) {
            label->setStyleSheet(QStringLiteral("color: #b00020;"));
            label->setText(tr("✗ %1").arg(QString::fromStdString(checked.error().message)));
            continue;
        }
        QString problem;
        if (threshold != 0 && checked->threshold != threshold)
            problem = tr("belongs to another set (threshold %1, not %2)").arg(checked->threshold).arg(threshold);
        else if (!indexes.insert(checked->share.index).second)
            problem = tr("share number %1 was already typed above").arg(checked->share.index);
        if (!problem.isEmpty()) {
            consistent = false;
            label->setStyleSheet(QStringLiteral("color: #b00020;"));
            label->setText(tr("✗ Checksum matches, but this share %1.").arg(problem));
            continue;
        }
        threshold = checked->threshold;
        ++valid;
        label->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        label->setText(tr("✓ Checksum matches: share number %1 of a set that needs %2.")
                           .arg(checked->share.index)
                           .arg(checked->threshold));
    }
    // The shares say how many are needed: show as many lines.
    if (threshold > m_shareEdits.size() && threshold <= static_cast<unsigned>(kMaxShares)) {
        while (m_shareEdits.size() < threshold)
            addShareField();
        return; // addShareField checked again
    }
    m_sharesOk = consistent && threshold != 0 && valid >= static_cast<int>(threshold);
    updateButton();
}

void RecoveryDialog::updateButton()
{
    const QString password = m_ui->passwordLineEdit->text();
    const bool ready = !m_recovered && m_sharesOk && !m_ui->accountLineEdit->text().trimmed().isEmpty() &&
                       password.toUtf8().size() >= static_cast<qsizetype>(services::kMinNewPasswordLength) &&
                       password == m_ui->repeatLineEdit->text();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ready);
}

void RecoveryDialog::recover()
{
    std::vector<std::string> shares;
    for (auto* edit : m_shareEdits)
        if (!edit->text().trimmed().isEmpty())
            shares.push_back(edit->text().toStdString());
    const std::string account = m_ui->accountLineEdit->text().trimmed().toStdString();
    const crypto::SecureBytes password = passwordBytes(m_ui->passwordLineEdit->text());
    auto result = runBusy(this, tr("Opening the recovery ring…"),
                          [&]() { return m_service.recover(m_blob, shares, account, password.span()); });
    for (auto& s : shares)
        crypto::secureWipe(s.data(), s.size());
    if (!result) {
        showResult(tr("Access was not restored: %1").arg(ErrorText::forError(result.error())), true);
        return;
    }
    m_recovered = true;
    for (auto* edit : m_shareEdits)
        edit->clear();
    m_ui->passwordLineEdit->clear();
    m_ui->repeatLineEdit->clear();
    showResult((result->created ? tr("A new %1 account \"%2\" was created from the recovery key.")
                                : tr("The %1 account \"%2\" has a new key slot from the recovery key."))
                       .arg(RoleText::name(result->role), QString::fromStdString(result->accountName)) +
                   QLatin1Char(' ') +
                   tr("Log in with the temporary password; you will be asked to choose a new one. The shares "
                      "stay valid: put them back in safe keeping."),
               false);
    updateButton();
}

void RecoveryDialog::showResult(const QString& text, bool error)
{
    m_ui->resultLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->resultLabel->setText(text);
    m_ui->resultLabel->show();
}

} // namespace cc::ui
