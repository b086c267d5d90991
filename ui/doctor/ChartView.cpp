// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ChartView.h"

#include "ui/common/ErrorText.h"

#include "core/services/ChartSummary.h"
#include "core/services/PatientService.h"
#include "ui/common/DisplayText.h"
#include "ui/doctor/AttachmentsPage.h"
#include "ui/doctor/ChartEntryBar.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/NotesPage.h"
#include "ui/doctor/ObservationsPage.h"
#include "ui/doctor/PatientBanner.h"

#include "ui_ChartView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>

#include <algorithm>

namespace cc::ui {

namespace {

/// Sorting through `proxy`, unsorted until a header is clicked (the rows keep the chart's order).
/// The `stretch` column (a name) takes the width left, so the short columns stay in view.
void prepare(QTableView* view, QAbstractItemModel* model, int stretch = -1)
{
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(stretch < 0);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (stretch >= 0)
        view->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
}

/// The title of a summary section with its count, or what to do when it is empty.
void setSectionTitle(QLabel* label, const QString& title, int count, const QString& empty)
{
    label->setText(count > 0 ? QStringLiteral("%1 (%2)").arg(title).arg(count)
                             : QStringLiteral("%1 — %2").arg(title, empty));
}

QString categoryKey(services::ProblemCategory category)
{
    return QString::number(static_cast<int>(category));
}

} // namespace

ChartView::ChartView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChartView>())
    , m_clinic(clinic)
    , m_observations(new ObservationsPage(clinic))
    , m_vitals(
          new ChartTableModel({tr("Observation"), tr("Value"), tr("Flag"), tr("Reference range"), tr("Date")}, this))
    , m_problems(new ChartTableModel({tr("Problem"), tr("Code"), tr("Category"), tr("Onset"), tr("Status")}, this))
    , m_medications(new ChartTableModel({tr("Medication"), tr("RxNorm"), tr("Start"), tr("Stop"), tr("Reason")}, this))
    , m_allergies(new ChartTableModel({tr("Allergy"), tr("Type"), tr("Category"), tr("Reactions"), tr("Since")}, this))
    , m_notes(new ChartTableModel({tr("Authored"), tr("Author"), tr("Title"), tr("Shared with patient")}, this))
    , m_notesPage(new NotesPage(clinic, m_notes))
    , m_attachmentsPage(new AttachmentsPage(clinic))
    , m_problemsBar(nullptr)
    , m_medicationsBar(nullptr)
    , m_allergiesBar(nullptr)
    , m_problemsSummary(new ChartTableModel({tr("Category"), tr("Problem"), tr("Since")}, this))
    , m_medicationsSummary(new ChartTableModel({tr("Medication"), tr("Since"), tr("Dosage")}, this))
    , m_allergiesSummary(new ChartTableModel({tr("Allergy"), tr("Reactions"), tr("Criticality")}, this))
    , m_encountersSummary(new ChartTableModel({tr("Date"), tr("Encounter"), tr("Reason")}, this))
    , m_encounters(new ChartTableModel({tr("Start"), tr("End"), tr("Class"), tr("Encounter"), tr("Reason")}, this))
    , m_linked(new ChartTableModel({tr("Record"), tr("Name"), tr("Value or date")}, this))
    , m_problemsProxy(new ChartProxyModel(m_problems, this))
    , m_medicationsProxy(new ChartProxyModel(m_medications, this))
    , m_allergiesProxy(new ChartProxyModel(m_allergies, this))
{
    m_ui->setupUi(this);
    m_observations->setObjectName(QStringLiteral("observationsPage"));
    m_ui->chartTabWidget->insertTab(static_cast<int>(Tab::Observations), m_observations, tr("&Observations"));
    prepare(m_ui->vitalsTableView, new ChartProxyModel(m_vitals, this), 0);
    prepare(m_ui->problemsSummaryTableView, new ChartProxyModel(m_problemsSummary, this), 1);
    prepare(m_ui->medicationsSummaryTableView, new ChartProxyModel(m_medicationsSummary, this), 0);
    prepare(m_ui->allergiesSummaryTableView, new ChartProxyModel(m_allergiesSummary, this), 0);
    prepare(m_ui->encountersSummaryTableView, new ChartProxyModel(m_encountersSummary, this), 1);
    prepare(m_ui->encountersTableView, new ChartProxyModel(m_encounters, this), 3);
    prepare(m_ui->linkedTableView, new ChartProxyModel(m_linked, this), 1);
    prepare(m_ui->problemsTableView, m_problemsProxy);
    prepare(m_ui->medicationsTableView, m_medicationsProxy);
    prepare(m_ui->allergiesTableView, m_allergiesProxy);
    // The results table (five columns) gets the larger share of the summary's width.
    m_ui->summaryTabLayout->setStretch(0, 2);
    m_ui->summaryTabLayout->setStretch(1, 3);
    m_problemsProxy->setActiveOnly(true);
    m_medicationsProxy->setActiveOnly(true);
    m_allergiesProxy->setActiveOnly(true);
    connect(m_ui->problemsActiveCheckBox, &QCheckBox::toggled, m_problemsProxy, &ChartProxyModel::setActiveOnly);
    connect(m_ui->medicationsActiveCheckBox, &QCheckBox::toggled, m_medicationsProxy, &ChartProxyModel::setActiveOnly);
    connect(m_ui->allergiesActiveCheckBox, &QCheckBox::toggled, m_allergiesProxy, &ChartProxyModel::setActiveOnly);
    m_ui->problemsCategoryComboBox->addItem(tr("All categories"), QString());
    for (const auto category : {services::ProblemCategory::Diagnosis, services::ProblemCategory::Finding,
                                services::ProblemCategory::History, services::ProblemCategory::Social})
        m_ui->problemsCategoryComboBox->addItem(DisplayText::category(category), categoryKey(category));
    connect(m_ui->problemsCategoryComboBox, &QComboBox::currentIndexChanged, this,
            [this] { m_problemsProxy->setCategory(m_ui->problemsCategoryComboBox->currentData().toString()); });
    connect(m_ui->encountersTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showEncounter(current.data(ChartTableModel::KeyRole).toString()); });
    m_ui->encountersSplitter->setStretchFactor(0, 2);
    m_ui->encountersSplitter->setStretchFactor(1, 1);

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
        connect(bar, &ChartEntryBar::changed, this, [this] {
            // The entry is stored; a chart that cannot be read again (its reading is audited, and
            // the disk may be failing) must not leave an empty chart with no word of the save.
            if (auto shown = reload(); !shown) {
                m_ui->errorLabel->setText(tr("The change was saved. Showing the chart again failed: %1")
                                              .arg(ErrorText::forError(shown.error())));
                m_ui->errorLabel->show();
            }
        });
    // A typed, edited or deleted observation changes the chart in place: the summary and the
    // Observations tab are recomputed from the chart in memory; nothing is read again (the write
    // was audited; the chart, notes and attachments are not re-read and re-audited).
    connect(m_observations, &ObservationsPage::observationStored, this, [this](const model::Observation& stored) {
        applyObservation(stored.id, &stored);
        m_observations->selectCode(stored.code);
    });
    connect(m_observations, &ObservationsPage::observationRemoved, this,
            [this](const model::RowId& id, const QString& code) {
                applyObservation(id, nullptr);
                m_observations->selectCode(code);
            });
    clear();
}

