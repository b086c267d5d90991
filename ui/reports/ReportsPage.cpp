// SPDX-License-Identifier: GPL-3.0-or-later
// The reports page: the list of report files, running, decrypting and publishing them.
#include "ui/reports/ReportsPage.h"

#include "core/crypto/Hex.h"
#include "core/model/CodeSystem.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/Disclosure.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/common/OffThread.h"
#include "ui/reports/DecryptShareDialog.h"
#include "ui/reports/ReportFolder.h"
#include "ui/reports/ReportSettingsTab.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportView.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace cc::ui {

namespace {

const QString kReportFilter = QStringLiteral("CipherChart reports (*.ccrep);;All files (*)");

QString idText(const reports::ReportId& id)
{
    return QString::fromStdString(reports::reportIdHex(id));
}

} // namespace

ReportsPage::ReportsPage(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent), m_clinic(clinic), m_tabs(new QTabWidget)
{
    m_tabs->setObjectName(QStringLiteral("reportsTabWidget"));
    m_tabs->addTab(buildList(), tr("&Reports"));
    m_tabs->addTab(buildBuilder(), tr("&New report"));
    m_settings = new ReportSettingsTab(clinic);
    m_tabs->addTab(m_settings, tr("&Settings"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_settings)
            m_settings->load();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    updateSummary();
}

ReportsPage::~ReportsPage() = default;

QWidget* ReportsPage::buildList()
{
    auto* page = new QWidget;
    m_list = new QTableWidget(0, 5);
    m_list->setObjectName(QStringLiteral("reportsTableWidget"));
    m_list->setHorizontalHeaderLabels({tr("Title"), tr("Purpose"), tr("Created"), tr("State"), tr("Report id")});
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("The clinic's reports"));
    m_list->setMinimumHeight(130);
    m_open = new QPushButton(tr("&Open report file…"));
    m_open->setObjectName(QStringLiteral("openPushButton"));
    m_decrypt = new QPushButton(tr("&Decrypt my share…"));
    m_decrypt->setObjectName(QStringLiteral("decryptPushButton"));
    m_publish = new QPushButton(tr("&Publish…"));
    m_publish->setObjectName(QStringLiteral("publishPushButton"));
    m_networkExport = new QPushButton(tr("E&xport to research network…"));
    m_networkExport->setObjectName(QStringLiteral("networkExportPushButton"));
    m_networkMerge = new QPushButton(tr("&Merge network exports…"));
    m_networkMerge->setObjectName(QStringLiteral("networkMergePushButton"));
    m_networkMerge->setToolTip(tr("Merge several clinics' exports for a research network into one file"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->hide();
    m_view = new ReportView;
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_decrypt);
    buttons->addWidget(m_publish);
    buttons->addWidget(m_networkExport);
    buttons->addStretch();
    buttons->addWidget(m_networkMerge);
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_list);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_status);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(m_view);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(split);
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &ReportsPage::selectionChanged);
    connect(m_open, &QPushButton::clicked, this, [this]() {
        const QString path = FileDialog::openFileName(this, tr("Open report file"), kReportFilter);
        if (!path.isEmpty())
            openReportFile(path);
    });
    connect(m_decrypt, &QPushButton::clicked, this, &ReportsPage::decryptSelected);
    connect(m_publish, &QPushButton::clicked, this, &ReportsPage::publishSelected);
    connect(m_networkExport, &QPushButton::clicked, this, &ReportsPage::exportSelectedToNetwork);
    connect(m_networkMerge, &QPushButton::clicked, this, &ReportsPage::mergeNetworkExports);
    m_decrypt->setEnabled(false);
    m_publish->setEnabled(false);
    m_networkExport->setEnabled(false);
    m_networkMerge->setEnabled(false);
    return page;
}

