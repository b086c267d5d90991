// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/DoctorWindow.h"

#include "core/services/DirectoryBuild.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PatientService.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/ChartPrint.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FhirExport.h"
#include "ui/common/MessageBox.h"
#include "ui/common/RoleText.h"
#include "ui/common/WitnessIndicator.h"
#include "ui/doctor/BreakGlassDialog.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/ImportDialog.h"
#include "ui/doctor/NewPatientDialog.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/doctor/PatientListModel.h"

#include "ui_DoctorWindow.h"

#include <QAction>
#include <QChartView>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <utility>

namespace cc::ui {

DoctorWindow::DoctorWindow(services::ClinicService& clinic, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::DoctorWindow>())
    , m_clinic(clinic)
    , m_patients(new PatientListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_chart(new ChartView(clinic))
{
    m_ui->setupUi(this);
    m_chart->setObjectName(QStringLiteral("chartView"));
    m_ui->chartStackedWidget->addWidget(m_chart);
    m_ui->mainSplitter->setStretchFactor(0, 0);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setSizes({520, 880});

    // The filter runs over names already decrypted for the list: typing decrypts nothing.
    m_proxy->setSourceModel(m_patients);
    m_proxy->setFilterRole(PatientListModel::SearchRole);
    m_proxy->setFilterKeyColumn(PatientListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(PatientListModel::SortRole);
    m_proxy->setSortLocaleAware(true);
    m_ui->patientTableView->setModel(m_proxy);
    m_ui->patientTableView->sortByColumn(PatientListModel::NameColumn, Qt::AscendingOrder);
    m_ui->patientTableView->verticalHeader()->hide();
    // Synthea MRNs are long UUIDs: the MRN column is the last, takes the rest of the width and
    // elides in the middle (the full MRN is in its tooltip and the patient banner), so name, birth
    // date and sex stay visible at the default size.
    auto* header = m_ui->patientTableView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->moveSection(header->visualIndex(PatientListModel::MrnColumn), PatientListModel::ColumnCount - 1);
    header->setSectionResizeMode(PatientListModel::MrnColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    // Long names are capped (refresh()) so birth date and sex stay in view; the rest is elided.
    header->setSectionResizeMode(PatientListModel::NameColumn, QHeaderView::Interactive);
    m_ui->patientsWidget->setMinimumWidth(440);
    m_ui->patientTableView->setTextElideMode(Qt::ElideMiddle);
    m_ui->patientTableView->setWordWrap(false);
    m_ui->patientTableView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->patientTableView, &QAbstractItemView::activated, this, &DoctorWindow::openRow);
    connect(m_ui->patientTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DoctorWindow::selectionChanged);
    connect(m_ui->searchLineEdit, &QLineEdit::returnPressed, this, &DoctorWindow::openSearchResult);
    m_ui->searchLineEdit->installEventFilter(this);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &DoctorWindow::refresh);
    connect(m_ui->actionEmergencyAccess, &QAction::triggered, this, [this]() { openBreakGlass(); });
    connect(m_ui->actionImport, &QAction::triggered, this, &DoctorWindow::openImport);
    connect(m_ui->actionNewPatient, &QAction::triggered, this, &DoctorWindow::openNewPatient);
    connect(m_ui->actionExportFhir, &QAction::triggered, this, [this]() { (void)exportOpenPatient(); });
    // Printing: the summary, or the trend on the Observations tab, to PDF with the banner on every page.
    m_printSummary = new QAction(tr("&Print summary (PDF)…"), this);
    m_printSummary->setObjectName(QStringLiteral("actionPrintSummary"));
    m_printSummary->setToolTip(
        tr("Save the open chart's summary as a PDF, the patient banner on every page (audited)"));
    m_printSummary->setShortcut(QKeySequence::Print);
    m_printSummary->setEnabled(false);
    m_printTrend = new QAction(tr("Print &trend (PDF)…"), this);
    m_printTrend->setObjectName(QStringLiteral("actionPrintTrend"));
    m_printTrend->setToolTip(tr("Save the trend chart of the observation selected on the Observations tab as a PDF"));
    m_printTrend->setEnabled(false);
    m_ui->mainToolBar->insertActions(m_ui->actionLock, {m_printSummary, m_printTrend});
    connect(m_printSummary, &QAction::triggered, this, [this]() { (void)printSummary(); });
    // Recent patients: the charts opened in this session, newest first. Only row ids are kept
    // (they survive an idle lock); the names are looked up when the menu opens, through the same
    // access rules as any open, so a lapsed emergency grant drops its patient from the menu.
    m_recentMenu = new QMenu(this);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    auto* recent = new QAction(tr("&Recent patients"), this);
    recent->setObjectName(QStringLiteral("actionRecentPatients"));
    recent->setToolTip(tr("Reopen a chart opened earlier in this session"));
    recent->setMenu(m_recentMenu);
    m_ui->mainToolBar->insertAction(m_ui->actionNewPatient, recent);
    if (auto* button = qobject_cast<QToolButton*>(m_ui->mainToolBar->widgetForAction(recent)))
        button->setPopupMode(QToolButton::InstantPopup);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &DoctorWindow::fillRecentMenu);
    connect(m_printTrend, &QAction::triggered, this, [this]() { (void)printTrend(); });
    connect(m_ui->actionLock, &QAction::triggered, this, &DoctorWindow::lockRequested);
    connect(m_ui->actionLogout, &QAction::triggered, this, &DoctorWindow::logoutRequested);

    if (const auto* session = clinic.session()) {
        m_user = QString::fromStdString(session->userName());
        auto* userLabel = new QLabel(tr("Logged in: %1 (%2)").arg(m_user, RoleText::name(session->role())));
        userLabel->setObjectName(QStringLiteral("userLabel"));
        m_ui->statusBar->addPermanentWidget(new WitnessIndicator(clinic, this));
        m_ui->statusBar->addPermanentWidget(userLabel);
    }
    updateTitle();
    restoreWindowState();
}

DoctorWindow::~DoctorWindow() = default;

void DoctorWindow::updateTitle()
{
    // The title names the open chart's patient, as the banner and the list's marker do.
    if (m_openPatient && m_chart->hasPatient())
        setWindowTitle(tr("%1 — CipherChart — %2").arg(m_chart->patientLine(), m_user));
    else
        setWindowTitle(m_user.isEmpty() ? tr("CipherChart") : tr("CipherChart — %1").arg(m_user));
}

std::optional<access::PatientId> DoctorWindow::selectedPatientId() const
{
    const QModelIndex current = m_ui->patientTableView->selectionModel()->currentIndex();
    if (!current.isValid() || !m_ui->patientTableView->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    const auto* p = m_patients->patient(m_proxy->mapToSource(current).row());
    if (p == nullptr)
        return std::nullopt;
    return p->id;
}

bool DoctorWindow::chartShown() const
{
    return m_ui->chartStackedWidget->currentWidget() == m_chart;
}

void DoctorWindow::syncListToChart()
{
    m_patients->setOpenPatient(m_openPatient);
    const int sourceRow = m_openPatient ? m_patients->rowOf(*m_openPatient) : -1;
    auto* selection = m_ui->patientTableView->selectionModel();
    if (sourceRow < 0) {
        // Outside the list (emergency access): no row may stay selected as if it were this chart.
        selection->clear();
        m_chart->setOutsideList(m_openPatient.has_value());
    } else {
        QModelIndex index = m_proxy->mapFromSource(m_patients->index(sourceRow, 0));
        if (!index.isValid()) { // hidden by the search: show the whole list again
            m_ui->searchLineEdit->clear();
            index = m_proxy->mapFromSource(m_patients->index(sourceRow, 0));
        }
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_ui->patientTableView->scrollTo(index);
        m_chart->setOutsideList(false);
    }
    updateTitle();
}

void DoctorWindow::selectionChanged()
{
    if (!m_openPatient)
        return;
    const auto selected = selectedPatientId();
    if (!selected || *selected == *m_openPatient) {
        m_ui->chartStackedWidget->setCurrentWidget(m_chart);
        return;
    }
    // Another row is selected: the chart of the open patient is hidden, so nothing on screen can
    // be read or written as if it belonged to the selected one.
    const auto* p = m_patients->patient(m_patients->rowOf(*selected));
    m_ui->emptyLabel->setText(
        tr("%1 is selected.\nPress Enter or double-click to open the chart.\n\n"
           "The chart of %2 is still open: select that row to return to it.")
            .arg(p != nullptr ? DisplayText::patientLine(*p) : QString(), m_chart->patientLine()));
    m_ui->chartStackedWidget->setCurrentWidget(m_ui->emptyPage);
}

void DoctorWindow::openSearchResult()
{
    // Enter in the search field opens the single match; with several, it moves into the list.
    if (m_proxy->rowCount() == 1) {
        openRow(m_proxy->index(0, 0));
        return;
    }
    if (m_proxy->rowCount() > 1) {
        m_ui->patientTableView->setFocus();
        m_ui->patientTableView->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

bool DoctorWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->searchLineEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown) && m_proxy->rowCount() > 0) {
            auto* view = m_ui->patientTableView;
            view->setFocus();
            if (!view->currentIndex().isValid())
                view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect |
                                                                                  QItemSelectionModel::Rows);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void DoctorWindow::closeEvent(QCloseEvent* event)
{
    if (m_chart->hasUnsavedInput() &&
        !MessageBox::confirm(this, tr("Close CipherChart"),
                             tr("A value typed in the observation form of %1 is not saved. Close anyway?")
                                 .arg(m_chart->patientLine()))) {
        event->ignore();
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void DoctorWindow::saveWindowState() const
{
    // Geometry only: nothing clinical (no patient, no search text) goes into the settings.
    QSettings settings;
    settings.setValue(QStringLiteral("doctorWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("doctorWindow/splitter"), m_ui->mainSplitter->saveState());
}

void DoctorWindow::restoreWindowState()
{
    const QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("doctorWindow/geometry")).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray splitter = settings.value(QStringLiteral("doctorWindow/splitter")).toByteArray();
        !splitter.isEmpty())
        m_ui->mainSplitter->restoreState(splitter);
}

void DoctorWindow::showListError(const QString& text)
{
    m_ui->listErrorLabel->setText(text);
    m_ui->listErrorLabel->setVisible(!text.isEmpty());
}

void DoctorWindow::refresh()
{
    services::PatientService service(m_clinic);
    auto patients = service.list();
    if (!patients) {
        m_patients->clear();
        showListError(ErrorText::forError(patients.error()));
        return;
    }
    showListError({});
    m_patients->setPatients(std::move(*patients));
    m_ui->patientTableView->resizeColumnToContents(PatientListModel::NameColumn);
    m_ui->patientTableView->setColumnWidth(
        PatientListModel::NameColumn, std::min(m_ui->patientTableView->columnWidth(PatientListModel::NameColumn), 230));
    m_ui->statusBar->showMessage(tr("%n patient(s) on your care team", nullptr, m_patients->rowCount()));
    if (m_openPatient && m_chart->hasPatient())
        syncListToChart();
}

void DoctorWindow::refreshInBackground(std::function<void()> then)
{
    if (then)
        m_afterLoad.push_back(std::move(then));
    if (m_loadingDirectory)
        return; // the running load calls every waiting continuation
    if (m_clinic.patientDirectory().isBuilt()) {
        finishDirectoryLoad();
        return;
    }
    auto build = services::DirectoryBuild::prepare(m_clinic);
    if (!build) {
        finishDirectoryLoad(); // refresh() shows the error
        return;
    }
    m_loadingDirectory = true;
    showListError({});
    m_ui->statusBar->showMessage(tr("Opening the patient directory…"));
    readDirectoryPage(std::shared_ptr<services::DirectoryBuild>(std::move(*build)));
}

void DoctorWindow::readDirectoryPage(std::shared_ptr<services::DirectoryBuild> build)
{
    // Rows are read on this thread (the services are not thread-safe) a page at a time, each page
    // a few milliseconds, so typing and painting go on between pages.
    constexpr std::size_t kPage = 2000;
    auto done = build->readMore(m_clinic, kPage);
    if (!done) {
        endDirectoryLoad(done.error());
        return;
    }
    if (!*done) {
        QTimer::singleShot(0, this, [this, build]() { readDirectoryPage(build); });
        return;
    }
    // The worker touches only what prepare() and readMore() copied (rows and one key).
    runInBackground(
        this, [build]() { return build->decode(); },
        [this, build](const Status& decoded) {
            if (!decoded) {
                endDirectoryLoad(decoded.error());
                return;
            }
            auto installed = build->install(m_clinic);
            if (!installed) {
                endDirectoryLoad(installed.error());
                return;
            }
            m_loadingDirectory = false;
            // Not installed: the directory was built on this thread meanwhile (then it is
            // current), or the session was locked, ended or written meanwhile (the build is
            // stale and discarded).
            if (*installed || m_clinic.patientDirectory().isBuilt())
                finishDirectoryLoad();
            else
                restartDirectoryLoad();
        });
}

void DoctorWindow::endDirectoryLoad(const Error& error)
{
    m_loadingDirectory = false;
    if (error.code == ErrorCode::Cancelled) { // stale: the session moved on while the rows were read
        restartDirectoryLoad();
        return;
    }
    m_afterLoad.clear();
    m_ui->statusBar->clearMessage();
    showListError(ErrorText::forError(error));
}

void DoctorWindow::restartDirectoryLoad()
{
    // Active again (an unlock came while the stale load ran, or a write): load for it. Locked or
    // ended: nothing now, the unlock's reload brings its own continuation.
    const access::Session* session = m_clinic.session();
    if (session != nullptr && session->state() == access::Session::State::Active)
        refreshInBackground();
    else
        m_afterLoad.clear();
}

void DoctorWindow::finishDirectoryLoad()
{
    refresh();
    for (auto& f : std::exchange(m_afterLoad, {}))
        f();
}

void DoctorWindow::openRow(const QModelIndex& proxyIndex)
{
    const auto* patient = m_patients->patient(m_proxy->mapToSource(proxyIndex).row());
    if (patient != nullptr)
        (void)openPatient(patient->id);
}

Status DoctorWindow::openPatient(const access::PatientId& patient)
{
    auto loaded = m_chart->load(patient);
    m_openPatient.reset();
    m_ui->actionExportFhir->setEnabled(false);
    m_printSummary->setEnabled(false);
    m_printTrend->setEnabled(false);
    if (!loaded) {
        m_patients->setOpenPatient(std::nullopt);
        updateTitle();
        m_ui->chartStackedWidget->setCurrentWidget(m_ui->emptyPage);
        if (loaded.error().code == ErrorCode::AccessDenied) {
            m_ui->emptyLabel->setText(tr("This patient is not on your care team."));
            openBreakGlass(&patient);
        } else {
            m_ui->emptyLabel->setText(ErrorText::forError(loaded.error()));
        }
        return loaded;
    }
    m_openPatient = patient;
    std::erase(m_recent, patient);
    m_recent.insert(m_recent.begin(), patient);
    if (m_recent.size() > kRecentPatients)
        m_recent.resize(kRecentPatients);
    m_ui->actionExportFhir->setEnabled(true);
    m_printSummary->setEnabled(true);
    m_printTrend->setEnabled(true);
    syncListToChart();
    m_ui->chartStackedWidget->setCurrentWidget(m_chart);
    return loaded;
}

void DoctorWindow::openBreakGlass(const access::PatientId* patient)
{
    if (m_breakGlass != nullptr)
        return;
    m_breakGlass = new BreakGlassDialog(m_clinic, this);
    m_breakGlass->setObjectName(QStringLiteral("breakGlassDialog"));
    m_breakGlass->setAttribute(Qt::WA_DeleteOnClose);
    if (patient != nullptr)
        m_breakGlass->setPatient(*patient);
    connect(m_breakGlass, &QDialog::finished, this, [this](int result) {
        const access::PatientId granted = m_breakGlass->patient();
        m_breakGlass = nullptr; // deleted on close
        if (result == QDialog::Accepted)
            (void)openPatient(granted);
    });
    m_breakGlass->open();
}

void DoctorWindow::openNewPatient()
{
    if (m_newPatient != nullptr)
        return;
    m_newPatient = new NewPatientDialog(m_clinic, this);
    m_newPatient->setObjectName(QStringLiteral("newPatientDialog"));
    m_newPatient->setAttribute(Qt::WA_DeleteOnClose);
    m_newPatient->setWindowModality(Qt::WindowModal);
    connect(m_newPatient, &QDialog::finished, this, [this](int result) {
        const access::PatientId created = m_newPatient->created();
        m_newPatient = nullptr; // deleted on close
        if (result != QDialog::Accepted)
            return;
        refresh();
        if (openPatient(created))
            m_ui->statusBar->showMessage(tr("Patient registered: %1").arg(m_chart->patientLine()));
    });
    m_newPatient->open();
}

void DoctorWindow::openImport()
{
    if (m_import != nullptr)
        return;
    m_import = new ImportDialog(m_clinic, this);
    m_import->setObjectName(QStringLiteral("importDialog"));
    m_import->setAttribute(Qt::WA_DeleteOnClose);
    m_import->setWindowModality(Qt::WindowModal);
    connect(m_import, &ImportDialog::imported, this, &DoctorWindow::refresh);
    connect(m_import, &QDialog::finished, this, [this]() { m_import = nullptr; });
    m_import->open();
}

Status DoctorWindow::exportOpenPatient()
{
    if (!m_openPatient)
        return makeError(ErrorCode::InvalidArgument, "no patient is open");
    CC_TRY(saveFhirExport(this, m_clinic, *m_openPatient));
    m_ui->statusBar->showMessage(tr("Record exported as FHIR."));
    return {};
}

void DoctorWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    services::PatientService service(m_clinic);
    for (const access::PatientId& id : m_recent) {
        QString line;
        if (const int row = m_patients->rowOf(id); row >= 0)
            line = DisplayText::patientLine(*m_patients->patient(row));
        else if (auto identity = service.identity(id))
            line = tr("%1 (not in your list)").arg(DisplayText::patientLine(*identity));
        else
            continue; // no longer accessible (an emergency grant lapsed)
        auto* action = m_recentMenu->addAction(line);
        action->setEnabled(!(m_openPatient && *m_openPatient == id));
        connect(action, &QAction::triggered, this, [this, id] { (void)openPatient(id); });
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("No chart opened yet in this session"))->setEnabled(false);
}

Result<QString> DoctorWindow::printSummary()
{
    if (!m_openPatient)
        return makeError(ErrorCode::InvalidArgument, "no patient is open");
    auto written = chartprint::saveSummaryPdf(this, m_clinic, *m_openPatient, false);
    if (written)
        m_ui->statusBar->showMessage(tr("Summary printed to %1").arg(*written));
    return written;
}

Result<QString> DoctorWindow::printTrend()
{
    if (!m_openPatient)
        return makeError(ErrorCode::InvalidArgument, "no patient is open");
    ObservationsPage* page = m_chart->observationsPage();
    if (page->shownCode().isEmpty()) {
        m_chart->showTab(ChartView::Tab::Observations);
        m_ui->statusBar->showMessage(tr("Select an observation on the Observations tab, then print its trend."));
        return makeError(ErrorCode::InvalidArgument, "no observation is selected");
    }
    auto written = chartprint::saveTrendPdf(this, m_clinic, *m_openPatient, page->shownCode(), page->shownTitle(),
                                            page->trendChartView());
    if (written)
        m_ui->statusBar->showMessage(tr("Trend printed to %1").arg(*written));
    return written;
}

void DoctorWindow::reload()
{
    refreshInBackground([this]() {
        if (m_openPatient)
            (void)openPatient(*m_openPatient);
    });
}

void DoctorWindow::clearSensitiveData()
{
    if (m_breakGlass != nullptr)
        m_breakGlass->reject();
    // A running import finishes its batch first (reject() asks it to cancel); its summary names
    // no patient, but the dialog goes with the rest of the session's windows.
    if (m_import != nullptr)
        m_import->reject();
    if (m_newPatient != nullptr)
        m_newPatient->done(QDialog::Rejected); // no question: the lock does not wait
    m_ui->searchLineEdit->clear();
    m_patients->clear();
    m_chart->clear();
    updateTitle();
    m_ui->actionExportFhir->setEnabled(false);
    m_ui->chartStackedWidget->setCurrentWidget(m_ui->emptyPage);
    m_ui->emptyLabel->setText(tr("Open a patient from the list (double-click or Enter)."));
    m_ui->statusBar->clearMessage();
}

} // namespace cc::ui
