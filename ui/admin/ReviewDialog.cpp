// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/ReviewDialog.h"

#include "ui/admin/ReviewTableModel.h"
#include "ui/common/ErrorText.h"

#include "ui_ReviewDialog.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace cc::ui {

ReviewDialog::ReviewDialog(services::ClinicService& clinic, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReviewDialog>())
    , m_service(clinic)
    , m_model(new ReviewTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(ReviewTableModel::ReviewColumn);
    m_ui->itemsTableView->setModel(m_proxy);
    m_ui->itemsTableView->verticalHeader()->hide();
    m_ui->itemsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->statusLabel->hide();
    const auto filter = [this]() {
        m_proxy->setFilterFixedString(m_ui->waitingOnlyCheckBox->isChecked() ? tr("Waiting for review") : QString());
        updateButton();
    };
    connect(m_ui->waitingOnlyCheckBox, &QCheckBox::toggled, this, filter);
    connect(m_ui->itemsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewDialog::updateButton);
    connect(m_ui->commentLineEdit, &QLineEdit::textChanged, this, &ReviewDialog::updateButton);
    connect(m_ui->markReviewedPushButton, &QPushButton::clicked, this, &ReviewDialog::markReviewed);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    filter();
}

ReviewDialog::~ReviewDialog() = default;

void ReviewDialog::refresh()
{
    auto items = m_service.items();
    if (!items) {
        m_model->clear();
        showStatus(ErrorText::forError(items.error()), true);
        return;
    }
    m_model->setItems(std::move(items).value());
    m_ui->itemsTableView->resizeColumnsToContents();
    m_ui->itemsTableView->horizontalHeader()->setStretchLastSection(true);
    if (m_model->unreviewedCount() == 0)
        showStatus(tr("Nothing waits for review."), false);
    updateButton();
}

void ReviewDialog::selectRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_ui->itemsTableView->selectionModel()->select(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ReviewDialog::updateButton()
{
    const auto rows = m_ui->itemsTableView->selectionModel()->selectedRows();
    bool waiting = false;
    if (!rows.isEmpty())
        waiting = !m_model->item(m_proxy->mapToSource(rows.front()).row()).reviewed;
    m_ui->markReviewedPushButton->setEnabled(waiting && !m_ui->commentLineEdit->text().trimmed().isEmpty());
}

void ReviewDialog::markReviewed()
{
    const auto rows = m_ui->itemsTableView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const auto seq = m_model->item(m_proxy->mapToSource(rows.front()).row()).event.seq;
    if (auto done = m_service.markReviewed(seq, m_ui->commentLineEdit->text().toStdString()); !done) {
        showStatus(tr("Not recorded: %1").arg(ErrorText::forError(done.error())), true);
        return;
    }
    m_ui->commentLineEdit->clear();
    refresh();
    showStatus(tr("Review recorded in the audit trail (event %1). %n event(s) still wait.", nullptr,
                  m_model->unreviewedCount())
                   .arg(seq),
               false);
    emit reviewed();
}

void ReviewDialog::showStatus(const QString& text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->show();
}

} // namespace cc::ui
