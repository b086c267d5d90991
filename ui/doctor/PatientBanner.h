// SPDX-License-Identifier: GPL-3.0-or-later
// The persistent patient banner above every page of a chart.
#pragma once

#include "core/model/Allergy.h"
#include "core/model/Patient.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QToolButton;

namespace cc::ui {

/// Who the chart is about, always visible whatever tab is shown: name, age and sex, date of birth,
/// the full MRN (selectable, with a copy button), allergies or "No known allergies", a deceased
/// flag, and the emergency-access state. Widgets: nameLabel, demographicsLabel, mrnLineEdit,
/// copyMrnToolButton, allergiesLabel, deceasedLabel, emergencyLabel, outsideListLabel.
class PatientBanner : public QWidget
{
    Q_OBJECT

public:
    explicit PatientBanner(QWidget* parent = nullptr);

    /// Shows `patient` (age computed by the core's rule at `age`), their active `allergies`, and
    /// whether the chart is open under emergency access.
    void setPatient(const model::Patient& patient, std::optional<int> age, const std::vector<model::Allergy>& allergies,
                    bool emergencyAccess);
    /// Marks the chart as opened from outside the doctor's patient list (emergency access).
    void setOutsideList(bool outside);
    /// Empties every field (lock, logout, no chart).
    void clear();

    [[nodiscard]] QString nameText() const;
    [[nodiscard]] QString mrnText() const;
    [[nodiscard]] QString allergiesText() const;

private:
    QLabel* m_name;
    QLabel* m_demographics;
    QLineEdit* m_mrn;
    QToolButton* m_copy;
    QLabel* m_allergies;
    QLabel* m_deceased;
    QLabel* m_emergency;
    QLabel* m_outside;
};

} // namespace cc::ui
