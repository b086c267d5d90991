// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/AttachmentsPage.h"

#include "core/access/Session.h"
#include "core/services/AttachmentService.h"
#include "core/services/ClinicService.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ImageViewerDialog.h"

#include "ui_AttachmentsPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QProgressDialog>
#include <QSortFilterProxyModel>

namespace cc::ui {

AttachmentsPage::AttachmentsPage(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_clinic(clinic)
    , m_ui(std::make_unique<Ui::AttachmentsPage>())
    , m_model(new ChartTableModel({tr("File"), tr("Type"), tr("Size"), tr("Added"), tr("Description")}, this))
{
    m_ui->setupUi(this);
    m_ui->attachmentsTableView->setModel(new ChartProxyModel(m_model, this));
    m_ui->attachmentsTableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_ui->attachmentsTableView->setSortingEnabled(true);
    m_ui->attachmentsTableView->verticalHeader()->hide();
    m_ui->attachmentsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->attachmentsTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->errorLabel->hide();
    connect(m_ui->addButton, &QPushButton::clicked, this, &AttachmentsPage::addFile);
    connect(m_ui->openButton, &QPushButton::clicked, this, &AttachmentsPage::openSelected);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &AttachmentsPage::saveSelected);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &AttachmentsPage::deleteSelected);
    connect(m_ui->attachmentsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AttachmentsPage::updateButtons);
    connect(m_ui->attachmentsTableView, &QAbstractItemView::doubleClicked, this, &AttachmentsPage::openSelected);
    updateButtons();
}

AttachmentsPage::~AttachmentsPage() = default;

Status AttachmentsPage::load(const access::PatientId& patient)
{
    m_patient = patient;
    m_hasPatient = true;
    m_attachments.clear();
    auto list = services::AttachmentService(m_clinic).list(patient);
    if (!list) {
        m_model->clear();
        showError(ErrorText::forError(list.error()));
        updateButtons();
        return list.error();
    }
    showError({});
    m_attachments = std::move(*list);
    std::vector<ChartRow> rows;
    for (const auto& a : m_attachments)
        rows.push_back({{a.fileName, a.mediaType, QLocale().formattedDataSize(a.size), DisplayText::dateTime(a.created),
                         a.description},
                        model::rowIdToHex(a.id),
                        {QVariant(), QVariant(), QVariant::fromValue(a.size), a.created}});
    m_model->setRows(std::move(rows));
    updateButtons();
    return {};
}

void AttachmentsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_ui->addButton->setVisible(!readOnly);
    m_ui->deleteButton->setVisible(!readOnly);
}

void AttachmentsPage::clear()
{
    m_hasPatient = false;
    m_patient = {};
    m_patientLine.clear();
    m_attachments.clear();
    m_model->clear();
    showError({});
    updateButtons();
}

void AttachmentsPage::selectRow(int row)
{
    // `row` is a row of the attachments model; the table shows it through its sorting proxy.
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_ui->attachmentsTableView->model());
    m_ui->attachmentsTableView->selectRow(proxy->mapFromSource(m_model->index(row, 0)).row());
}

QString AttachmentsPage::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

const model::AttachmentInfo* AttachmentsPage::selected() const
{
    const QModelIndex current = m_ui->attachmentsTableView->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QString key = current.data(ChartTableModel::KeyRole).toString();
    for (const auto& a : m_attachments)
        if (model::rowIdToHex(a.id) == key)
            return &a;
    return nullptr;
}

void AttachmentsPage::updateButtons()
{
    const bool any = selected() != nullptr && !m_busy;
    m_ui->addButton->setEnabled(m_hasPatient && !m_busy);
    m_ui->openButton->setEnabled(any);
    m_ui->saveButton->setEnabled(any);
    m_ui->deleteButton->setEnabled(any);
}

void AttachmentsPage::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void AttachmentsPage::addFile()
{
    if (!m_hasPatient || m_readOnly || m_busy)
        return;
    const QString path = FileDialog::openFileName(this, tr("Attach a file to the chart of %1").arg(m_patientLine),
                                                  tr("Images and PDF files (*.png *.jpg *.jpeg *.pdf)"));
    if (path.isEmpty())
        return;
    // Encrypting a large file takes seconds. The services are not thread-safe, so the work stays
    // on the GUI thread (as the import dialog's): a window-modal progress dialog keeps the rest of
    // the window from calling services meanwhile, its setValue() processes events between chunks,
    // Cancel stops at the next chunk with nothing kept, and progress counts as activity so the
    // idle lock does not wipe the keys in the middle of the transaction.
    m_busy = true;
    m_ui->statusLabel->setText(tr("Encrypting…"));
    updateButtons();
    QProgressDialog progress(tr("Encrypting the attachment for %1…").arg(m_patientLine), tr("Cancel"), 0, 1000, this);
    progress.setObjectName(QStringLiteral("attachmentProgressDialog"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    auto added = services::AttachmentService(m_clinic).add(m_patient, path, {}, [&](qint64 done, qint64 total) {
        if (auto* session = m_clinic.session())
            (void)session->touch();
        if (total > 0)
            progress.setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
        return !progress.wasCanceled();
    });
    progress.reset();
    m_busy = false;
    m_ui->statusLabel->clear();
    if (!added) {
        showError(ErrorText::forError(added.error()));
        updateButtons();
        return;
    }
    // The file is stored; a list that cannot be read again must not read as "not saved".
    if (auto shown = load(m_patient); !shown)
        showError(tr("The file was attached. Showing the attachments again failed: %1")
                      .arg(ErrorText::forError(shown.error())));
    emit attachmentAdded();
}

void AttachmentsPage::openSelected()
{
    const model::AttachmentInfo* info = selected();
    if (info == nullptr)
        return;
    if (info->mediaType != QLatin1String("image/png") && info->mediaType != QLatin1String("image/jpeg")) {
        showError(tr("This file type is not shown here: use Save as… and open it with another program."));
        return;
    }
    auto content = services::AttachmentService(m_clinic).read(info->patientId, info->id);
    if (!content) {
        showError(ErrorText::forError(content.error()));
        return;
    }
    showError({});
    ImageViewerDialog viewer(this);
    viewer.setImage(*content, info->fileName);
    content->fill('\0');
    if (m_viewerHook)
        m_viewerHook(viewer);
    else
        viewer.exec();
}

void AttachmentsPage::saveSelected()
{
    const model::AttachmentInfo* info = selected();
    if (info == nullptr)
        return;
    const QString path = FileDialog::saveFileName(this, tr("Save attachment"), info->fileName, {});
    if (path.isEmpty())
        return;
    auto saved = services::AttachmentService(m_clinic).exportTo(info->patientId, info->id, path);
    showError(saved ? QString() : ErrorText::forError(saved.error()));
    m_ui->statusLabel->setText(saved ? tr("Saved.") : QString());
}

void AttachmentsPage::deleteSelected()
{
    const model::AttachmentInfo* info = selected();
    if (info == nullptr || m_readOnly)
        return;
    if (!MessageBox::confirm(
            this, tr("Delete attachment"),
            tr("Delete \"%1\" from the chart of %2? This cannot be undone.").arg(info->fileName, m_patientLine)))
        return;
    auto removed = services::AttachmentService(m_clinic).remove(info->patientId, info->id);
    if (!removed) {
        showError(ErrorText::forError(removed.error()));
        return;
    }
    if (auto shown = load(m_patient); !shown)
        showError(tr("The attachment was deleted. Showing the attachments again failed: %1")
                      .arg(ErrorText::forError(shown.error())));
}

} // namespace cc::ui
