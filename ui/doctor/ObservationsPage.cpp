// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ObservationsPage.h"

#include "core/interop/UnitsCatalogue.h"
#include "core/model/IsoDateTime.h"
#include "core/services/ChartSummary.h"
#include "core/services/ObservationService.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/ChartTableModel.h"

#include "ui_ObservationsPage.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLineSeries>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace cc::ui {

namespace {

QString valueText(const model::Observation& o)
{
    return DisplayText::observationValue(o);
}

/// The one display name of the code (the catalogue's short name where it has one); the lay name
/// in the patient's own (read-only) window.
QString codeName(const model::Observation& o, bool plain)
{
    return plain ? DisplayText::plainObservationName(o.code, o.display)
                 : DisplayText::observationName(o.code, o.display);
}

/// The time axis' format: the locale's short date.
QString axisDateFormat()
{
    return QLocale().dateFormat(QLocale::ShortFormat);
}

} // namespace

ObservationsPage::ObservationsPage(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_clinic(clinic)
    , m_ui(std::make_unique<Ui::ObservationsPage>())
    , m_codes(new ChartTableModel({tr("Observation"), tr("Count"), tr("Latest")}, this))
    , m_rows(new ChartTableModel({tr("Time"), tr("Value"), tr("Flag"), tr("Status")}, this))
    , m_chart(new QChart)
    , m_chartView(nullptr)
    , m_series(new QLineSeries)
{
    m_ui->setupUi(this);
    m_ui->codesTableView->setModel(new ChartProxyModel(m_codes, this));
    m_ui->codesTableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_ui->codesTableView->setSortingEnabled(true);
    m_ui->codesTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->codesTableView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // A long latest value (a survey answer) must not push the names out of sight: it is elided.
    m_ui->codesTableView->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Fixed);
    m_ui->codesTableView->horizontalHeader()->resizeSection(2, 110);
    m_ui->codesTableView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->codesTableView->verticalHeader()->hide();
    m_ui->codesTableView->setWordWrap(false); // long survey questions elide; the tooltip has them whole
    m_ui->observationsTableView->setModel(new ChartProxyModel(m_rows, this));
    m_ui->observationsTableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_ui->observationsTableView->setSortingEnabled(true);
    m_ui->observationsTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->observationsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->observationsTableView->verticalHeader()->hide();

    m_series->setObjectName(QStringLiteral("trendLineSeries"));
    m_series->setPointsVisible(true);
    m_chart->addSeries(m_series);
    m_chart->legend()->hide();
    auto* timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(axisDateFormat());
    timeAxis->setTitleText(tr("Date"));
    auto* valueAxis = new QValueAxis;
    m_chart->addAxis(timeAxis, Qt::AlignBottom);
    m_chart->addAxis(valueAxis, Qt::AlignLeft);
    m_series->attachAxis(timeAxis);
    m_series->attachAxis(valueAxis);
    m_chartView = new QChartView(m_chart, m_ui->chartContainerWidget);
    m_chartView->setObjectName(QStringLiteral("trendChartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_ui->chartLayout->addWidget(m_chartView);

    for (const auto* def : interop::UnitsCatalogue::builtIn().definitions())
        m_ui->codeComboBox->addItem(QStringLiteral("%1 (%2)").arg(def->display, def->code), def->code);
    // The time is entered in local time (as every time is shown) and stored in UTC.
    m_ui->effectiveDateTimeEdit->setTimeSpec(Qt::LocalTime);
    m_ui->effectiveDateTimeEdit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    updateUnit();

    connect(m_ui->codesTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showCode(current.data(ChartTableModel::KeyRole).toString()); });
    connect(m_ui->codeComboBox, &QComboBox::currentIndexChanged, this, &ObservationsPage::updateUnit);
    connect(m_ui->addPushButton, &QPushButton::clicked, this, &ObservationsPage::add);
    connect(m_ui->valueLineEdit, &QLineEdit::returnPressed, this, &ObservationsPage::add);
    connect(m_ui->editObservationPushButton, &QPushButton::clicked, this, &ObservationsPage::startEdit);
    connect(m_ui->deleteObservationPushButton, &QPushButton::clicked, this, &ObservationsPage::removeSelected);
    connect(m_ui->cancelEditPushButton, &QPushButton::clicked, this, &ObservationsPage::endEdit);
}

ObservationsPage::~ObservationsPage() = default;

QString ObservationsPage::flagText(const model::Observation& o) const
{
    return DisplayText::flag(services::flagObservation(o, m_sex));
}

bool ObservationsPage::isAbnormal(const model::Observation& o) const
{
    const auto flag = services::flagObservation(o, m_sex);
    return flag == services::ObservationFlag::High || flag == services::ObservationFlag::Low;
}

QString ObservationsPage::rangeText(const QString& code) const
{
    const QString range = DisplayText::range(services::referenceRange(code, m_sex));
    return range.isEmpty() ? QString() : tr(" — reference range %1").arg(range);
}

void ObservationsPage::setObservations(const access::PatientId& patient, const model::Patient& identity,
                                       std::vector<model::Observation> observations)
{
    if (m_hasPatient && patient != m_patient)
        clear(); // nothing of another patient (selection, trend, axes, a half-typed value) stays
    const QString selected = m_ui->codesTableView->currentIndex().data(ChartTableModel::KeyRole).toString();
    m_patient = patient;
    m_patientLine = DisplayText::patientLine(identity);
    m_sex = identity.sex;
    m_hasPatient = true;
    m_observations = std::move(observations);
    std::sort(m_observations.begin(), m_observations.end(),
              [](const model::Observation& a, const model::Observation& b) { return a.effective < b.effective; });

    // One row per code: its name, how many, the latest value.
    std::map<QString, std::pair<int, const model::Observation*>> byCode;
    for (const auto& o : m_observations) {
        auto& entry = byCode[o.code];
        ++entry.first;
        if (entry.second == nullptr || services::ObservationService::laterThan(o, *entry.second))
            entry.second = &o;
    }
    std::vector<ChartRow> rows;
    for (const auto& [code, entry] : byCode) {
        const auto* latest = entry.second;
        rows.push_back({{codeName(*latest, m_plainNames), QString::number(entry.first), valueText(*latest)},
                        code,
                        {QVariant(), entry.first, latest->value ? QVariant(*latest->value) : QVariant()}});
    }
    std::sort(rows.begin(), rows.end(),
              [](const ChartRow& a, const ChartRow& b) { return a.cells[0].localeAwareCompare(b.cells[0]) < 0; });
    m_codes->setRows(std::move(rows));
    m_ui->effectiveDateTimeEdit->setDateTime(
        QDateTime::fromSecsSinceEpoch(m_clinic.clock().nowSeconds(), Qt::UTC).toLocalTime());
    endEdit();
    if (!selected.isEmpty())
        selectCode(selected);
    else
        showCode({});
}

void ObservationsPage::setReadOnly(bool readOnly)
{
    m_plainNames = readOnly;
    m_ui->newObservationGroupBox->setVisible(!readOnly);
    m_ui->rowActionsWidget->setVisible(!readOnly);
}

void ObservationsPage::clear()
{
    m_observations.clear();
    m_hasPatient = false;
    m_patient = {};
    m_patientLine.clear();
    m_shownCode.clear();
    m_sex = model::Sex::Unknown;
    m_codes->clear();
    m_rows->clear();
    m_series->clear();
    // The axes too: a range, a title or a unit of the previous patient must not frame the next one.
    m_chart->setTitle(QString());
    if (auto* timeAxis = qobject_cast<QDateTimeAxis*>(m_chart->axes(Qt::Horizontal).value(0))) {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(m_clinic.clock().nowSeconds(), Qt::UTC);
        timeAxis->setRange(now.addDays(-1), now);
    }
    if (auto* valueAxis = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Vertical).value(0))) {
        valueAxis->setTitleText(tr("Value"));
        valueAxis->setRange(0, 1);
    }
    m_ui->codeTitleLabel->setText(tr("Select an observation on the left."));
    m_ui->valueLineEdit->clear();
    m_ui->errorLabel->hide();
    endEdit();
}

