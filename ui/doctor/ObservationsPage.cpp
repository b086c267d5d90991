// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ObservationsPage.h"

#include "core/interop/UnitsCatalogue.h"
#include "core/model/IsoDateTime.h"
#include "core/services/ObservationService.h"
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
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace cc::ui {

namespace {

QString valueText(const model::Observation& o)
{
    if (o.value)
        return QLocale().toString(*o.value, 'g', 10);
    if (!o.components.empty()) {
        QStringList parts;
        for (const auto& c : o.components)
            parts << (c.value ? QStringLiteral("%1 %2 %3").arg(c.display, QLocale().toString(*c.value, 'g', 10), c.unit)
                              : QStringLiteral("%1 %2").arg(c.display, c.text));
        return parts.join(QStringLiteral("; "));
    }
    return o.text;
}

/// The catalogue's short name where it has one (the source's display can be a long sentence).
QString codeName(const model::Observation& o)
{
    if (const auto* def = interop::UnitsCatalogue::builtIn().find(o.code))
        return def->display;
    return o.display;
}

} // namespace

ObservationsPage::ObservationsPage(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_clinic(clinic)
    , m_ui(std::make_unique<Ui::ObservationsPage>())
    , m_codes(new ChartTableModel({tr("Observation"), tr("Count"), tr("Latest")}, this))
    , m_rows(new ChartTableModel({tr("Time"), tr("Value"), tr("Unit"), tr("Status")}, this))
    , m_chart(new QChart)
    , m_chartView(nullptr)
    , m_series(new QLineSeries)
{
    m_ui->setupUi(this);
    m_ui->codesTableView->setModel(m_codes);
    m_ui->codesTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->codesTableView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->codesTableView->verticalHeader()->hide();
    m_ui->codesTableView->setWordWrap(false); // long survey questions elide; the tooltip has them whole
    m_ui->observationsTableView->setModel(m_rows);
    m_ui->observationsTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->observationsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->observationsTableView->verticalHeader()->hide();

    m_series->setObjectName(QStringLiteral("trendLineSeries"));
    m_series->setPointsVisible(true);
    m_chart->addSeries(m_series);
    m_chart->legend()->hide();
    auto* timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(QStringLiteral("yyyy-MM-dd"));
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
    m_ui->effectiveDateTimeEdit->setTimeSpec(Qt::UTC);
    updateUnit();

    connect(m_ui->codesTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showCode(m_codes->key(current.row())); });
    connect(m_ui->codeComboBox, &QComboBox::currentIndexChanged, this, &ObservationsPage::updateUnit);
    connect(m_ui->addPushButton, &QPushButton::clicked, this, &ObservationsPage::add);
    connect(m_ui->valueLineEdit, &QLineEdit::returnPressed, this, &ObservationsPage::add);
    connect(m_ui->editObservationPushButton, &QPushButton::clicked, this, &ObservationsPage::startEdit);
    connect(m_ui->deleteObservationPushButton, &QPushButton::clicked, this, &ObservationsPage::removeSelected);
    connect(m_ui->cancelEditPushButton, &QPushButton::clicked, this, &ObservationsPage::endEdit);
}

ObservationsPage::~ObservationsPage() = default;

void ObservationsPage::setObservations(const model::RowId& patient, std::vector<model::Observation> observations)
{
    const QString selected = m_codes->key(m_ui->codesTableView->currentIndex().row());
    m_patient = patient;
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
        const QString unit = latest->unit.isEmpty() ? QString() : QLatin1Char(' ') + latest->unit;
        rows.push_back({{codeName(*latest), QString::number(entry.first), valueText(*latest) + unit}, code});
    }
    std::sort(rows.begin(), rows.end(),
              [](const ChartRow& a, const ChartRow& b) { return a.cells[0].localeAwareCompare(b.cells[0]) < 0; });
    m_codes->setRows(std::move(rows));
    m_ui->effectiveDateTimeEdit->setDateTime(QDateTime::fromSecsSinceEpoch(m_clinic.clock().nowSeconds(), Qt::UTC));
    endEdit();
    if (!selected.isEmpty())
        selectCode(selected);
    else
        showCode({});
}

void ObservationsPage::setReadOnly(bool readOnly)
{
    m_ui->newObservationGroupBox->setVisible(!readOnly);
    m_ui->rowActionsWidget->setVisible(!readOnly);
}

