// SPDX-License-Identifier: GPL-3.0-or-later
// One way to show dates, times, units, observation names and flags everywhere in the windows.
#pragma once

#include "core/model/Observation.h"
#include "core/model/Patient.h"
#include "core/services/ChartSummary.h"

#include <QCoreApplication>
#include <QString>

namespace cc::ui {

/// The display forms the windows use. Stored values stay as they are (ISO 8601 in UTC, UCUM
/// codes); only what is shown changes. Dates and times use the user's locale (QLocale()) and
/// local time, the short format everywhere.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    /// An ISO date ("2023-10-10") or the date part of an ISO date-time, in the locale's short
    /// date format; a text that is not ISO is returned unchanged, an empty text stays empty.
    [[nodiscard]] static QString date(const QString& iso);
    /// An ISO date-time in local time, the locale's short date and time; an ISO date alone is
    /// shown as date(); a text that is not ISO is returned unchanged.
    [[nodiscard]] static QString dateTime(const QString& iso);
    /// A time in milliseconds since the epoch (audit events), local time, the locale's short format.
    [[nodiscard]] static QString dateTime(qint64 msecsSinceEpoch);
    /// The display form of a UCUM code: "mm[Hg]" → "mmHg", "{score}" → "score", "a" → "years",
    /// "10*3/uL" → "10³/µL", "Cel" → "°C"; other codes with their annotations' braces removed.
    [[nodiscard]] static QString unit(const QString& ucum);
    /// A number as the locale writes it (up to 10 significant digits).
    [[nodiscard]] static QString number(double value);
    /// "120 mmHg": the value and the unit's display form.
    [[nodiscard]] static QString quantity(double value, const QString& ucum);
    /// The one display name of an observation code: the units catalogue's short name where it has
    /// the code, else `fallback` (the source's display).
    [[nodiscard]] static QString observationName(const QString& code, const QString& fallback);
    /// The name a patient understands ("Blood sugar (glucose)", "Kidney function (eGFR)") for the
    /// common codes; observationName() for the others. Used by the patient's window and printout.
    [[nodiscard]] static QString plainObservationName(const QString& code, const QString& fallback);
    /// The value of an observation with its unit (components and text values as written).
    [[nodiscard]] static QString observationValue(const model::Observation& observation);
    /// "High", "Low", "Normal" or empty (no interval).
    [[nodiscard]] static QString flag(services::ObservationFlag flag);
    /// The interval as text ("90–129 mmHg", "≥ 40 mg/dL"), or empty.
    [[nodiscard]] static QString range(const services::ReferenceRange* range);
    /// "Family, Given" with prefix and suffix.
    [[nodiscard]] static QString patientName(const model::Patient& patient);
    /// The translated display of a sex.
    [[nodiscard]] static QString sex(model::Sex sex);
    /// "Doe, Jane — MRN 12345": who a write goes to, for dialogs and form titles.
    [[nodiscard]] static QString patientLine(const model::Patient& patient);
    /// The name of a problem category ("Diagnoses", "Findings", ...).
    [[nodiscard]] static QString category(services::ProblemCategory category);
};

} // namespace cc::ui