ChartView::~ChartView() = default;

Status ChartView::load(const access::PatientId& patient)
{
    services::PatientService service(m_clinic);
    auto chart = service.chart(patient);
    if (!chart) {
        clear();
        return chart.error();
    }
    const bool samePatient = m_hasPatient && m_patient == patient;
    if (!samePatient)
        clear(); // nothing of the previous patient survives: tables, trend and axes, open dialogs
    m_patient = patient;
    m_hasPatient = true;
    m_identity = chart->patient;
    m_researchOptOut = chart->patient.researchOptOut;
    const QString line = patientLine();
    for (ChartEntryBar* bar : {m_problemsBar, m_medicationsBar, m_allergiesBar})
        bar->setPatient(patient, line);
    m_ui->bannerLabel->setVisible(chart->basis == access::AccessBasis::BreakGlass);
    m_ui->errorLabel->hide();

    const auto summary = services::summarizeChart(*chart, QDate::currentDate());
    m_ui->patientBanner->setPatient(chart->patient, summary.ageYears, summary.allergies,
                                    chart->basis == access::AccessBasis::BreakGlass);
    fillSummary(summary);
    fillTables(*chart);

    m_observations->setObservations(patient, chart->patient, chart->observations); // a copy: the encounters link them
    m_chart = std::move(*chart);
    // Notes and attachments come from their own services (each audited); a failure shows on its tab.
    m_notesPage->setPatientLine(line);
    m_attachmentsPage->setPatientLine(line);
    (void)m_notesPage->load(patient);
    (void)m_attachmentsPage->load(patient);
    emit patientLoaded(patient);
    return {};
}

