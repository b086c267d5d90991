// SPDX-License-Identifier: GPL-3.0-or-later
// One patient's whole record in memory, for export (interop does not depend on services).
#pragma once

#include "core/model/Allergy.h"
#include "core/model/Condition.h"
#include "core/model/Encounter.h"
#include "core/model/Medication.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"

#include <vector>

namespace cc::interop {

/// A patient's identity and clinical records, decrypted. Records refer to the patient and to
/// encounters by row id.
struct PatientRecord
{
    model::Patient patient;
    std::vector<model::Encounter> encounters;
    std::vector<model::Condition> conditions;
    std::vector<model::Observation> observations;
    std::vector<model::Medication> medications;
    std::vector<model::Allergy> allergies;
};

} // namespace cc::interop
