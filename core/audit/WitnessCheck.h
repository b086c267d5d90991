// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the clinic's audit trail against what the external witness (syslog collector) received.
#pragma once

#include "core/Result.h"
#include "core/audit/AuditWitness.h"
#include "core/ports/AuditStore.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cc::audit {

/// One disagreement between the trail and the witness log.
struct WitnessFinding
{
    enum class Kind {
        Missing,         ///< a witnessed event the clinic no longer has (truncation, rollback)
        Different,       ///< the clinic's event at that seq is not the witnessed one (rewritten)
        Unauthenticated, ///< a witness line whose MAC does not verify under the audit key (forged line)
        Damaged          ///< a witness line with the marker that does not parse
    };
    Kind kind = Kind::Missing;
    std::uint64_t seq = 0;
    std::size_t line = 0; ///< line in the witness file
    std::string message;  ///< names the event: seq, time, event code, action, user
};

/// The comparison's result. ok only if no finding of kind Missing, Different or Unauthenticated
/// (damaged lines are reported but do not fail it: a collector may cut an over-long line).
struct WitnessReport
{
    bool ok = false;
    std::size_t headsChecked = 0;       ///< lines of this clinic compared
    std::size_t otherClinics = 0;       ///< lines of other clinics, ignored
    std::uint64_t lastWitnessedSeq = 0; ///< highest authentic witnessed seq
    std::vector<WitnessFinding> findings;
};

/// Compares every head in `log` of clinic `clinicId` with the stored trail. Each witnessed MAC is
/// checked with A_seq derived from `rootKey` first, so a line forged by whoever can send to the
/// collector is reported as Unauthenticated, never as a missing event; an authentic head whose
/// seq is beyond the stored trail, or whose hash differs from the stored record, names an event the
/// clinic no longer has. Errors: InvalidArgument (root key), storage errors.
[[nodiscard]] Result<WitnessReport> checkAgainstWitness(const AuditStore& store, const crypto::SecureBytes& rootKey,
                                                        const ClinicId& clinicId, const WitnessLog& log);

/// Stable name of a finding kind ("Missing").
[[nodiscard]] std::string_view witnessFindingName(WitnessFinding::Kind kind) noexcept;

} // namespace cc::audit
