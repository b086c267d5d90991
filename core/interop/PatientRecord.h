// SPDX-License-Identifier: GPL-3.0-or-later
// One patient's whole record in memory, for export (interop does not depend on services).
#pragma once

#include "core/model/Allergy.h"
#include "core/model/AttachmentInfo.h"
#include "core/model/ClinicalNote.h"
#include "core/model/Condition.h"
#include "core/model/Encounter.h"
#include "core/model/Medication.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace cc::interop {

/// An attachment for export: its metadata and, unless it is over the export's size limit, its
/// content (every chunk verified).
struct ExportedAttachment
{
    model::AttachmentInfo info;
    std::optional<QByteArray> content;
};

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
    std::vector<model::ClinicalNote> notes; ///< only notes shared with the patient are exported
    std::vector<ExportedAttachment> attachments;
};

} // namespace cc::interop
