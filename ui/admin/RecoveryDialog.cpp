// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/RecoveryDialog.h"

#include "core/access/Role.h"
#include "core/services/ClinicService.h"
#include "core/services/PasswordPolicy.h"
#include "ui/common/ChartPrint.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/OffThread.h"
#include "ui/common/PasswordBytes.h"
#include "ui/common/RoleText.h"

#include "ui_RecoveryDialog.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

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
    , m_backend(backend)
    , m_service(backend, clock, rng, std::move(options))
    , m_blob(std::move(recoveryBlob))
{
    m_ui->setupUi(this);
    m_ui->resultLabel->hide();
    m_ui->newSharesEdit->hide();
    m_ui->savePagesButton->hide();
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_ui->newSharesEdit->setFont(mono);
    for (int i = 0; i < kMinShares; ++i)
        addShareField();
    connect(m_ui->accountLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->passwordLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->repeatLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->requestedByLineEdit, &QLineEdit::textChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->newThresholdSpinBox, &QSpinBox::valueChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->newCountSpinBox, &QSpinBox::valueChanged, this, &RecoveryDialog::updateButton);
    connect(m_ui->recoverRadioButton, &QRadioButton::toggled, this, &RecoveryDialog::updateMode);
    connect(m_ui->savePagesButton, &QPushButton::clicked, this, &RecoveryDialog::savePages);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this]() {
        if (m_ui->reissueRadioButton->isChecked())
            reissue();
        else
            recover();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateMode();
}

RecoveryDialog::~RecoveryDialog()
{
    for (auto* edit : m_shareEdits)
        edit->clear();
    m_ui->newSharesEdit->clear();
    for (auto& s : m_reissued.shares)
        crypto::secureWipe(s.data(), s.size());
}

void RecoveryDialog::updateMode()
{
    const bool reissuing = m_ui->reissueRadioButton->isChecked();
    m_ui->accountWidget->setVisible(!reissuing);
    m_ui->passwordWidget->setVisible(!reissuing);
    m_ui->reissueWidget->setVisible(reissuing);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setText(reissuing ? tr("&Issue the new shares") : tr("&Recover access"));
    m_ui->resultLabel->hide();
    updateButton();
}

void RecoveryDialog::updateTabOrder()
{
    // Top to bottom as the window reads; the share lines are added at run time, so Qt would
    // otherwise put them after the buttons.
    std::vector<QWidget*> chain{m_ui->recoverRadioButton,  m_ui->reissueRadioButton,  m_ui->accountLineEdit,
                                m_ui->requestedByLineEdit, m_ui->newThresholdSpinBox, m_ui->newCountSpinBox};
    chain.insert(chain.end(), m_shareEdits.begin(), m_shareEdits.end());
    chain.insert(chain.end(), {m_ui->passwordLineEdit, m_ui->repeatLineEdit, m_ui->newSharesEdit, m_ui->savePagesButton,
                               m_ui->buttonBox});
    for (std::size_t i = 0; i + 1 < chain.size(); ++i)
        QWidget::setTabOrder(chain[i], chain[i + 1]);
}

std::vector<std::string> RecoveryDialog::typedShares() const
{
    std::vector<std::string> shares;
    for (auto* edit : m_shareEdits)
        if (!edit->text().trimmed().isEmpty())
            shares.push_back(edit->text().toStdString());
    return shares;
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
    updateTabOrder();
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
    const bool done = m_recovered || !m_reissued.shares.empty();
    bool ready = false;
    if (m_ui->reissueRadioButton->isChecked()) {
        const int k = m_ui->newThresholdSpinBox->value();
        const int n = m_ui->newCountSpinBox->value();
        const bool setOk = k <= n;
        m_ui->newSetHintLabel->setText(setOk ? tr("shares restore the clinic (one per custodian)")
                                             : tr("✗ more shares needed than printed"));
        ready = m_sharesOk && setOk && !m_ui->requestedByLineEdit->text().trimmed().isEmpty();
    } else {
        const QString password = m_ui->passwordLineEdit->text();
        ready = m_sharesOk && !m_ui->accountLineEdit->text().trimmed().isEmpty() &&
                password.toUtf8().size() >= static_cast<qsizetype>(services::kMinNewPasswordLength) &&
                password == m_ui->repeatLineEdit->text();
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ready && !done);
    m_ui->modeGroupBox->setEnabled(!done);
}

