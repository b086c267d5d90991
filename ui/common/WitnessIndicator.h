// SPDX-License-Identifier: GPL-3.0-or-later
// A status-bar warning while the audit witness cannot be reached (docs/AUDIT.md section 3).
#pragma once

#include <QLabel>

class QTimer;

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Shows ClinicService::witnessProblem() in red ("Audit witness unreachable: …") and hides itself
/// while the witness delivers (or none is configured). Clinical work goes on either way; the label
/// tells the user that the external copy of the chain head is falling behind. Re-checked every
/// 30 seconds and whenever refresh() is called.
class WitnessIndicator : public QLabel
{
    Q_OBJECT

public:
    /// `clinic` must outlive the indicator.
    explicit WitnessIndicator(services::ClinicService& clinic, QWidget* parent = nullptr);

    /// Reads the clinic's witness state now.
    void refresh();

private:
    services::ClinicService& m_clinic;
    QTimer* m_timer;
};

} // namespace cc::ui
