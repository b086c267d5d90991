// SPDX-License-Identifier: GPL-3.0-or-later
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

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSpinBox>
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

QWidget* ReportsPage::buildBuilder()
{
    auto* page = new QWidget;
    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_title->setPlaceholderText(tr("For example: Blood pressure by sex"));
    m_purpose = new QComboBox;
    m_purpose->setObjectName(QStringLiteral("purposeComboBox"));
    m_purpose->addItem(tr("Research (patients who opted out are left out)"), QStringLiteral("research"));
    m_purpose->addItem(tr("Quality of the clinic's own care (everyone included)"), QStringLiteral("quality"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("measureSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search measures by name or LOINC code"));
    m_search->setClearButtonEnabled(true);
    m_measures = new QListWidget;
    m_measures->setObjectName(QStringLiteral("measuresListWidget"));
    m_measures->setAccessibleName(tr("Measures"));
    const auto& catalogue = interop::UnitsCatalogue::builtIn();
    for (const auto* def : catalogue.definitions()) {
        // Only codes with a packed Paillier layout can be summed (the core refuses the others).
        if (!records::ObservationLayout::forCode(catalogue, def->code))
            continue;
        auto* item = new QListWidgetItem(ReportText::measure(def->code), m_measures);
        item->setData(Qt::UserRole, def->code);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    m_measures->sortItems();
    m_selection = new QComboBox;
    m_selection->setObjectName(QStringLiteral("selectionComboBox"));
    m_selection->addItem(tr("Every observation"), QStringLiteral("all"));
    m_selection->addItem(tr("Each patient's latest value"), QStringLiteral("latest"));
    auto* sexes = new QHBoxLayout;
    for (const auto& s : reports::allSexes()) {
        auto* box = new QCheckBox(ReportText::groupValue(reports::Dimension::Sex, s));
        box->setObjectName(s + QStringLiteral("CheckBox"));
        box->setProperty("value", s);
        m_sexes.push_back(box);
        sexes->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ReportsPage::updateSummary);
    }
    sexes->addStretch();
    m_ageBands = new QListWidget;
    m_ageBands->setObjectName(QStringLiteral("ageBandsListWidget"));
    m_ageBands->setFlow(QListView::LeftToRight);
    m_ageBands->setWrapping(true);
    m_ageBands->setMaximumHeight(70);
    for (const auto& band : reports::allAgeBands()) {
        auto* item = new QListWidgetItem(ReportText::groupValue(reports::Dimension::AgeBand, band), m_ageBands);
        item->setData(Qt::UserRole, band);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_years = new QCheckBox(tr("Only observations from"));
    m_years->setObjectName(QStringLiteral("yearsCheckBox"));
    m_yearFrom = new QSpinBox;
    m_yearFrom->setObjectName(QStringLiteral("yearFromSpinBox"));
    m_yearTo = new QSpinBox;
    m_yearTo->setObjectName(QStringLiteral("yearToSpinBox"));
    for (auto* box : {m_yearFrom, m_yearTo}) {
        box->setRange(1900, 2200);
        box->setEnabled(false);
    }
    m_yearFrom->setValue(2010);
    m_yearTo->setValue(2025);
    auto* years = new QHBoxLayout;
    years->addWidget(m_years);
    years->addWidget(m_yearFrom);
    years->addWidget(new QLabel(tr("to")));
    years->addWidget(m_yearTo);
    years->addStretch();
    m_conditions = new QLineEdit;
    m_conditions->setObjectName(QStringLiteral("conditionsLineEdit"));
    m_conditions->setPlaceholderText(tr("SNOMED CT codes, for example 44054006 15777000 (empty: every patient)"));
    m_conditions->setToolTip(tr("Only patients with a condition of any of these SNOMED CT codes."));
    m_group1 = new QComboBox;
    m_group1->setObjectName(QStringLiteral("groupBy1ComboBox"));
    m_group2 = new QComboBox;
    m_group2->setObjectName(QStringLiteral("groupBy2ComboBox"));
    for (auto* box : {m_group1, m_group2}) {
        box->addItem(tr("no grouping"), QString());
        box->addItem(tr("sex"), QStringLiteral("sex"));
        box->addItem(tr("age band"), QStringLiteral("ageBand"));
        box->addItem(tr("year"), QStringLiteral("year"));
    }
    auto* groups = new QHBoxLayout;
    groups->addWidget(m_group1);
    groups->addWidget(new QLabel(tr("then")));
    groups->addWidget(m_group2);
    groups->addStretch();
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_run = new QPushButton(tr("R&un report…"));
    m_run->setObjectName(QStringLiteral("runPushButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Purpose:"), m_purpose);
    form->addRow(tr("&Measures:"), m_search);
    form->addRow(QString(), m_measures);
    form->addRow(tr("&Selection:"), m_selection);
    form->addRow(tr("Sex (none ticked: all):"), sexes);
    form->addRow(tr("Age bands (none ticked: all):"), m_ageBands);
    form->addRow(tr("Years:"), years);
    form->addRow(tr("With &conditions:"), m_conditions);
    auto* groupLabel = new QLabel(tr("&Group by:"));
    groupLabel->setBuddy(m_group1);
    form->addRow(groupLabel, groups);
    auto* summaryBox = new QGroupBox(tr("The cohort in words"));
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(m_summary);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form, 1);
    layout->addWidget(summaryBox);
    auto* run = new QHBoxLayout;
    run->addStretch();
    run->addWidget(m_run);
    layout->addLayout(run);

    connect(m_title, &QLineEdit::textChanged, this, &ReportsPage::updateSummary);
    connect(m_purpose, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_search, &QLineEdit::textChanged, this, &ReportsPage::filterMeasures);
    connect(m_measures, &QListWidget::itemChanged, this, &ReportsPage::updateSummary);
    connect(m_selection, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_ageBands, &QListWidget::itemChanged, this, &ReportsPage::updateSummary);
    connect(m_years, &QCheckBox::toggled, this, [this](bool on) {
        m_yearFrom->setEnabled(on);
        m_yearTo->setEnabled(on);
        updateSummary();
    });
    connect(m_conditions, &QLineEdit::textChanged, this, &ReportsPage::updateSummary);
    connect(m_yearFrom, &QSpinBox::valueChanged, this, &ReportsPage::updateSummary);
    connect(m_yearTo, &QSpinBox::valueChanged, this, &ReportsPage::updateSummary);
    connect(m_group1, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_group2, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_run, &QPushButton::clicked, this, &ReportsPage::runReport);
    return page;
}

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

void ReportsPage::filterMeasures(const QString& text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_measures->count(); ++i) {
        auto* item = m_measures->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}

QByteArray ReportsPage::specJson() const
{
    QJsonArray measures;
    for (int i = 0; i < m_measures->count(); ++i)
        if (m_measures->item(i)->checkState() == Qt::Checked)
            measures.append(QJsonObject{{QStringLiteral("code"), m_measures->item(i)->data(Qt::UserRole).toString()}});
    QJsonObject filters;
    QJsonArray sexes;
    for (auto* box : m_sexes)
        if (box->isChecked())
            sexes.append(box->property("value").toString());
    if (!sexes.isEmpty())
        filters.insert(QStringLiteral("sex"), sexes);
    QJsonArray bands;
    for (int i = 0; i < m_ageBands->count(); ++i)
        if (m_ageBands->item(i)->checkState() == Qt::Checked)
            bands.append(m_ageBands->item(i)->data(Qt::UserRole).toString());
    if (!bands.isEmpty())
        filters.insert(QStringLiteral("ageBands"), bands);
    if (m_years->isChecked())
        filters.insert(QStringLiteral("years"), QJsonObject{{QStringLiteral("from"), m_yearFrom->value()},
                                                            {QStringLiteral("to"), m_yearTo->value()}});
    QJsonArray conditions; // the reader validates each code and names the one that is not
    for (const QString& code :
         m_conditions->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        conditions.append(QJsonObject{{QStringLiteral("system"), QString::fromLatin1(model::codesystem::kSnomed)},
                                      {QStringLiteral("code"), code}});
    if (!conditions.isEmpty())
        filters.insert(QStringLiteral("conditions"), conditions);
    QJsonArray groups;
    for (auto* box : {m_group1, m_group2})
        if (const QString g = box->currentData().toString(); !g.isEmpty())
            groups.append(g);
    QJsonObject spec{{QStringLiteral("version"), reports::ReportSpec::kVersion},
                     {QStringLiteral("title"), m_title->text().trimmed()},
                     {QStringLiteral("purpose"), m_purpose->currentData().toString()},
                     {QStringLiteral("measures"), measures},
                     {QStringLiteral("selection"), m_selection->currentData().toString()}};
    if (!filters.isEmpty())
        spec.insert(QStringLiteral("filters"), filters);
    if (!groups.isEmpty())
        spec.insert(QStringLiteral("groupBy"), groups);
    return QJsonDocument(spec).toJson(QJsonDocument::Compact);
}

void ReportsPage::updateSummary()
{
    auto spec = reports::ReportSpec::fromJson(specJson(), tr("report builder").toStdString());
    if (!spec) {
        m_summary->setText(tr("Not a complete report yet: %1").arg(QString::fromStdString(spec.error().describe())));
        m_summary->setStyleSheet(QStringLiteral("color:#8a1c1c"));
        m_run->setEnabled(false);
        return;
    }
    QString text = ReportText::describe(*spec);
    const auto cells = spec->cells().size();
    text += QLatin1Char('\n') +
            tr("Each cell needs at least the clinic's minimum number of distinct patients (11 unless an administrator "
               "changed it) or it is suppressed, together with any cell that would let it be recovered.");
    if (cells > 8)
        text += QLatin1Char('\n') + tr("With %1 cells, many are likely to be suppressed in a small clinic: "
                                       "consider fewer groupings or wider filters.")
                                        .arg(cells);
    m_summary->setText(text);
    m_summary->setStyleSheet({});
    m_run->setEnabled(m_access.available());
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
