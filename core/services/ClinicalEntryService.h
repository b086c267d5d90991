// SPDX-License-Identifier: GPL-3.0-or-later
// Problems, medications and allergies entered or amended by a doctor (DESIGN.md sections 1, 5).
#pragma once

#include "core/Result.h"
#include "core/model/Allergy.h"
#include "core/model/Condition.h"
#include "core/model/Medication.h"
#include "core/ports/ClinicalStore.h"
#include "core/services/ClinicService.h"

#include <vector>

namespace cc::services {

/// Add, edit, remove and list conditions, medications and allergies of one patient's chart.
/// Writes need WriteChart, lists ReadChart, and the patient on the doctor's care team or under an
/// active break-glass grant (flagged). Every document goes through the model's strict decoder
/// before it is sealed, so a bad form field is refused as MalformedInput naming "<type>.<field>".
/// Each call writes exactly one audit event: DICOM 110110 Patient Record, action C/R/U/D, the
/// patient's row id and the record's row id, never a code, date or name.
class ClinicalEntryService
{
public:
    explicit ClinicalEntryService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Adds a condition; `condition.id` and `patientId` are set here. Errors: AccessDenied,
    /// MalformedInput (condition.<field>), NotFound (patient), storage errors.
    [[nodiscard]] Result<model::RowId> addCondition(const access::PatientId& patient, model::Condition condition);
    /// Replaces the condition with `condition.id` in the chart of `condition.patientId` (as read
    /// from conditions(); its encounter stays). Errors: as addCondition, NotFound (no condition
    /// with this id in that chart), IntegrityFailure.
    [[nodiscard]] Status updateCondition(model::Condition condition);
    /// Deletes a condition of `patient`'s chart. Errors: AccessDenied, NotFound, storage errors.
    [[nodiscard]] Status removeCondition(const access::PatientId& patient, const model::RowId& condition);
    /// A patient's conditions, decrypted, by onset (latest first). Errors: AccessDenied, NotFound,
    /// IntegrityFailure, storage errors.
    [[nodiscard]] Result<std::vector<model::Condition>> conditions(const access::PatientId& patient);

    /// Adds a medication. Errors: as addCondition (medication.<field>).
    [[nodiscard]] Result<model::RowId> addMedication(const access::PatientId& patient, model::Medication medication);
    /// Replaces the medication with `medication.id`. Errors: as updateCondition.
    [[nodiscard]] Status updateMedication(model::Medication medication);
    /// Deletes a medication. Errors: AccessDenied, NotFound, storage errors.
    [[nodiscard]] Status removeMedication(const access::PatientId& patient, const model::RowId& medication);
    /// A patient's medications by start (latest first). Errors: as conditions().
    [[nodiscard]] Result<std::vector<model::Medication>> medications(const access::PatientId& patient);

    /// Adds an allergy. Errors: as addCondition (allergy.<field>).
    [[nodiscard]] Result<model::RowId> addAllergy(const access::PatientId& patient, model::Allergy allergy);
    /// Replaces the allergy with `allergy.id`. Errors: as updateCondition.
    [[nodiscard]] Status updateAllergy(model::Allergy allergy);
    /// Deletes an allergy. Errors: AccessDenied, NotFound, storage errors.
    [[nodiscard]] Status removeAllergy(const access::PatientId& patient, const model::RowId& allergy);
    /// A patient's allergies by start (latest first). Errors: as conditions().
    [[nodiscard]] Result<std::vector<model::Allergy>> allergies(const access::PatientId& patient);

private:
    template <typename T> Result<model::RowId> add(const access::PatientId& patient, T entry);
    template <typename T> Status update(T entry);
    template <typename T> Status remove(const access::PatientId& patient, const model::RowId& id);
    template <typename T> Result<std::vector<T>> list(const access::PatientId& patient);

    ClinicService& m_clinic;
};

} // namespace cc::services