void ChartView::fillSummary(const services::ChartSummary& summary)
{
    std::vector<ChartRow> rows;
    for (const auto& p : summary.activeProblems)
        rows.push_back({{DisplayText::category(p.category), p.condition.display, DisplayText::date(p.condition.onset)},
                        model::rowIdToHex(p.condition.id),
                        {static_cast<int>(p.category), QVariant(), p.condition.onset}});
    setSectionTitle(m_ui->problemsSummaryTitleLabel, tr("Active problems"), static_cast<int>(rows.size()),
                    tr("none recorded; add them on the Problems tab"));
    m_problemsSummary->setRows(std::move(rows));

    rows = {};
    for (const auto& m : summary.currentMedications)
        rows.push_back(
            {{m.display, DisplayText::date(m.start), m.dosage}, model::rowIdToHex(m.id), {QVariant(), m.start}});
    setSectionTitle(m_ui->medicationsSummaryTitleLabel, tr("Current medications"), static_cast<int>(rows.size()),
                    tr("none recorded"));
    m_medicationsSummary->setRows(std::move(rows));

    rows = {};
    for (const auto& a : summary.allergies) {
        QStringList reactions;
        for (const auto& r : a.reactions)
            reactions << r.display;
        rows.push_back({{a.display, reactions.join(QStringLiteral(", ")), a.criticality},
                        model::rowIdToHex(a.id),
                        {},
                        a.criticality == QLatin1String("high")});
    }
    setSectionTitle(m_ui->allergiesSummaryTitleLabel, tr("Allergies"), static_cast<int>(rows.size()),
                    tr("no known allergies"));
    m_allergiesSummary->setRows(std::move(rows));

    rows = {};
    for (const auto* group : {&summary.latestVitals, &summary.latestLabs})
        for (const auto& f : *group) {
            const auto& o = f.observation;
            const bool abnormal = f.flag == services::ObservationFlag::High || f.flag == services::ObservationFlag::Low;
            rows.push_back(
                {{m_readOnly ? DisplayText::plainObservationName(o.code, o.display)
                             : DisplayText::observationName(o.code, o.display),
                  DisplayText::observationValue(o), DisplayText::flag(f.flag), DisplayText::range(f.range),
                  DisplayText::date(o.effective)},
                 o.code,
                 {QVariant(), o.value ? QVariant(*o.value) : QVariant(), QVariant(), QVariant(), o.effective},
                 abnormal});
        }
    setSectionTitle(m_ui->vitalsTitleLabel, tr("Latest vital signs and laboratory results"),
                    static_cast<int>(rows.size()), tr("none recorded; add them on the Observations tab"));
    m_vitals->setRows(std::move(rows));

    rows = {};
    for (const auto& e : summary.lastEncounters)
        rows.push_back({{DisplayText::date(e.start), e.display, e.reasonDisplay}, model::rowIdToHex(e.id), {e.start}});
    setSectionTitle(m_ui->encountersSummaryTitleLabel, tr("Last encounters"), static_cast<int>(rows.size()),
                    tr("none recorded"));
    m_encountersSummary->setRows(std::move(rows));
}

void ChartView::fillTables(const services::PatientChart& chart)
{
    std::vector<ChartRow> rows;
    for (const auto& c : chart.conditions) {
        const QString status = !c.abatement.isEmpty()       ? tr("resolved %1").arg(DisplayText::date(c.abatement))
                               : c.clinicalStatus.isEmpty() ? tr("active")
                                                            : c.clinicalStatus;
        const auto category = services::problemCategory(c);
        rows.push_back({{c.display, c.code.isEmpty() ? tr("uncoded") : c.code, DisplayText::category(category),
                         DisplayText::date(c.onset), status},
                        model::rowIdToHex(c.id),
                        {QVariant(), QVariant(), static_cast<int>(category), c.onset, c.abatement},
                        false,
                        !services::isActiveProblem(c),
                        categoryKey(category)});
    }
    m_problems->setRows(std::move(rows));
    rows = {};
    for (const auto& m : chart.medications)
        rows.push_back({{m.display, m.code.isEmpty() ? tr("uncoded") : m.code, DisplayText::date(m.start),
                         m.stop.isEmpty() ? tr("current") : DisplayText::date(m.stop), m.reasonDisplay},
                        model::rowIdToHex(m.id),
                        {QVariant(), QVariant(), m.start, m.stop},
                        false,
                        !services::isCurrentMedication(m)});
    m_medications->setRows(std::move(rows));
    rows = {};
    for (const auto& a : chart.allergies) {
        QStringList reactions;
        for (const auto& r : a.reactions)
            reactions << (r.severity.isEmpty() ? r.display : QStringLiteral("%1 (%2)").arg(r.display, r.severity));
        rows.push_back(
            {{a.display, a.type, a.category, reactions.join(QStringLiteral("; ")), DisplayText::date(a.start)},
             model::rowIdToHex(a.id),
             {QVariant(), QVariant(), QVariant(), QVariant(), a.start},
             false,
             !services::isActiveAllergy(a)});
    }
    m_allergies->setRows(std::move(rows));
    rows = {};
    for (const auto& e : chart.encounters)
        rows.push_back({{DisplayText::dateTime(e.start), DisplayText::dateTime(e.end), e.encounterClass, e.display,
                         e.reasonDisplay},
                        model::rowIdToHex(e.id),
                        {e.start, e.end}});
    std::sort(rows.begin(), rows.end(), [](const ChartRow& a, const ChartRow& b) {
        return a.sortKeys.value(0).toString() > b.sortKeys.value(0).toString();
    });
    m_encounters->setRows(std::move(rows));
    m_linked->clear();
}