void RecoveryDialog::recover()
{
    std::vector<std::string> shares = typedShares();
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

void RecoveryDialog::reissue()
{
    std::vector<std::string> shares = typedShares();
    const auto k = static_cast<unsigned>(m_ui->newThresholdSpinBox->value());
    const auto n = static_cast<unsigned>(m_ui->newCountSpinBox->value());
    const std::string requestedBy = m_ui->requestedByLineEdit->text().trimmed().toStdString();
    auto result = runBusy(this, tr("Sealing the recovery ring under a new key…"),
                          [&]() { return m_service.reissue(shares, k, n, requestedBy); });
    for (auto& s : shares)
        crypto::secureWipe(s.data(), s.size());
    if (!result) {
        showResult(tr("The shares were not re-issued: %1").arg(ErrorText::forError(result.error())), true);
        return;
    }
    for (auto* edit : m_shareEdits)
        edit->clear();
    m_reissued = std::move(result).value();
    QString listing;
    for (std::size_t i = 0; i < m_reissued.shares.size(); ++i)
        listing += tr("Share %1: %2").arg(i + 1).arg(QString::fromStdString(m_reissued.shares[i])) + QLatin1Char('\n');
    m_ui->newSharesEdit->setPlainText(listing);
    m_ui->newSharesEdit->show();
    m_ui->savePagesButton->show();
    QString text = tr("New recovery shares issued: %1 of %2 restore the clinic (recovery key %3, version %4). The "
                      "old shares no longer open this clinic's recovery ring. Save the printable pages, print one "
                      "page for each custodian, then delete the file. Anyone who kept a copy of the old "
                      "recovery.ccr can still open it with the old shares: if a custodian left, rotate the keys "
                      "as well (the key documentation says what that does and does not cut off).")
                       .arg(m_reissued.threshold)
                       .arg(m_reissued.shares.size())
                       .arg(m_reissued.keyId)
                       .arg(m_reissued.version);
    if (!m_reissued.warning.empty())
        text += QLatin1Char(' ') + tr("Warning: %1").arg(QString::fromStdString(m_reissued.warning));
    showResult(text, false);
    updateButton();
}

void RecoveryDialog::savePages()
{
    if (m_reissued.shares.empty())
        return;
    const QString path = FileDialog::saveFileName(this, tr("Save the recovery share pages"),
                                                  QStringLiteral("recovery-shares.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    const QString clinic = QString::fromStdString(m_backend.descriptor().name);
    QString html = QStringLiteral("<html><body>");
    for (std::size_t i = 0; i < m_reissued.shares.size(); ++i) {
        // One page each: every heading after the first starts a new page.
        html += QStringLiteral("<h2%1>%2</h2>")
                    .arg(i == 0 ? QString() : QStringLiteral(" style=\"page-break-before: always\""))
                    .arg(esc(tr("Recovery share %1 of %2").arg(i + 1).arg(m_reissued.shares.size())));
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Clinic: %1 (id %2). Any %3 of the %4 shares restore the clinic. Recovery key %5, "
                                "version %6.")
                                 .arg(clinic, QString::fromStdString(services::idHex(m_backend.descriptor().clinicId)))
                                 .arg(m_reissued.threshold)
                                 .arg(m_reissued.shares.size())
                                 .arg(m_reissued.keyId)
                                 .arg(m_reissued.version)));
        html += QStringLiteral("<p style=\"font-family: monospace; font-size: 14pt\">%1</p>")
                    .arg(esc(QString::fromStdString(m_reissued.shares[i])));
        html += QStringLiteral("<p>%1</p><p>%2</p><p>%3</p>")
                    .arg(esc(tr("Custodian: ______________________________   Received on: ______________")),
                         esc(tr("Keep this page sealed, apart from the other shares, and show it to nobody. It is "
                                "used only when every administrator password is lost (the recovery window, or "
                                "cipherchart-cli keys recover) or to re-issue the shares.")),
                         esc(tr("Shares printed before this set no longer work: destroy them.")));
    }
    html += QStringLiteral("</body></html>");
    const Status written = chartprint::writeDocumentPdf(path, tr("CipherChart recovery shares"), clinic, html);
    if (!written) {
        m_ui->pagesLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_ui->pagesLabel->setText(tr("The pages were not saved: %1").arg(ErrorText::forError(written.error())));
        return;
    }
    m_ui->pagesLabel->setStyleSheet(QStringLiteral("color: #1b5e20;"));
    m_ui->pagesLabel->setText(
        tr("One page per custodian (%1 pages) saved. Print them, then delete the file:").arg(m_reissued.shares.size()) +
        QLatin1Char('\n') + QDir::toNativeSeparators(path));
}

void RecoveryDialog::showResult(const QString& text, bool error)
{
    m_ui->resultLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->resultLabel->setText(text);
    m_ui->resultLabel->show();
}

} // namespace cc::ui