bool ObservationsPage::hasUnsavedInput() const
{
    return !m_ui->valueLineEdit->text().trimmed().isEmpty();
}

void ObservationsPage::selectCode(const QString& code)
{
    for (int row = 0; row < m_codes->rowCount(); ++row)
        if (m_codes->key(row) == code) {
            auto* proxy = static_cast<QSortFilterProxyModel*>(m_ui->codesTableView->model());
            m_ui->codesTableView->setCurrentIndex(proxy->mapFromSource(m_codes->index(row, 0)));
            showCode(code);
            return;
        }
    showCode({});
}

QString ObservationsPage::shownTitle() const
{
    return m_ui->codeTitleLabel->text();
}

void ObservationsPage::showCode(const QString& code)
{
    m_shownCode = code;
    std::vector<ChartRow> rows;
    QList<QPointF> points;
    QString unit;
    QString title;
    double low = 0.0;
    double high = 0.0;
    for (const auto& o : m_observations) {
        if (o.code != code)
            continue;
        title = codeName(o, m_plainNames);
        rows.push_back({{DisplayText::dateTime(o.effective), valueText(o), flagText(o), o.status},
                        model::rowIdToHex(o.id),
                        {o.effective, o.value ? QVariant(*o.value) : QVariant()},
                        isAbnormal(o)});
        const auto when = model::parseIsoInstant(o.effective);
        if (o.value && when) {
            if (points.isEmpty())
                low = high = *o.value;
            low = std::min(low, *o.value);
            high = std::max(high, *o.value);
            points.append(QPointF(static_cast<double>(when->toMSecsSinceEpoch()), *o.value));
            unit = o.unit;
        }
    }
    std::reverse(rows.begin(), rows.end()); // newest first in the table
    // The form follows the selected code when the catalogue has it (numeric codes only).
    if (const int item = m_ui->codeComboBox->findData(code); item >= 0)
        m_ui->codeComboBox->setCurrentIndex(item);
    m_rows->setRows(std::move(rows));
    m_series->replace(points);
    m_ui->codeTitleLabel->setText(code.isEmpty() ? tr("Select an observation on the left.")
                                                 : tr("%1 (LOINC %2)").arg(title, code) + rangeText(code));

    auto* timeAxis = qobject_cast<QDateTimeAxis*>(m_chart->axes(Qt::Horizontal).value(0));
    auto* valueAxis = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Vertical).value(0));
    if (timeAxis == nullptr || valueAxis == nullptr)
        return;
    m_chart->setTitle(points.size() < 2 && !code.isEmpty() ? tr("%1: fewer than two values, no trend yet").arg(title)
                                                           : title);
    valueAxis->setTitleText(DisplayText::unit(unit).isEmpty() ? tr("Value")
                                                              : tr("Value (%1)").arg(DisplayText::unit(unit)));
    if (points.isEmpty())
        return;
    // A day either side, and 10 % of the span above and below, so single points stay visible.
    const qint64 first = static_cast<qint64>(points.first().x()) - 86'400'000;
    const qint64 last = static_cast<qint64>(points.last().x()) + 86'400'000;
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC).toLocalTime(),
                       QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).toLocalTime());
    const double margin = high > low ? (high - low) * 0.1 : std::max(1.0, std::abs(high) * 0.1);
    valueAxis->setRange(low - margin, high + margin);
    valueAxis->applyNiceNumbers();
}

