// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ChartView.h"

#include "core/services/PatientService.h"
#include "ui/doctor/AttachmentsPage.h"
#include "ui/doctor/ChartEntryBar.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/NotesPage.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/doctor/PatientListModel.h"

#include "ui_ChartView.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableView>

#include <map>

namespace cc::ui {

namespace {

void prepare(QTableView* view, ChartTableModel* model)
{
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

ChartView::ChartView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChartView>())
    , m_clinic(clinic)
    , m_observations(new ObservationsPage(clinic))
    , m_vitals(new ChartTableModel({tr("Vital sign"), tr("Value"), tr("Unit"), tr("Time")}, this))
    , m_problems(new ChartTableModel({tr("Problem"), tr("Code"), tr("Onset"), tr("Resolved")}, this))
    , m_medications(new ChartTableModel({tr("Medication"), tr("RxNorm"), tr("Start"), tr("Stop"), tr("Reason")}, this))
    , m_allergies(new ChartTableModel({tr("Allergy"), tr("Type"), tr("Category"), tr("Reactions"), tr("Since")}, this))
    , m_notes(new ChartTableModel({tr("Authored"), tr("Author"), tr("Title"), tr("Shared with patient")}, this))
    , m_notesPage(new NotesPage(clinic, m_notes))
    , m_attachmentsPage(new AttachmentsPage(clinic))
    , m_problemsBar(nullptr)
    , m_medicationsBar(nullptr)
    , m_allergiesBar(nullptr)
{
    m_ui->setupUi(this);
    m_observations->setObjectName(QStringLiteral("observationsPage"));
    m_ui->chartTabWidget->insertTab(static_cast<int>(Tab::Observations), m_observations, tr("&Observations"));
    prepare(m_ui->vitalsTableView, m_vitals);
    prepare(m_ui->problemsTableView, m_problems);
    prepare(m_ui->medicationsTableView, m_medications);
    prepare(m_ui->allergiesTableView, m_allergies);
    m_notesPage->setObjectName(QStringLiteral("notesPage"));
    m_ui->notesTabLayout->addWidget(m_notesPage);
    m_attachmentsPage->setObjectName(QStringLiteral("attachmentsPage"));
    m_ui->attachmentsTabLayout->addWidget(m_attachmentsPage);
    // The entry bars under the problem, medication and allergy tables (ChartEntryBar).
    m_problemsBar = new ChartEntryBar(clinic, ChartEntryBar::Kind::Problems, m_ui->problemsTableView, m_problems, this);
    m_medicationsBar =
        new ChartEntryBar(clinic, ChartEntryBar::Kind::Medications, m_ui->medicationsTableView, m_medications, this);
    m_allergiesBar =
        new ChartEntryBar(clinic, ChartEntryBar::Kind::Allergies, m_ui->allergiesTableView, m_allergies, this);
    m_problemsBar->setObjectName(QStringLiteral("problemsEntryBar"));
    m_medicationsBar->setObjectName(QStringLiteral("medicationsEntryBar"));
    m_allergiesBar->setObjectName(QStringLiteral("allergiesEntryBar"));
    m_ui->problemsTabLayout->addWidget(m_problemsBar);
    m_ui->medicationsTabLayout->addWidget(m_medicationsBar);
    m_ui->allergiesTabLayout->addWidget(m_allergiesBar);
    for (ChartEntryBar* bar : {m_problemsBar, m_medicationsBar, m_allergiesBar})
        connect(bar, &ChartEntryBar::changed, this, [this] { (void)reload(); });
    connect(m_observations, &ObservationsPage::observationAdded, this, [this](const QString& code) {
        if (reload())
            m_observations->selectCode(code);
    });
}

ChartView::~ChartView() = default;

Status ChartView::load(const model::RowId& patient)
{
    services::PatientService service(m_clinic);
    auto chart = service.chart(patient);
    if (!chart) {
        clear();
        return chart.error();
    }
    const bool samePatient = m_hasPatient && m_patient == patient;
    m_patient = patient;
    m_hasPatient = true;
    const model::Patient& p = chart->patient;
    m_researchOptOut = p.researchOptOut;
    for (ChartEntryBar* bar : {m_problemsBar, m_medicationsBar, m_allergiesBar})
        bar->setPatient(patient);
    m_ui->headerLabel->setText(tr("%1 — MRN %2 — born %3").arg(PatientListModel::displayName(p), p.mrn, p.birthDate));
    m_ui->bannerLabel->setVisible(chart->basis == access::AccessBasis::BreakGlass);
    m_ui->errorLabel->hide();

    QStringList identity;
    identity << tr("Sex: %1").arg(PatientListModel::sexText(p.sex));
    if (!p.deathDate.isEmpty())
        identity << tr("Died: %1").arg(p.deathDate);
    identity << tr("Address: %1")
                    .arg(orDash(QStringList{p.addressLine, p.city, p.state, p.postalCode, p.country}
                                    .filter(QRegularExpression(QStringLiteral("\\S")))
                                    .join(QStringLiteral(", "))));
    identity << tr("Phone: %1").arg(orDash(p.phone));
    m_ui->identityLabel->setText(identity.join(QLatin1Char('\n')));

    // The latest value of each vital sign.
    std::map<QString, const model::Observation*> latest;
    for (const auto& o : chart->observations) {
        if (o.category != QLatin1String("vital-signs") || !o.value)
            continue;
        auto& slot = latest[o.code];
        if (slot == nullptr || o.effective > slot->effective)
            slot = &o;
    }
    std::vector<ChartRow> vitals;
    for (const auto& [code, o] : latest)
        vitals.push_back({{o->display, QLocale().toString(*o->value, 'g', 10), o->unit, o->effective}, code});
    m_vitals->setRows(std::move(vitals));

    std::vector<ChartRow> rows;
    for (const auto& c : chart->conditions)
        rows.push_back(
            {{c.display, c.code, c.onset,
              c.abatement.isEmpty() ? (c.clinicalStatus.isEmpty() ? tr("active") : c.clinicalStatus) : c.abatement},
             model::rowIdToHex(c.id)});
    m_problems->setRows(std::move(rows));
    rows = {};
    for (const auto& m : chart->medications)
        rows.push_back({{m.display, m.code, m.start, m.stop.isEmpty() ? tr("current") : m.stop, m.reasonDisplay},
                        model::rowIdToHex(m.id)});
    m_medications->setRows(std::move(rows));
    rows = {};
    for (const auto& a : chart->allergies) {
        QStringList reactions;
        for (const auto& r : a.reactions)
            reactions << (r.severity.isEmpty() ? r.display : QStringLiteral("%1 (%2)").arg(r.display, r.severity));
        rows.push_back(
            {{a.display, a.type, a.category, reactions.join(QStringLiteral("; ")), a.start}, model::rowIdToHex(a.id)});
    }
    m_allergies->setRows(std::move(rows));

    if (!samePatient)
        m_observations->clear();
    m_observations->setObservations(patient, std::move(chart->observations));
    // Notes and attachments come from their own services (each audited); a failure shows on its tab.
    (void)m_notesPage->load(patient);
    (void)m_attachmentsPage->load(patient);
    return {};
}

Status ChartView::reload()
{
    if (!m_hasPatient)
        return makeError(ErrorCode::InvalidArgument, "no patient is open");
    return load(m_patient);
}

void ChartView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_observations->setReadOnly(readOnly);
    m_notesPage->setReadOnly(readOnly);
    m_attachmentsPage->setReadOnly(readOnly);
    for (ChartEntryBar* bar : {m_problemsBar, m_medicationsBar, m_allergiesBar})
        bar->setVisible(!readOnly);
}

void ChartView::setNotes(const std::vector<model::ClinicalNote>& notes)
{
    // NotesPage leaves out unshared notes in read-only mode (DESIGN.md section 1).
    m_notesPage->setNotes(notes);
}

void ChartView::clear()
{
    m_hasPatient = false;
    m_patient = {};
    m_ui->headerLabel->clear();
    m_ui->identityLabel->clear();
    m_ui->bannerLabel->hide();
    m_vitals->clear();
    m_problems->clear();
    m_medications->clear();
    m_allergies->clear();
    m_notesPage->clear();
    m_attachmentsPage->clear();
    m_observations->clear();
    m_researchOptOut = false;
    for (ChartEntryBar* bar : {m_problemsBar, m_medicationsBar, m_allergiesBar})
        bar->clear();
}

void ChartView::showTab(Tab tab)
{
    m_ui->chartTabWidget->setCurrentIndex(static_cast<int>(tab));
}

ChartEntryBar* ChartView::entryBar(Tab tab) const
{
    switch (tab) {
    case Tab::Problems:
        return m_problemsBar;
    case Tab::Medications:
        return m_medicationsBar;
    case Tab::Allergies:
        return m_allergiesBar;
    default:
        return nullptr;
    }
}

bool ChartView::emergencyAccess() const
{
    return m_ui->bannerLabel->isVisibleTo(this);
}

} // namespace cc::ui