void ObservationsPage::clear()
{
    m_observations.clear();
    m_hasPatient = false;
    m_patient = {};
    m_codes->clear();
    m_rows->clear();
    m_series->clear();
    m_ui->codeTitleLabel->setText(tr("Select an observation on the left."));
    m_ui->valueLineEdit->clear();
    m_ui->errorLabel->hide();
    endEdit();
}

void ObservationsPage::selectCode(const QString& code)
{
    for (int row = 0; row < m_codes->rowCount(); ++row)
        if (m_codes->key(row) == code) {
            m_ui->codesTableView->setCurrentIndex(m_codes->index(row, 0));
            showCode(code);
            return;
        }
    showCode({});
}

void ObservationsPage::showCode(const QString& code)
{
    std::vector<ChartRow> rows;
    QList<QPointF> points;
    QString unit;
    QString title;
    double low = 0.0;
    double high = 0.0;
    for (const auto& o : m_observations) {
        if (o.code != code)
            continue;
        title = codeName(o);
        rows.push_back({{o.effective, valueText(o), o.unit, o.status}, model::rowIdToHex(o.id)});
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
                                                 : tr("%1 (LOINC %2)").arg(title, code));

    auto* timeAxis = qobject_cast<QDateTimeAxis*>(m_chart->axes(Qt::Horizontal).value(0));
    auto* valueAxis = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Vertical).value(0));
    if (timeAxis == nullptr || valueAxis == nullptr)
        return;
    m_chart->setTitle(points.size() < 2 && !code.isEmpty() ? tr("%1: fewer than two values, no trend yet").arg(title)
                                                           : title);
    valueAxis->setTitleText(unit.isEmpty() ? tr("Value") : tr("Value (%1)").arg(unit));
    if (points.isEmpty())
        return;
    // A day either side, and 10 % of the span above and below, so single points stay visible.
    const qint64 first = static_cast<qint64>(points.first().x()) - 86'400'000;
    const qint64 last = static_cast<qint64>(points.last().x()) + 86'400'000;
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC), QDateTime::fromMSecsSinceEpoch(last, Qt::UTC));
    const double margin = high > low ? (high - low) * 0.1 : std::max(1.0, std::abs(high) * 0.1);
    valueAxis->setRange(low - margin, high + margin);
    valueAxis->applyNiceNumbers();
}

void ObservationsPage::updateUnit()
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(m_ui->codeComboBox->currentData().toString());
    m_ui->unitLabel->setText(def != nullptr ? def->unit : QString());
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
    if (m_editing) {
        o.id = *m_editing;
        stored = service.update(o);
    } else if (auto added = service.add(m_patient, o); !added) {
        stored = added.error();
    }
    if (!stored) {
        const Error& error = stored.error();
        // The service names the code and the refused value: its words are the clearest.
        showError(
            error.code == ErrorCode::MalformedInput
                ? (m_editing ? tr("Not saved: %1") : tr("Not added: %1")).arg(QString::fromStdString(error.message))
                : ErrorText::forError(error));
        return;
    }
    showError({});
    m_ui->valueLineEdit->clear();
    endEdit();
    emit observationAdded(def->code);
}

const model::Observation* ObservationsPage::selectedObservation() const
{
    const QModelIndex current = m_ui->observationsTableView->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QString key = m_rows->key(current.row());
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
        m_ui->effectiveDateTimeEdit->setDateTime(*when);
    m_ui->newObservationGroupBox->setTitle(tr("Edit observation"));
    m_ui->addPushButton->setText(tr("&Save"));
    m_ui->cancelEditPushButton->show();
    showError({});
}

void ObservationsPage::endEdit()
{
    m_editing.reset();
    m_ui->newObservationGroupBox->setTitle(tr("New numeric observation"));
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
    if (!MessageBox::confirm(this, tr("Delete observation"),
                             tr("Delete the selected observation? The deletion is recorded in the audit trail.")))
        return;
    const QString code = o->code;
    services::ObservationService service(m_clinic);
    if (const Status removed = service.remove(o->id); !removed) {
        showError(ErrorText::forError(removed.error()));
        return;
    }
    showError({});
    endEdit();
    emit observationAdded(code);
}

} // namespace cc::ui