void ObservationsPage::updateUnit()
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(m_ui->codeComboBox->currentData().toString());
    m_ui->unitLabel->setText(def != nullptr ? DisplayText::unit(def->unit) : QString());
    m_ui->unitLabel->setToolTip(def != nullptr ? tr("UCUM: %1").arg(def->unit) : QString());
}

void ObservationsPage::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void ObservationsPage::add()
{
    if (!m_hasPatient)
        return;
    const auto* def = interop::UnitsCatalogue::builtIn().find(m_ui->codeComboBox->currentData().toString());
    if (def == nullptr) {
        showError(tr("Choose an observation."));
        return;
    }
    // Parsing the typed text is the form's job; whether the number is plausible is the service's.
    bool ok = false;
    const QString typed = m_ui->valueLineEdit->text().trimmed();
    double value = QLocale().toDouble(typed, &ok);
    if (!ok)
        value = QLocale::c().toDouble(typed, &ok);
    if (!ok) {
        showError(tr("Enter the value as a number."));
        return;
    }
    model::Observation o;
    o.codeSystem = def->codeSystem;
    o.code = def->code;
    o.display = def->display;
    o.value = value;
    o.unit = def->unit;
    o.effective = m_ui->effectiveDateTimeEdit->dateTime().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    services::ObservationService service(m_clinic);
    Status stored;
    model::Observation committed;
    if (m_editing) {
        o.id = *m_editing;
        o.patientId = m_patient; // the chart the row must belong to
        stored = service.update(o, &committed);
    } else if (auto added = service.add(m_patient, o, &committed); !added) {
        stored = added.error();
    }
    if (!stored) {
        const Error& error = stored.error();
        // The service names the code and the refused value: its words are the clearest.
        showError(error.code == ErrorCode::MalformedInput
                      ? (m_editing ? tr("Not saved: %1 — %2") : tr("Not added: %1 — %2"))
                            .arg(def->display, QString::fromStdString(error.message))
                      : ErrorText::forError(error));
        return;
    }
    showError({});
    m_ui->valueLineEdit->clear();
    endEdit();
    emit observationStored(committed);
}

