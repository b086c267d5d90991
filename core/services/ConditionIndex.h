// SPDX-License-Identifier: GPL-3.0-or-later
// Condition blind tokens of the clinic's condition rows (schema 8; docs/RECORDS.md, "Condition
// tokens"): written with every condition row, and computed once for the rows of older clinics.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/SecureBytes.h"
#include "core/model/Condition.h"
#include "core/services/ClinicService.h"

#include <cstdint>
#include <vector>

namespace cc::services {

/// The one writer of condition tokens. Services that store a condition row call writeToken() in
/// the row's transaction, after the row; deleting the row (ClinicalStore::deleteRow) removes it.
class ConditionIndex
{
public:
    /// The session's index key. Errors: AccessDenied (no index key in the ring), SessionLocked.
    [[nodiscard]] static Result<const crypto::SecureBytes*> indexKey(ClinicService& clinic);
    /// Sets (or, for an uncoded condition, removes) the token of the stored condition row
    /// `condition.id` under the index key. Errors: NotFound (no such condition row), CryptoFailure,
    /// storage errors.
    [[nodiscard]] static Status writeToken(ClinicService& clinic, const crypto::SecureBytes& indexKey,
                                           const model::Condition& condition);
    /// Computes the token of every condition row in one transaction, audited ("condition tokens
    /// computed: N patients, M conditions, K uncoded"), and marks the clinic done (meta
    /// condition_tokens); a no-op once done. For clinics whose rows predate schema 8; needs the
    /// clinical category key to open the rows (a doctor's session; PatientService::
    /// convertToReferences calls it at login). A row that does not open stops it (nothing is
    /// written; retried at the next doctor login). Returns the number of condition rows tokenised.
    /// Errors: AccessDenied, IntegrityFailure, KeyMismatch, MalformedInput, storage errors.
    [[nodiscard]] static Result<std::size_t> complete(ClinicService& clinic);
};

} // namespace cc::services
