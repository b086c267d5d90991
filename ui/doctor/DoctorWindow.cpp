// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/DoctorWindow.h"

#include "core/services/PatientService.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FhirExport.h"
#include "ui/common/RoleText.h"
#include "ui/doctor/BreakGlassDialog.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/ImportDialog.h"
#include "ui/doctor/PatientListModel.h"

#include "ui_DoctorWindow.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>

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
    m_ui->patientTableView->setModel(m_proxy);
    m_ui->patientTableView->sortByColumn(PatientListModel::NameColumn, Qt::AscendingOrder);
    m_ui->patientTableView->verticalHeader()->hide();
    // Synthea MRNs are long UUIDs: the MRN column takes the rest of the width and elides in the
    // middle (the full MRN is in the chart header).
    auto* header = m_ui->patientTableView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PatientListModel::MrnColumn, QHeaderView::Stretch);
    m_ui->patientTableView->setTextElideMode(Qt::ElideMiddle);
    m_ui->patientTableView->setWordWrap(false);
    m_ui->patientTableView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->patientTableView, &QAbstractItemView::activated, this, &DoctorWindow::openRow);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &DoctorWindow::refresh);
    connect(m_ui->actionEmergencyAccess, &QAction::triggered, this, [this]() { openBreakGlass(); });
    connect(m_ui->actionImport, &QAction::triggered, this, &DoctorWindow::openImport);
    connect(m_ui->actionExportFhir, &QAction::triggered, this, [this]() { (void)exportOpenPatient(); });
    connect(m_ui->actionLock, &QAction::triggered, this, &DoctorWindow::lockRequested);
    connect(m_ui->actionLogout, &QAction::triggered, this, &DoctorWindow::logoutRequested);

    if (const auto* session = clinic.session()) {
        const QString user = QString::fromStdString(session->userName());
        auto* userLabel = new QLabel(tr("Logged in: %1 (%2)").arg(user, RoleText::name(session->role())));
        userLabel->setObjectName(QStringLiteral("userLabel"));
        m_ui->statusBar->addPermanentWidget(userLabel);
        setWindowTitle(tr("CipherChart — %1").arg(user));
    }
}

DoctorWindow::~DoctorWindow() = default;

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
    m_ui->statusBar->showMessage(tr("%n patient(s) on your care team", nullptr, m_patients->rowCount()));
}

void DoctorWindow::openRow(const QModelIndex& proxyIndex)
{
    const auto* patient = m_patients->patient(m_proxy->mapToSource(proxyIndex).row());
    if (patient != nullptr)
        (void)openPatient(patient->id);
}

Status DoctorWindow::openPatient(const model::RowId& patient)
{
    auto loaded = m_chart->load(patient);
    m_openPatient.reset();
    m_ui->actionExportFhir->setEnabled(false);
    if (!loaded) {
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
    m_ui->actionExportFhir->setEnabled(true);
    m_ui->chartStackedWidget->setCurrentWidget(m_chart);
    return loaded;
}

void DoctorWindow::openBreakGlass(const model::RowId* patient)
{
    if (m_breakGlass != nullptr)
        return;
    m_breakGlass = new BreakGlassDialog(m_clinic, this);
    m_breakGlass->setObjectName(QStringLiteral("breakGlassDialog"));
    m_breakGlass->setAttribute(Qt::WA_DeleteOnClose);
    if (patient != nullptr)
        m_breakGlass->setPatient(*patient);
    connect(m_breakGlass, &QDialog::finished, this, [this](int result) {
        const model::RowId granted = m_breakGlass->patient();
        m_breakGlass = nullptr; // deleted on close
        if (result == QDialog::Accepted)
            (void)openPatient(granted);
    });
    m_breakGlass->open();
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

void DoctorWindow::reload()
{
    refresh();
    if (m_openPatient)
        (void)openPatient(*m_openPatient);
}

void DoctorWindow::clearSensitiveData()
{
    if (m_breakGlass != nullptr)
        m_breakGlass->reject();
    // A running import finishes its batch first (reject() asks it to cancel); its summary names
    // no patient, but the dialog goes with the rest of the session's windows.
    if (m_import != nullptr)
        m_import->reject();
    m_ui->searchLineEdit->clear();
    m_patients->clear();
    m_chart->clear();
    m_ui->actionExportFhir->setEnabled(false);
    m_ui->chartStackedWidget->setCurrentWidget(m_ui->emptyPage);
    m_ui->emptyLabel->setText(tr("Open a patient from the list (double-click or Enter)."));
    m_ui->statusBar->clearMessage();
}

} // namespace cc::ui
