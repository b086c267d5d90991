// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's Observations tab: codes, a table per code, a trend chart and the entry form.
#pragma once

#include "core/model/Observation.h"
#include "core/model/Patient.h"
#include "core/model/RowId.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace Ui {
class ObservationsPage;
}

class QChart;
class QChartView;
class QLineSeries;

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class ChartTableModel;

/// Shows a patient's observations grouped by code (left), the selected code's observations (a
/// table) and the trend of its numeric values over time (a QLineSeries with the unit on the value
/// axis). The form adds a numeric observation through ObservationService::add: the code list and
/// units come from the units catalogue, and the range check is the service's (its message is
/// shown). "Edit selected" loads a numeric observation into the form, which then saves through
/// ObservationService::update; "Delete selected" asks first (MessageBox) and calls remove. Read-only
/// pages (the patient's own window) hide the form and both buttons.
class ObservationsPage : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the page.
    explicit ObservationsPage(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~ObservationsPage() override;

    /// Shows these observations of `patient` (whose identity names the form and gives the sex for
    /// the reference ranges); keeps the selected code if it is still there, and forgets
    /// everything of a previous patient first.
    void setObservations(const access::PatientId& patient, const model::Patient& identity,
                         std::vector<model::Observation> observations);
    /// Hides the entry form (patients read their record, they do not write it).
    void setReadOnly(bool readOnly);
    /// Forgets every observation (lock, logout, another patient).
    void clear();
    /// True if a value is typed in the form and not added yet.
    [[nodiscard]] bool hasUnsavedInput() const;
    /// Selects a code in the list (no-op if the patient has none of it).
    void selectCode(const QString& code);

    [[nodiscard]] ChartTableModel* codesModel() const { return m_codes; }
    [[nodiscard]] ChartTableModel* observationsModel() const { return m_rows; }
    [[nodiscard]] QLineSeries* trendSeries() const { return m_series; }
    [[nodiscard]] QChartView* trendChartView() const { return m_chartView; }
    /// The code whose observations and trend are shown (empty when none), and its title line.
    [[nodiscard]] const QString& shownCode() const { return m_shownCode; }
    [[nodiscard]] QString shownTitle() const;

signals:
    /// An observation was added or edited: `stored` is what the service committed (the chart
    /// shows it without reading the whole chart again).
    void observationStored(const model::Observation& stored);
    /// An observation was deleted.
    void observationRemoved(const model::RowId& id, const QString& code);

private:
    void showCode(const QString& code);
    void updateUnit();
    void add();
    void startEdit();
    void endEdit();
    void removeSelected();
    void showError(const QString& text);
    [[nodiscard]] const model::Observation* selectedObservation() const;
    [[nodiscard]] QString flagText(const model::Observation& o) const;
    [[nodiscard]] bool isAbnormal(const model::Observation& o) const;
    [[nodiscard]] QString rangeText(const QString& code) const;

    services::ClinicService& m_clinic;
    std::unique_ptr<Ui::ObservationsPage> m_ui;
    ChartTableModel* m_codes;
    ChartTableModel* m_rows;
    QChart* m_chart;
    QChartView* m_chartView;
    QLineSeries* m_series;
    access::PatientId m_patient{};
    QString m_patientLine;
    QString m_shownCode;
    bool m_plainNames = false; ///< the patient's window: lay names
    model::Sex m_sex = model::Sex::Unknown;
    bool m_hasPatient = false;
    std::vector<model::Observation> m_observations;
    std::optional<model::RowId> m_editing; ///< the observation the form edits, if any
};

} // namespace cc::ui
