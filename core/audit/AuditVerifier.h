// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the whole audit chain, the writer's state row and the anchor; reports the first problem.
#pragma once

#include "core/Result.h"
#include "core/audit/AnchorSink.h"
#include "core/audit/AuditAnchor.h"
#include "core/ports/AuditStore.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace cc::audit {

/// Kinds of problem, in the order the verifier looks for them (chain, state, anchor).
enum class AuditProblem {
    None,
    SequenceGap,      ///< a seq is missing: an event was deleted
    BrokenLink,       ///< prev_hash is not the previous hash: events inserted or reordered
    HashMismatch,     ///< the stored hash does not cover the body: body (or hash) altered
    MacMismatch,      ///< MAC wrong under the evolved key: forged or altered by someone without the key
    MalformedBody,    ///< authentic but unparsable body (a writer bug)
    StateMismatch,    ///< the state row does not continue the last event (seq, hash or key A_{seq+1})
    Truncated,        ///< the anchor or state row is ahead of the last event: events removed, or rollback
    AnchorRolledBack, ///< the anchor is more than one event behind the head
    AnchorMismatch,   ///< the anchor names an event whose hash or MAC differ: a different history
    AnchorForeign,    ///< the anchor belongs to another clinic
    AnchorMissing,    ///< no anchor although events exist
    AnchorDamaged     ///< the anchor file fails its checksum or does not parse
};

/// Stable name of a problem kind ("MacMismatch").
[[nodiscard]] std::string_view auditProblemName(AuditProblem problem) noexcept;

/// The verifier's findings.
struct AuditReport
{
    bool ok = false;
    std::uint64_t eventsChecked = 0; ///< records whose link, hash and MAC verified
    std::uint64_t headSeq = 0;       ///< seq of the last record found
    AuditProblem problem = AuditProblem::None;
    std::uint64_t problemSeq = 0; ///< the first seq concerned (0 when none)
    bool anchorLagging = false;   ///< anchor one event behind: an interrupted write, not an attack
    std::string message;          ///< one human-readable line naming the seq
};

/// Verifies an audit trail with the root key A_0. Read-only.
class AuditVerifier
{
public:
    /// `store` must outlive the verifier.
    AuditVerifier(const AuditStore& store, const ClinicId& clinicId);

    /// Walks every record from seq 1, then checks the state row, then `anchor` (nullptr: no anchor
    /// available). Problems are reported in the AuditReport; the Result fails only if the work could
    /// not be done. Errors: InvalidArgument (root key not 32 bytes), storage errors, CryptoFailure.
    [[nodiscard]] Result<AuditReport> verify(const crypto::SecureBytes& rootKey, const AuditAnchor* anchor) const;

    /// As above, reading the anchor from `anchors` (NotFound gives AnchorMissing, a damaged file
    /// AnchorDamaged).
    [[nodiscard]] Result<AuditReport> verify(const crypto::SecureBytes& rootKey, const AnchorSink& anchors) const;

private:
    const AuditStore& m_store;
    ClinicId m_clinicId;
};

} // namespace cc::audit
