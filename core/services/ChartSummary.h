// SPDX-License-Identifier: GPL-3.0-or-later
// The chart summary's clinical rules: problem categories, current entries, reference ranges and abnormal flags.
#pragma once

#include "core/model/Patient.h"
#include "core/services/PatientService.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace cc::services {

/// Where a problem belongs on the summary: diagnoses first, then clinical findings, then history
/// (situations), then social and administrative findings apart.
enum class ProblemCategory { Diagnosis, Finding, History, Social };

/// An observation compared with its reference interval.
enum class ObservationFlag { NoRange, Normal, Low, High };

/// An adult reference interval in the units catalogue's canonical unit. An open bound is nullopt
/// (HDL cholesterol has a lower bound only). Sex-specific intervals carry the sex.
struct ReferenceRange
{
    QString code;
    QString unit;
    std::optional<double> low;            ///< values below are flagged Low
    std::optional<double> high;           ///< values above are flagged High
    model::Sex sex = model::Sex::Unknown; ///< Unknown: applies to everyone
};

/// One observation of the summary with its flag.
struct FlaggedObservation
{
    model::Observation observation;
    ObservationFlag flag = ObservationFlag::NoRange;
    const ReferenceRange* range = nullptr;
};

/// A problem of the summary with its category.
struct SummaryProblem
{
    model::Condition condition;
    ProblemCategory category = ProblemCategory::Diagnosis;
};

/// What the summary page shows, derived from a chart PatientService::chart returned (the access
/// check and the audit event are that call's; this adds no read).
struct ChartSummary
{
    std::optional<int> ageYears;                       ///< at `today` (or at death), nullopt if unknown
    std::vector<SummaryProblem> activeProblems;        ///< by category, then onset (newest first)
    std::vector<model::Medication> currentMedications; ///< newest start first
    std::vector<model::Allergy> allergies;             ///< active allergies (no stop date)
    std::vector<FlaggedObservation> latestVitals;      ///< latest numeric value per vital-sign code
    std::vector<FlaggedObservation> latestLabs;        ///< latest numeric value per laboratory code
    std::vector<model::Encounter> lastEncounters;      ///< newest first, at most the number asked for
};

/// The summary of `chart` at `today`, with at most `encounters` encounters.
[[nodiscard]] ChartSummary summarizeChart(const PatientChart& chart, const QDate& today, std::size_t encounters = 5);

/// The category of a problem: the SNOMED CT semantic tag at the end of its display text
/// ("(disorder)", "(finding)", "(situation)"), and for findings the social-history codes listed
/// in ChartSummary.cpp. A display without a tag (older Synthea names such as "Hypertension",
/// ICD-10 problems) counts as a diagnosis.
[[nodiscard]] ProblemCategory problemCategory(const model::Condition& condition);
/// True if the condition is active: no abatement date and a clinical status that is empty,
/// active, recurrence or relapse.
[[nodiscard]] bool isActiveProblem(const model::Condition& condition);
/// True if the medication is current: no stop date and a status that is empty, active or on-hold.
[[nodiscard]] bool isCurrentMedication(const model::Medication& medication);
/// True if the allergy is active (no stop date).
[[nodiscard]] bool isActiveAllergy(const model::Allergy& allergy);
/// Completed years from `birthDate` (ISO date) to `at`; nullopt for an invalid date or `at` before it.
[[nodiscard]] std::optional<int> ageInYears(const QString& birthDate, const QDate& at);

/// The reference interval of `code` for a patient of `sex` (a sex-specific interval first), or nullptr.
[[nodiscard]] const ReferenceRange* referenceRange(const QString& code, model::Sex sex);
/// The flag of a numeric observation against its reference interval: NoRange when the code has
/// none, the value is missing, or the unit is not the interval's (never compared across units).
[[nodiscard]] ObservationFlag flagObservation(const model::Observation& observation, model::Sex sex,
                                              const ReferenceRange** range = nullptr);

} // namespace cc::services
