// SPDX-License-Identifier: GPL-3.0-or-later
// The audit writer: one chained, anchored event per audited action.
#include "core/audit/AuditLog.h"

#include "core/audit/AuditChain.h"

#include <chrono>

namespace cc::audit {

namespace {

// Two writers (two instances on one clinic) can race for the same seq; the store refuses the
// second, which then re-reads the state and tries again.
constexpr int kAppendAttempts = 3;

Error integrity(std::string message)
{
    return makeError(ErrorCode::IntegrityFailure, std::move(message) + "; run the audit verifier");
}

} // namespace

AuditLog::AuditLog(AuditStore& store, AnchorSink& anchors, const Clock& clock, const ClinicId& clinicId)
    : m_store(store), m_anchors(anchors), m_clock(clock), m_clinicId(clinicId)
{}

Status AuditLog::initialise(AuditStore& store, AnchorSink& anchors, const crypto::SecureBytes& rootKey,
                            const ClinicId& clinicId)
{
    auto initial = AuditChain::initialState(rootKey);
    CC_TRY(initial);
    CC_TRY(store.initialise(*initial));
    return anchors.write(AuditAnchor{clinicId, 0, Digest256{}, Digest256{}});
}

Result<AuditAnchor> AuditLog::anchorFor(std::uint64_t seq) const
{
    if (seq == 0)
        return AuditAnchor{m_clinicId, 0, Digest256{}, Digest256{}};
    auto records = m_store.read(seq, 1);
    CC_TRY(records);
    if (records->empty() || records->front().seq != seq)
        return integrity("audit event " + std::to_string(seq) + " is missing from the database");
    return AuditAnchor{m_clinicId, seq, records->front().hash, records->front().mac};
}

Status AuditLog::checkAnchor(const AuditState& state) const
{
    auto anchor = m_anchors.read();
    if (!anchor.ok()) {
        if (anchor.error().code == ErrorCode::NotFound && state.seq == 0)
            return {};
        if (anchor.error().code == ErrorCode::NotFound)
            return integrity("the audit anchor file is missing");
        if (anchor.error().code == ErrorCode::MalformedInput || anchor.error().code == ErrorCode::Unsupported)
            return integrity("the audit anchor file is damaged");
        return std::move(anchor).error();
    }
    if (anchor->clinicId != m_clinicId)
        return integrity("the audit anchor belongs to another clinic");
    if (anchor->seq > state.seq)
        return integrity("the audit anchor is ahead of the database (event " + std::to_string(anchor->seq) +
                         " is missing): the database was truncated or rolled back");
    if (anchor->seq == state.seq) {
        if (anchor->hash != state.hash)
            return integrity("the audit anchor does not match the database head at event " + std::to_string(state.seq));
        return {};
    }
    // Behind: one event after a crash between commit and anchor write; more only if this process
    // itself failed to write the anchor (e.g. disk full) and the file is still its own last anchor.
    const bool ownLag = m_lastWritten.has_value() && *m_lastWritten == *anchor;
    if (state.seq - anchor->seq > 1 && !ownLag)
        return integrity("the audit anchor is " + std::to_string(state.seq - anchor->seq) +
                         " events behind the database: the anchor was rolled back");
    auto expected = anchorFor(anchor->seq);
    CC_TRY(expected);
    if (*expected != *anchor)
        return integrity("the audit anchor does not match event " + std::to_string(anchor->seq));
    return {};
}

Status AuditLog::record(AuditEvent event)
{
    const std::lock_guard lock(m_mutex);
    event.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
    // DESIGN.md section 8: every break-glass is flagged for administrator review.
    if (event.eventType == AuditEventType::EmergencyOverrideStarted)
        event.flagged = true;

    for (int attempt = 1;; ++attempt) {
        auto state = m_store.state();
        CC_TRY(state);
        CC_TRY(checkAnchor(*state));
        event.seq = state->seq + 1;
        auto body = encodeEvent(event);
        CC_TRY(body);
        // seal() evolves the key held in `state`; the previous key's buffer is wiped there.
        auto record = AuditChain::seal(*state, std::move(body).value());
        CC_TRY(record);
        Status appended = m_store.append(*record, *state);
        if (!appended.ok()) {
            if (appended.error().code == ErrorCode::AlreadyExists && attempt < kAppendAttempts)
                continue;
            return appended;
        }
        m_lastSeq = record->seq;
        const AuditAnchor anchor{m_clinicId, record->seq, record->hash, record->mac};
        Status written = m_anchors.write(anchor);
        if (!written.ok()) {
            Error error = std::move(written).error();
            error.message = "audit event " + std::to_string(record->seq) +
                            " was stored but the audit anchor could not be written: " + error.message;
            return error;
        }
        m_lastWritten = anchor;
        return {};
    }
}

std::uint64_t AuditLog::lastSeq() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastSeq;
}

Status AuditLog::reanchor()
{
    const std::lock_guard lock(m_mutex);
    auto state = m_store.state();
    CC_TRY(state);
    auto anchor = anchorFor(state->seq);
    CC_TRY(anchor);
    CC_TRY(m_anchors.write(*anchor));
    m_lastWritten = *anchor;
    return {};
}

} // namespace cc::audit
