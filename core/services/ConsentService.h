// SPDX-License-Identifier: GPL-3.0-or-later
// Research consent: the patient's opt-out and the consent blind token of every index row (DESIGN.md sections 1, 5).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/model/RowId.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <functional>
#include <optional>
#include <vector>

namespace cc::services {

/// Records a patient's research opt-out (or opt-in). The identity document carries the choice and
/// every observation index row of the patient gets the matching consent token, both in one
/// transaction, so a report that selects its cohort by the "yes" token drops the patient from
/// every cohort at once. A patient account computes no token (it holds no index key): its ring
/// carries the two token values, put there when the account was created (docs/RECORDS.md).
/// Each call writes exactly one audit event (DICOM 110110, action U, the patient's row id, "research
/// opt-out" or "research opt-in"), denials included.
class ConsentService
{
public:
    explicit ConsentService(ClinicService& clinic) : m_clinic(clinic) {}

    /// The logged-in patient's own choice (SetResearchConsent). Errors: AccessDenied (not a patient
    /// account), Unsupported (an account issued before research consent existed: the clinic must
    /// re-issue it), IntegrityFailure, storage errors.
    [[nodiscard]] Status setResearchOptOut(bool optOut);
    /// The choice for `patient`: the patient's own record (SetResearchConsent), or a doctor of the
    /// patient's care team recording a paper form (WriteChart; break-glass access is refused).
    /// Errors: AccessDenied (another patient, not on the care team), NotFound, Unsupported (as
    /// above), IntegrityFailure, storage errors.
    [[nodiscard]] Status setResearchOptOut(const access::PatientId& patient, bool optOut);

    /// The ConsentTokens key-ring value: BlindToken("yes") ‖ BlindToken("no") under the index key,
    /// 32 bytes. Errors: InvalidArgument (empty key), CryptoFailure.
    [[nodiscard]] static Result<crypto::SecureBytes> tokenPair(const crypto::SecureBytes& indexKey);

    /// A patient session's research choice still waiting in its portal outbox (the portal shows the
    /// recorded one until a doctor's session applies it), if any. Errors: storage, IntegrityFailure.
    [[nodiscard]] Result<std::optional<bool>> pendingOwnChoice();
    /// Re-seals the identity document with the choice and rewrites the patient's consent tokens in
    /// one transaction; `recordInTransaction` (given the number of index rows) writes the audit
    /// event inside it. The session's ring must hold the index key or the consent tokens. For
    /// setResearchOptOut and the patient portal's consent messages. Errors: NotFound, storage, those
    /// of the callback.
    [[nodiscard]] static Result<std::size_t>
    writeChoice(ClinicService& clinic, const access::PatientId& patient, const ChartKey& identityKey,
                const ChartKey& clinicalKey, bool optOut,
                const std::function<Status(std::size_t rows)>& recordInTransaction);

private:
    Result<std::vector<std::uint8_t>> tokenFor(bool consents);
    ClinicService& m_clinic;
};

} // namespace cc::services