void ChartView::showEncounter(const QString& key)
{
    const auto id = model::rowIdFromHex(key);
    std::vector<ChartRow> rows;
    if (id) {
        const auto linked = [&](const std::optional<model::RowId>& encounter) {
            return encounter && *encounter == *id;
        };
        for (const auto& c : m_chart.conditions)
            if (linked(c.encounterId))
                rows.push_back({{tr("Problem"), c.display, DisplayText::date(c.onset)}, model::rowIdToHex(c.id)});
        for (const auto& m : m_chart.medications)
            if (linked(m.encounterId))
                rows.push_back({{tr("Medication"), m.display, DisplayText::date(m.start)}, model::rowIdToHex(m.id)});
        for (const auto& a : m_chart.allergies)
            if (linked(a.encounterId))
                rows.push_back({{tr("Allergy"), a.display, DisplayText::date(a.start)}, model::rowIdToHex(a.id)});
        for (const auto& o : m_chart.observations)
            if (linked(o.encounterId))
                rows.push_back({{tr("Observation"), DisplayText::observationName(o.code, o.display),
                                 DisplayText::observationValue(o)},
                                model::rowIdToHex(o.id)});
    }
    m_ui->linkedTitleLabel->setText(!id            ? tr("Select an encounter to see what was recorded during it.")
                                    : rows.empty() ? tr("Nothing else was recorded during this encounter.")
                                                   : tr("Recorded during this encounter (%1)").arg(rows.size()));
    m_linked->setRows(std::move(rows));
}

void ChartView::applyObservation(const model::RowId& id, const model::Observation* stored)
{
    if (!m_hasPatient)
        return;
    auto& observations = m_chart.observations;
    const auto at =
        std::find_if(observations.begin(), observations.end(), [&](const model::Observation& o) { return o.id == id; });
    if (stored == nullptr) {
        if (at != observations.end())
            observations.erase(at);
    } else if (at != observations.end()) {
        *at = *stored;
    } else {
        observations.push_back(*stored);
    }
    fillSummary(services::summarizeChart(m_chart, QDate::currentDate()));
    m_observations->setObservations(m_patient, m_chart.patient, m_chart.observations);
    // The encounter shown on the Encounters tab lists what was recorded during it: keep it true.
    if (const QModelIndex current = m_ui->encountersTableView->currentIndex(); current.isValid())
        showEncounter(current.data(ChartTableModel::KeyRole).toString());
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
    m_identity = {};
    m_chart = {};
    m_ui->patientBanner->clear();
    m_ui->bannerLabel->hide();
    for (ChartTableModel* model :
         {m_vitals, m_problems, m_medications, m_allergies, m_problemsSummary, m_medicationsSummary, m_allergiesSummary,
          m_encountersSummary, m_encounters, m_linked})
        model->clear();
    m_notesPage->clear();
    m_attachmentsPage->clear();
    m_observations->clear();
    m_researchOptOut = false;
    for (ChartEntryBar* bar : {m_problemsBar, m_medicationsBar, m_allergiesBar})
        bar->clear();
}

QString ChartView::patientLine() const
{
    return m_hasPatient ? DisplayText::patientLine(m_identity) : QString();
}

void ChartView::setOutsideList(bool outside)
{
    m_ui->patientBanner->setOutsideList(outside && m_hasPatient);
}

bool ChartView::hasUnsavedInput() const
{
    return m_hasPatient && m_observations->hasUnsavedInput();
}

PatientBanner* ChartView::banner() const
{
    return m_ui->patientBanner;
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