void ReportsPage::setAccess(ReportsAccess access)
{
    m_access = std::move(access);
    m_open->setEnabled(m_access.available());
    m_networkMerge->setEnabled(m_access.available());
    m_settings->setAccess(m_access);
    updateSummary();
}

void ReportsPage::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020") : QStringLiteral("color:#1b5e20"));
    m_status->show();
}

std::optional<services::ShareStatus> ReportsPage::shareStatusOf(const reports::ReportId& id)
{
    auto session = ReportSession::open(m_clinic, m_access);
    if (!session)
        return std::nullopt;
    auto status = session->service().shareStatus(id);
    if (!status)
        return std::nullopt;
    return std::move(*status);
}

void ReportsPage::refresh()
{
    const QString selected = selectedEntry() != nullptr ? idText(selectedEntry()->id) : QString();
    m_entries.clear();
    m_list->setRowCount(0);
    if (!m_access.available() || m_access.folder.isEmpty())
        return;
    QStringList damaged;
    auto session = ReportSession::open(m_clinic, m_access);
    for (auto& found : ReportFolder::scan(m_access.folder, &damaged)) {
        Entry e{std::move(found), std::nullopt};
        if (!e.published() && session)
            if (auto status = session->service().shareStatus(e.id))
                e.shares = std::move(*status);
        m_entries.push_back(std::move(e));
    }
    m_list->setRowCount(static_cast<int>(m_entries.size()));
    int reselect = -1;
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row) {
        const Entry& e = m_entries[static_cast<std::size_t>(row)];
        QString state;
        if (!e.publishedPath.isEmpty())
            state = tr("published");
        else if (e.shares)
            state = tr("encrypted — shares %1 of %2").arg(e.shares->custodians.size()).arg(e.shares->threshold);
        else
            state = tr("encrypted");
        if (e.exported()) {
            QStringList networks;
            for (const auto& x : e.exports) {
                const QString id = QString::fromStdString(crypto::hexEncode(x.networkKeyId)).left(8);
                if (!networks.contains(id))
                    networks << id;
            }
            state += QStringLiteral(" — ") +
                     (networks.size() == 1 ? tr("exported (network %1)") : tr("exported (networks %1)"))
                         .arg(networks.join(QStringLiteral(", ")));
        }
        const QStringList cells{e.file.spec.title, ReportText::purposeName(e.file.spec.purpose),
                                DisplayText::dateTime(e.file.createdAtMs), state, idText(e.id)};
        for (int c = 0; c < cells.size(); ++c)
            m_list->setItem(row, c, new QTableWidgetItem(cells[c]));
        if (idText(e.id) == selected)
            reselect = row;
    }
    m_list->resizeColumnsToContents();
    if (!damaged.isEmpty()) {
        m_damagedText = tr("Not listed, not a valid signed report file: %1").arg(damaged.join(QStringLiteral(", ")));
        showStatus(m_damagedText, true);
    } else if (!m_damagedText.isEmpty() && m_status->text() == m_damagedText) {
        m_status->clear();
        m_status->hide();
    }
    if (reselect >= 0)
        m_list->selectRow(reselect);
    else
        selectionChanged();
}

const ReportsPage::Entry* ReportsPage::selectedEntry() const
{
    const auto rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= static_cast<int>(m_entries.size()))
        return nullptr;
    return &m_entries[static_cast<std::size_t>(rows.first().row())];
}

void ReportsPage::selectionChanged()
{
    const Entry* e = selectedEntry();
    const bool encryptedOnly = e != nullptr && e->publishedPath.isEmpty();
    const auto& s = e != nullptr ? e->shares : std::nullopt;
    const bool mineIn = s && std::find(s->custodians.begin(), s->custodians.end(), s->ownIndex) != s->custodians.end();
    m_decrypt->setEnabled(encryptedOnly && s && s->ownIndex != 0 && !mineIn);
    m_publish->setEnabled(encryptedOnly && s && s->custodians.size() >= s->threshold && s->threshold > 0);
    const bool exportable = e != nullptr && e->published() && !e->encryptedPath.isEmpty() &&
                            e->file.spec.purpose == reports::Purpose::Research;
    m_networkExport->setEnabled(exportable);
    m_networkExport->setToolTip(exportable ? tr("Export this report's released cells to a research network")
                                           : tr("Only a published research report of this clinic can be exported "
                                                "to a research network"));
    if (e == nullptr) {
        m_view->clear();
        return;
    }
    openReportFile(e->publishedPath.isEmpty() ? e->encryptedPath : e->publishedPath);
}

