// SPDX-License-Identifier: GPL-3.0-or-later
// The audit writer used by every service: chains, stores and anchors one event per action.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/audit/AnchorSink.h"
#include "core/audit/AuditAnchor.h"
#include "core/audit/AuditEvent.h"
#include "core/audit/AuditWitness.h"
#include "core/ports/AuditStore.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cc::audit {

/// What the external witness has received (docs/AUDIT.md section 3).
struct WitnessStatus
{
    bool configured = false;
    std::uint64_t deliveredSeq = 0; ///< last head the collector accepted (this process)
    std::size_t backlog = 0;        ///< heads waiting for the collector
    std::size_t dropped = 0;        ///< heads dropped from a full backlog (later heads cover them)
    std::string lastError;          ///< empty while deliveries succeed
};

/// Writes audit events. Order of one record(): read the state, check the anchor still matches it,
/// append record + new state, and once that is durable (at once, or when the caller's transaction
/// commits: AuditStore::setCommitListener) purge the overwritten key from the files, rewrite the
/// anchor and send the head to the witness. A crash between the commit and the anchor write leaves
/// the anchor exactly one event behind the head, which the verifier reports as a lagging anchor,
/// not as a rollback; a rolled-back transaction leaves no anchor ahead (docs/AUDIT.md). Thread-safe.
class AuditLog
{
public:
    /// The stores and clock must outlive the log (the log unregisters from `store` when destroyed
    /// only if it is destroyed first; a listener left behind does nothing).
    AuditLog(AuditStore& store, AnchorSink& anchors, const Clock& clock, const ClinicId& clinicId);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    /// Sends every committed head to `witness` from now on (nullptr: none). Delivery failures do
    /// not fail record(): the heads wait in a bounded backlog, retried at the next commit at most
    /// every `retryAfter`, and witnessStatus() reports the failure.
    void setWitness(std::unique_ptr<AuditWitness> witness, std::chrono::seconds retryAfter = std::chrono::seconds(30));
    /// Delivery state of the witness.
    [[nodiscard]] WitnessStatus witnessStatus() const;

    /// Starts the chain of a new clinic: state (seq 0, key A_1 derived from `rootKey`) and an anchor
    /// at seq 0. The root key is not stored. Errors: AlreadyExists, InvalidArgument (key not 32
    /// bytes), storage errors.
    [[nodiscard]] static Status initialise(AuditStore& store, AnchorSink& anchors, const crypto::SecureBytes& rootKey,
                                           const ClinicId& clinicId);

    /// Records one event: sets seq and time (UTC milliseconds from the clock), forces `flagged` for
    /// an emergency override, validates, chains and appends it, then (outside a transaction at
    /// once, inside one when it commits) purges the old key, updates the anchor, tells the witness.
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
    void transactionEnded(bool committed);
    [[nodiscard]] Status publishLocked();
    void sendToWitnessLocked();

    AuditStore& m_store;
    AnchorSink& m_anchors;
    const Clock& m_clock;
    ClinicId m_clinicId;
    // Recursive: the store's own commit inside append() reaches transactionEnded() on this thread.
    mutable std::recursive_mutex m_mutex;
    std::uint64_t m_lastSeq = 0;
    std::optional<AuditAnchor> m_lastWritten; ///< the anchor this process last wrote
    std::vector<WitnessedHead> m_pending;     ///< appended, not yet known to be committed
    std::unique_ptr<AuditWitness> m_witness;
    std::chrono::seconds m_retryAfter{30};
    std::optional<Clock::TimePoint> m_nextAttempt;
    std::vector<WitnessedHead> m_backlog;
    WitnessStatus m_witnessStatus;
    std::shared_ptr<AuditLog*> m_self; ///< the store's listener holds a weak reference
};

} // namespace cc::audit
