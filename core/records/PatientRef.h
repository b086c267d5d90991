// SPDX-License-Identifier: GPL-3.0-or-later
// The patient reference stored in clinical, index and attachment rows (issue 10 item 2;
// docs/RECORDS.md, "Patient references").
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/records/PatientKeys.h"

#include <string_view>

namespace cc::records {

/// Meta key recording which form the clinic's rows use: absent = the clear patient id (a clinic
/// created before references, not converted yet), "1" = references (kPatientRefScheme).
inline constexpr std::string_view kPatientRefSchemeMeta = "patient_ref_scheme";
inline constexpr std::string_view kPatientRefScheme = "1";

/// ref = HMAC-SHA-256(HKDF-SHA-256(ikm = the patient's clinical key, salt = empty,
///                                 info = "CipherChart patient ref v1"),
///                    "CipherChart patient ref v1" | patient id) truncated to 16 bytes.
/// Only holders of the patient's clinical key compute it: doctors (through the clinical category
/// key) and the patient; never an administrator. The per-patient key is re-wrapped, never replaced,
/// by a category-key rotation, so references survive rotations. Errors: InvalidArgument (empty
/// key), CryptoFailure.
[[nodiscard]] Result<access::PatientRef> patientRef(const PatientKey& clinicalKey, const access::PatientId& patient);

/// The form a clinic not converted yet stores: the clear patient id.
[[nodiscard]] access::PatientRef legacyPatientRef(const access::PatientId& patient) noexcept;

} // namespace cc::records