void ReportsPage::showReport(const reports::ReportFile& file, bool published)
{
    std::optional<services::ShareStatus> shares;
    if (file.kind == reports::ReportFile::Kind::Encrypted)
        shares = shareStatusOf(file.reportId);
    m_view->setReport(file, shares, published);
    m_tabs->setCurrentIndex(0);
}

bool ReportsPage::openReportFile(const QString& path)
{
    auto session = ReportSession::open(m_clinic, m_access);
    if (!session) {
        MessageBox::warning(this, tr("Open report file"), tr("Reports are not available in this window."));
        return false;
    }
    auto bytes = ReportFolder::read(path);
    auto file = bytes ? session->service().verify(*bytes) : Result<reports::ReportFile>(bytes.error());
    if (!file) {
        const QString why = tr("The report file %1 was refused and is not shown: %2")
                                .arg(QDir::toNativeSeparators(path), ErrorText::forError(file.error()));
        m_view->clear();
        showStatus(why, true);
        MessageBox::warning(this, tr("Open report file"), why);
        return false;
    }
    bool published = false;
    for (const auto& e : m_entries)
        if (e.id == file->reportId && !e.publishedPath.isEmpty())
            published = true;
    showReport(*file, published);
    return true;
}

void ReportsPage::runReport()
{
    auto spec = reports::ReportSpec::fromJson(specJson(), tr("report builder").toStdString());
    if (!spec) {
        showStatus(ErrorText::forError(spec.error()), true);
        return;
    }
    auto session = ReportSession::open(m_clinic, m_access);
    if (!session)
        return;
    if (!MessageBox::confirm(
            this, tr("Run report"),
            tr("Run \"%1\"?\n\n%2\n\nThe run chooses the rows by blind tokens only, checks each row's "
               "authentication and multiplies their ciphertexts; no patient's value or identity is decrypted. The "
               "encrypted report is signed with the clinic key, saved in %3 and recorded in the audit trail. It "
               "has no figures until the custodians have decrypted their shares.")
                .arg(spec->title, ReportText::describe(*spec), QDir::toNativeSeparators(m_access.folder))))
        return;
    auto& service = session->service();
    auto bytes = runOffGuiThread<std::vector<std::uint8_t>>(
        this, tr("Running the encrypted report: selecting the rows and multiplying their ciphertexts…"),
        [&service, &spec]() { return service.run(*spec); });
    if (!bytes) {
        showStatus(tr("The report was not run: %1").arg(ErrorText::forError(bytes.error())), true);
        m_tabs->setCurrentIndex(0);
        return;
    }
    auto file = reports::ReportFile::read(*bytes);
    if (!file) {
        showStatus(ErrorText::forError(file.error()), true);
        return;
    }
    const QString path = ReportFolder::pathFor(m_access.folder, file->reportId, false);
    if (auto saved = ReportFolder::writeNew(path, *bytes); !saved) {
        showStatus(tr("The report ran but was not saved: %1").arg(ErrorText::forError(saved.error())), true);
        return;
    }
    showStatus(tr("Encrypted report saved as %1. The custodians now decrypt their shares.")
                   .arg(QDir::toNativeSeparators(path)),
               false);
    m_tabs->setCurrentIndex(0);
    refresh();
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row)
        if (m_entries[static_cast<std::size_t>(row)].id == file->reportId)
            m_list->selectRow(row);
    emit reportsChanged();
}

