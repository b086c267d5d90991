// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/DecryptShareDialog.h"

#include "ui/common/ErrorText.h"
#include "ui/reports/ReportText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc::ui {

DecryptShareDialog::DecryptShareDialog(const reports::ReportFile& file, const services::ShareStatus& status,
                                       std::uint32_t minimumCellSize,
                                       std::function<Result<services::ShareOutcome>()> contribute, QWidget* parent)
    : QDialog(parent)
    , m_contribute(std::move(contribute))
    , m_result(new QLabel)
    , m_go(new QPushButton(tr("&Recompute and decrypt my share")))
    , m_close(new QPushButton(tr("Close")))
{
    setObjectName(QStringLiteral("DecryptShareDialog"));
    setWindowTitle(tr("Decrypt my share — %1").arg(file.spec.title));
    auto* what = new QLabel(
        tr("<p>You are asked, as custodian %1 of the report key, to decrypt your share of this report:</p>"
           "<p><b>%2</b><br>Clinic: %3<br>Report id: %4<br>Purpose: %5</p><p>%6</p>")
            .arg(status.ownIndex)
            .arg(file.spec.title.toHtmlEscaped(), file.clinicName.toHtmlEscaped(),
                 QString::fromStdString(reports::reportIdHex(file.reportId)),
                 ReportText::purpose(file.spec.purpose).toHtmlEscaped(),
                 ReportText::describe(file.spec).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
    what->setObjectName(QStringLiteral("whatLabel"));
    what->setWordWrap(true);
    auto* cells = new QListWidget;
    cells->setObjectName(QStringLiteral("cellsListWidget"));
    for (const auto& cell : file.cells)
        cells->addItem(tr("Cell %1: %2 — %3")
                           .arg(cell.key.index)
                           .arg(ReportText::measure(cell.key.measure), ReportText::group(file.spec, cell.key)));
    cells->setMaximumHeight(140);
    auto* how = new QLabel(
        tr("Before anything is decrypted, your session recomputes every cell from the clinic's own rows and refuses "
           "unless each equals the file's ciphertext, so no other number (one patient's value, say) can be slipped "
           "in. Cells with fewer than %1 distinct patients, and the cells that would reveal them, are withheld. "
           "Your partial decryptions are stored in the clinic; %2 of %3 custodians are needed to publish, %4 have "
           "contributed so far. The step is recorded in the audit trail.")
            .arg(minimumCellSize)
            .arg(status.threshold)
            .arg(status.parties)
            .arg(status.custodians.size()));
    how->setObjectName(QStringLiteral("howLabel"));
    how->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->hide();
    m_go->setObjectName(QStringLiteral("decryptPushButton"));
    m_close->setObjectName(QStringLiteral("closePushButton"));
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(m_go, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_go->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(cells);
    layout->addWidget(how);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(620, 560);
    connect(m_go, &QPushButton::clicked, this, &DecryptShareDialog::contribute);
    connect(m_close, &QPushButton::clicked, this, [this]() { done(m_contributed ? Accepted : Rejected); });
    if (status.ownIndex == 0) {
        m_go->setEnabled(false);
        m_result->setText(tr("This account holds no share of the report key: only a custodian can decrypt."));
        m_result->setStyleSheet(QStringLiteral("color:#b00020"));
        m_result->show();
    }
}

void DecryptShareDialog::contribute()
{
    m_go->setEnabled(false);
    auto outcome = m_contribute();
    if (!outcome) {
        m_result->setText(tr("Refused, nothing was decrypted: %1").arg(ErrorText::forError(outcome.error())));
        m_result->setStyleSheet(QStringLiteral("color:#b00020"));
        m_result->show();
        return;
    }
    m_contributed = true;
    m_result->setText(tr("The cells matched the clinic's rows. Your share is stored: %1 cell(s) decrypted, %2 "
                         "withheld by disclosure control.")
                          .arg(outcome->cellsDecrypted)
                          .arg(outcome->cellsWithheld));
    m_result->setStyleSheet(QStringLiteral("color:#1b5e20"));
    m_result->show();
}

} // namespace cc::ui
