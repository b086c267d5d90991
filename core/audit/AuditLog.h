// SPDX-License-Identifier: GPL-3.0-or-later
// The audit writer used by every service: chains, stores and anchors one event per action.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/audit/AnchorSink.h"
#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditEvent.h"
#include "core/ports/AuditStore.h"

#include <mutex>
#include <optional>

namespace cc::audit {

/// Writes audit events. Order of one record(): read the state, check the anchor still matches it,
/// commit record + new state in one transaction, then rewrite the anchor. A crash between the
/// commit and the anchor write leaves the anchor exactly one event behind the head, which the
/// verifier reports as a lagging anchor, not as a rollback (docs/AUDIT.md). Thread-safe.
class AuditLog
{
public:
    /// The stores and clock must outlive the log.
    AuditLog(AuditStore& store, AnchorSink& anchors, const Clock& clock, const ClinicId& clinicId);

    /// Starts the chain of a new clinic: state (seq 0, key A_1 derived from `rootKey`) and an anchor
    /// at seq 0. The root key is not stored. Errors: AlreadyExists, InvalidArgument (key not 32
    /// bytes), storage errors.
    [[nodiscard]] static Status initialise(AuditStore& store, AnchorSink& anchors, const crypto::SecureBytes& rootKey,
                                           const ClinicId& clinicId);

    /// Records one event: sets seq and time (UTC milliseconds from the clock), forces `flagged` for
    /// an emergency override, validates, chains and appends it, then updates the anchor.
    /// Errors: MalformedInput (a field, named), IntegrityFailure (the anchor does not match the
    /// database: nothing is written; run the verifier), NotFound (chain not initialised),
    /// storage errors. If the event was committed but the anchor could not be written, the
    /// anchor's storage error is returned and the event stays recorded.
    [[nodiscard]] Status record(AuditEvent event);

    /// The seq of the last event this log wrote (0 if none yet).
    [[nodiscard]] std::uint64_t lastSeq() const;

    /// Rewrites the anchor from the database head, accepting the database as it is. Only for an
    /// administrator after the verifier's findings were dealt with; the caller records a Security
    /// Alert event first. Errors: NotFound, storage errors.
    [[nodiscard]] Status reanchor();

private:
    [[nodiscard]] Status checkAnchor(const AuditState& state) const;
    [[nodiscard]] Result<AuditAnchor> anchorFor(std::uint64_t seq) const;

    AuditStore& m_store;
    AnchorSink& m_anchors;
    const Clock& m_clock;
    ClinicId m_clinicId;
    mutable std::mutex m_mutex;
    std::uint64_t m_lastSeq = 0;
    std::optional<AuditAnchor> m_lastWritten; ///< the anchor this process last wrote
};

} // namespace cc::audit