std::optional<ReportsPage::OpenedReport> ReportsPage::openEncrypted(const QString& path)
{
    auto session = std::shared_ptr<ReportSession>(ReportSession::open(m_clinic, m_access));
    if (!session)
        return std::nullopt;
    auto bytes = ReportFolder::read(path);
    if (!bytes) {
        showStatus(ErrorText::forError(bytes.error()), true);
        return std::nullopt;
    }
    auto minimum = session->service().minimumCellSize();
    return OpenedReport{std::move(session), std::make_shared<std::vector<std::uint8_t>>(std::move(*bytes)),
                        minimum ? *minimum : reports::kDefaultMinimumCellSize};
}

void ReportsPage::decryptSelected()
{
    const Entry* e = selectedEntry();
    if (e == nullptr || !e->shares || e->encryptedPath.isEmpty())
        return;
    auto opened = openEncrypted(e->encryptedPath);
    if (!opened)
        return;
    auto* dialog = new DecryptShareDialog(
        e->file, *e->shares, opened->minimumCellSize,
        [this, session = opened->session, shared = opened->bytes]() {
            auto& service = session->service();
            return runOffGuiThread<services::ShareOutcome>(
                this, tr("Recomputing every cell from the clinic's rows, then decrypting your share…"),
                [&service, &shared]() { return service.decryptShare(*shared); });
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this]() {
        refresh();
        emit reportsChanged();
    });
    dialog->open();
}

void ReportsPage::publishSelected()
{
    const Entry* e = selectedEntry();
    if (e == nullptr || !e->shares || e->encryptedPath.isEmpty())
        return;
    const reports::ReportId id = e->id;
    const QString title = e->file.spec.title;
    auto session = ReportSession::open(m_clinic, m_access);
    if (!session)
        return;
    auto bytes = ReportFolder::read(e->encryptedPath);
    if (!bytes) {
        showStatus(ErrorText::forError(bytes.error()), true);
        return;
    }
    if (!MessageBox::confirm(this, tr("Publish report"),
                             tr("Publish \"%1\"?\n\nThe custodians' shares are checked (an invalid one is named and "
                                "skipped), the released cells decrypted, disclosure control applied and the figures "
                                "written into a new signed report file in %2. The cohort is remembered (as keyed "
                                "hashes) for later differencing checks. Recorded in the audit trail.")
                                 .arg(title, QDir::toNativeSeparators(m_access.folder))))
        return;
    auto& service = session->service();
    auto outcome = runOffGuiThread<services::PublishOutcome>(
        this, tr("Combining the decryption shares and applying disclosure control…"),
        [&service, &bytes]() { return service.publish(*bytes); });
    if (!outcome) {
        showStatus(tr("Not published: %1").arg(ErrorText::forError(outcome.error())), true);
        return;
    }
    const QString path = ReportFolder::pathFor(m_access.folder, id, true);
    if (auto saved = ReportFolder::writeNew(path, outcome->file); !saved) {
        showStatus(tr("Published but not saved: %1").arg(ErrorText::forError(saved.error())), true);
        return;
    }
    QString text = tr("Published report saved as %1.").arg(QDir::toNativeSeparators(path));
    if (!outcome->rejectedPartials.empty()) {
        QStringList rejected;
        for (const auto& r : outcome->rejectedPartials)
            rejected << QString::fromStdString(r);
        text += QLatin1Char(' ') + tr("Skipped as invalid: %1").arg(rejected.join(QStringLiteral("; ")));
    }
    refresh();
    showStatus(text, false);
    emit reportsChanged();
}

void ReportsPage::clear()
{
    m_entries.clear();
    m_list->setRowCount(0);
    m_view->clear();
    m_status->hide();
    m_networkExport->setEnabled(false);
    closeNetworkDialogs();
}

} // namespace cc::ui