const model::Observation* ObservationsPage::selectedObservation() const
{
    const QModelIndex current = m_ui->observationsTableView->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QString key = current.data(ChartTableModel::KeyRole).toString();
    for (const auto& o : m_observations)
        if (model::rowIdToHex(o.id) == key)
            return &o;
    return nullptr;
}

void ObservationsPage::startEdit()
{
    const model::Observation* o = selectedObservation();
    if (o == nullptr) {
        showError(tr("Select an observation in the table to edit."));
        return;
    }
    const int item = m_ui->codeComboBox->findData(o->code);
    if (!o->value || item < 0) {
        showError(tr("Only numeric observations of the units catalogue can be edited here."));
        return;
    }
    m_editing = o->id;
    m_ui->codeComboBox->setCurrentIndex(item);
    m_ui->valueLineEdit->setText(QLocale().toString(*o->value, 'g', 10));
    if (const auto when = model::parseIsoInstant(o->effective))
        m_ui->effectiveDateTimeEdit->setDateTime(when->toLocalTime());
    m_ui->newObservationGroupBox->setTitle(tr("Edit observation of %1").arg(m_patientLine));
    m_ui->addPushButton->setText(tr("&Save"));
    m_ui->cancelEditPushButton->show();
    showError({});
}

void ObservationsPage::endEdit()
{
    m_editing.reset();
    m_ui->newObservationGroupBox->setTitle(m_patientLine.isEmpty()
                                               ? tr("New numeric observation")
                                               : tr("New numeric observation for %1").arg(m_patientLine));
    m_ui->addPushButton->setText(tr("&Add"));
    m_ui->cancelEditPushButton->hide();
}

void ObservationsPage::removeSelected()
{
    const model::Observation* o = selectedObservation();
    if (o == nullptr) {
        showError(tr("Select an observation in the table to delete."));
        return;
    }
    if (!MessageBox::confirm(
            this, tr("Delete observation"),
            tr("Delete %1 %2 of %3 from the chart of %4? The deletion is recorded in the audit trail.")
                .arg(codeName(*o, m_plainNames), valueText(*o), DisplayText::dateTime(o->effective), m_patientLine)))
        return;
    const QString code = o->code;
    const model::RowId id = o->id;
    services::ObservationService service(m_clinic);
    if (const Status removed = service.remove(o->patientId, o->id); !removed) {
        showError(ErrorText::forError(removed.error()));
        return;
    }
    showError({});
    endEdit();
    emit observationRemoved(id, code);
}

} // namespace cc::ui
