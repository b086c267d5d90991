// SPDX-License-Identifier: GPL-3.0-or-later
// The records one import produced, before they are sealed and stored.
#pragma once

#include "core/interop/ImportSummary.h"
#include "core/model/Allergy.h"
#include "core/model/Condition.h"
#include "core/model/Encounter.h"
#include "core/model/Medication.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"

#include <vector>

namespace cc::interop {

/// Records with fresh random row ids and resolved references (patientId, encounterId point into
/// the same import). Numeric observations are in the catalogue's canonical unit and precision.
struct ClinicalImport
{
    std::vector<model::Patient> patients;
    std::vector<model::Encounter> encounters;
    std::vector<model::Condition> conditions;
    std::vector<model::Observation> observations;
    std::vector<model::Medication> medications;
    std::vector<model::Allergy> allergies;
    ImportSummary summary;
};

} // namespace cc::interop
