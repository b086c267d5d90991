// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings tab of the reports workbench: the clinic's minimum cell size (disclosure control).
#pragma once

#include "ui/reports/ReportsAccess.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace cc::ui {

class ReportSettingsTab : public QWidget
{
    Q_OBJECT

public:
    explicit ReportSettingsTab(services::ClinicService& clinic, QWidget* parent = nullptr);

    void setAccess(const ReportsAccess& access);
    /// Shows the clinic's current minimum cell size (each time the tab is opened).
    void load();
    /// Sets the clinic's minimum cell size after a confirmation saying what changes
    /// (ReportService::setMinimumCellSize, audited).
    void applyMinimumCellSize();

private:
    services::ClinicService& m_clinic;
    ReportsAccess m_access;
    QSpinBox* m_minimumCell = nullptr;
    QPushButton* m_applyMinimum = nullptr;
    QLabel* m_settingsStatus = nullptr;
};

} // namespace cc::ui
