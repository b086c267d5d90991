// SPDX-License-Identifier: GPL-3.0-or-later
// Writes one patient's whole record as a FHIR R4 Bundle of type collection (docs/FHIR.md).
#pragma once

#include "core/Result.h"
#include "core/interop/PatientRecord.h"

#include <QByteArray>

namespace cc::interop {

/// FHIR R4 export: one Patient, then Encounters, Conditions, Observations, MedicationRequests,
/// AllergyIntolerances and DocumentReferences (shared notes as inline text/plain, then attachments
/// with their content inline as base64 where the record carries it), each with a urn:uuid fullUrl derived from its row
/// id and references by those urns. Values are written in their stored UCUM units. Output is deterministic: the same
/// record gives the same bytes (records sorted by time, then row id; keys sorted).
class FhirWriter
{
public:
    /// The Bundle as indented UTF-8 JSON. InvalidArgument if a record refers to a patient or
    /// encounter that is not in `record` (the bundle would have a dangling reference).
    [[nodiscard]] static Result<QByteArray> write(const PatientRecord& record);

    /// The urn:uuid of a row id: its 128 bits as a UUID string with the version 4 and RFC 4122
    /// variant bits set (row ids are random, so the urns are as unique as the ids).
    [[nodiscard]] static QString urnOf(const IdBytes& id);
};

} // namespace cc::interop
